// HTML from other tools into our safe Markdown: what survives, what is dropped, and that the
// app's own parser reads back exactly what was meant.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  htmlToMarkdown,
  htmlToText,
  textToMarkdown,
} from '../../src/story/import/html-to-markdown';
import { parseMarkdown, plainText, type Block, type Inline } from '../../src/story/markdown';

const links = (blocks: Block[]): string[] => {
  const out: string[] = [];
  const visit = (nodes: Inline[]) =>
    nodes.forEach((n) => {
      if (n.type === 'link') out.push(n.href);
      if (n.type !== 'text') visit(n.children);
    });
  for (const b of blocks) {
    if (b.type === 'p') visit(b.children);
    else b.items.forEach(visit);
  }
  return out;
};

describe('htmlToMarkdown', () => {
  it('keeps paragraphs, strong, emphasis and http(s) links', () => {
    const { markdown, notes } = htmlToMarkdown(
      '<p>The <strong>river</strong> and the <i>sea</i>.</p><p>See <a href="https://example.org/a">the map</a>.</p>',
    );
    expect(markdown).toBe('The **river** and the _sea_.\n\nSee [the map](https://example.org/a).');
    expect(notes).toEqual([]);
    expect(parseMarkdown(markdown)).toEqual([
      {
        type: 'p',
        children: [
          { type: 'text', text: 'The ' },
          { type: 'strong', children: [{ type: 'text', text: 'river' }] },
          { type: 'text', text: ' and the ' },
          { type: 'em', children: [{ type: 'text', text: 'sea' }] },
          { type: 'text', text: '.' },
        ],
      },
      {
        type: 'p',
        children: [
          { type: 'text', text: 'See ' },
          {
            type: 'link',
            href: 'https://example.org/a',
            children: [{ type: 'text', text: 'the map' }],
          },
          { type: 'text', text: '.' },
        ],
      },
    ]);
  });

  it('turns headings into bold paragraphs and lists into "- " lists after a blank line', () => {
    const { markdown, notes } = htmlToMarkdown(
      '<h3>1 November 1755</h3>Before the list<ul><li>one</li><li>two <b>bold</b></li></ul><ol><li>three</li></ol>',
    );
    expect(markdown).toBe(
      '**1 November 1755**\n\nBefore the list\n\n- one\n- two **bold**\n\n- three',
    );
    expect(parseMarkdown(markdown).map((b) => b.type)).toEqual(['p', 'p', 'ul', 'ul']);
    expect(notes).toContain('a numbered list became a bulleted list');
  });

  it('drops scripts, styles, frames, embeds and event handlers, and says so', () => {
    const html =
      '<p>Safe <img src="x.jpg" onerror="window.__xss=1"></p><script>window.__xss=2</script>' +
      '<style>p{color:red}</style><iframe src="https://www.youtube.com/embed/x"></iframe>' +
      '<svg onload="window.__xss=4"><circle/></svg><object data="a.swf"></object>' +
      '<p onclick="window.__xss=8">Clicked</p><video src="v.mp4"></video>';
    const { markdown, notes, images } = htmlToMarkdown(html);
    expect(markdown).toBe('Safe\n\nClicked');
    expect(images).toEqual([{ src: 'x.jpg' }]);
    expect(notes).toEqual(
      expect.arrayContaining([
        'removed event-handler attribute onerror',
        'removed <script>',
        'removed <style>',
        'removed <iframe> (https://www.youtube.com/embed/x)',
        'removed event-handler attribute onload',
        'removed <svg>',
        'removed <object> (a.swf)',
        'removed event-handler attribute onclick',
        'removed <video> (v.mp4)',
      ]),
    );
    expect(markdown).not.toMatch(/xss|color|<|>/);
  });

  it('keeps only the text of links that are not http(s)', () => {
    const { markdown, notes } = htmlToMarkdown(
      '<a href="javascript:window.__xss=3">plan</a>, <a href="JaVaScRiPt:alert(1)">b</a>, ' +
        '<a href="data:text/html,hi">c</a>, <a href="mailto:a@b.c">d</a>, <a href="../local.html">e</a>',
    );
    expect(markdown).toBe('plan, b, c, d, e');
    expect(links(parseMarkdown(markdown))).toEqual([]);
    expect(notes.filter((n) => n.includes('not http(s)'))).toHaveLength(5);
  });

  it('writes links the app parses, even with parentheses or spaces in the URL', () => {
    const { markdown } = htmlToMarkdown(
      '<a href="https://en.wikipedia.org/wiki/Tower_(Lisbon)">tower</a>',
    );
    expect(links(parseMarkdown(markdown))).toEqual([
      'https://en.wikipedia.org/wiki/Tower_%28Lisbon%29',
    ]);
    expect(plainText(markdown)).toBe('tower');
  });

  it('decodes entities into text, so escaped markup stays text', () => {
    const { markdown } = htmlToMarkdown('Fish &amp; chips &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(plainText(markdown)).toBe('Fish & chips <script>alert(1)</script>');
    expect(parseMarkdown(markdown)).toEqual([
      { type: 'p', children: [{ type: 'text', text: 'Fish & chips <script>alert(1)</script>' }] },
    ]);
  });

  it('escapes text that would otherwise read as Markdown', () => {
    // Read back by the app these must stay text: no emphasis, no list, no link.
    expect(htmlToMarkdown('- not a list').markdown).toBe('\\- not a list');
    expect(htmlToMarkdown('a_b_c and 2 * 3 * 4').markdown).toBe('a\\_b\\_c and 2 \\* 3 \\* 4');
    expect(htmlToMarkdown('[x](https://e.org)').markdown).toBe('\\[x\\](https://e.org)');
    // …and text that does not need it is left alone.
    expect(htmlToMarkdown('one * two, a_b, [note]').markdown).toBe('one * two, a_b, [note]');
  });

  it('moves spaces out of emphasis and collapses whitespace', () => {
    expect(htmlToMarkdown('<p>Text<b> spaced </b>end\n\n  more</p>').markdown).toBe(
      'Text **spaced** end more',
    );
    expect(htmlToMarkdown('<b>   </b><p>\n</p>').markdown).toBe('');
  });

  it('makes <br> a paragraph break and flattens tables and nested lists', () => {
    expect(htmlToMarkdown('Lead: A<br>Maps: B').markdown).toBe('Lead: A\n\nMaps: B');
    expect(htmlToMarkdown('<table><tr><td>a</td><td>b</td></tr></table>').markdown).toBe('a b');
    const nested = htmlToMarkdown('<ul><li>a<ul><li>b</li></ul></li></ul>');
    expect(nested.markdown).toBe('- a\n- b');
    expect(nested.notes).toContain('a nested list was flattened into its parent list');
  });

  it('never lets anything but http(s) links or text through, whatever the input', () => {
    const tag = fc.constantFrom(
      'p',
      'b',
      'i',
      'a',
      'ul',
      'li',
      'script',
      'img',
      'h2',
      'svg',
      'iframe',
    );
    const attr = fc.constantFrom(
      ' href="javascript:alert(1)"',
      ' href="https://ok.example/x"',
      ' onerror="x()"',
      ' src="y.png"',
      '',
    );
    const piece = fc.oneof(
      fc.string(),
      fc.tuple(tag, attr).map(([t, a]) => `<${t}${a}>`),
      tag.map((t) => `</${t}>`),
      fc.constantFrom('*', '_', '[', ']', '(', ')', '- ', '\n\n', '&lt;', '**'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const { markdown } = htmlToMarkdown(pieces.join(''));
        for (const href of links(parseMarkdown(markdown)))
          expect(href).toMatch(/^https:\/\/ok\.example\//);
        expect(markdown).not.toMatch(/<(script|img|svg|iframe)\b/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('htmlToText', () => {
  it('gives one line of plain text and drops images', () => {
    expect(htmlToText('US Westward <small>Expansion</small>')).toEqual({
      text: 'US Westward Expansion',
      notes: [],
    });
    expect(htmlToText('<h1>Floods</h1><p>in <b>South Sudan</b></p><img src="a.png">')).toEqual({
      text: 'Floods in South Sudan',
      notes: ['removed 1 <img>'],
    });
  });
});

describe('textToMarkdown', () => {
  it('is plain text that reads back as itself', () => {
    for (const t of ['By a writer', 'snake_case_name', '- dash first', 'a **b** c']) {
      const md = textToMarkdown(t);
      // Either it parses back as exactly this text, or it is escaped for a parser that reads escapes.
      if (!md.includes('\\')) expect(plainText(md)).toBe(t);
      else expect(md.replace(/\\(.)/g, '$1')).toBe(t);
    }
  });
});
