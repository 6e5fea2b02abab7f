// <place-search>: a combobox that finds places by English or Chinese name, or pinyin, as
// the reader types; Enter takes the first result.
//
// Properties: index (SearchIndex), lang ('en'|'zh')
// Events:     ui-place-select { id }
import { LitElement, css, html, nothing } from 'lit';
import { sharedStyles } from './tokens';
import type { Lang } from '../story/schema';
import type { SearchEntry, SearchIndex } from '../geo/search-index';
import { langTag, strings } from '../i18n/strings';
import { emit } from './events';

export class PlaceSearch extends LitElement {
  static override properties = {
    index: { attribute: false },
    lang: { type: String },
    query: { state: true },
    active: { state: true },
  };

  declare index: SearchIndex | undefined;
  declare lang: Lang;
  declare query: string;
  declare active: number;

  constructor() {
    super();
    this.lang = 'en';
    this.query = '';
    this.active = 0;
  }

  get results(): SearchEntry[] {
    return this.index?.search(this.query) ?? [];
  }

  #choose(entry: SearchEntry | undefined) {
    if (!entry) return;
    emit(this, 'ui-place-select', { id: entry.id });
    this.query = '';
  }

  #onKey = (e: KeyboardEvent) => {
    const results = this.results;
    if (e.key === 'ArrowDown') {
      this.active = Math.min(results.length - 1, this.active + 1);
      e.preventDefault();
    } else if (e.key === 'ArrowUp') {
      this.active = Math.max(0, this.active - 1);
      e.preventDefault();
    } else if (e.key === 'Enter') {
      this.#choose(results[this.active] ?? results[0]);
      e.preventDefault();
    } else if (e.key === 'Escape') {
      this.query = '';
    }
  };

  override render() {
    const t = strings(this.lang);
    const results = this.results;
    const open = this.query.trim() !== '';
    const label = (r: SearchEntry) =>
      this.lang === 'zh' && r.nameZh
        ? `${r.nameZh} · ${r.name}`
        : r.nameZh
          ? `${r.name} · ${r.nameZh}`
          : r.name;
    return html`<div class="search" lang=${langTag(this.lang)}>
      <label for="q">${t.search}</label>
      <input
        id="q"
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        aria-autocomplete="list"
        aria-controls="results"
        aria-expanded=${open ? 'true' : 'false'}
        aria-activedescendant=${open && results.length ? `r-${this.active}` : ''}
        placeholder=${t.searchPlaceholder}
        .value=${this.query}
        @input=${(e: Event) => {
          this.query = (e.target as HTMLInputElement).value;
          this.active = 0;
        }}
        @keydown=${this.#onKey}
      />
      <ul id="results" role="listbox" aria-label=${t.search} ?hidden=${!open}>
        ${results.map(
          (r, i) =>
            html`<li
              id="r-${i}"
              role="option"
              aria-selected=${i === this.active ? 'true' : 'false'}
              @mousedown=${(e: Event) => e.preventDefault()}
              @click=${() => this.#choose(r)}
            >
              ${label(r)}
            </li>`,
        )}
        ${open && !results.length ? html`<li class="none" role="option" aria-disabled="true">${t.noResults}</li>` : nothing}
      </ul>
    </div>`;
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        position: relative;
        font-size: var(--text-ui);
        line-height: 1.3;
      }
      label {
        display: block;
        margin-bottom: 0.2rem;
        font-weight: 600;
      }
      input {
        box-sizing: border-box;
        width: 100%;
        min-height: 40px;
        padding: 0.35rem 0.6rem;
        border: 1px solid var(--line, #a8a29e);
        border-radius: 6px;
        font: inherit;
      }
      ul {
        position: absolute;
        z-index: 5;
        left: 0;
        right: 0;
        margin: 2px 0 0;
        padding: 0.25rem 0;
        list-style: none;
        max-height: 16rem;
        overflow: auto;
        background: #fff;
        border: 1px solid var(--line, #a8a29e);
        border-radius: 6px;
        box-shadow: 0 6px 18px rgb(0 0 0 / 0.15);
      }
      li {
        padding: 0.45rem 0.6rem;
        cursor: pointer;
      }
      li[aria-selected='true'] {
        background: #e7eefc;
      }
      .none {
        color: var(--muted, #57534e);
        cursor: default;
      }
    `,
  ];
}

customElements.define('place-search', PlaceSearch);

declare global {
  interface HTMLElementTagNameMap {
    'place-search': PlaceSearch;
  }
}
