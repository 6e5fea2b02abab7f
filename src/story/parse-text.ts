// Parses story and data files. JSON is parsed natively; YAML (and line numbers for error
// messages) load the `yaml` parser lazily, so JSON stories never pay for it.
import type { DataError } from './errors.ts';
import type { Result } from './validate-story.ts';
import {
  LIMITS,
  bytesError,
  jsonDepth,
  measureYaml,
  tooDeep,
  yamlExpansionErrors,
  yamlFlowDepth,
  type FileKind,
} from './limits.ts';

const looksLikeJson = (text: string) => /^\s*[[{]/.test(text);

export async function parseDataText(
  text: string,
  file: string,
  kind?: FileKind,
): Promise<Result<unknown>> {
  const source = await parseSource(text, file, kind);
  return source.errors.length || source.value === undefined
    ? {
        ok: false,
        errors: source.errors.length
          ? source.errors
          : [{ file, path: '', message: 'could not be read' }],
      }
    : { ok: true, value: source.value };
}

export function jsonErrorLine(text: string, err: unknown): number | undefined {
  const m = /position (\d+)/.exec(String((err as Error).message));
  if (!m) return undefined;
  return text.slice(0, Number(m[1])).split('\n').length;
}

/**
 * Path string such as `steps[3].camera.zoom` back into segments. The feature labels that
 * GeoJSON messages carry (`features[2] (lenovo).geometry`) are not part of the path.
 */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const bare = path.replace(/\] \([^()]*\)/g, ']');
  for (const m of bare.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
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

// ---- one-pass parsing: a value (when any can be had), syntax errors and a line finder ----

export type LineOf = (path: readonly (string | number)[]) => number | undefined;

export interface ParsedSource {
  /**
   * The data, or undefined when none could be read. A YAML file with syntax errors still
   * gives the document the parser could recover, so the rest of it is checked too.
   */
  value: unknown;
  /** Syntax errors, each with its line. */
  errors: DataError[];
  /** 1-based line of the value at `path`, or of its nearest ancestor that exists. */
  lineOf: LineOf;
  /** First and last line of that same value (YAML only: where syntax errors can be). */
  spanOf?: (path: readonly (string | number)[]) => [number, number] | undefined;
}

const noLines: LineOf = () => undefined;

/** Line starts of a text, for turning offsets into 1-based line numbers. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const childPath = (parent: string, key: string | number) =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/**
 * The offset of every value in a valid JSON text, keyed by its path as `formatPath` writes
 * it. Iterative, so deeply nested input cannot overflow the stack.
 */
export function jsonValueOffsets(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const stack: { array: boolean; path: string; index: number }[] = [];
  let i = 0;
  const skipSpace = () => {
    while (
      i < text.length &&
      (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')
    )
      i++;
  };
  const readString = (): string => {
    const start = ++i;
    let escaped = false;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        escaped = true;
        i++;
      }
      i++;
    }
    const raw = text.slice(start, i++);
    if (!escaped) return raw;
    try {
      return JSON.parse(`"${raw}"`) as string;
    } catch {
      return raw;
    }
  };
  /** After `{` or `,` in an object: reads `"key":` and returns the member's path. */
  const readKey = (objectPath: string) => {
    skipSpace();
    const key = readString();
    skipSpace();
    i++; // the colon
    return childPath(objectPath, key);
  };
  let path = '';
  for (let guard = 0; guard <= text.length; guard++) {
    skipSpace();
    if (i >= text.length) break;
    // Keys like "" or "a.b" can print like another path: the first value keeps it.
    if (!out.has(path)) out.set(path, i);
    const c = text[i];
    let opened = false;
    if (c === '{' || c === '[') {
      i++;
      skipSpace();
      if (text[i] === (c === '{' ? '}' : ']')) i++;
      else {
        const frame = { array: c === '[', path, index: 0 };
        stack.push(frame);
        path = frame.array ? childPath(path, 0) : readKey(path);
        opened = true;
      }
    } else if (c === '"') readString();
    else while (i < text.length && !',]} \n\r\t'.includes(text[i]!)) i++;
    if (opened) continue;
    // A value ended: move to the next sibling, closing finished containers on the way.
    for (;;) {
      skipSpace();
      const top = stack[stack.length - 1];
      if (!top || i >= text.length) return out;
      if (text[i] === ',') {
        i++;
        path = top.array ? childPath(top.path, ++top.index) : readKey(top.path);
        break;
      }
      i++; // `]` or `}`
      stack.pop();
    }
  }
  return out;
}

/** A line finder for valid JSON text; the index is built on first use. */
export function jsonLineOf(text: string): LineOf {
  let offsets: Map<string, number> | undefined;
  let lineAt: ((offset: number) => number) | undefined;
  return (path) => {
    offsets ??= jsonValueOffsets(text);
    lineAt ??= lineFinder(text);
    for (let n = path.length; n >= 0; n--) {
      const key = path.slice(0, n).reduce<string>((p, k) => childPath(p, k), '');
      const offset = offsets.get(key);
      if (offset !== undefined) return lineAt(offset);
    }
    return undefined;
  };
}

/** The node at `path` in a YAML document, or the nearest ancestor that exists. */
function nearestNode(
  doc: import('yaml').Document.Parsed,
  isNode: typeof import('yaml').isNode,
  path: readonly (string | number)[],
) {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return node;
  }
  return undefined;
}

