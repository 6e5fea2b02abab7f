// HTML from other story tools (mapbox/storytelling descriptions, StoryMapJS slide text) into
// our safe Markdown subset (src/story/markdown.ts): paragraphs, "- " lists, **strong**,
// _emphasis_ and [links](https://…). The HTML is parsed by htmlparser2 into a tree that we
// walk; only text, a few formatting elements, http(s) links and image sources survive, so
// scripts, styles, frames, event handlers and javascript: links cannot come through.
// Every paragraph we write is parsed back with the app's own Markdown parser and compared
// with what we meant, so the app shows exactly the text the author wrote.
import { parseDocument } from 'htmlparser2';
import { parseMarkdown, safeHref, type Block, type Inline } from '../markdown';

export interface FoundImage {
  /** The `src` attribute as written (may be relative). */
  src: string;
  alt?: string;
}

export interface HtmlConversion {
  /** Safe Markdown; empty when the HTML has no readable text. */
  markdown: string;
  /** `<img>` elements, in document order: the importers turn them into step media. */
  images: FoundImage[];
  /** What was removed or changed, for the import report. */
  notes: string[];
}

/** Minimal shape of htmlparser2's DOM nodes (domhandler), so we need no extra dependency. */
interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

type Format = { kind: 'strong' } | { kind: 'em' } | { kind: 'link'; href: string };
interface Segment {
  formats: Format[];
  text: string;
}
type Run =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'em'; children: Run[] }
  | { type: 'link'; href: string; children: Run[] };
type OutBlock = { type: 'p'; runs: Run[] } | { type: 'ul'; items: Run[][] };

/** Elements whose whole content is dropped: code, styling, embedded documents, forms. */
const DROPPED = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'noscript',
  'template',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'source',
  'track',
  'picture',
  'map',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'link',
  'meta',
  'base',
  'head',
  'title',
  'dialog',
]);
/** Elements that end a paragraph. */
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'aside',
  'header',
  'footer',
  'main',
  'nav',
  'blockquote',
  'figure',
  'figcaption',
  'pre',
  'address',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'caption',
  'dl',
  'dt',
  'dd',
  'details',
  'summary',
  'center',
  'hr',
  'br',
  'body',
  'html',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

class Walker {
  readonly blocks: OutBlock[] = [];
  readonly images: FoundImage[] = [];
  private readonly notes = new Map<string, number>();
  private segments: Segment[] = [];
  private formats: Format[] = [];
  private listItems: Run[][] | undefined;
  private listDepth = 0;

  note(message: string) {
    this.notes.set(message, (this.notes.get(message) ?? 0) + 1);
  }

  noteList(): string[] {
    return [...this.notes].map(([m, n]) => (n > 1 ? `${m} (×${n})` : m));
  }

  /** Ends the current paragraph or list item. */
  flush() {
    const runs = normalizeRuns(buildRuns(this.segments, 0));
    this.segments = [];
    if (!runs.length) return;
    if (this.listItems) this.listItems.push(runs);
    else this.blocks.push({ type: 'p', runs });
  }

  /** A block boundary: a new paragraph, or just a space inside a list item. */
  boundary() {
    if (this.listDepth > 0) this.text(' ');
    else this.flush();
  }

  text(data: string) {
    const text = data.replace(/\s+/g, ' ');
    if (text) this.segments.push({ formats: [...this.formats], text });
  }

  walk(nodes: readonly DomNode[]) {
    for (const node of nodes) this.visit(node);
  }

