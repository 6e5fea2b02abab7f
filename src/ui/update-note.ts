// <update-note>: the quiet "Updated to the latest version" note a reader sees once, on the
// first visit after a new version took over. It is a status message (role="status"), not an
// alert, and never takes the focus.
//
// Properties: lang ('en' | 'zh')
// Events:     ui-update-note-dismiss (the close button); the update controller hides it.
import { LitElement, css, html } from 'lit';
import type { Lang } from '../story/schema';
import { emitNoteDismiss } from '../offline/events';
import { sharedStyles } from './tokens';

const TEXT = {
  en: { updated: 'Updated to the latest version', close: 'Close' },
  zh: { updated: '已更新到最新版本', close: '关闭' },
} as const;

export class UpdateNote extends LitElement {
  static override properties = { lang: { type: String } };

  declare lang: Lang;

  constructor() {
    super();
    this.lang = 'en';
  }

  override render() {
    const t = TEXT[this.lang] ?? TEXT.en;
    return html`<div role="status" lang=${this.lang === 'zh' ? 'zh-Hans' : 'en'}>
      <span>${t.updated}</span>
      <button
        type="button"
        aria-label=${`${t.close}: ${t.updated}`}
        @click=${() => emitNoteDismiss(this)}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>`;
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        position: absolute;
        z-index: 4;
        right: 16px;
        /* above the map's attribution, which sits on the timeline */
        bottom: calc(var(--map-bottom-controls, 110px) + 44px);
        max-width: calc(100% - 32px);
        font: var(--text-ui, 14px) / 1.4 var(--font-text);
      }
      div {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        padding: 0.3rem 0.3rem 0.3rem 0.85rem;
        border-radius: 999px;
        background: var(--paper, #ffffff);
        color: var(--ink, #1c1917);
        box-shadow: 0 2px 10px rgb(0 0 0 / 0.16);
      }
      /* A round close button: the shared button's focus ring, its own shape. */
      button {
        display: grid;
        place-items: center;
        min-width: 32px;
        min-height: 32px;
        padding: 0;
        border: 0;
        border-radius: 50%;
        background: transparent;
        color: var(--muted, #57534e);
        font-size: 1.2em;
      }
      button:hover {
        background: var(--chip, #f1efeb);
      }
    `,
  ];
}

customElements.define('update-note', UpdateNote);

declare global {
  interface HTMLElementTagNameMap {
    'update-note': UpdateNote;
  }
}
