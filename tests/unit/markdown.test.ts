import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, plainText, safeHref } from '../../src/story/markdown';

describe('safe Markdown subset', () => {
  it('parses emphasis, strong and links', () => {
    expect(parseInline('a *b* **c** [d](https://x.org/y)')).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'em', children: [{ type: 'text', text: 'b' }] },
      { type: 'text', text: ' ' },
      { type: 'strong', children: [{ type: 'text', text: 'c' }] },
      { type: 'text', text: ' ' },
      { type: 'link', href: 'https://x.org/y', children: [{ type: 'text', text: 'd' }] },
    ]);
  });

  it('keeps raw HTML as text', () => {
    const blocks = parseMarkdown('<img src=x onerror=alert(1)> <script>alert(2)</script>');
    expect(blocks).toEqual([
      {
        type: 'p',
        children: [
          { type: 'text', text: '<img src=x onerror=alert(1)> <script>alert(2)</script>' },
        ],
      },
    ]);
  });

  it('drops links that are not http(s)', () => {
    const js = parseInline('[x](javascript:alert(1))');
    expect(js.some((n) => n.type === 'link')).toBe(false);
    expect(js[0]).toEqual({ type: 'text', text: 'x)' });
    expect(parseInline('[x](data:text/html,hi)')).toEqual([{ type: 'text', text: 'x' }]);
    expect(safeHref('JAVASCRIPT:alert(1)')).toBeUndefined();
    expect(safeHref('http://ok.example/')).toBe('http://ok.example/');
  });

  it('splits paragraphs and lists', () => {
    const blocks = parseMarkdown('One\nline.\n\n- a\n- *b*\n\nEnd.');
    expect(blocks.map((b) => b.type)).toEqual(['p', 'ul', 'p']);
    expect(plainText('One\nline.\n\n- a\n- *b*')).toBe('One line. a; b');
  });

  it('a backslash keeps a Markdown character as text', () => {
    expect(parseInline('a\\_b\\_c')).toEqual([{ type: 'text', text: 'a_b_c' }]);
    expect(plainText('2 \\* 3 \\* 4')).toBe('2 * 3 * 4');
  });
});
