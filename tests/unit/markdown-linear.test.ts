// The Markdown subset is parsed in linear time, and parses exactly as the regular expression
// it replaced (kept here as the reference) did.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  inlineWork,
  parseInline,
  parseMarkdown,
  safeHref,
  type Block,
  type Inline,
} from '../../src/story/markdown';

// ---- the former parser: a regular expression whose cost grew faster than the text ----------
const INLINE =
  /\\([\\*_[\]()-])|\*\*(.+?)(?<!\\)\*\*|\*(.+?)(?<!\\)\*|_(.+?)(?<!\\)_|\[((?:\\.|[^\]\\])+)\]\(([^)\s]+)\)/;
function referenceInline(text: string): Inline[] {
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
    else if (strong !== undefined) out.push({ type: 'strong', children: referenceInline(strong) });
    else if (em1 !== undefined || em2 !== undefined)
      out.push({ type: 'em', children: referenceInline((em1 ?? em2)!) });
    else if (linkText !== undefined && href !== undefined) {
      const safe = safeHref(href);
      out.push(
        safe
          ? { type: 'link', href: safe, children: referenceInline(linkText) }
          : { type: 'text', text: linkText },
      );
    }
    rest = rest.slice(m.index + whole.length);
  }
  const merged: Inline[] = [];
  for (const n of out) {
    const last = merged[merged.length - 1];
    if (n.type === 'text' && last?.type === 'text') last.text += n.text;
    else merged.push(n);
  }
  return merged;
}

function referenceMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of source.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (!lines.length) continue;
    if (lines.every((l) => /^[-*]\s+/.test(l))) {
      blocks.push({
        type: 'ul',
        items: lines.map((l) => referenceInline(l.replace(/^[-*]\s+/, ''))),
      });
    } else {
      blocks.push({ type: 'p', children: referenceInline(lines.join(' ')) });
    }
  }
  return blocks;
}

const markdownish = fc
  .array(
    fc.constantFrom(
      '*',
      '**',
      '_',
      '[',
      ']',
      '(',
      ')',
      '\\',
      'a',
      ' ',
      '\n',
      'https://x.org/',
      '-',
      'b',
      '\r\n',
      ' \n',
      '- ',
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

/** Work of parsing `text` (inline and blocks), in the parser's own steps. */
function work(text: string): number {
  inlineWork.steps = 0;
  parseMarkdown(text);
  return inlineWork.steps;
}

describe('inline Markdown', () => {
  it('parses as the former regular expression did', () => {
    fc.assert(
      fc.property(markdownish, (text) => {
        expect(parseInline(text)).toEqual(referenceInline(text));
        expect(parseMarkdown(text)).toEqual(referenceMarkdown(text));
      }),
      { numRuns: 3000 },
    );
  });

  // Inputs built to make a backtracking or rescanning parser quadratic: every opening mark
  // unclosed, or closed only at the very end.
  const adversarial: [string, (n: number) => string][] = [
    ['nested brackets', (n) => '['.repeat(n) + ']'.repeat(n)],
    ['unclosed brackets', (n) => '[a'.repeat(n)],
    ['link texts without a target', (n) => '[a]'.repeat(n)],
    ['long link lists', (n) => '[a](https://x.org/a) '.repeat(n)],
    ['links with unclosed targets', (n) => '[a](https://x.org/'.repeat(n)],
    ['emphasis runs', (n) => '*'.repeat(n)],
    ['underscore runs', (n) => '_a'.repeat(n)],
    ['strong runs', (n) => '**a'.repeat(n)],
    ['escaped marks', (n) => '\\*a*'.repeat(n)],
    ['mixed openers', (n) => '*_[**('.repeat(n)],
    ['list lines', (n) => '- *a\n'.repeat(n)],
    ['blank lines', (n) => '\n \n'.repeat(n)],
  ];
  it.each(adversarial)('%s: the work grows linearly with the text', (_name, make) => {
    const small = work(make(2_000));
    const big = work(make(8_000));
    // Four times the text: at most four times the work (plus slack), never sixteen.
    expect(big).toBeLessThanOrEqual(small * 4 + 100);
    expect(small).toBeGreaterThan(0);
  });

  it('any text of n characters is parsed in at most a few steps per character', () => {
    fc.assert(
      fc.property(markdownish, fc.integer({ min: 1, max: 50 }), (unit, times) => {
        const text = unit.repeat(times);
        expect(work(text)).toBeLessThanOrEqual(8 * text.length + 8);
      }),
      { numRuns: 500 },
    );
  });

  it('60,000 brackets parse at once', () => {
    const text = '['.repeat(30_000) + ']'.repeat(30_000);
    expect(parseInline(text)).toEqual([{ type: 'text', text }]);
  });
});
