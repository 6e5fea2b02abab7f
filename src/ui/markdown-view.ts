// Renders the safe Markdown tree as Lit templates: text is always bound as text, so nothing
// in a story can become markup.
import { html, nothing, type TemplateResult } from 'lit';
import { parseMarkdown, type Inline } from '../story/markdown';

function inline(nodes: Inline[], linksNavigate: boolean): (TemplateResult | string)[] {
  return nodes.map((n) => {
    switch (n.type) {
      case 'text':
        return n.text;
      case 'em':
        return html`<em>${inline(n.children, linksNavigate)}</em>`;
      case 'strong':
        return html`<strong>${inline(n.children, linksNavigate)}</strong>`;
      case 'link':
        return linksNavigate
          ? html`<a href=${n.href} target="_blank" rel="noopener noreferrer"
              >${inline(n.children, linksNavigate)}</a
            >`
          : html`<span class="link-text">${inline(n.children, linksNavigate)}</span>`;
    }
  });
}

/** `linksNavigate: false` (kiosk) keeps link text but drops the link. */
export function renderMarkdown(
  source: string,
  { linksNavigate = true } = {},
): TemplateResult | typeof nothing {
  if (!source) return nothing;
  return html`${parseMarkdown(source).map((block) =>
    block.type === 'p'
      ? html`<p>${inline(block.children, linksNavigate)}</p>`
      : html`<ul>
          ${block.items.map((item) => html`<li>${inline(item, linksNavigate)}</li>`)}
        </ul>`,
  )}`;
}
