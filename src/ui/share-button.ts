// <share-button>: "Share" for the current step's deep link: the system share sheet where the
// browser has one, otherwise the link is copied and a quiet "Link copied" says so (for 3 s,
// in a polite live region). If even copying is refused, the link is shown to copy by hand.
//
// Properties: url (string: the link), title (string: what the share sheet shows), lang
// Events:     none (sharing happens here; the app has nothing to change)
import { LitElement, css, html, nothing } from 'lit';
import type { Lang } from '../story/schema';
import { langTag } from '../i18n/strings';
import { share, type ShareEnv, type ShareOutcome } from './share';
import { sharedStyles } from './tokens';

const TEXT: Record<Lang, { share: string; copied: string; failed: string }> = {
  en: { share: 'Share', copied: 'Link copied', failed: 'Copy this link:' },
  zh: { share: '分享', copied: '链接已复制', failed: '请复制此链接：' },
};

/** Long enough to read, short enough not to linger over the next step. */
const CONFIRM_MS = 3000;

/**
 * The old way to copy: a selected, off-screen text field and the copy command. Selecting
 * takes focus, so it goes back to `returnFocus` (the button) afterwards.
 */
function copyWithCommand(text: string, returnFocus: HTMLElement | null): boolean {
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.setAttribute('aria-hidden', 'true');
  field.style.setProperty('position', 'fixed');
  field.style.setProperty('top', '-1000px');
  field.style.setProperty('opacity', '0');
  document.body.append(field);
  field.select();
  try {
    // Deprecated, but the only way left where the clipboard API is missing or refused.
    return document.execCommand('copy');
  } finally {
    field.remove();
    returnFocus?.focus({ preventScroll: true });
  }
}

function browserEnv(returnFocus: HTMLElement | null): ShareEnv {
  const nav = navigator as Navigator & Partial<Pick<Navigator, 'share' | 'canShare'>>;
  return {
    ...(typeof nav.share === 'function' ? { share: (d) => nav.share!(d) } : {}),
    ...(typeof nav.canShare === 'function' ? { canShare: (d) => nav.canShare!(d) } : {}),
    ...(nav.clipboard?.writeText ? { clipboard: (t) => nav.clipboard.writeText(t) } : {}),
    copyFallback: (text) => copyWithCommand(text, returnFocus),
  };
}

export class ShareButton extends LitElement {
  static override properties = {
    url: { type: String },
    title: { type: String },
    lang: { type: String },
    outcome: { state: true },
  };

  declare url: string;
  declare title: string;
  declare lang: Lang;
  /** The last outcome worth a word (copied or failed), while it is shown. */
  declare outcome: Extract<ShareOutcome, 'copied' | 'failed'> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** What the confirmation is about: a new link (the next step) clears it. */
  #sharedUrl = '';

  constructor() {
    super();
    this.url = '';
    this.title = '';
    this.lang = 'en';
    this.outcome = undefined;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  protected override willUpdate() {
    if (this.outcome && this.url !== this.#sharedUrl) this.outcome = undefined;
  }

  #onClick = async () => {
    const url = this.url;
    if (!url) return;
    const button = this.renderRoot.querySelector<HTMLElement>('button.share');
    const result = await share({ url, title: this.title }, browserEnv(button));
    clearTimeout(this.#timer);
    if (result !== 'copied' && result !== 'failed') {
      this.outcome = undefined;
      return;
    }
    this.#sharedUrl = url;
    this.outcome = result;
    // A failure leaves the link up until the next step, so it can be copied by hand.
    if (result === 'copied') this.#timer = setTimeout(() => (this.outcome = undefined), CONFIRM_MS);
  };

  override render() {
    const t = TEXT[this.lang] ?? TEXT.en;
    return html`<span class="wrap" lang=${langTag(this.lang)}>
      <button class="share" ?disabled=${!this.url} @click=${this.#onClick}>
        <svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
          <path
            d="M8 1.5v9M4.5 5 8 1.5 11.5 5M3 8.5v5.5h10V8.5"
            fill="none"
            stroke="currentColor"
            stroke-width="1.6"
            stroke-linecap="round"
            stroke-linejoin="round"
          />
        </svg>
        ${t.share}
      </button>
      <span class="note" role="status" aria-live="polite"
        >${
          this.outcome === 'copied'
            ? t.copied
            : this.outcome === 'failed'
              ? html`${t.failed} <span class="link">${this.#sharedUrl}</span>`
              : nothing
        }</span
      >
    </span>`;
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: inline-block;
        position: relative;
      }
      .share {
        display: inline-flex;
        align-items: center;
        gap: 0.4em;
      }
      /* Above the button, so it covers neither the text nor the other controls' labels. */
      .note {
        position: absolute;
        left: 50%;
        bottom: calc(100% + 6px);
        transform: translateX(-50%);
        z-index: 1;
        max-width: min(80vw, 22em);
        width: max-content;
        font-size: 0.9em;
        line-height: 1.3;
        color: var(--on-dark, #fff);
        background: var(--ink, #1c1917);
        border-radius: var(--radius-1, 6px);
        pointer-events: none;
      }
      .note:not(:empty) {
        padding: 0.35em 0.7em;
      }
      .note .link {
        user-select: all;
        pointer-events: auto;
        overflow-wrap: anywhere;
      }
    `,
  ];
}

customElements.define('share-button', ShareButton);

declare global {
  interface HTMLElementTagNameMap {
    'share-button': ShareButton;
  }
}
