// <feature-card>: one place's card in explore mode: names in both languages, kind, years,
// description, where its shape came from, and the story steps it appears in.
//
// Properties: properties (the feature's properties), layerTitle (string), steps
//             ({ index, title }[]), lang ('en'|'zh')
// Events:     ui-jump { index } ("See it in the story"), ui-feature-close
import { LitElement, css, html, nothing } from 'lit';
import { sharedStyles } from './tokens';
import type { Lang } from '../story/schema';
import { langTag, strings } from '../i18n/strings';
import { emit } from './events';

const KNOWN = new Set([
  'id',
  'name',
  'name_zh',
  'name_pinyin',
  'kind',
  'since',
  'until',
  'description',
  'description_zh',
  'source',
  'precision_m',
]);

export class FeatureCard extends LitElement {
  static override properties = {
    properties: { attribute: false },
    layerTitle: { type: String, attribute: 'layer-title' },
    steps: { attribute: false },
    lang: { type: String },
  };

  declare properties: Record<string, unknown> | undefined;
  declare layerTitle: string;
  declare steps: { index: number; title: string }[];
  declare lang: Lang;

  constructor() {
    super();
    this.layerTitle = '';
    this.steps = [];
    this.lang = 'en';
  }

  override render() {
    const p = this.properties;
    if (!p) return nothing;
    const t = strings(this.lang);
    const text = (key: string) =>
      typeof p[key] === 'string' || typeof p[key] === 'number' ? String(p[key]) : '';
    const name = text('name') || text('id');
    const nameZh = text('name_zh');
    const description =
      this.lang === 'zh' ? text('description_zh') || text('description') : text('description');
    const years =
      p.since !== undefined || p.until !== undefined
        ? `${text('since') || '…'}–${text('until') || t.today}`
        : '';
    // A reader's own file may carry any properties: list them as plain text.
    const extra = Object.entries(p).filter(
      ([k, v]) => !KNOWN.has(k) && v !== null && typeof v !== 'object',
    );
    return html`<article lang=${langTag(this.lang)} aria-labelledby="feature-title">
      <button
        class="close"
        aria-label=${t.close}
        @click=${() => emit(this, 'ui-feature-close', {})}
      >
        ×
      </button>
      <p class="layer">${this.layerTitle}</p>
      <h2 id="feature-title" tabindex="-1">
        <span lang="en">${name}</span>
        ${nameZh ? html`<span class="zh" lang="zh-Hans">${nameZh}</span>` : nothing}
      </h2>
      <dl>
        ${
          p.kind
            ? html`<dt>${t.kind}</dt>
                <dd>${text('kind')}</dd>`
            : nothing
        }
        ${
          years
            ? html`<dt>${t.years}</dt>
                <dd>${years}</dd>`
            : nothing
        }
        ${extra.map(
          ([k, v]) =>
            html`<dt>${k}</dt>
              <dd>${String(v)}</dd>`,
        )}
      </dl>
      ${description ? html`<p class="description">${description}</p>` : nothing}
      ${
        p.source
          ? html`<p class="source">
              ${t.source}:
              ${text('source')}${p.precision_m !== undefined ? ` (± ${text('precision_m')} m)` : ''}
            </p>`
          : nothing
      }
      ${
        this.steps.length
          ? html`<section>
              <h3>${t.seeInStory}</h3>
              <ul>
                ${this.steps.map(
                  (s) =>
                    html`<li>
                      <button
                        class="step"
                        @click=${() => emit(this, 'ui-jump', { index: s.index })}
                      >
                        ${s.index + 1}. ${s.title}
                      </button>
                    </li>`,
                )}
              </ul>
            </section>`
          : nothing
      }
    </article>`;
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        font-size: var(--text-ui);
        line-height: 1.45;
        color: var(--ink, #1c1917);
      }
      article {
        position: relative;
      }
      .layer {
        margin: 0;
        font-size: 0.75rem;
        text-transform: uppercase;
        letter-spacing: 0.06em;
        color: var(--muted, #57534e);
      }
      h2 {
        margin: 0.1rem 2rem 0.4rem 0;
        font-size: 1.15rem;
      }
      h2:focus {
        outline: none;
      }
      .zh {
        display: block;
        font-size: 1rem;
        font-weight: 500;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.1rem 0.75rem;
        margin: 0.25rem 0;
      }
      dt {
        color: var(--muted, #57534e);
      }
      dd {
        margin: 0;
      }
      .source {
        font-size: 0.8rem;
        color: var(--muted, #57534e);
      }
      h3 {
        margin: 0.5rem 0 0.25rem;
        font-size: 0.85rem;
      }
      ul {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      button {
        font: inherit;
        cursor: pointer;
      }
      .step {
        min-height: 36px;
        padding: 0.2rem 0;
        border: none;
        background: none;
        color: var(--link, #1d4ed8);
        text-align: left;
        text-decoration: underline;
      }
      .close {
        position: absolute;
        top: -0.25rem;
        right: -0.25rem;
        width: 40px;
        height: 40px;
        border: none;
        background: none;
        font-size: 1.5rem;
        line-height: 1;
      }
    `,
  ];
}

customElements.define('feature-card', FeatureCard);

declare global {
  interface HTMLElementTagNameMap {
    'feature-card': FeatureCard;
  }
}
