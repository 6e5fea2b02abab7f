// <story-text>: the whole story as readable text, for browsers that cannot draw the map.
//
// Properties: story (Story), lang ('en'|'zh'), placeNames (Map of feature id → name),
//             reason (string: why there is no map)
// Events:     none (the same information as the timeline, as text: eras, steps and years)
import { LitElement, css, html, nothing } from 'lit';
import { sharedStyles } from './tokens';
import { localize, type Story } from '../story/model';
import type { Lang } from '../story/schema';
import { formatYear } from '../story/timeline';
import { langTag, strings } from '../i18n/strings';
import { renderMarkdown } from './markdown-view';

export class StoryText extends LitElement {
  static override properties = {
    story: { attribute: false },
    lang: { type: String },
    placeNames: { attribute: false },
    reason: { type: String },
  };

  declare story: Story | undefined;
  declare lang: Lang;
  declare placeNames: Map<string, string>;
  declare reason: string;

  constructor() {
    super();
    this.lang = 'en';
    this.placeNames = new Map();
    this.reason = '';
  }

  override render() {
    const t = strings(this.lang);
    const story = this.story;
    return html`<article lang=${langTag(this.lang)}>
      <p class="why" role="note">
        ${t.noMap} ${this.reason ? html`<small>(${this.reason})</small>` : nothing}
      </p>
      ${
        story
          ? html`<h2>${localize(story.title, this.lang)}</h2>
              ${story.subtitle ? html`<p class="subtitle">${localize(story.subtitle, this.lang)}</p>` : nothing}
              ${
                story.eras.length
                  ? html`<section class="eras" aria-label=${t.eras}>
                      <h3>${t.eras}</h3>
                      <ul>
                        ${story.eras.map(
                          (e) =>
                            html`<li>
                              <span class="year">${formatYear(e.from, e.to)}</span>
                              ${localize(e.label, this.lang)}
                            </li>`,
                        )}
                      </ul>
                    </section>`
                  : nothing
              }
              <ol>
                ${story.steps.map((s) => {
                  const places = s.places.map((id) => this.placeNames.get(id)).filter(Boolean);
                  return html`<li id="step-${s.id}">
                    <h3>
                      ${s.year !== undefined ? html`<span class="year">${formatYear(s.year, s.yearEnd)}</span>` : nothing}
                      ${localize(s.title, this.lang)}
                    </h3>
                    ${renderMarkdown(localize(s.body, this.lang))}
                    ${places.length ? html`<p class="places"><strong>${t.places}:</strong> ${places.join(' · ')}</p>` : nothing}
                  </li>`;
                })}
              </ol>`
          : nothing
      }
    </article>`;
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        overflow: auto;
        background: var(--paper, #fff);
        color: var(--ink, #1c1917);
        font-size: var(--text-body);
        line-height: 1.6;
      }
      article {
        max-width: 42rem;
        margin: 0 auto;
        padding: 1rem 1.25rem 3rem;
      }
      .why {
        padding: 0.6rem 0.8rem;
        border-left: 4px solid var(--accent, #b91c1c);
        background: #fdf6f6;
      }
      ol {
        padding: 0;
        list-style: none;
      }
      li {
        margin: 1.5rem 0;
      }
      h3 {
        margin-bottom: 0.3rem;
      }
      .year {
        color: var(--accent, #b91c1c);
        margin-right: 0.4rem;
      }
      .places {
        font-size: 0.9rem;
        color: var(--muted, #57534e);
      }
      a {
        color: var(--link, #1d4ed8);
      }
    `,
  ];
}

customElements.define('story-text', StoryText);

declare global {
  interface HTMLElementTagNameMap {
    'story-text': StoryText;
  }
}
