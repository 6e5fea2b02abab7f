// <step-card>: the current step's year, title, text, places and media, with Previous/Next.
// The text scrolls inside the card when it must, with a visible cue that it continues; as a
// bottom sheet (narrow screens) it has a handle to pull it up or tap it open.
//
// Properties: step (Step), lang ('en'|'zh'), total (number), places ({id, name}[]),
//             linksNavigate (boolean, false in kiosk), expanded (boolean, reflected: the
//             sheet is pulled up; folds again at each new step)
// @fires ui-nav { action: 'next' | 'prev' | 'explore' } (also from a horizontal swipe)
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { Step } from '../story/model';
import { localize } from '../story/model';
import type { Lang } from '../story/schema';
import { formatYear } from '../story/timeline';
import { langTag, strings } from '../i18n/strings';
import { renderMarkdown } from './markdown-view';
import { emit, type StoryNavDetail } from './events';
import { sharedStyles } from './tokens';
import './share-button';

const SWIPE_MIN_PX = 50;
/** A pull on the sheet's handle longer than this opens or folds it. */
const PULL_MIN_PX = 24;

export class StepCard extends LitElement {
  static override properties = {
    step: { attribute: false },
    lang: { type: String },
    total: { type: Number },
    places: { attribute: false },
    linksNavigate: { type: Boolean, attribute: 'links-navigate' },
    expanded: { type: Boolean, reflect: true },
    shareUrl: { type: String, attribute: false },
    shareTitle: { type: String, attribute: false },
    continues: { state: true },
  };

  declare step: Step | undefined;
  declare lang: Lang;
  declare total: number;
  declare places: { id: string; name: string }[];
  declare linksNavigate: boolean;
  declare expanded: boolean;
  /** The step's deep link for Share; no Share button when empty (kiosk, embeds). */
  declare shareUrl: string;
  declare shareTitle: string;
  /** The text goes on below what the card shows. */
  declare continues: boolean;
  #swipeStart: { x: number; y: number } | undefined;
  #pullStart: number | undefined;
  #resize = new ResizeObserver(() => this.#measure());

  constructor() {
    super();
    this.lang = 'en';
    this.total = 0;
    this.places = [];
    this.linksNavigate = true;
    this.expanded = false;
    this.continues = false;
    this.shareUrl = '';
    this.shareTitle = '';
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#resize.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('step')) this.expanded = false;
  }

  protected override firstUpdated() {
    const scroll = this.renderRoot.querySelector('.scroll');
    if (scroll) this.#resize.observe(scroll);
  }

  /** Whether the text continues below the card's fold, for the cue. */
  #measure = () => {
    const scroll = this.renderRoot.querySelector<HTMLElement>('.scroll');
    if (!scroll) return;
    this.continues = scroll.scrollHeight - scroll.scrollTop - scroll.clientHeight > 4;
  };

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
  protected override updated(changed: PropertyValues<this>) {
    if (changed.has('step')) {
      const scroll = this.renderRoot.querySelector<HTMLElement>('.scroll');
      if (scroll) scroll.scrollTop = 0;
      // New text: measure once it is laid out.
      requestAnimationFrame(this.#measure);
    }
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

  #onHandleDown = (e: PointerEvent) => {
    this.#pullStart = e.clientY;
  };

  #onHandleUp = (e: PointerEvent) => {
    const start = this.#pullStart;
    this.#pullStart = undefined;
    if (start === undefined) return;
    const dy = e.clientY - start;
    if (dy < -PULL_MIN_PX) this.expanded = true;
    else if (dy > PULL_MIN_PX) this.expanded = false;
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
        <button
          class="handle"
          aria-expanded=${this.expanded ? 'true' : 'false'}
          @pointerdown=${this.#onHandleDown}
          @pointerup=${this.#onHandleUp}
          @click=${() => (this.expanded = !this.expanded)}
        >
          <span class="grip" aria-hidden="true"></span>
          <span class="sr-only">${this.expanded ? t.showLess : t.showMore}</span>
        </button>
        <div
          class="scroll"
          tabindex=${this.continues ? '0' : '-1'}
          aria-label=${localize(step.title, this.lang)}
          @scroll=${this.#measure}
        >
          <p class="eyebrow">
            ${step.year !== undefined ? html`<span class="year">${formatYear(step.year, step.yearEnd)}</span>` : nothing}
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
        </div>
        <p class="continues" ?hidden=${!this.continues} aria-hidden="true">${t.continues}</p>
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
          ${
            this.shareUrl
              ? html`<share-button
                  .url=${this.shareUrl}
                  .title=${this.shareTitle}
                  .lang=${this.lang}
                ></share-button>`
              : nothing
          }
          <button
            class="next primary"
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

  static override styles = [
    sharedStyles,
    css`
      /* A column whose text part shrinks and scrolls when the card has less room than it. */
      :host {
        display: flex;
        flex-direction: column;
        color: var(--ink);
      }
      article {
        box-sizing: border-box;
        flex: 1 1 auto;
        min-height: 0;
        display: flex;
        flex-direction: column;
        touch-action: pan-y;
      }
      /* Focusable when its text continues, so keyboard users can scroll it. */
      .scroll:focus-visible {
        outline-offset: -3px;
      }
      .scroll {
        flex: 1 1 auto;
        min-height: 0;
        overflow: auto;
        overscroll-behavior: contain;
        padding: 1.1em 1em 0.4em;
      }
      .handle {
        display: none;
      }
      /* As a bottom sheet: a handle to pull, and less padding. */
      @container style(--card-layout: sheet) {
        .handle {
          display: flex;
          justify-content: center;
          align-items: center;
          flex: none;
          min-height: 28px;
          padding: 0;
          border: none;
          background: none;
          touch-action: none;
        }
        .grip {
          width: 44px;
          height: 5px;
          border-radius: 3px;
          background: var(--line);
        }
        .scroll {
          padding-top: 0;
        }
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
        font-size: 1.45em;
        line-height: var(--leading-tight);
        letter-spacing: -0.01em;
      }
      h2:focus {
        outline: none;
      }
      h2:focus-visible {
        outline: 3px solid var(--focus);
        outline-offset: 3px;
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
      figure {
        margin: 0.75em 0;
      }
      img {
        max-width: 100%;
        height: auto;
      }
      figcaption {
        font-size: 0.8em;
        color: var(--muted);
      }
      .places {
        margin: 0.2em 0 0.6em;
        font-size: 0.78em;
      }
      .places h3 {
        display: inline;
        margin: 0 0.4em 0 0;
        font-size: 1em;
        font-weight: 700;
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
      /* The cue that the text goes on below: a fade over the last line and a word. */
      .continues {
        position: relative;
        flex: none;
        margin: -2.2em 0 0;
        padding: 1.4em 1em 0.2em;
        font-size: 0.8em;
        font-weight: 600;
        text-align: center;
        color: var(--muted);
        background: linear-gradient(to bottom, rgb(255 255 255 / 0), var(--paper) 60%);
        pointer-events: none;
      }
      .continues[hidden] {
        display: none;
      }
      .controls {
        flex: none;
        display: flex;
        gap: 0.5em;
        padding: 0.6em 1em 1em;
        font-size: var(--text-ui);
        border-top: 1px solid var(--line-soft);
      }
      .next {
        margin-left: auto;
      }
    `,
  ];
}

customElements.define('step-card', StepCard);

declare global {
  interface HTMLElementTagNameMap {
    'step-card': StepCard;
  }
}
