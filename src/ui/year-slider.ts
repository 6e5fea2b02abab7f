// <year-slider>: the year the map shows in explore mode, with a play button that steps
// through the years.
//
// Properties: first, last, year (numbers), lang ('en'|'zh')
// Events:     ui-year-change { year }
import { LitElement, css, html } from 'lit';
import { sharedStyles } from './tokens';
import type { Lang } from '../story/schema';
import { langTag, strings } from '../i18n/strings';
import { emit } from './events';

const PLAY_INTERVAL_MS = 700;

export class YearSlider extends LitElement {
  static override properties = {
    first: { type: Number },
    last: { type: Number },
    year: { type: Number },
    lang: { type: String },
    playing: { state: true },
  };

  declare first: number;
  declare last: number;
  declare year: number;
  declare lang: Lang;
  declare playing: boolean;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.first = 1979;
    this.last = 2022;
    this.year = 2022;
    this.lang = 'en';
    this.playing = false;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#stop();
  }

  #set(year: number) {
    emit(this, 'ui-year-change', { year });
  }

  #toggle = () => {
    if (this.playing) return this.#stop();
    this.playing = true;
    if (this.year >= this.last) this.#set(this.first);
    this.#timer = setInterval(() => {
      if (this.year >= this.last) this.#stop();
      else this.#set(this.year + 1);
    }, PLAY_INTERVAL_MS);
  };

  #stop() {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.playing = false;
  }

  override render() {
    const t = strings(this.lang);
    return html`<div class="row" lang=${langTag(this.lang)}>
      <button
        class="play"
        aria-pressed=${this.playing ? 'true' : 'false'}
        aria-label=${this.playing ? t.pauseYears : t.playYears}
        @click=${this.#toggle}
      >
        ${this.playing ? '❚❚' : '▶'}
      </button>
      <label>
        <span class="label">${t.year}</span>
        <input
          type="range"
          min=${this.first}
          max=${this.last}
          step="1"
          .value=${String(this.year)}
          aria-valuetext=${String(this.year)}
          @input=${(e: Event) => {
            this.#stop();
            this.#set(Number((e.target as HTMLInputElement).value));
          }}
        />
      </label>
      <output aria-live="off">${this.year}</output>
    </div>`;
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        font-size: var(--text-ui);
        line-height: 1.3;
      }
      .row {
        display: flex;
        align-items: center;
        gap: 0.6rem;
      }
      label {
        flex: 1;
        display: flex;
        align-items: center;
        gap: 0.5rem;
      }
      .label {
        font-weight: 600;
      }
      input {
        flex: 1;
        min-height: 32px;
        accent-color: var(--accent, #b91c1c);
      }
      output {
        min-width: 3.2em;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
        color: var(--accent, #b91c1c);
      }
      button {
        min-width: 40px;
        min-height: 40px;
        border-radius: 50%;
        border: 1px solid var(--line, #a8a29e);
        background: var(--paper, #fff);
        cursor: pointer;
      }
      button: focus-visible;
    `,
  ];
}

customElements.define('year-slider', YearSlider);

declare global {
  interface HTMLElementTagNameMap {
    'year-slider': YearSlider;
  }
}
