// <kiosk-overlay>: the kiosk's invitations, at the foot of the text column (never over the
// text, the map's subject or the controls): "Touch to explore" while the story plays by
// itself, with the language choice; "Still there?" with a countdown when a visitor left.
// With a public address, a QR code to continue on a phone sits in the map's corner above
// the timeline; the camera keeps the step's subject clear of it.
//
// Properties: phase ('attract'|'visitor'|'countdown'), secondsLeft (number), lang ('en'|'zh'),
//             handoffUrl (the step's link for a phone; no code when empty)
// @fires ui-kiosk-lang { lang }
import { LitElement, css, html, nothing } from 'lit';
import type { Lang } from '../story/schema';
import type { Presence } from '../app/app-state';
import { langTag, strings } from '../i18n/strings';
import { emit } from './events';
import { sharedStyles } from './tokens';
import './handoff-qr';

export class KioskOverlay extends LitElement {
  static override properties = {
    phase: { type: String },
    secondsLeft: { type: Number },
    lang: { type: String },
    handoffUrl: { type: String, attribute: false },
  };

  declare phase: Presence;
  declare secondsLeft: number;
  declare lang: Lang;
  /** The link of the step on screen for a phone; no QR code when empty. */
  declare handoffUrl: string;

  constructor() {
    super();
    this.phase = 'attract';
    this.secondsLeft = 0;
    this.lang = 'en';
    this.handoffUrl = '';
  }

  override render() {
    const t = strings(this.lang);
    const qr =
      this.handoffUrl && this.phase !== 'countdown'
        ? html`<div class="qr-corner">
            <handoff-qr class="handoff" .url=${this.handoffUrl} .lang=${this.lang}></handoff-qr>
          </div>`
        : nothing;
    if (this.phase === 'visitor') return qr;
    if (this.phase === 'attract') {
      return html`${qr}
        <div class="attract" lang=${langTag(this.lang)}>
          <div class="start">
            <p class="invite"><span aria-hidden="true">☝</span> ${t.touchToExplore}</p>
            <div class="langs" role="group" aria-label=${t.language} data-kiosk-attract>
              <button
                lang="en"
                aria-pressed=${this.lang === 'en'}
                @click=${() => emit(this, 'ui-kiosk-lang', { lang: 'en' })}
              >
                English
              </button>
              <button
                lang="zh-Hans"
                aria-pressed=${this.lang === 'zh'}
                @click=${() => emit(this, 'ui-kiosk-lang', { lang: 'zh' })}
              >
                中文
              </button>
            </div>
          </div>
        </div>`;
    }
    if (this.phase === 'countdown') {
      return html`<div
        class="countdown"
        role="alertdialog"
        aria-labelledby="still"
        aria-describedby="left"
        lang=${langTag(this.lang)}
      >
        <h2 id="still">${t.stillThere}</h2>
        <p id="left">${t.resettingIn(this.secondsLeft)}</p>
        <!-- Any touch cancels the countdown (the kiosk listens to every input), this one too. -->
        <button>${t.imHere}</button>
      </div>`;
    }
    return nothing;
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        font-size: var(--text-ui);
        color: var(--ink);
      }
      .attract,
      .countdown {
        pointer-events: auto;
      }
      /* The invitation's own band: the foot of the text column (landscape) or of the screen. */
      .attract {
        position: absolute;
        left: 0;
        bottom: 0;
        width: var(--panel-w, 100%);
        height: var(--invite-h, 96px);
        box-sizing: border-box;
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 1em;
        padding: 0 1.2em;
        background: var(--ink);
        color: var(--on-dark);
      }
      .start {
        display: contents;
      }
      /* The code's card: the map's lower left corner, clear of MapLibre's controls on the
         right (landscape: above the timeline; portrait: the foot of the map band). */
      .qr-corner {
        position: absolute;
        left: calc(var(--panel-w, 0px) + var(--gap, 12px));
        bottom: var(--qr-bottom, calc(var(--timeline-h, 64px) + var(--gap, 12px)));
        padding: 10px 12px 8px;
        border-radius: var(--radius-2);
        background: var(--paper);
        box-shadow: var(--shadow-2);
        pointer-events: auto;
      }
      handoff-qr {
        --qr-size: max(128px, min(180px, 15cqmin));
      }
      .invite {
        margin: 0;
        font-size: 1.25em;
        font-weight: 700;
      }
      @media (prefers-reduced-motion: no-preference) {
        .invite {
          animation: breathe 3s ease-in-out infinite;
        }
      }
      @keyframes breathe {
        50% {
          opacity: 0.65;
        }
      }
      .langs {
        display: flex;
        gap: 0.5em;
      }
      .attract button {
        min-width: 48px;
        min-height: max(48px, calc(var(--invite-h, 96px) * 0.55));
        padding: 0.3em 1em;
        border: 2px solid currentColor;
        border-radius: 999px;
        background: transparent;
        color: inherit;
      }
      .attract button[aria-pressed='true'] {
        background: var(--on-dark);
        color: var(--ink);
      }
      .countdown {
        position: absolute;
        inset: 0;
        display: grid;
        place-content: center;
        justify-items: center;
        gap: 0.5em;
        background: rgb(255 255 255 / 0.86);
        text-align: center;
        font-size: 1.3em;
      }
      .countdown h2 {
        margin: 0;
        font-size: 2em;
      }
      .countdown button {
        min-height: 56px;
        border-color: var(--ink);
        background: var(--ink);
        color: var(--on-dark);
      }
    `,
  ];
}

customElements.define('kiosk-overlay', KioskOverlay);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-overlay': KioskOverlay;
  }
}
