// <error-panel>: problems with the story or its data, said plainly (role="alert").
//
// Properties: heading (string), messages (string[]), dismissible (boolean), lang
// Events:     none; dismissing hides the panel until new messages arrive.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { sharedStyles } from './tokens';
import type { Lang } from '../story/schema';
import { langTag, strings } from '../i18n/strings';
import { summarizeMessages } from '../story/summarize';

export class ErrorPanel extends LitElement {
  static override properties = {
    heading: { type: String },
    messages: { attribute: false },
    dismissible: { type: Boolean },
    lang: { type: String },
    dismissed: { state: true },
  };

  declare heading: string;
  declare messages: string[];
  declare dismissible: boolean;
  declare lang: Lang;
  declare dismissed: boolean;

  constructor() {
    super();
    this.heading = '';
    this.messages = [];
    this.dismissible = false;
    this.lang = 'en';
    this.dismissed = false;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('messages')) this.dismissed = false;
  }

  override render() {
    if (!this.messages.length || this.dismissed) return nothing;
    const t = strings(this.lang);
    // Thousands of messages of one kind become a few examples and a count: a few nodes.
    const { shown, more } = summarizeMessages(this.messages);
    return html`<section role="alert" lang=${langTag(this.lang)}>
      <h2>${this.heading}</h2>
      <ul>
        ${shown.map((m) => html`<li><code>${m}</code></li>`)}
        ${more.map(({ count, like }) => html`<li class="more">${t.moreLike(count, like)}</li>`)}
      </ul>
      ${this.dismissible ? html`<button @click=${() => (this.dismissed = true)}>${t.dismiss}</button>` : nothing}
    </section>`;
  }

  static override styles = [
    sharedStyles,
    css`
      section {
        max-height: 40vh;
        overflow: auto;
        padding: 0.75rem 1rem;
        border-left: 5px solid #b91c1c;
        border-radius: 6px;
        background: #fff7f7;
        color: #450a0a;
        box-shadow: 0 4px 18px rgb(0 0 0 / 0.18);
        font-size: var(--text-ui);
        line-height: 1.45;
      }
      h2 {
        margin: 0 0 0.4rem;
        font-size: 1rem;
      }
      ul {
        margin: 0;
        padding-left: 1.1rem;
      }
      code {
        font-family: ui-monospace, 'Noto Sans Mono', monospace;
        white-space: pre-wrap;
        word-break: break-word;
      }
      button {
        margin-top: 0.5rem;
        min-height: 36px;
        font: inherit;
      }
    `,
  ];
}

customElements.define('error-panel', ErrorPanel);

declare global {
  interface HTMLElementTagNameMap {
    'error-panel': ErrorPanel;
  }
}
