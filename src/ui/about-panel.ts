// <about-panel>: credits for the article, the story text and the map data, in a modal dialog.
//
// Properties: story (Story), lang ('en'|'zh'), open (boolean), printable (boolean: the handout
//             and the video are offered; not on a kiosk)
// Events:     ui-nav { action: 'about' } when closed (the parent toggles `open`)
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { sharedStyles } from './tokens';
import type { Story } from '../story/model';
import { localize } from '../story/model';
import type { Lang } from '../story/schema';
import { langTag, strings } from '../i18n/strings';
import { renderMarkdown } from './markdown-view';
import { safeHref } from '../story/markdown';
import { emit } from './events';
import './video-download';

export class AboutPanel extends LitElement {
  static override properties = {
    story: { attribute: false },
    lang: { type: String },
    open: { type: Boolean, reflect: true },
    linksNavigate: { type: Boolean, attribute: 'links-navigate' },
    printable: { type: Boolean },
  };

  declare story: Story | undefined;
  declare lang: Lang;
  declare open: boolean;
  declare linksNavigate: boolean;
  /** Offer the printable handout (not on a kiosk). */
  declare printable: boolean;

  constructor() {
    super();
    this.lang = 'en';
    this.open = false;
    this.linksNavigate = true;
    this.printable = false;
  }

  protected override updated(changed: PropertyValues<this>) {
    if (!changed.has('open')) return;
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog) return;
    if (this.open && !dialog.open) dialog.showModal();
    if (!this.open && dialog.open) dialog.close();
  }

  #close = () => {
    if (this.open) emit(this, 'ui-nav', { action: 'about' });
  };

  override render() {
    const story = this.story;
    const t = strings(this.lang);
    const a = story?.article;
    // The schema already insists on http(s); a link is only drawn for a URL that is safe.
    const articleHref = a ? safeHref(a.url) : undefined;
    return html`<dialog
      lang=${langTag(this.lang)}
      aria-labelledby="about-title"
      @close=${this.#close}
    >
      <h2 id="about-title">${story ? localize(story.title, this.lang) : t.appTitle}</h2>
      ${story?.subtitle ? html`<p class="subtitle">${localize(story.subtitle, this.lang)}</p>` : nothing}
      ${
        a
          ? html`<p class="article">
              ${t.article}:
              ${
                this.linksNavigate && articleHref
                  ? html`<a href=${articleHref} target="_blank" rel="noopener noreferrer"
                      ><cite>${a.title}</cite></a
                    >`
                  : html`<cite>${a.title}</cite>`
              },
              ${t.by} ${a.author}, <i>${a.publication}</i>,
              <time datetime=${a.date}>${a.date}</time>.
            </p>`
          : nothing
      }
      ${
        story?.creditsText
          ? html`<div class="credits">
              ${renderMarkdown(localize(story.creditsText, this.lang), { linksNavigate: this.linksNavigate })}
            </div>`
          : nothing
      }
      ${this.printable && story ? html`<video-download .story=${story} .lang=${this.lang}></video-download>` : nothing}
      <form method="dialog">
        <button>${t.close}</button>
        ${
          this.printable
            ? html`<button
                type="button"
                class="print"
                @click=${() => emit(this, 'ui-nav', { action: 'print' })}
              >
                ${this.lang === 'zh' ? '打印讲义' : 'Print'}
              </button>`
            : nothing
        }
      </form>
    </dialog>`;
  }

  static override styles = [
    sharedStyles,
    css`
      dialog {
        max-width: min(36rem, 92vw);
        border: none;
        border-radius: 10px;
        padding: 1.25rem 1.5rem;
        color: var(--ink, #1c1917);
        font-size: calc(var(--text-ui) * 1.07);
        line-height: 1.55;
        box-shadow: 0 12px 40px rgb(0 0 0 / 0.3);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.35);
      }
      h2 {
        margin-top: 0;
      }
      a {
        color: var(--link, #1d4ed8);
      }
      button {
        min-height: 44px;
        padding: 0.4rem 1rem;
        font: inherit;
      }
    `,
  ];
}

customElements.define('about-panel', AboutPanel);

declare global {
  interface HTMLElementTagNameMap {
    'about-panel': AboutPanel;
  }
}
