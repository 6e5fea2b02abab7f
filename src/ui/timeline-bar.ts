// <timeline-bar>: the story's years on a true time axis, with its eras as labelled bands and
// each step a dot on the axis to jump to. Steps of one year sit side by side, a few pixels
// apart; the current step is a pill with its year; hovering or focusing a dot names its
// step. Touch targets may overlap where dots are close: a press goes to the dot nearest to
// it. One Tab stop (the current step); the arrow keys then move through the story and focus
// follows. Nothing is cut at the bar's ends: the current step's pill is kept inside the bar,
// and an era too narrow for its label shows it whole on hover, or while a step of that era
// is pointed at or focused, never as a clipped fragment.
//
// Properties: steps ({ id, year, yearEnd?, title }[]), eras ({ from, to, label }[]),
//             first, last (years; undefined for a story without years, which has no
//             timeline: the bar is then hidden), current (index), lang ('en'|'zh'),
//             year (optional: the year the scroll reader is at between two steps, shown as a
//             needle on the axis)
// @fires ui-jump { index }
import { LitElement, css, html, nothing, svg, type PropertyValues } from 'lit';
import { styleProps } from './style-props';
import type { Lang } from '../story/schema';
import { axisFraction, axisTicks, formatYear, spreadMarkers } from '../story/timeline';
import { langTag, strings, type Strings } from '../i18n/strings';
import { emit } from './events';
import { sharedStyles } from './tokens';
import { clampCentre, placeEraLabel } from './timeline-fit';

export interface TimelineStep {
  id: string;
  year: number;
  yearEnd?: number;
  title: string;
}

export interface TimelineEra {
  from: number;
  to: number;
  label: string;
}

/** Side padding of the axis, so the end markers and labels are not cut. */
const EDGE_PX = 28;
/** The marker dot's size unless the layout sets --marker-dot; the button is the target. */
const DOT_PX = 10;

let measureContext: CanvasRenderingContext2D | null | undefined;
/** The width of `text` in `font` (a CSS font shorthand), in CSS px. */
function textWidth(text: string, font: string): number {
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return text.length * 8;
  measureContext.font = font;
  return measureContext.measureText(text).width;
}

/** "1984: Electronics Street", without repeating a year the title already starts with. */
function markerLabel(t: Strings, s: TimelineStep): string {
  const year = formatYear(s.year, s.yearEnd);
  return s.title.startsWith(String(s.year)) ? s.title : t.jumpTo(year, s.title);
}

export class TimelineBar extends LitElement {
  static override properties = {
    steps: { attribute: false },
    eras: { attribute: false },
    first: { type: Number },
    last: { type: Number },
    current: { type: Number },
    lang: { type: String },
    year: { type: Number },
    peek: { state: true },
  };

