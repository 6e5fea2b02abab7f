// <timeline-bar>: the story's years on a true time axis; each step is a marker to jump to.
//
// Properties: steps ({ id, year, yearEnd?, title }[]), first, last (years), current (index),
//             lang ('en'|'zh')
// Events:     ui-jump { index }
import { LitElement, css, html } from 'lit';
import { styleProps } from './style-props';
import type { Lang } from '../story/schema';
import { axisFraction, axisTicks, formatYear } from '../story/timeline';
import { strings, type Strings } from '../i18n/strings';
import { emit } from './events';

export interface TimelineStep {
  id: string;
  year: number;
  yearEnd?: number;
  title: string;
}

/** Markers need this many pixels side by side; closer ones stack instead of overlapping. */
const MARKER_PX = 22;

/** Row of each marker, so markers closer than `minGap` (fraction of the axis) stack. */
export function stackRows(fractions: readonly number[], minGap = 0.022): number[] {
  const lastInRow: number[] = [];
  return fractions.map((f) => {
    let row = lastInRow.findIndex((x) => f - x >= minGap);
    if (row < 0) row = lastInRow.length;
    lastInRow[row] = f;
    return row;
  });
}

/** "1984: Electronics Street", without repeating a year the title already starts with. */
function markerLabel(t: Strings, s: TimelineStep): string {
  const year = formatYear(s.year, s.yearEnd);
  return s.title.startsWith(String(s.year)) ? s.title : t.jumpTo(year, s.title);
}

export class TimelineBar extends LitElement {
  static override properties = {
    steps: { attribute: false },
    first: { type: Number },
    last: { type: Number },
    current: { type: Number },
    lang: { type: String },
  };

  declare steps: TimelineStep[];
  declare first: number;
  declare last: number;
  declare current: number;
  declare lang: Lang;
  #width = 1000;
  #resize = new ResizeObserver(([entry]) => {
    const width = entry?.contentRect.width ?? 0;
    if (width && Math.abs(width - this.#width) > 8) {
      this.#width = width;
      this.requestUpdate();
    }
  });

  override connectedCallback() {
    super.connectedCallback();
    this.#resize.observe(this);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#resize.disconnect();
  }

  constructor() {
    super();
    this.steps = [];
    this.first = 0;
    this.last = 0;
    this.current = -1;
    this.lang = 'en';
  }

  override render() {
    const t = strings(this.lang);
    const fractions = this.steps.map((s) => axisFraction(s.year, this.first, this.last));
    // The host spans the map's width whatever its content, so measuring here is stable, and
    // the stacking (hence the bar's height) is right in the very first render.
    const width = this.clientWidth || this.#width;
    const rows = stackRows(fractions, MARKER_PX / Math.max(200, width));
    const stack = Math.max(0, ...rows);
    const pct = (f: number) => `${(f * 100).toFixed(3)}%`;
    return html`
      <nav aria-label=${t.timeline}>
        <div class="axis" ${styleProps({ '--rows': String(stack) })}>
          ${axisTicks(this.first, this.last).map(
            (y) =>
              html`<span
                class="tick"
                ${styleProps({ left: pct(axisFraction(y, this.first, this.last)) })}
                aria-hidden="true"
                >${y}</span
              >`,
          )}
          <ol>
            ${this.steps.map(
              (s, i) =>
                html`<li
                  ${styleProps({ left: pct(fractions[i]!), bottom: `calc(${rows[i] ?? 0} * var(--marker-row, 12px) + 22px)` })}
                >
                  <button
                    class=${i === this.current ? 'current' : ''}
                    aria-current=${i === this.current ? 'step' : 'false'}
                    aria-label=${markerLabel(t, s)}
                    title=${markerLabel(t, s)}
                    @click=${() => emit(this, 'ui-jump', { index: i })}
                  ></button>
                </li>`,
            )}
          </ol>
        </div>
      </nav>
    `;
  }

  static override styles = css`
    :host {
      display: block;
      font: 12px/1.2 var(--font-text, 'Noto Sans', 'Noto Sans SC', system-ui, sans-serif);
      color: var(--muted, #57534e);
    }
    .axis {
      position: relative;
      height: calc(var(--rows, 0) * var(--marker-row, 12px) + var(--timeline-height, 48px));
      margin: 0 18px;
      border-bottom: 2px solid var(--line, #a8a29e);
    }
    .tick {
      position: absolute;
      bottom: -18px;
      transform: translateX(-50%);
      white-space: nowrap;
    }
    ol {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      position: absolute;
      transform: translate(-50%, 50%);
    }
    /* The button is the touch target; the dot inside it is what the eye sees. */
    button {
      display: grid;
      place-items: center;
      width: var(--marker-target, 28px);
      height: var(--marker-target, 28px);
      padding: 0;
      border: none;
      border-radius: 50%;
      background: transparent;
      cursor: pointer;
    }
    button::before {
      content: '';
      width: 14px;
      height: 14px;
      box-sizing: border-box;
      border-radius: 50%;
      border: 2px solid var(--ink, #1c1917);
      background: var(--paper, #fff);
    }
    button.current::before {
      width: 19px;
      height: 19px;
      background: var(--accent, #b91c1c);
      border-color: var(--accent, #b91c1c);
    }
    button:focus-visible {
      outline: 3px solid var(--focus, #2563eb);
      outline-offset: 3px;
    }
  `;
}

customElements.define('timeline-bar', TimelineBar);

declare global {
  interface HTMLElementTagNameMap {
    'timeline-bar': TimelineBar;
  }
}