const refused = (error: DataError): ParsedSource => ({
  value: undefined,
  errors: [error],
  lineOf: noLines,
});

/**
 * Parses JSON or YAML for one-pass checking: see ParsedSource. With `kind`, a text over that
 * kind's size limit is refused unread; any text nested deeper than the limit, or a YAML
 * text whose aliases would expand past theirs, is refused before it becomes data.
 */
export async function parseSource(
  text: string,
  file: string,
  kind?: FileKind,
): Promise<ParsedSource> {
  const oversize = kind ? bytesError(text, file, kind) : undefined;
  if (oversize) return refused(oversize);
  if (looksLikeJson(text)) {
    const depth = jsonDepth(text);
    if (depth > LIMITS.depth)
      return refused({ file, path: '', message: tooDeep(LIMITS.depth, true) });
    let value: unknown;
    try {
      value = JSON.parse(text) as unknown;
    } catch (err) {
      const line = jsonErrorLine(text, err);
      return {
        value: undefined,
        errors: [
          {
            file,
            path: '',
            ...(line ? { line } : {}),
            message: `not valid JSON: ${(err as Error).message}`,
          },
        ],
        lineOf: noLines,
      };
    }
    const lineOf = jsonLineOf(text);
    return { value, errors: [], lineOf };
  }
  const yaml = await import('yaml');
  const { parseDocument, LineCounter, isNode } = yaml;
  // The parser recurses once per level of `[`/`{`: measure those first, with its lexer.
  if (yamlFlowDepth(text, yaml.Lexer) > LIMITS.depth)
    return refused({ file, path: '', message: tooDeep(LIMITS.depth, true) });
  const lines = new LineCounter();
  let doc: import('yaml').Document.Parsed;
  try {
    doc = parseDocument(text, {
      lineCounter: lines,
      prettyErrors: false,
      uniqueKeys: true,
      logLevel: 'error',
    });
  } catch (err) {
    // Block nesting deep enough to exhaust the parser (a file within the size limit
    // cannot reach it, but a caller without a kind can).
    return refused({ file, path: '', message: `could not be read as YAML (${String(err)})` });
  }
  const errors: DataError[] = doc.errors.map((e) => ({
    file,
    path: '',
    line: lines.linePos(e.pos[0]).line,
    message: `not valid YAML: ${e.message.split('\n')[0]}${yamlHint(e.code)}`,
  }));
  // Aliases are measured before they are expanded: an alias bomb is refused in linear time.
  const expansion = yamlExpansionErrors(measureYaml(doc, yaml), file);
  let value: unknown;
  if (expansion.length) {
    errors.push(...expansion);
    value = undefined;
  } else {
    try {
      value = doc.toJS({ maxAliasCount: LIMITS.yamlAliases }) as unknown;
    } catch (err) {
      errors.push({ file, path: '', message: `not valid YAML: ${(err as Error).message}` });
      value = undefined;
    }
  }
  return {
    value,
    errors,
    lineOf: (path) => {
      const node = nearestNode(doc, isNode, path);
      return node?.range ? lines.linePos(node.range[0]).line : undefined;
    },
    spanOf: (path) => {
      const node = nearestNode(doc, isNode, path);
      if (!node?.range) return undefined;
      // range[1] is where the value ends; a block ends at the start of the next line.
      const end = Math.max(node.range[0], node.range[1] - 1);
      return [lines.linePos(node.range[0]).line, lines.linePos(end).line];
    },
  };
}

/** The usual cause of the yaml package's terser complaints, in an author's terms. */
function yamlHint(code: string): string {
  switch (code) {
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return ' (check the indentation: keys of one block must start in the same column)';
    case 'MULTILINE_IMPLICIT_KEY':
      return ' (a key must fit on one line; is a colon or an indent missing above?)';
    case 'TAB_AS_INDENT':
      return ' (indent with spaces, not tabs)';
    case 'DUPLICATE_KEY':
      return ' (the same field is given twice)';
    default:
      return '';
  }
}

/** Gives each error without a line the line of its path. */
export function withLines(errors: DataError[], lineOf: LineOf): DataError[] {
  return errors.map((e) => {
    if (e.line !== undefined || !e.path) return e;
    const line = lineOf(parsePath(e.path));
    return line === undefined ? e : { ...e, line };
  });
}
