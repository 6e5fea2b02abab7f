// <story-header>: the story's title with the language switch and the About button, and
// "Resume story" while exploring.
//
// Properties: heading (string), lang ('en'|'zh'), exploring (boolean),
//             showLang (boolean: false on the kiosk's attract screen, which has its own choice)
// @fires ui-nav { action: 'lang' | 'about' | 'resume' }
import { LitElement, css, html, nothing } from 'lit';
import type { Lang } from '../story/schema';
import { langTag, strings } from '../i18n/strings';
import { emit, type StoryNavDetail } from './events';
import { sharedStyles } from './tokens';

export class StoryHeader extends LitElement {
  static override properties = {
    heading: { type: String },
    lang: { type: String },
    exploring: { type: Boolean },
    showLang: { type: Boolean, attribute: 'show-lang' },
  };

  declare heading: string;
  declare lang: Lang;
  declare exploring: boolean;
  declare showLang: boolean;

  constructor() {
    super();
    this.heading = '';
    this.lang = 'en';
    this.exploring = false;
    this.showLang = true;
  }

  #nav(action: StoryNavDetail['action']) {
    emit(this, 'ui-nav', { action });
  }

  override render() {
    const t = strings(this.lang);
    const other: Lang = this.lang === 'en' ? 'zh' : 'en';
    return html`<header lang=${langTag(this.lang)}>
      <h1>${this.heading || t.appTitle}</h1>
      ${
        this.exploring
          ? html`<button class="primary" @click=${() => this.#nav('resume')}>${t.resume}</button>`
          : nothing
      }
      ${
        this.showLang
          ? html`<button class="lang" @click=${() => this.#nav('lang')}>
              <span lang=${langTag(other)}>${t.switchTo}</span
              ><span class="sr-only"> (${t.switchToLabel})</span>
            </button>`
          : nothing
      }
      <button class="about" @click=${() => this.#nav('about')}>${t.about}</button>
    </header>`;
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      header {
        box-sizing: border-box;
        height: 100%;
        display: flex;
        align-items: center;
        gap: var(--space-2);
        padding: 0 var(--space-3);
        background: rgb(255 255 255 / 0.95);
        border-bottom: 1px solid var(--line-soft);
        font-size: var(--text-ui);
      }
      h1 {
        flex: 1;
        min-width: 0;
        margin: 0;
        font-size: var(--title-size, 1.15em);
        font-weight: 700;
        letter-spacing: -0.01em;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      button {
        min-height: min(var(--touch-target), calc(var(--header-h, 52px) - 8px));
        padding: 0.3em 0.8em;
      }
    `,
  ];
}

customElements.define('story-header', StoryHeader);

declare global {
  interface HTMLElementTagNameMap {
    'story-header': StoryHeader;
  }
}
