// <story-header>: the story's title with the language switch and the About button.
//
// Properties: heading (string), lang ('en'|'zh'), exploring (boolean: show "Resume story")
// Events:     ui-nav { action: 'lang' | 'about' | 'resume' }
import { LitElement, css, html, nothing } from 'lit';
import type { Lang } from '../story/schema';
import { langTag, strings } from '../i18n/strings';
import { emit, type StoryNavDetail } from './events';

export class StoryHeader extends LitElement {
  static override properties = {
    heading: { type: String },
    lang: { type: String },
    exploring: { type: Boolean },
  };

  declare heading: string;
  declare lang: Lang;
  declare exploring: boolean;

  constructor() {
    super();
    this.heading = '';
    this.lang = 'en';
    this.exploring = false;
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
          ? html`<button class="resume" @click=${() => this.#nav('resume')}>${t.resume}</button>`
          : nothing
      }
      <button
        class="lang"
        lang=${langTag(other)}
        aria-label=${t.switchToLabel}
        @click=${() => this.#nav('lang')}
      >
        ${t.switchTo}
      </button>
      <button class="about" @click=${() => this.#nav('about')}>${t.about}</button>
    </header>`;
  }

  static override styles = css`
    header {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      padding: 0.4rem 0.75rem;
      background: rgb(255 255 255 / 0.94);
      border-bottom: 1px solid var(--line, #d6d3d1);
      font: 14px/1.3 var(--font-text, 'Noto Sans', 'Noto Sans SC', system-ui, sans-serif);
      color: var(--ink, #1c1917);
    }
    h1 {
      margin: 0 auto 0 0;
      font-size: 1rem;
      font-weight: 700;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    button {
      min-height: var(--touch-target, 40px);
      padding: 0.3rem 0.8rem;
      border-radius: 6px;
      border: 1px solid var(--line, #a8a29e);
      background: var(--paper, #fff);
      color: inherit;
      font: inherit;
      cursor: pointer;
    }
    button:focus-visible {
      outline: 3px solid var(--focus, #2563eb);
      outline-offset: 2px;
    }
    .resume {
      background: var(--ink, #1c1917);
      color: #fff;
    }
  `;
}

customElements.define('story-header', StoryHeader);

declare global {
  interface HTMLElementTagNameMap {
    'story-header': StoryHeader;
  }
}
