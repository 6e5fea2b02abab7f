// Story Markdown for paper: as markdown-view.ts renders it (text always bound as text), but a
// link keeps its text and is followed by its address in brackets, since paper cannot be
// clicked. On screen (the handout's preview) the link still opens, in a new tab.
import { html, nothing, type TemplateResult } from 'lit';
import { parseMarkdown, type Inline } from '../story/markdown';

const flatText = (nodes: Inline[]): string =>
  nodes.map((n) => (n.type === 'text' ? n.text : flatText(n.children))).join('');

/** `https://a.org/x/` and `a.org/x` say the same to a reader. */
const bare = (s: string) =>
  s
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/\/+$/, '')
    .toLowerCase();

/**
 * The address to print after a link whose text is `text`; undefined when the text already
 * is the address, so paper does not say it twice.
 */
export function printedAddress(text: string, href: string): string | undefined {
  return bare(text) === bare(href) ? undefined : href;
}

function inline(nodes: Inline[]): (TemplateResult | string)[] {
  return nodes.map((n) => {
    switch (n.type) {
      case 'text':
        return n.text;
      case 'em':
        return html`<em>${inline(n.children)}</em>`;
      case 'strong':
        return html`<strong>${inline(n.children)}</strong>`;
      case 'link': {
        const address = printedAddress(flatText(n.children), n.href);
        return html`<a href=${n.href} target="_blank" rel="noopener noreferrer"
            >${inline(n.children)}</a
          >${address ? html` <span class="address">(${address})</span>` : nothing}`;
      }
    }
  });
}

/** Paragraphs and lists of `source`, for print. */
export function renderPrintMarkdown(source: string): TemplateResult | typeof nothing {
  if (!source) return nothing;
  return html`${parseMarkdown(source).map((block) =>
    block.type === 'p'
      ? html`<p>${inline(block.children)}</p>`
      : html`<ul>
          ${block.items.map((item) => html`<li>${inline(item)}</li>`)}
        </ul>`,
  )}`;
}
