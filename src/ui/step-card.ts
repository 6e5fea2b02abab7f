// <step-card>: the current step's year, title, text, places and media, with Previous/Next.
//
// Properties: step (Step), lang ('en'|'zh'), total (number), places ({id, name}[]),
//             linksNavigate (boolean, false in kiosk)
// Events:     ui-nav { action: 'next' | 'prev' | 'explore' } (also from a horizontal swipe)
import { LitElement, css, html, nothing } from 'lit';
import type { Step } from '../story/model';
import { localize } from '../story/model';
import type { Lang } from '../story/schema';
import { formatYear } from '../story/timeline';
import { langTag, strings } from '../i18n/strings';
import { renderMarkdown } from './markdown-view';
import { emit, type StoryNavDetail } from './events';

const SWIPE_MIN_PX = 50;

export class StepCard extends LitElement {
  static override properties = {
    step: { attribute: false },
    lang: { type: String },
    total: { type: Number },
    places: { attribute: false },
    linksNavigate: { type: Boolean, attribute: 'links-navigate' },
  };

  declare step: Step | undefined;
  declare lang: Lang;
  declare total: number;
  declare places: { id: string; name: string }[];
  declare linksNavigate: boolean;
  #swipeStart: { x: number; y: number } | undefined;

  constructor() {
    super();
    this.lang = 'en';
    this.total = 0;
    this.places = [];
    this.linksNavigate = true;
  }

  /** Moves focus to the title, so keyboard and screen-reader users start at the new step. */
  focusTitle() {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
  }

  /** Set when Previous/Next is pressed, so focus can follow if that button becomes disabled. */
  #pressed: 'prev' | 'next' | undefined;

  /**
   * Reaching the first or last step disables the button that was just pressed; focus moves to
   * the other one rather than falling back to the page.
   */
  protected override updated() {
    const pressed = this.#pressed;
    if (!pressed) return;
    const button = this.renderRoot.querySelector<HTMLButtonElement>(`.${pressed}`);
    if (!button?.disabled) return;
    this.#pressed = undefined;
    const other = this.renderRoot.querySelector<HTMLButtonElement>(
      pressed === 'next' ? '.prev' : '.next',
    );
    if (other && !other.disabled) other.focus();
    else this.focusTitle();
  }

  #nav(action: StoryNavDetail['action']) {
    this.#pressed = action === 'next' || action === 'prev' ? action : undefined;
    emit(this, 'ui-nav', { action });
  }

  #onPointerDown = (e: PointerEvent) => {
    if (e.pointerType === 'mouse') return;
    this.#swipeStart = { x: e.clientX, y: e.clientY };
  };

  #onPointerUp = (e: PointerEvent) => {
    const start = this.#swipeStart;
    this.#swipeStart = undefined;
    if (!start) return;
    const dx = e.clientX - start.x;
    const dy = e.clientY - start.y;
    if (Math.abs(dx) >= SWIPE_MIN_PX && Math.abs(dx) > Math.abs(dy) * 1.5)
      this.#nav(dx < 0 ? 'next' : 'prev');
  };

  override render() {
    const step = this.step;
    if (!step) return nothing;
    const t = strings(this.lang);
    const n = step.index + 1;
    return html`
      <article
        lang=${langTag(this.lang)}
        @pointerdown=${this.#onPointerDown}
        @pointerup=${this.#onPointerUp}
        @pointercancel=${() => (this.#swipeStart = undefined)}
      >
        <p class="eyebrow">
          <span class="year">${formatYear(step.year, step.yearEnd)}</span>
          <span class="progress" aria-label=${t.stepOf(n, this.total)}
            >${t.progress(n, this.total)}</span
          >
        </p>
        <h2 tabindex="-1">${localize(step.title, this.lang)}</h2>
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
          this.places.length
            ? html`<section class="places" aria-label=${t.places}>
                <h3>${t.places}</h3>
                <ul>
                  ${this.places.map((p) => html`<li>${p.name}</li>`)}
                </ul>
              </section>`
            : nothing
        }
        <nav class="controls">
          <button
            class="prev"
            aria-label=${t.previous}
            ?disabled=${n <= 1}
            @click=${() => this.#nav('prev')}
          >
            <span aria-hidden="true">←</span> ${t.previous}
          </button>
          <button class="explore" @click=${() => this.#nav('explore')}>${t.explore}</button>
          <button
            class="next"
            aria-label=${t.next}
            ?disabled=${n >= this.total}
            @click=${() => this.#nav('next')}
          >
            ${t.next} <span aria-hidden="true">→</span>
          </button>
        </nav>
      </article>
    `;
  }

  static override styles = css`
    :host {
      display: block;
      color: var(--ink, #1c1917);
      font: 16px/1.55 var(--font-text, 'Noto Sans', 'Noto Sans SC', system-ui, sans-serif);
    }
    article {
      touch-action: pan-y;
    }
    .eyebrow {
      display: flex;
      justify-content: space-between;
      margin: 0 0 0.25rem;
      font-size: 0.85rem;
      letter-spacing: 0.04em;
      color: var(--muted, #57534e);
    }
    .year {
      font-weight: 700;
      color: var(--accent, #b91c1c);
    }
    h2 {
      margin: 0 0 0.6rem;
      font-size: 1.35rem;
      line-height: 1.25;
    }
    h2:focus {
      outline: none;
    }
    h2:focus-visible {
      outline: 3px solid var(--focus, #2563eb);
      outline-offset: 3px;
    }
    .body :first-child {
      margin-top: 0;
    }
    a {
      color: var(--link, #1d4ed8);
    }
    figure {
      margin: 0.75rem 0;
    }
    img {
      max-width: 100%;
      height: auto;
    }
    figcaption {
      font-size: 0.8rem;
      color: var(--muted, #57534e);
    }
    .places h3 {
      margin: 0.75rem 0 0.25rem;
      font-size: 0.8rem;
      text-transform: uppercase;
      letter-spacing: 0.05em;
      color: var(--muted, #57534e);
    }
    .places ul {
      margin: 0;
      padding: 0;
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem 0.4rem;
      font-size: 0.85rem;
    }
    .places li {
      padding: 0.05rem 0.5rem;
      border-radius: 999px;
      background: var(--chip, #f1f0ee);
    }
    /* The buttons stay in reach however long the text is. */
    .controls {
      position: sticky;
      bottom: -1rem;
      display: flex;
      gap: 0.5rem;
      margin: 1rem -0.25rem 0;
      padding: 0.5rem 0.25rem 1rem;
      background: linear-gradient(to bottom, rgb(255 255 255 / 0), #fff 0.5rem);
    }
    button {
      min-height: var(--touch-target, 44px);
      padding: 0.4rem 0.9rem;
      border-radius: 6px;
      border: 1px solid var(--line, #a8a29e);
      background: var(--paper, #fff);
      color: inherit;
      font: inherit;
      cursor: pointer;
    }
    button:focus-visible {
      outline: 3px solid var(--focus, #2563eb);
      outline-offset: 2px;
    }
    button:disabled {
      opacity: 0.45;
      cursor: default;
    }
    .next {
      margin-left: auto;
      background: var(--ink, #1c1917);
      color: #fff;
      border-color: var(--ink, #1c1917);
    }
  `;
}

customElements.define('step-card', StepCard);

declare global {
  interface HTMLElementTagNameMap {
    'step-card': StepCard;
  }
}
