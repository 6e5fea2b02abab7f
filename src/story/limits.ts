// The stated limits of story data (docs/STORY-FORMAT.md, "Limits"), and the checks that
// enforce them before any costly work starts: a file too big, too deeply nested or with too
// many steps, layers or features is refused with a message naming the file, the limit and
// the measured size, instead of being parsed, validated or drawn for minutes.
//
// Every check here is one linear pass with an explicit stack, so it cannot itself hang or
// overflow the stack. Pure: no I/O, no DOM. Imports carry `.ts` (the Vite config loads this).
import type { DataError } from './errors.ts';

const MiB = 1024 * 1024;

export const LIMITS = {
  /** Bytes of a story file or a layer manifest. */
  storyBytes: 4 * MiB,
  /** Bytes of one GeoJSON layer file (a reader's own file included). */
  layerBytes: 64 * MiB,
  steps: 1_000,
  /** Layers a manifest declares. */
  layers: 500,
  featuresPerLayer: 500_000,
  /** Characters of a step's title or body, in each language. */
  stepTextChars: 20_000,
  /** Nesting of arrays and objects, in any file. */
  depth: 64,
  /** Aliases (`*name`) in a YAML file. */
  yamlAliases: 100,
  /** Values that aliases add when they are expanded (an alias of a list adds all its items). */
  yamlAliasValues: 100_000,
} as const;

export type FileKind = 'story' | 'manifest' | 'layer';

const fmt = (n: number) => n.toLocaleString('en-US');

function sizeText(bytes: number): string {
  return bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MiB` : `${fmt(Math.ceil(bytes / 1024))} KiB`;
}

const KIND_NAME: Record<FileKind, string> = {
  story: 'a story file',
  manifest: 'a layer manifest',
  layer: 'a layer file',
};

export const maxBytesOf = (kind: FileKind): number =>
  kind === 'layer' ? LIMITS.layerBytes : LIMITS.storyBytes;

/** The message for a file over its size limit. */
export function tooManyBytes(kind: FileKind, bytes: number): string {
  const max = maxBytesOf(kind);
  return `too large: ${sizeText(bytes)} (${fmt(bytes)} bytes); ${KIND_NAME[kind]} may have at most ${sizeText(max)} (${fmt(max)} bytes)`;
}

/** UTF-8 length of a text, counted only as far as it can matter for `max`. */
export function utf8Bytes(text: string, max = Infinity): number {
  // Every UTF-16 unit is 1 to 3 bytes: most texts are decided by their length alone.
  if (text.length > max) return text.length;
  if (text.length * 3 <= max) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      bytes += 4; // a surrogate pair
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The size error of a file's text, if it is over the limit for its kind. */
export function bytesError(text: string, file: string, kind: FileKind): DataError | undefined {
  const max = maxBytesOf(kind);
  const bytes = utf8Bytes(text, max);
  return bytes > max ? { file, path: '', message: tooManyBytes(kind, bytes) } : undefined;
}

/** The message for nesting deeper than the limit. */
export function tooDeep(depth: number, atLeast = false): string {
  return `nested too deeply: ${atLeast ? 'more than ' : ''}${fmt(depth)} levels of lists and objects inside each other; at most ${LIMITS.depth} are allowed`;
}

/**
 * The nesting depth of a JSON text, read without parsing it (strings skipped), stopping as
 * soon as it passes `max`: then the result is `max + 1`.
 */
export function jsonDepth(text: string, max: number = LIMITS.depth): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // Skip the string: to its closing quote, past escapes.
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === 92 /* \ */) i++;
        else if (s === 34) break;
      }
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > max) return deepest;
      }
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return deepest;
}

/** How many of `items` the limit allows, as an error at `path` of `file` if over it. */
function countError(
  file: string,
  path: string,
  count: number,
  max: number,
  what: string,
  owner: string,
): DataError | undefined {
  return count > max
    ? {
        file,
        path,
        message: `${fmt(count)} ${what}: too many; ${owner} may have at most ${fmt(max)}`,
      }
    : undefined;
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  x !== null && typeof x === 'object' && !Array.isArray(x);

/**
 * A story's steps and the length of their texts, checked before the story is validated: a
 * story over these limits is refused with these errors alone.
 */
export function storyLimitErrors(data: unknown, file: string): DataError[] {
  if (!isRecord(data) || !Array.isArray(data.steps)) return [];
  const steps = data.steps as unknown[];
  const tooMany = countError(file, 'steps', steps.length, LIMITS.steps, 'steps', 'a story');
  if (tooMany) return [tooMany];
  const errors: DataError[] = [];
  steps.forEach((step, i) => {
    if (!isRecord(step)) return;
    const stepId = typeof step.id === 'string' ? step.id : `#${i + 1}`;
    for (const field of ['title', 'body']) {
      const text = step[field];
      if (!isRecord(text)) continue;
      for (const [lang, value] of Object.entries(text)) {
        if (typeof value === 'string' && value.length > LIMITS.stepTextChars)
          errors.push({
            file,
            path: `steps[${i}].${field}.${lang}`,
            stepId,
            message: `${fmt(value.length)} characters: too long; a step's ${field} may have at most ${fmt(LIMITS.stepTextChars)} characters in each language (split the step)`,
          });
      }
    }
  });
  return errors;
}

/** A manifest's layer count, checked before any of its layers is read. */
export function manifestLimitErrors(data: unknown, file: string): DataError[] {
  if (!isRecord(data) || !Array.isArray(data.layers)) return [];
  const e = countError(file, 'layers', data.layers.length, LIMITS.layers, 'layers', 'a manifest');
  return e ? [e] : [];
}

