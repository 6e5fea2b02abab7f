// <story-loading>: what shows while the story and its layers arrive: never a blank page.
// A bar fills as files arrive when the count is known, and moves on its own until then.
//
// Properties: lang ('en'|'zh'), done, total (files loaded / to load; total 0: not known yet)
import { LitElement, css, html } from 'lit';
import type { Lang } from '../story/schema';
import { langTag, strings } from '../i18n/strings';
import { styleProps } from './style-props';
import { sharedStyles } from './tokens';

export class StoryLoading extends LitElement {
  static override properties = {
    lang: { type: String },
    done: { type: Number },
    total: { type: Number },
  };

  declare lang: Lang;
  declare done: number;
  declare total: number;

  constructor() {
    super();
    this.lang = 'en';
    this.done = 0;
    this.total = 0;
  }

  override render() {
    const t = strings(this.lang);
    const known = this.total > 0;
    const share = known ? Math.min(1, this.done / this.total) : 0;
    return html`<div class="box" role="status" lang=${langTag(this.lang)}>
      <p>${t.loading}</p>
      <div
        class="bar ${known ? '' : 'waiting'}"
        role="progressbar"
        aria-label=${t.loading}
        aria-valuemin="0"
        aria-valuemax=${known ? this.total : 1}
        aria-valuenow=${known ? this.done : 0}
      >
        <span ${styleProps({ width: known ? `${(share * 100).toFixed(1)}%` : '30%' })}></span>
      </div>
    </div>`;
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        place-items: center;
        pointer-events: none;
      }
      .box {
        min-width: min(320px, 80%);
        padding: var(--space-4) var(--space-5);
        border-radius: var(--radius-2);
        background: rgb(255 255 255 / 0.94);
        box-shadow: var(--shadow-2);
        font-size: calc(var(--text-ui) * 1.1);
        text-align: center;
      }
      p {
        margin: 0 0 var(--space-3);
      }
      .bar {
        height: 6px;
        border-radius: 3px;
        background: var(--line-soft);
        overflow: hidden;
      }
      .bar span {
        display: block;
        height: 100%;
        border-radius: 3px;
        background: var(--accent);
        transition: width 0.2s ease;
      }
      .bar.waiting span {
        animation: slide 1.4s ease-in-out infinite;
      }
      @keyframes slide {
        from {
          transform: translateX(-100%);
        }
        to {
          transform: translateX(340%);
        }
      }
    `,
  ];
}

customElements.define('story-loading', StoryLoading);

declare global {
  interface HTMLElementTagNameMap {
    'story-loading': StoryLoading;
  }
}
