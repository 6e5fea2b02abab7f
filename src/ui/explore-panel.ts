// <explore-panel>: explore mode's side panel: search, the year, and the layer list.
//
// Properties: layers (PanelLayer[]), visible (string[]), year, first, last (undefined in a
//             story without years: no year slider), index (SearchIndex), lang ('en'|'zh')
// Events:     (from its children) ui-place-select, ui-year-change, ui-layer-toggle, ui-geojson-file
import { LitElement, css, html, nothing } from 'lit';
import type { Lang } from '../story/schema';
import type { SearchIndex } from '../geo/search-index';
import { langTag, strings } from '../i18n/strings';
import type { PanelLayer } from './layer-panel';
import './layer-panel';
import './year-slider';
import './place-search';

export class ExplorePanel extends LitElement {
  static override properties = {
    layers: { attribute: false },
    visible: { attribute: false },
    year: { type: Number },
    first: { type: Number },
    last: { type: Number },
    index: { attribute: false },
    lang: { type: String },
  };

  declare layers: PanelLayer[];
  declare visible: string[];
  declare year: number | undefined;
  declare first: number | undefined;
  declare last: number | undefined;
  declare index: SearchIndex | undefined;
  declare lang: Lang;

  constructor() {
    super();
    this.layers = [];
    this.visible = [];
    this.year = 2022;
    this.first = 1979;
    this.last = 2022;
    this.lang = 'en';
  }

  override render() {
    const t = strings(this.lang);
    return html`<section aria-label=${t.explorePanel} lang=${langTag(this.lang)}>
      <place-search .index=${this.index} .lang=${this.lang}></place-search>
      ${
        this.first !== undefined && this.last !== undefined
          ? html`<year-slider
              .first=${this.first}
              .last=${this.last}
              .year=${this.year ?? this.last}
              .lang=${this.lang}
            ></year-slider>`
          : nothing
      }
      <layer-panel .layers=${this.layers} .visible=${this.visible} .lang=${this.lang}></layer-panel>
    </section>`;
  }

  static override styles = css`
    section {
      display: grid;
      gap: 0.9rem;
    }
  `;
}

customElements.define('explore-panel', ExplorePanel);

declare global {
  interface HTMLElementTagNameMap {
    'explore-panel': ExplorePanel;
  }
}