  private visit(node: DomNode) {
    if (node.type === 'text') return this.text(node.data ?? '');
    if (node.type === 'comment' || node.type === 'directive' || node.type === 'cdata') return;
    // htmlparser2 gives <script> and <style> their own node types.
    const name = (node.name ?? node.type).toLowerCase();
    const attribs = node.attribs ?? {};
    const handlers = Object.keys(attribs).filter((a) => /^on/i.test(a));
    if (handlers.length) this.note(`removed event-handler attribute ${handlers.join(', ')}`);
    if (node.type === 'script' || node.type === 'style' || DROPPED.has(name)) {
      this.note(describeDropped(name, attribs));
      return;
    }
    const children = node.children ?? [];
    if (name === 'img') {
      const src = attribs.src?.trim();
      if (src)
        this.images.push({ src, ...(attribs.alt?.trim() ? { alt: attribs.alt.trim() } : {}) });
      return;
    }
    if (name === 'ul' || name === 'ol' || name === 'menu') {
      if (name === 'ol') this.note('a numbered list became a bulleted list');
      if (this.listDepth === 0) {
        this.flush();
        this.listItems = [];
      } else {
        this.flush();
        this.note('a nested list was flattened into its parent list');
      }
      this.listDepth++;
      this.walk(children);
      this.flush();
      this.listDepth--;
      if (this.listDepth === 0 && this.listItems) {
        const items = this.listItems;
        this.listItems = undefined;
        if (items.length) this.blocks.push({ type: 'ul', items });
      }
      return;
    }
    if (name === 'li') {
      if (this.listDepth === 0) {
        // A stray <li>: treat as its own paragraph.
        this.flush();
        this.walk(children);
        this.flush();
        return;
      }
      this.flush();
      this.walk(children);
      this.flush();
      return;
    }
    if (HEADINGS.has(name)) {
      this.boundary();
      this.withFormat({ kind: 'strong' }, children);
      this.boundary();
      return;
    }
    if (name === 'a') {
      const raw = attribs.href?.trim();
      const href = raw ? safeHref(raw) : undefined;
      if (raw && !href)
        this.note(`a link to "${truncate(raw, 40)}" was not http(s): kept its text only`);
      if (href) this.withFormat({ kind: 'link', href }, children);
      else this.walk(children);
      return;
    }
    if (name === 'strong' || name === 'b') return this.withFormat({ kind: 'strong' }, children);
    if (name === 'em' || name === 'i' || name === 'cite' || name === 'var' || name === 'dfn')
      return this.withFormat({ kind: 'em' }, children);
    if (name === 'td' || name === 'th') {
      this.text(' ');
      this.walk(children);
      this.text(' ');
      return;
    }
    if (BLOCKS.has(name)) {
      this.boundary();
      this.walk(children);
      this.boundary();
      return;
    }
    // Everything else (span, small, sup, sub, code, u, font, mark, abbr, time, …) is text.
    this.walk(children);
  }

  private withFormat(format: Format, children: readonly DomNode[]) {
    // Nested emphasis inside emphasis, or a link inside a link, adds nothing we can write.
    const redundant = this.formats.some((f) => f.kind === format.kind);
    if (!redundant) this.formats.push(format);
    this.walk(children);
    if (!redundant) this.formats.pop();
  }
}

function describeDropped(name: string, attribs: Record<string, string>): string {
  const src = attribs.src ?? attribs.data ?? '';
  const from =
    src && /^(iframe|video|audio|embed|object|source)$/.test(name) ? ` (${truncate(src, 60)})` : '';
  return `removed <${name}>${from}`;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

const sameFormat = (a: Format | undefined, b: Format | undefined) =>
  !!a &&
  !!b &&
  a.kind === b.kind &&
  (a.kind !== 'link' || (b.kind === 'link' && a.href === b.href));

/** Groups segments that share formatting into a tree, outermost format first. */
function buildRuns(segments: Segment[], depth: number): Run[] {
  const out: Run[] = [];
  let i = 0;
  while (i < segments.length) {
    const seg = segments[i]!;
    const format = seg.formats[depth];
    if (!format) {
      out.push({ type: 'text', text: seg.text });
      i++;
      continue;
    }
    let j = i + 1;
    while (j < segments.length && sameFormat(segments[j]!.formats[depth], format)) j++;
    const children = buildRuns(segments.slice(i, j), depth + 1);
    out.push(
      format.kind === 'link'
        ? { type: 'link', href: format.href, children }
        : { type: format.kind, children },
    );
    i = j;
  }
  return out;
}

/**
 * Moves spaces out of formatted runs (`** a **` is not Markdown emphasis), drops empty
 * ones, merges neighbouring text and trims the ends.
 */
function normalizeRuns(runs: Run[], trim = true): Run[] {
  const out: Run[] = [];
  const pushText = (text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last?.type === 'text') last.text = (last.text + text).replace(/ {2,}/g, ' ');
    else out.push({ type: 'text', text });
  };
  for (const run of runs) {
    if (run.type === 'text') {
      pushText(run.text);
      continue;
    }
    const children = normalizeRuns(run.children, false);
    const first = children[0];
    const last = children[children.length - 1];
    let lead = '';
    let trail = '';
    if (first?.type === 'text' && first.text.startsWith(' ')) {
      lead = ' ';
      first.text = first.text.slice(1);
    }
    if (last?.type === 'text' && last.text.endsWith(' ')) {
      trail = ' ';
      last.text = last.text.slice(0, -1);
    }
    const kept = children.filter((c) => c.type !== 'text' || c.text);
    pushText(lead);
    if (kept.length) out.push({ ...run, children: kept });
    pushText(trail);
  }
  if (trim) {
    const first = out[0];
    if (first?.type === 'text') first.text = first.text.trimStart();
    const last = out[out.length - 1];
    if (last?.type === 'text') last.text = last.text.trimEnd();
  }
  return out.filter((r) => r.type !== 'text' || r.text);
}

