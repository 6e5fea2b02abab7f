// A deliberately small Markdown subset for story text: paragraphs, "- " lists, *emphasis*,
// **strong** and [links](https://…). It produces a tree, never HTML, so story text cannot
// inject markup; links that are not http(s) stay plain text.

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'em'; children: Inline[] }
  | { type: 'strong'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

export type Block = { type: 'p'; children: Inline[] } | { type: 'ul'; items: Inline[][] };

export function safeHref(href: string): string | undefined {
  try {
    const url = new URL(href.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

// A backslash escapes a Markdown character, so plain text such as `a_b_c` stays text.
const ESCAPABLE = new Set(['\\', '*', '_', '[', ']', '(', ')', '-']);
// What a regular expression's `.` does not match: a closing mark must be on the same line.
const LINE_END = new Set(['\n', '\r', '\u2028', '\u2029']);
const SPACE = /\s/;
const NONE = -1;

/** Work done by the last `parseInline` calls, for tests that check the cost stays linear. */
export const inlineWork = { steps: 0 };

/**
 * Where each construct could close, for every position, computed right to left once per
 * text: so that finding a closing mark is a look-up, never a scan, and a text full of
 * unclosed marks (`[[[[…`, `****…`) costs what its length does.
 */
function closers(text: string) {
  const n = text.length;
  const strong = new Int32Array(n + 2).fill(NONE); // first `**` at or after i, not escaped
  const star = new Int32Array(n + 2).fill(NONE); // first `*` at or after i, not escaped
  const under = new Int32Array(n + 2).fill(NONE); // first `_` at or after i, not escaped
  const lineEnd = new Int32Array(n + 2).fill(n); // first line end at or after i
  const bracket = new Int32Array(n + 2).fill(NONE); // end of link text starting at i: its `]`
  const hrefEnd = new Int32Array(n + 2).fill(n); // first `)` or space at or after i
  for (let i = n - 1; i >= 0; i--) {
    const c = text[i]!;
    const escaped = i > 0 && text[i - 1] === '\\';
    strong[i] = c === '*' && text[i + 1] === '*' && !escaped ? i : strong[i + 1]!;
    star[i] = c === '*' && !escaped ? i : star[i + 1]!;
    under[i] = c === '_' && !escaped ? i : under[i + 1]!;
    lineEnd[i] = LINE_END.has(c) ? i : lineEnd[i + 1]!;
    if (c === ']') bracket[i] = i;
    else if (c === '\\')
      bracket[i] = i + 1 < n && !LINE_END.has(text[i + 1]!) ? bracket[i + 2]! : NONE;
    else bracket[i] = bracket[i + 1]!;
    hrefEnd[i] = c === ')' || SPACE.test(c) ? i : hrefEnd[i + 1]!;
  }
  inlineWork.steps += n;
  return { strong, star, under, lineEnd, bracket, hrefEnd };
}

/**
 * Inline Markdown in one pass from left to right: at each position the first construct that
 * can start there wins (an escape, `**strong**`, `*em*`, `_em_`, a link), closed by the
 * nearest mark that is not escaped, on the same line. Content is parsed the same way; it
 * cannot hold its own kind of mark, so nesting is shallow whatever the text.
 */
export function parseInline(text: string): Inline[] {
  const n = text.length;
  const at = closers(text);
  const out: Inline[] = [];
  let plainFrom = 0;
  const flush = (to: number) => {
    if (to > plainFrom) out.push({ type: 'text', text: text.slice(plainFrom, to) });
  };
  /** The closing mark (from `table`, at or after `from`) of content that starts at `content`. */
  const closeOf = (table: Int32Array, from: number, content: number) => {
    const j = from <= n ? table[from]! : NONE;
    return j !== NONE && j <= at.lineEnd[content]! ? j : NONE;
  };
  let i = 0;
  while (i < n) {
    inlineWork.steps++;
    const c = text[i]!;
    let node: Inline | undefined;
    let next = i;
    if (c === '\\' && i + 1 < n && ESCAPABLE.has(text[i + 1]!)) {
      node = { type: 'text', text: text[i + 1]! };
      next = i + 2;
    } else if (c === '*' || c === '_') {
      const j = c === '*' && text[i + 1] === '*' ? closeOf(at.strong, i + 3, i + 2) : NONE;
      if (j !== NONE) {
        node = { type: 'strong', children: parseInline(text.slice(i + 2, j)) };
        next = j + 2;
      } else {
        const k = closeOf(c === '*' ? at.star : at.under, i + 2, i + 1);
        if (k !== NONE) {
          node = { type: 'em', children: parseInline(text.slice(i + 1, k)) };
          next = k + 1;
        }
      }
    } else if (c === '[') {
      const close = i + 1 < n ? at.bracket[i + 1]! : NONE;
      if (close > i + 1 && text[close + 1] === '(') {
        const end = at.hrefEnd[close + 2]!;
        if (end > close + 2 && text[end] === ')') {
          const label = text.slice(i + 1, close);
          const safe = safeHref(text.slice(close + 2, end));
          node = safe
            ? { type: 'link', href: safe, children: parseInline(label) }
            : { type: 'text', text: label };
          next = end + 1;
        }
      }
    }
    if (node) {
      flush(i);
      out.push(node);
      i = next;
      plainFrom = next;
    } else i++;
  }
  flush(n);
  return mergeText(out);
}

function mergeText(nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const n of nodes) {
    const last = out[out.length - 1];
    if (n.type === 'text' && last?.type === 'text') last.text += n.text;
    else out.push(n);
  }
  return out;
}

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let chunk: string[] = [];
  const close = () => {
    if (!chunk.length) return;
    if (chunk.every((l) => LIST_ITEM.test(l))) {
      blocks.push({ type: 'ul', items: chunk.map((l) => parseInline(l.replace(LIST_ITEM, ''))) });
    } else {
      blocks.push({ type: 'p', children: parseInline(chunk.join(' ')) });
    }
    chunk = [];
  };
  // Blank lines (empty or only spaces) separate blocks.
  for (const raw of source.split(/\r\n?|\n/)) {
    inlineWork.steps++;
    const line = raw.trim();
    if (line) chunk.push(line);
    else close();
  }
  close();
  return blocks;
}

const LIST_ITEM = /^[-*]\s+/;

/** The text alone, for announcements and word counts. */
export function plainText(source: string): string {
  const flat = (nodes: Inline[]): string =>
    nodes.map((n) => (n.type === 'text' ? n.text : flat(n.children))).join('');
  return parseMarkdown(source)
    .map((b) => (b.type === 'p' ? flat(b.children) : b.items.map(flat).join('; ')))
    .join(' ');
}
