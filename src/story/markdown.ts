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
const INLINE =
  /\\([\\*_[\]()-])|\*\*(.+?)(?<!\\)\*\*|\*(.+?)(?<!\\)\*|_(.+?)(?<!\\)_|\[((?:\\.|[^\]\\])+)\]\(([^)\s]+)\)/;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  while (rest) {
    const m = INLINE.exec(rest);
    if (!m) {
      out.push({ type: 'text', text: rest });
      break;
    }
    if (m.index > 0) out.push({ type: 'text', text: rest.slice(0, m.index) });
    const [whole, escaped, strong, em1, em2, linkText, href] = m;
    if (escaped !== undefined) out.push({ type: 'text', text: escaped });
    else if (strong !== undefined) out.push({ type: 'strong', children: parseInline(strong) });
    else if (em1 !== undefined || em2 !== undefined)
      out.push({ type: 'em', children: parseInline((em1 ?? em2)!) });
    else if (linkText !== undefined && href !== undefined) {
      const safe = safeHref(href);
      out.push(
        safe
          ? { type: 'link', href: safe, children: parseInline(linkText) }
          : { type: 'text', text: linkText },
      );
    }
    rest = rest.slice(m.index + whole.length);
  }
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
  for (const chunk of source.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (!lines.length) continue;
    if (lines.every((l) => /^[-*]\s+/.test(l))) {
      blocks.push({ type: 'ul', items: lines.map((l) => parseInline(l.replace(/^[-*]\s+/, ''))) });
    } else {
      blocks.push({ type: 'p', children: parseInline(lines.join(' ')) });
    }
  }
  return blocks;
}

/** The text alone, for announcements and word counts. */
export function plainText(source: string): string {
  const flat = (nodes: Inline[]): string =>
    nodes.map((n) => (n.type === 'text' ? n.text : flat(n.children))).join('');
  return parseMarkdown(source)
    .map((b) => (b.type === 'p' ? flat(b.children) : b.items.map(flat).join('; ')))
    .join(' ');
}