/** Backslash escapes for the characters our Markdown gives meaning to. */
function escapeText(text: string): string {
  return text.replace(/[\\*_[\]]/g, (c) => `\\${c}`);
}

function serializeHref(href: string): string {
  return href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\s/g, '%20');
}

function serializeRuns(runs: Run[], escape: boolean): string {
  return runs
    .map((r) => {
      if (r.type === 'text') return escape ? escapeText(r.text) : r.text;
      const inner = serializeRuns(r.children, escape);
      if (r.type === 'link') return `[${inner}](${serializeHref(r.href)})`;
      return r.type === 'strong' ? `**${inner}**` : `_${inner}_`;
    })
    .join('');
}

function plainRuns(runs: Run[]): string {
  return runs.map((r) => (r.type === 'text' ? r.text : plainRuns(r.children))).join('');
}

function expectedInline(runs: Run[]): Inline[] {
  const out: Inline[] = [];
  for (const r of runs) {
    const node: Inline =
      r.type === 'text'
        ? { type: 'text', text: r.text }
        : r.type === 'link'
          ? {
              type: 'link',
              href: safeHref(serializeHref(r.href)) ?? r.href,
              children: expectedInline(r.children),
            }
          : { type: r.type, children: expectedInline(r.children) };
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') last.text += node.text;
    else out.push(node);
  }
  return out;
}

const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Markdown for one block that the app's parser reads back as exactly that block. */
function serializeBlock(block: OutBlock): {
  markdown: string;
  escaped: boolean;
  flattened: boolean;
} {
  const variants = (runsOf: (runs: Run[]) => Run[]) =>
    [false, true].map((escape) => {
      if (block.type === 'p') {
        const runs = runsOf(block.runs);
        let md = serializeRuns(runs, escape);
        // A paragraph that starts like a list item would be read as a list.
        if (escape) md = md.replace(/^([-*])(\s)/, '\\$1$2');
        const expected: Block = { type: 'p', children: expectedInline(runs) };
        return { md, expected, escape };
      }
      const items = block.items.map(runsOf);
      const md = items.map((runs) => `- ${serializeRuns(runs, escape)}`).join('\n');
      const expected: Block = { type: 'ul', items: items.map(expectedInline) };
      return { md, expected, escape };
    });
  const formatted = variants((runs) => runs);
  const plain = variants((runs) => [{ type: 'text', text: plainRuns(runs) }]);
  for (const [i, v] of [...formatted, ...plain].entries()) {
    if (equal(parseMarkdown(v.md), [v.expected]))
      return { markdown: v.md, escaped: v.escape, flattened: i >= 2 };
  }
  // Only reached when the text needs backslash escapes that markdown.ts does not read yet:
  // the escaped form is still safe (it is Markdown text, never HTML).
  return { markdown: formatted[1]!.md, escaped: true, flattened: false };
}

function blocksToMarkdown(blocks: OutBlock[], notes: string[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    const { markdown, flattened } = serializeBlock(block);
    if (flattened) notes.push('formatting that our Markdown cannot express was dropped');
    if (markdown.trim()) parts.push(markdown);
  }
  return parts.join('\n\n');
}

function walkHtml(html: string): Walker {
  const walker = new Walker();
  const doc = parseDocument(html, { decodeEntities: true }) as unknown as DomNode;
  walker.walk(doc.children ?? []);
  walker.flush();
  return walker;
}

/** HTML (or plain text, which is valid HTML) to our safe Markdown subset. */
export function htmlToMarkdown(html: string): HtmlConversion {
  const walker = walkHtml(html);
  const notes = walker.noteList();
  const markdown = blocksToMarkdown(walker.blocks, notes);
  return { markdown, images: walker.images, notes: [...new Set(notes)] };
}

/** HTML to one line of plain text, for titles, alt text and credits (never parsed as Markdown). */
export function htmlToText(html: string): { text: string; notes: string[] } {
  const walker = walkHtml(html);
  const text = walker.blocks
    .map((b) => (b.type === 'p' ? plainRuns(b.runs) : b.items.map(plainRuns).join('; ')))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  const notes = walker.noteList();
  if (walker.images.length) notes.push(`removed ${walker.images.length} <img>`);
  return { text, notes };
}

/** Plain text as a Markdown paragraph that reads back as the same text. */
export function textToMarkdown(text: string): string {
  const runs = normalizeRuns([{ type: 'text', text: text.replace(/\s+/g, ' ') }]);
  if (!runs.length) return '';
  return serializeBlock({ type: 'p', runs }).markdown;
}
