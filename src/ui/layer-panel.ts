// <layer-panel>: every layer of the story under the groups its manifest declares, each with a
// checkbox and a legend swatch in the layer's colour, plus "Add GeoJSON…" for the reader's
// own file. Layers of no group come after the groups.
//
// Properties: layers (PanelLayer[]), groups ({ id, title }[], in order), visible (string[]),
//             lang ('en'|'zh')
// Events:     ui-layer-toggle { id, visible }, ui-geojson-file { file }
import { LitElement, css, html, nothing } from 'lit';
import { sharedStyles } from './tokens';
import type { Lang } from '../story/schema';
import { langTag, strings } from '../i18n/strings';
import { emit } from './events';
import { styleProps } from './style-props';

export interface PanelLayer {
  id: string;
  group?: string;
  kind: 'point' | 'line' | 'polygon';
  color: string;
  title: string;
  legend?: string;
}

export class LayerPanel extends LitElement {
  static override properties = {
    layers: { attribute: false },
    groups: { attribute: false },
    visible: { attribute: false },
    lang: { type: String },
  };

  declare layers: PanelLayer[];
  declare groups: { id: string; title: string }[];
  declare visible: string[];
  declare lang: Lang;

  constructor() {
    super();
    this.layers = [];
    this.groups = [];
    this.visible = [];
    this.lang = 'en';
  }

  #onFile = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) emit(this, 'ui-geojson-file', { file });
    input.value = '';
  };

  override render() {
    const t = strings(this.lang);
    const visible = new Set(this.visible);
    const declared = new Set(this.groups.map((g) => g.id));
    const sections = [
      ...this.groups.map((g) => ({
        title: g.title,
        layers: this.layers.filter((l) => l.group === g.id),
      })),
      {
        title: this.groups.length ? t.otherLayers : t.storyLayers,
        layers: this.layers.filter((l) => l.group === undefined || !declared.has(l.group)),
      },
    ].filter((section) => section.layers.length);
    return html`<section lang=${langTag(this.lang)} aria-labelledby="layers-title">
      <h2 id="layers-title">${t.layers}</h2>
      ${sections.map(
        (section) =>
          html`<fieldset>
            <legend>${section.title}</legend>
            ${section.layers.map(
              (l) =>
                html`<label>
                  <input
                    type="checkbox"
                    name="layer"
                    value=${l.id}
                    .checked=${visible.has(l.id)}
                    @change=${(e: Event) =>
                      emit(this, 'ui-layer-toggle', {
                        id: l.id,
                        visible: (e.target as HTMLInputElement).checked,
                      })}
                  />
                  <span
                    class="swatch ${l.kind}"
                    ${styleProps({ '--swatch': l.color })}
                    aria-hidden="true"
                  ></span>
                  <span class="text">
                    <span class="title">${l.title}</span>
                    ${l.legend ? html`<span class="legend">${l.legend}</span>` : nothing}
                  </span>
                </label>`,
            )}
          </fieldset>`,
      )}
      <label class="add">
        <span>${t.addGeoJson}</span>
        <input
          type="file"
          accept=".geojson,.json,application/geo+json,application/json"
          @change=${this.#onFile}
        />
      </label>
      <p class="hint">${t.dropHint}</p>
    </section>`;
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        font-size: var(--text-ui);
        line-height: 1.35;
        color: var(--ink, #1c1917);
      }
      h2 {
        margin: 0 0 0.5rem;
        font-size: 1rem;
      }
      fieldset {
        margin: 0 0 0.6rem;
        padding: 0;
        border: none;
      }
      legend {
        padding: 0;
        margin-bottom: 0.25rem;
        font-size: 0.75rem;
        font-weight: 700;
        letter-spacing: 0.06em;
        text-transform: uppercase;
        color: var(--muted, #57534e);
      }
      label {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        min-height: 36px;
        cursor: pointer;
      }
      input[type='checkbox'] {
        width: 18px;
        height: 18px;
        margin: 0;
        accent-color: var(--ink, #1c1917);
      }
      .swatch {
        flex: none;
        width: 18px;
        height: 12px;
        background: var(--swatch);
      }
      .swatch.point {
        width: 12px;
        border-radius: 50%;
        border: 2px solid #fff;
        box-shadow: 0 0 0 1px var(--swatch);
      }
      .swatch.line {
        height: 4px;
        border-radius: 2px;
      }
      .swatch.polygon {
        opacity: 0.6;
        outline: 1.5px solid var(--swatch);
      }
      .text {
        display: flex;
        flex-direction: column;
      }
      .legend {
        font-size: 0.75rem;
        color: var(--muted, #57534e);
      }
      .add {
        margin-top: 0.5rem;
        flex-direction: column;
        align-items: flex-start;
        font-weight: 600;
      }
      .add input {
        font: inherit;
        max-width: 100%;
      }
      .hint {
        margin: 0.25rem 0 0;
        font-size: 0.75rem;
        color: var(--muted, #57534e);
      }
    `,
  ];
}

customElements.define('layer-panel', LayerPanel);

declare global {
  interface HTMLElementTagNameMap {
    'layer-panel': LayerPanel;
  }
}
