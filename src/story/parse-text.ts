// Parses story and data files. JSON is parsed natively; YAML (and line numbers for error
// messages) load the `yaml` parser lazily, so JSON stories never pay for it.
import type { DataError } from './errors';
import type { Result } from './validate-story';

const looksLikeJson = (text: string) => /^\s*[[{]/.test(text);

export async function parseDataText(text: string, file: string): Promise<Result<unknown>> {
  if (looksLikeJson(text)) {
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch (err) {
      const line = await jsonErrorLine(text, err);
      return {
        ok: false,
        errors: [
          {
            file,
            path: '',
            ...(line ? { line } : {}),
            message: `not valid JSON: ${(err as Error).message}`,
          },
        ],
      };
    }
  }
  const { parseDocument, LineCounter } = await import('yaml');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({
        file,
        path: '',
        line: lineCounter.linePos(e.pos[0]).line,
        message: `not valid YAML: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) as unknown };
  } catch (err) {
    // e.g. an alias bomb: refused by the alias limit.
    return {
      ok: false,
      errors: [{ file, path: '', message: `not valid YAML: ${(err as Error).message}` }],
    };
  }
}

async function jsonErrorLine(text: string, err: unknown): Promise<number | undefined> {
  const m = /position (\d+)/.exec(String((err as Error).message));
  if (!m) return undefined;
  return text.slice(0, Number(m[1])).split('\n').length;
}

/** Path string such as `steps[3].camera.zoom` back into segments. */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[1] !== undefined) out.push(m[1]);
  }
  return out;
}

/** Adds 1-based line numbers to errors, from where each path sits in the source text. */
export async function addLineNumbers(text: string, errors: DataError[]): Promise<DataError[]> {
  if (!errors.some((e) => e.path && e.line === undefined)) return errors;
  const { parseDocument, LineCounter, isNode } = await import('yaml');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length) return errors;
  return errors.map((e) => {
    if (!e.path || e.line !== undefined) return e;
    const segments = parsePath(e.path);
    // The field itself may be missing: walk up to the nearest node that exists.
    for (let n = segments.length; n >= 0; n--) {
      const node = doc.getIn(segments.slice(0, n), true);
      if (isNode(node) && node.range)
        return { ...e, line: lineCounter.linePos(node.range[0]).line };
    }
    return e;
  });
}