  declare steps: TimelineStep[];
  declare eras: TimelineEra[];
  declare first: number | undefined;
  declare last: number | undefined;
  declare current: number;
  declare lang: Lang;
  declare year: number | undefined;
  /** The marker under the pointer or focus, whose name shows. */
  declare peek: number | undefined;
  #size = { width: 0, height: 0 };
  #resize = new ResizeObserver(([entry]) => {
    const { width = 0, height = 0 } = entry?.contentRect ?? {};
    if (Math.abs(width - this.#size.width) > 4 || Math.abs(height - this.#size.height) > 2) {
      this.#size = { width, height };
      this.requestUpdate();
    }
  });

  constructor() {
    super();
    this.steps = [];
    this.eras = [];
    this.first = 0;
    this.last = 0;
    this.current = -1;
    this.lang = 'en';
  }

  override connectedCallback() {
    super.connectedCallback();
    this.#resize.observe(this);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#resize.disconnect();
  }

  /** Where each dot is drawn, in px from the left, for pointer hits. */
  #xs: number[] = [];

  /** The dot nearest to a pointer's x: close dots share their touch targets fairly. */
  #nearest(clientX: number): number | undefined {
    const x = clientX - this.getBoundingClientRect().left;
    let best: number | undefined;
    this.#xs.forEach((xi, i) => {
      if (best === undefined || Math.abs(xi - x) < Math.abs(this.#xs[best]! - x)) best = i;
    });
    return best;
  }

  /** A press (pointer) goes to the nearest dot; Enter or Space on a focused dot, to it. */
  #jump(e: MouseEvent, index: number) {
    const pointer = e.detail > 0;
    emit(this, 'ui-jump', { index: pointer ? (this.#nearest(e.clientX) ?? index) : index });
  }

  /** Keyboard users move through the story with the arrows: focus follows the current step. */
  protected override updated(changed: PropertyValues<this>) {
    this.#keepPillInside();
    if (!changed.has('current')) return;
    const focused = this.renderRoot.querySelector<HTMLButtonElement>('button:focus');
    if (focused && Number(focused.dataset.index) !== this.current)
      this.renderRoot
        .querySelector<HTMLButtonElement>(`button[data-index="${this.current}"]`)
        ?.focus();
  }

  protected override willUpdate() {
    this.hidden = this.first === undefined || this.last === undefined;
  }

  /** The estimate in render() can miss the pill's real font: nudge it by what it overflows. */
  #keepPillInside() {
    const pill = this.renderRoot.querySelector<HTMLElement>('.pill');
    const li = pill?.closest('li');
    if (!pill || !li) return;
    li.style.removeProperty('translate');
    const bar = this.getBoundingClientRect();
    const r = pill.getBoundingClientRect();
    const dx =
      r.left < bar.left + 2
        ? bar.left + 2 - r.left
        : r.right > bar.right - 2
          ? bar.right - 2 - r.right
          : 0;
    if (dx) li.style.setProperty('translate', `${dx.toFixed(1)}px 0`);
  }

  override render() {
    const { first, last } = this;
    if (first === undefined || last === undefined) return nothing;
    const t = strings(this.lang);
    // The host spans the map's width whatever its content, so measuring here is stable.
    const style = getComputedStyle(this);
    const fullWidth = this.#size.width || this.clientWidth || 1000;
    const height = this.#size.height || this.clientHeight || 60;
    const width = Math.max(120, fullWidth - 2 * EDGE_PX);
    const fontPx = parseFloat(style.fontSize) || 12;
    const family = style.fontFamily || 'sans-serif';
    const eraFontPx = 0.92 * fontPx;
    const eraFont = `${eraFontPx}px ${family}`;
    // the pill: bold year at 1.05em, 0.55em of padding each side
    const pillFontPx = 1.05 * fontPx;
    const pillWidth = (year: number) =>
      textWidth(String(year), `700 ${pillFontPx}px ${family}`) + 1.1 * pillFontPx + 4;
    // Dots of nearby years keep this far apart, so each stays visible and near its year.
    const gap = (parseFloat(style.getPropertyValue('--marker-dot')) || DOT_PX) + 4;
    // Rows, bottom up: year labels, the axis with its dots, the eras above.
    const axisY = height - 1.55 * fontPx;
    const at = (year: number) => EDGE_PX + axisFraction(year, first, last) * width;
    const xs = spreadMarkers(
      this.steps.map((s) => at(s.year) - EDGE_PX),
      gap,
      width,
    ).map((x) => x + EDGE_PX);
    this.#xs = xs;
    const px = (x: number) => `${x.toFixed(1)}px`;
    const current = this.steps[this.current];
    const peek = this.peek !== undefined ? this.steps[this.peek] : undefined;
    return html`
      <nav aria-label=${t.timeline} lang=${langTag(this.lang)}>
        ${this.eras.map((era) => {
          const left = at(Math.max(era.from, first));
          const right = at(Math.min(era.to + 1, last));
          // the label's text plus the band's padding (0.5em each side) and its border
          const labelWidth = textWidth(era.label, eraFont) + eraFontPx + 2;
          const place = placeEraLabel(left, right, labelWidth, fullWidth);
          const open =
            !place.inline && peek !== undefined && peek.year >= era.from && peek.year <= era.to;
          const classes = [
            'era',
            place.inline ? '' : `narrow from-${place.anchor}`,
            open ? 'open' : '',
          ]
            .filter(Boolean)
            .join(' ');
          return html`<span
            class=${classes}
            aria-hidden="true"
            ${styleProps({ left: px(left), width: px(Math.max(0, right - left)), height: px(axisY) })}
            ><span class="era-label">${era.label}</span></span
          >`;
        })}
        <svg class="axis" aria-hidden="true" width=${fullWidth} height=${height}>
          <line class="line" x1=${EDGE_PX} x2=${EDGE_PX + width} y1=${axisY} y2=${axisY}></line>
          ${
            current?.yearEnd !== undefined
              ? svg`<line class="span" x1=${at(current.year)} x2=${at(current.yearEnd)}
                  y1=${axisY} y2=${axisY}></line>`
              : nothing
          }
        </svg>
        ${axisTicks(first, last).map(
          (y) =>
            html`<span
              class="tick"
              aria-hidden="true"
              ${styleProps({ left: px(at(y)), top: px(axisY + 0.2 * fontPx) })}
              >${y}</span
            >`,
        )}
        ${
          this.year !== undefined && current && this.year !== current.year
            ? html`<span
                class="needle"
                aria-hidden="true"
                ${styleProps({ left: px(at(this.year)), top: px(axisY) })}
                >${this.year}</span
              >`
            : nothing
        }
        <ol
          class="markers"
          @pointermove=${(e: PointerEvent) => (this.peek = this.#nearest(e.clientX))}
          @pointerleave=${() => (this.peek = undefined)}
        >
          ${this.steps.map((s, i) => {
            const isCurrent = i === this.current;
            // the current step's pill stays whole inside the bar, even at its ends
            const x = isCurrent ? clampCentre(xs[i]!, pillWidth(s.year), 2, fullWidth - 2) : xs[i]!;
            return html`<li ${styleProps({ left: px(x), top: px(axisY) })}>
              <button
                data-index=${i}
                class=${isCurrent ? 'current' : ''}
                tabindex=${isCurrent || (this.current < 0 && i === 0) ? '0' : '-1'}
                aria-current=${isCurrent ? 'step' : 'false'}
                aria-label=${markerLabel(t, s)}
                @click=${(e: MouseEvent) => this.#jump(e, i)}
                @focus=${() => (this.peek = i)}
                @blur=${() => (this.peek = undefined)}
              >
                ${isCurrent ? html`<span class="pill" aria-hidden="true">${s.year}</span>` : nothing}
              </button>
            </li>`;
          })}
        </ol>
        ${
          peek
            ? html`<p
                class="peek"
                aria-hidden="true"
                ${styleProps({
                  // the name, at most 360 px or 80 % of the bar, whole inside the bar
                  left: px(
                    clampCentre(
                      xs[this.peek!]!,
                      Math.min(
                        textWidth(markerLabel(t, peek), `${1.1 * fontPx}px ${family}`) +
                          1.54 * fontPx,
                        360,
                        0.8 * fullWidth,
                      ),
                      4,
                      fullWidth - 4,
                    ),
                  ),
                })}
              >
                ${markerLabel(t, peek)}
              </p>`
            : nothing
        }
      </nav>
    `;
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        box-sizing: border-box;
        color: var(--muted);
        font-size: calc(var(--text-ui) * 0.82);
        line-height: 1.2;
      }
      :host([hidden]) {
        display: none;
      }
      nav {
        position: relative;
        height: 100%;
      }
      .era {
        position: absolute;
        top: 2px;
        box-sizing: border-box;
        padding: 0.15em 0.5em;
        border-left: 1px solid var(--line);
        background: var(--paper-tint);
        color: var(--muted);
        font-size: 0.92em;
        letter-spacing: 0.02em;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      /* Too narrow for its label: the band stays empty until hovered, or until a step of its
         era is pointed at or focused; then the whole label opens towards the bar's middle. */
      .era.narrow {
        overflow: visible;
      }
      .era.narrow .era-label {
        visibility: hidden;
        position: absolute;
        top: -1px;
        padding: 0.15em 0.5em;
        border: 1px solid var(--line);
        background: var(--paper-tint);
        box-shadow: var(--shadow-1);
      }
      .era.narrow.from-left .era-label {
        left: -1px;
      }
      .era.narrow.from-right .era-label {
        right: 0;
      }
      .era.narrow:hover .era-label,
      .era.narrow.open .era-label {
        visibility: visible;
        z-index: 2;
      }
      svg.axis {
        position: absolute;
        inset: 0;
        overflow: visible;
        pointer-events: none;
      }
      .axis line.line {
        stroke: var(--line);
        stroke-width: 2;
      }
      .axis line.span {
        stroke: var(--accent);
        stroke-width: 5;
        stroke-linecap: round;
        opacity: 0.5;
      }
      .tick {
        position: absolute;
        transform: translateX(-50%);
        white-space: nowrap;
        font-variant-numeric: tabular-nums;
      }
      .markers {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        position: absolute;
        transform: translate(-50%, -50%);
      }
      /* The current step rises above the axis as a pill, clear of the year labels. */
      li:has(.current) {
        z-index: 1;
        transform: translate(-50%, calc(-100% + var(--marker-target, 24px) / 2 - 2px));
      }
      /* The button is the touch target; the dot inside it is what the eye sees. */
      button {
        display: grid;
        place-items: center;
        width: var(--marker-target, 24px);
        min-width: 0;
        height: var(--marker-target, 24px);
        min-height: 0;
        padding: 0;
        border: none;
        border-radius: 50%;
        background: transparent;
      }
      button::before {
        content: '';
        width: var(--marker-dot, ${DOT_PX}px);
        height: var(--marker-dot, ${DOT_PX}px);
        box-sizing: border-box;
        border-radius: 50%;
        border: 2px solid var(--ink);
        background: var(--paper);
      }
      button:hover::before {
        background: var(--ink);
      }
      button.current::before {
        display: none;
      }
      /* The scroll reader's year between two steps: a label over a tick on the axis. */
      .needle {
        position: absolute;
        transform: translate(-50%, -100%);
        padding: 0 0.35em 0.5em;
        font-weight: 700;
        color: var(--accent);
        background: linear-gradient(var(--accent), var(--accent)) center bottom / 2px 0.45em
          no-repeat;
        pointer-events: none;
      }
      .pill {
        position: relative;
        padding: 0.2em 0.55em;
        border-radius: 999px;
        background: var(--accent);
        color: var(--on-dark);
        font-weight: 700;
        font-size: 1.05em;
        font-variant-numeric: tabular-nums;
        box-shadow: var(--shadow-1);
      }
      .peek {
        position: absolute;
        bottom: calc(100% + 6px);
        transform: translateX(-50%);
        max-width: min(360px, 80%);
        margin: 0;
        padding: 0.35em 0.7em;
        border-radius: var(--radius-1);
        background: var(--scrim);
        color: var(--on-dark);
        font-size: 1.1em;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
        pointer-events: none;
      }
    `,
  ];
}

customElements.define('timeline-bar', TimelineBar);

declare global {
  interface HTMLElementTagNameMap {
    'timeline-bar': TimelineBar;
  }
}
