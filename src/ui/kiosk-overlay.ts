// <kiosk-overlay>: the kiosk's invitations: "Touch to explore" while the story plays by
// itself, with the language choice; "Still there?" with a countdown when a visitor left.
//
// Properties: phase ('attract'|'visitor'|'countdown'), secondsLeft (number), lang ('en'|'zh')
// Events:     ui-kiosk-lang { lang }
import { LitElement, css, html, nothing } from 'lit';
import type { Lang } from '../story/schema';
import type { Presence } from '../app/app-state';
import { langTag, strings } from '../i18n/strings';
import { emit } from './events';

export class KioskOverlay extends LitElement {
  static override properties = {
    phase: { type: String },
    secondsLeft: { type: Number },
    lang: { type: String },
  };

  declare phase: Presence;
  declare secondsLeft: number;
  declare lang: Lang;

  constructor() {
    super();
    this.phase = 'attract';
    this.secondsLeft = 0;
    this.lang = 'en';
  }

  override render() {
    const t = strings(this.lang);
    if (this.phase === 'attract') {
      return html`<div class="attract" lang=${langTag(this.lang)}>
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

  static override styles = css`
    :host {
      font: 18px/1.4 var(--font-text, 'Noto Sans', 'Noto Sans SC', system-ui, sans-serif);
      color: var(--ink, #1c1917);
    }
    .attract,
    .countdown {
      pointer-events: auto;
    }
    .attract {
      position: absolute;
      left: 50%;
      top: 72px;
      transform: translateX(-50%);
      display: flex;
      align-items: center;
      gap: 1rem;
      padding: 0.6rem 0.8rem 0.6rem 1.4rem;
      border-radius: 999px;
      background: rgb(28 25 23 / 0.88);
      color: #fff;
      box-shadow: 0 8px 28px rgb(0 0 0 / 0.3);
    }
    .invite {
      margin: 0;
      font-weight: 600;
    }
    @media (prefers-reduced-motion: no-preference) {
      .invite {
        animation: breathe 3s ease-in-out infinite;
      }
    }
    @keyframes breathe {
      50% {
        opacity: 0.6;
      }
    }
    .langs {
      display: flex;
      gap: 0.4rem;
    }
    button {
      min-width: 48px;
      min-height: 48px;
      padding: 0.4rem 1rem;
      border-radius: 999px;
      border: 2px solid currentColor;
      background: transparent;
      color: inherit;
      font: inherit;
      cursor: pointer;
    }
    button[aria-pressed='true'] {
      background: #fff;
      color: var(--ink, #1c1917);
    }
    .countdown {
      position: absolute;
      inset: 0;
      display: grid;
      place-content: center;
      justify-items: center;
      gap: 0.5rem;
      background: rgb(255 255 255 / 0.82);
      text-align: center;
    }
    .countdown h2 {
      margin: 0;
      font-size: 2rem;
    }
    .countdown button {
      border-color: var(--ink, #1c1917);
      background: var(--ink, #1c1917);
      color: #fff;
    }
  `;
}

customElements.define('kiosk-overlay', KioskOverlay);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-overlay': KioskOverlay;
  }
}
