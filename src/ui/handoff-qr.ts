// <handoff-qr>: the QR code a visitor scans to continue the kiosk's step on their phone,
// with "Continue on your phone" in both languages (the current one first), so any visitor
// can read what it is for. The code is made here, offline, and drawn as one SVG path: dark
// modules on white with the four-module quiet zone scanners need, edges kept crisp.
// The encoder (the `qrcode` package) loads on first use, so pages without a hand-off never
// fetch it.
//
// Properties: url (string: the link to encode; nothing is drawn when empty), lang ('en'|'zh')
// CSS:        --qr-size (the code's side with its quiet zone, default 160px; it snaps to a
//             whole number of pixels per module), ::part(code), ::part(caption)
// Events:     none
// The figure's data-url names the link drawn, for a technician's inspector and the tests.
import { LitElement, css, html, nothing, svg, type PropertyValues } from 'lit';
import type { Lang } from '../story/schema';
import { langTag } from '../i18n/strings';
import { qrPath } from '../kiosk/handoff';
import { sharedStyles } from './tokens';

const TEXT: Record<Lang, { caption: string; code: string }> = {
  en: { caption: 'Continue on your phone', code: 'QR code' },
  zh: { caption: '在手机上继续阅读', code: '二维码' },
};

type Encode = (url: string) => { side: number; d: string };

let encoder: Promise<Encode> | undefined;
/** The encoder once loaded, so a new step's code replaces the last one in the same frame. */
let loaded: Encode | undefined;

/** The encoder, loaded once for every code on the page. */
function loadEncoder(): Promise<Encode> {
  encoder ??= import('qrcode').then((mod) => {
    const create = mod.create ?? (mod as unknown as { default: typeof mod }).default.create;
    // M recovers from 15 % damage (a smudged screen, a glare) and keeps the code coarse
    // enough for an old phone's camera at arm's length.
    loaded = (url: string) => qrPath(create(url, { errorCorrectionLevel: 'M' }).modules);
    return loaded;
  });
  return encoder;
}

export class HandoffQr extends LitElement {
  static override properties = {
    url: { type: String },
    lang: { type: String },
    code: { state: true },
  };

  declare url: string;
  declare lang: Lang;
  /** The drawing of `url` once encoded; a code for another link is never shown. */
  declare code: { url: string; side: number; d: string } | undefined;

  constructor() {
    super();
    this.url = '';
    this.lang = 'en';
    this.code = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (!changed.has('url')) return;
    const url = this.url;
    if (!url) {
      this.code = undefined;
    } else if (loaded) {
      this.code = this.#encode(loaded, url);
    } else {
      loadEncoder().then(
        // A newer link may have come while the encoder loaded.
        (encode) => this.url === url && (this.code = this.#encode(encode, url)),
        (err: unknown) => console.error('handoff-qr: the QR encoder did not load', err),
      );
    }
  }

  #encode(encode: Encode, url: string): HandoffQr['code'] {
    try {
      return { url, ...encode(url) };
    } catch (err) {
      // Too long for a QR code (thousands of characters): show none rather than a wrong one.
      console.error('handoff-qr: cannot encode the link', err);
      return undefined;
    }
  }

  protected override updated() {
    // The side in modules, so the CSS can give every module the same whole number of pixels.
    if (this.code) this.style.setProperty('--qr-side', String(this.code.side));
  }

  override render() {
    const code = this.code;
    if (!this.url || !code || code.url !== this.url) return nothing;
    const lang = TEXT[this.lang] ? this.lang : 'en';
    const other: Lang = lang === 'en' ? 'zh' : 'en';
    const t = TEXT[lang];
    return html`<figure
      role="img"
      lang=${langTag(lang)}
      aria-label=${lang === 'zh' ? `${t.caption}（${t.code}）` : `${t.caption} (${t.code})`}
      data-url=${code.url}
    >
      <svg
        part="code"
        viewBox="0 0 ${code.side} ${code.side}"
        shape-rendering="crispEdges"
        aria-hidden="true"
        focusable="false"
      >
        ${svg`<rect width=${code.side} height=${code.side} fill="#fff"></rect><path d=${code.d} fill="#000"></path>`}
      </svg>
      <figcaption part="caption" aria-hidden="true">
        <span class="primary">${t.caption}</span>
        <span class="secondary" lang=${langTag(other)}>${TEXT[other].caption}</span>
      </figcaption>
    </figure>`;
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: inline-block;
        --qr-side: 41;
      }
      figure {
        display: flex;
        align-items: center;
        gap: 0.8em;
        margin: 0;
      }
      svg {
        display: block;
        flex: none;
        width: var(--qr-size, 160px);
        height: var(--qr-size, 160px);
        /* A whole number of pixels per module, so every module is drawn the same size. */
        width: max(
          calc(var(--qr-side) * 2px),
          round(nearest, var(--qr-size, 160px), calc(var(--qr-side) * 1px))
        );
        height: max(
          calc(var(--qr-side) * 2px),
          round(nearest, var(--qr-size, 160px), calc(var(--qr-side) * 1px))
        );
        /* Dark on white whatever the system colours: a scanner needs this contrast. */
        forced-color-adjust: none;
      }
      figcaption {
        display: flex;
        flex-direction: column;
        gap: 0.2em;
        line-height: 1.3;
      }
      .primary {
        font-size: 1.1em;
        font-weight: 700;
      }
      .secondary {
        font-size: 0.85em;
        opacity: 0.85;
      }
      :lang(zh) {
        line-height: 1.5;
      }
    `,
  ];
}

customElements.define('handoff-qr', HandoffQr);

declare global {
  interface HTMLElementTagNameMap {
    'handoff-qr': HandoffQr;
  }
}