/** A layer's feature count, checked before its features are validated. */
export function layerLimitErrors(data: unknown, file: string): DataError[] {
  if (!isRecord(data) || !Array.isArray(data.features)) return [];
  const e = countError(
    file,
    'features',
    data.features.length,
    LIMITS.featuresPerLayer,
    'features',
    'a layer',
  );
  return e ? [e] : [];
}

// ---- YAML: nesting and aliases, measured on the parsed document before it becomes data ----

/**
 * The deepest nesting of flow collections (`[`, `{`) in a YAML text, read with the yaml
 * package's own lexer (an iterative tokenizer: exact, and safe on any depth), stopping once
 * past `max`. The parser proper recurses per level, and a text thousands of levels deep
 * exhausts its memory, so this runs first.
 */
export function yamlFlowDepth(
  text: string,
  Lexer: typeof import('yaml').Lexer,
  max: number = LIMITS.depth,
): number {
  let depth = 0;
  let deepest = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') {
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > max) return deepest;
      }
    } else if (token === ']' || token === '}') depth--;
  }
  return deepest;
}

export interface YamlExpansion {
  /** Alias nodes in the document. */
  aliases: number;
  /** Values the aliases add when expanded. */
  aliasValues: number;
  /** Nesting depth with aliases expanded. */
  depth: number;
  /** An alias that refers to a node containing it: the data would be infinite. */
  cyclic: boolean;
}

/**
 * What `toJS` would build from a parsed YAML document, measured without building it: each
 * node's expanded size and depth are computed once (post-order, explicit stack), an alias
 * counting as the node it names. An alias bomb is measured in time linear in the document,
 * however many values it would expand to.
 */
export function measureYaml(
  doc: import('yaml').Document,
  yaml: typeof import('yaml'),
): YamlExpansion {
  const { isAlias, isMap, isSeq, isPair } = yaml;
  type N = unknown;
  const size = new Map<N, number>();
  const depthOf = new Map<N, number>();
  const open = new Set<N>();
  let aliases = 0;
  let cyclic = false;
  let ownNodes = 0;

  const children = (node: N): N[] => {
    if (isMap(node) || isSeq(node)) {
      const out: N[] = [];
      for (const item of node.items as unknown[]) {
        if (isPair(item)) {
          if (item.key != null) out.push(item.key);
          if (item.value != null) out.push(item.value);
        } else if (item != null) out.push(item);
      }
      return out;
    }
    return [];
  };
  const target = (node: N): N => {
    try {
      return (node as import('yaml').Alias).resolve(doc);
    } catch {
      return undefined;
    }
  };

  const root = doc.contents as N;
  if (root == null) return { aliases: 0, aliasValues: 0, depth: 0, cyclic: false };
  const stack: { node: N; kids?: N[] }[] = [{ node: root }];
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    const { node } = frame;
    if (size.has(node)) {
      stack.pop();
      continue;
    }
    if (isAlias(node)) {
      const to = target(node);
      if (to === undefined || to === null) {
        size.set(node, 1);
        depthOf.set(node, 0);
        aliases++;
        stack.pop();
      } else if (size.has(to)) {
        size.set(node, size.get(to)!);
        depthOf.set(node, depthOf.get(to)!);
        aliases++;
        stack.pop();
      } else if (open.has(to)) {
        cyclic = true;
        size.set(node, 1);
        depthOf.set(node, 0);
        aliases++;
        stack.pop();
      } else stack.push({ node: to });
      continue;
    }
    if (!frame.kids) {
      frame.kids = children(node);
      open.add(node);
      ownNodes++;
      for (const kid of frame.kids) if (!size.has(kid)) stack.push({ node: kid });
      continue;
    }
    let total = 1;
    let deepest = 0;
    for (const kid of frame.kids) {
      total += size.get(kid) ?? 1;
      deepest = Math.max(deepest, depthOf.get(kid) ?? 0);
    }
    size.set(node, total);
    depthOf.set(node, (isMap(node) || isSeq(node) ? 1 : 0) + deepest);
    open.delete(node);
    stack.pop();
  }
  return {
    aliases,
    aliasValues: Math.max(0, (size.get(root) ?? 0) - ownNodes - aliases),
    depth: depthOf.get(root) ?? 0,
    cyclic,
  };
}

/** The errors for a measured YAML document over the limits, if any. */
export function yamlExpansionErrors(m: YamlExpansion, file: string): DataError[] {
  const errors: DataError[] = [];
  if (m.cyclic)
    errors.push({ file, path: '', message: 'an alias refers to a value that contains it' });
  if (m.aliases > LIMITS.yamlAliases)
    errors.push({
      file,
      path: '',
      message: `${fmt(m.aliases)} aliases: too many; a YAML file may have at most ${fmt(LIMITS.yamlAliases)}`,
    });
  if (m.aliasValues > LIMITS.yamlAliasValues)
    errors.push({
      file,
      path: '',
      message: `its aliases expand to ${fmt(m.aliasValues)} values: too many; aliases may add at most ${fmt(LIMITS.yamlAliasValues)}`,
    });
  if (m.depth > LIMITS.depth) errors.push({ file, path: '', message: tooDeep(m.depth) });
  return errors;
}

/**
 * Why the app refuses to open a story from `url` (already resolved against the page), or
 * undefined: only http(s) addresses (and files on disk, for the tools) are stories. A `data:` or `blob:` address would show
 * anyone's text on our address, a `javascript:` one is never data. The message names the
 * scheme only, never the address's content.
 */
export function storyAddressProblem(url: string): string | undefined {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return 'not a valid address';
  }
  // file: is how the tools and tests read stories on disk; a web page can never fetch it.
  return protocol === 'http:' || protocol === 'https:' || protocol === 'file:'
    ? undefined
    : `a story is opened only from an http: or https: address (or a path on this site); a ${protocol} address is refused`;
}
