// Explore mode's part of <story-map>'s template: the side panel and the selected feature's
// card, wired to the explore controller.
import { html, nothing, type TemplateResult } from 'lit';
import type { LoadedStory } from '../story/load-story';
import { localize } from '../story/model';
import type { Lang } from '../story/schema';
import type { StoryJumpDetail } from '../ui/events';
import type { ExploreController } from './explore-controller';
import '../ui/explore-panel';
import '../ui/feature-card';

export interface ExploreViewHandlers {
  /** The layers or the year changed: the URL follows. */
  viewChanged(): void;
  seeInStory(index: number): void;
}

export function renderExploreView(
  loaded: LoadedStory,
  explore: ExploreController,
  lang: Lang,
  on: ExploreViewHandlers,
): TemplateResult {
  const metas = [...loaded.layers.map((l) => l.meta), ...explore.userLayers];
  const layers = metas.map((m) => ({
    id: m.id,
    group: m.group,
    kind: m.kind,
    color: m.color,
    title: localize(m.title, lang),
    ...(m.legend ? { legend: localize(m.legend, lang) } : {}),
  }));
  const selected = explore.selected;
  const selectedMeta = selected && metas.find((m) => m.id === selected.layerId);
  const steps = selected
    ? explore
        .stepsShowing(String(selected.properties.id))
        .map((s) => ({ index: s.index, title: localize(s.title, lang) }))
    : [];
  return html`<aside class="explore">
      <explore-panel
        .layers=${layers}
        .visible=${explore.visible}
        .year=${explore.year}
        .first=${loaded.story.firstYear}
        .last=${loaded.story.lastYear}
        .index=${explore.index}
        .lang=${lang}
        @layer-toggle=${(e: CustomEvent<{ id: string; visible: boolean }>) => {
          explore.toggleLayer(e.detail.id, e.detail.visible);
          on.viewChanged();
        }}
        @year-change=${(e: CustomEvent<{ year: number }>) => {
          explore.setYear(e.detail.year);
          on.viewChanged();
        }}
        @place-select=${(e: CustomEvent<{ id: string }>) => explore.choose(e.detail.id)}
        @geojson-file=${(e: CustomEvent<{ file: File }>) => void explore.addFile(e.detail.file)}
      ></explore-panel>
    </aside>
    ${
      selected
        ? html`<feature-card
            class="feature"
            .properties=${selected.properties}
            .layerTitle=${selectedMeta ? localize(selectedMeta.title, lang) : ''}
            .steps=${steps}
            .lang=${lang}
            @feature-close=${() => explore.select(undefined)}
            @story-jump=${(e: CustomEvent<StoryJumpDetail>) => {
              explore.select(undefined);
              on.seeInStory(e.detail.index);
            }}
          ></feature-card>`
        : nothing
    }`;
}
