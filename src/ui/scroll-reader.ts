// <scroll-reader>: the story's steps as blocks of text in the page's flow, for the scroll
// mode. The page's own scrolling moves them over the map; the element that hosts this one
// works out from their boxes which step the reader is on (src/story/scroll-position.ts).
// Every block is real text in document order, so a screen reader reads the story straight
// through and focus moves in reading order. It takes no wheel, touch or key for itself.
//
// Properties: steps (Step[]), lang ('en'|'zh'), current (index of the active step),
//             places (place names by step index), linksNavigate (boolean),
//             wholeSteps (boolean: the reader chose steps that switch whole)
// @fires ui-nav { action: 'explore' | 'about' } - Explore under a block; About (the credits) under the first
// @fires ui-scroll-motion { whole } - the reader's choice between a moving map and whole steps
import { LitElement, css, html, nothing } from 'lit';
import type { Step } from '../story/model';
import { localize } from '../story/model';
import type { Lang } from '../story/schema';
import type { BlockBox } from '../story/scroll-position';
import { formatYear } from '../story/timeline';
import { langTag, strings } from '../i18n/strings';
import { renderMarkdown } from './markdown-view';
import { emit } from './events';
import { sharedStyles } from './tokens';

export class ScrollReader extends LitElement {
  static override properties = {
    steps: { attribute: false },
    lang: { type: String },
    current: { type: Number },
    places: { attribute: false },
    linksNavigate: { type: Boolean, attribute: 'links-navigate' },
    wholeSteps: { type: Boolean, attribute: 'whole-steps' },
  };

  declare steps: readonly Step[];
  declare lang: Lang;
  declare current: number;
  declare places: ReadonlyMap<number, readonly string[]>;
  declare linksNavigate: boolean;
  declare wholeSteps: boolean;

  constructor() {
    super();
    this.steps = [];
    this.lang = 'en';
    this.current = -1;
    this.places = new Map();
    this.linksNavigate = true;
    this.wholeSteps = false;
  }

  /** The blocks' boxes relative to the viewport, in step order. */
  blockBoxes(): BlockBox[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('.block')].map((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    });
  }

  /** Step `index`'s block. */
  block(index: number): HTMLElement | undefined {
    return this.renderRoot.querySelector<HTMLElement>(`.block[data-index="${index}"]`) ?? undefined;
  }

  override render() {
    const t = strings(this.lang);
    const total = this.steps.length;
    if (!total) return nothing;
    return html`<div class="reader" lang=${langTag(this.lang)}>
      ${this.steps.map((step, i) => {
        const places = this.places.get(i) ?? [];
        return html`<section
          class="block"
          data-index=${i}
          aria-labelledby="step-title-${i}"
          ?data-current=${i === this.current}
        >
          <p class="eyebrow">
            <span class="year">${formatYear(step.year, step.yearEnd)}</span>
            <span aria-label=${t.stepOf(i + 1, total)}>${t.progress(i + 1, total)}</span>
          </p>
          <h2 id="step-title-${i}">${localize(step.title, this.lang)}</h2>
          <div class="body">
            ${renderMarkdown(localize(step.body, this.lang), { linksNavigate: this.linksNavigate })}
          </div>
          ${step.media.map(
            (m) =>
              html`<figure>
                <img src=${m.src} alt=${localize(m.alt, this.lang)} loading="lazy" />
                ${m.credit ? html`<figcaption>${t.mediaCredit}: ${m.credit}</figcaption>` : nothing}
              </figure>`,
          )}
          ${
            places.length
              ? html`<section class="places" aria-label=${t.places}>
                  <h3>${t.places}</h3>
                  <ul>
                    ${places.map((name) => html`<li>${name}</li>`)}
                  </ul>
                </section>`
              : nothing
          }
          <p class="actions">
            <button class="explore" @click=${() => emit(this, 'ui-nav', { action: 'explore' })}>
              ${t.explore}
            </button>
            ${
              i === 0
                ? html`<button
                      class="motion"
                      aria-pressed=${this.wholeSteps ? 'false' : 'true'}
                      @click=${() => emit(this, 'ui-scroll-motion', { whole: !this.wholeSteps })}
                    >
                      ${t.scrollMotion}
                    </button>
                    <button class="about" @click=${() => emit(this, 'ui-nav', { action: 'about' })}>
                      ${t.about}
                    </button>`
                : nothing
            }
          </p>
        </section>`;
      })}
    </div>`;
  }

  static override styles = [
    sharedStyles,
    css`
      /* The column lets the map through between the blocks: only the blocks take pointers. */
      :host {
        display: block;
        pointer-events: none;
        color: var(--ink);
        font-size: var(--text-body);
      }
      .reader {
        box-sizing: border-box;
        width: var(--reader-w, 100%);
        margin-inline: var(--reader-margin, 0);
        /* The first step's map shows before its text arrives; the last block can reach
           the reading line and stay there while the reader looks at its map. */
        padding: var(--reader-lead, 55vh) 0 var(--reader-tail, 60vh);
        display: flex;
        flex-direction: column;
        gap: var(--reader-gap, 80vh);
      }
      .block {
        pointer-events: auto;
      }
      /* A switch: pressed, the map moves with the reader's progress. */
      .motion::before {
        content: '';
        display: inline-block;
        width: 0.8em;
        height: 0.8em;
        margin-right: 0.45em;
        border: 2px solid var(--muted);
        border-radius: 50%;
        vertical-align: -0.1em;
      }
      .motion[aria-pressed='true']::before {
        border-color: var(--accent);
        background: var(--accent);
      }
      .block {
        box-sizing: border-box;
        padding: 1.1em 1.2em 0.6em;
        border-radius: var(--radius-2);
        border-left: 4px solid transparent;
        background: rgb(255 255 255 / 0.97);
        box-shadow: var(--shadow-2);
        transition: border-color 0.2s;
      }
      .block[data-current] {
        border-left-color: var(--accent);
      }
      .eyebrow {
        display: flex;
        justify-content: space-between;
        margin: 0 0 0.3em;
        font-size: 0.82em;
        letter-spacing: 0.04em;
        color: var(--muted);
      }
      .year {
        font-weight: 700;
        color: var(--accent);
      }
      h2 {
        margin: 0 0 0.5em;
        font-size: 1.4em;
        line-height: var(--leading-tight);
      }
      .body {
        line-height: var(--leading-body);
      }
      .body:lang(zh) {
        line-height: var(--leading-body-zh);
      }
      .body p,
      .body ul {
        margin: 0 0 0.7em;
      }
      img {
        max-width: 100%;
        height: auto;
      }
      figure {
        margin: 0.75em 0;
      }
      figcaption {
        font-size: 0.8em;
        color: var(--muted);
      }
      .places {
        margin: 0.2em 0 0.4em;
        font-size: 0.78em;
      }
      .places h3 {
        display: inline;
        margin: 0 0.4em 0 0;
        font-size: 1em;
        text-transform: uppercase;
        letter-spacing: 0.05em;
        color: var(--muted);
      }
      .places ul {
        display: inline;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .places li {
        display: inline-block;
        margin: 0.15em 0.3em 0.15em 0;
        padding: 0.05em 0.55em;
        border-radius: 999px;
        background: var(--chip);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        margin: 0.4em 0 0.2em;
        font-size: var(--text-ui);
      }
    `,
  ];
}

customElements.define('scroll-reader', ScrollReader);

declare global {
  interface HTMLElementTagNameMap {
    'scroll-reader': ScrollReader;
  }
}
