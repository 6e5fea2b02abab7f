// Explore mode's part of <story-map>'s template: the side panel and the selected feature's
// card. Pure rendering from the explore view, the story and its feature index; the explore
// controller listens to what the panel and card send up.
import { html, nothing, type TemplateResult } from 'lit';
import type { FeatureIndex } from '../geo/feature-index';
import { USER_GROUP } from '../geo/manifest';
import type { LayerGroupInfo } from '../story/load-story';
import { strings } from '../i18n/strings';
import type { ExploreView } from '../map/map-view';
import type { Story } from '../story/model';
import { localize } from '../story/model';
import type { Lang } from '../story/schema';
import '../ui/explore-panel';
import '../ui/feature-card';

/** Steps whose places, highlights or framing name this feature. */
export function stepsShowing(story: Story, id: string) {
  return story.steps.filter(
    (s) => s.highlight.includes(id) || s.places.includes(id) || s.camera.fit?.includes(id),
  );
}

export function renderExploreView(
  story: Story,
  groups: readonly LayerGroupInfo[],
  index: FeatureIndex,
  view: ExploreView,
  lang: Lang,
): TemplateResult {
  const metas = index.layers.map((l) => l.meta);
  const layers = metas.map((m) => ({
    id: m.id,
    group: m.group,
    kind: m.kind,
    color: m.color,
    title: localize(m.title, lang),
    ...(m.legend ? { legend: localize(m.legend, lang) } : {}),
  }));
  const selected = view.selected ? index.feature(view.selected) : undefined;
  const selectedMeta = selected && index.layer(selected.layerId)?.meta;
  const steps = selected
    ? stepsShowing(story, view.selected!).map((s) => ({
        index: s.index,
        title: localize(s.title, lang),
      }))
    : [];
  return html`<aside class="explore">
      <explore-panel
        .layers=${layers}
        .groups=${[
          ...groups.map((g) => ({ id: g.id, title: localize(g.title, lang) })),
          { id: USER_GROUP, title: strings(lang).yourData },
        ]}
        .visible=${view.layers}
        .year=${view.year}
        .first=${story.firstYear}
        .last=${story.lastYear}
        .index=${index.search}
        .lang=${lang}
      ></explore-panel>
    </aside>
    ${
      selected
        ? html`<feature-card
            class="feature"
            .properties=${{ ...selected.feature.properties }}
            .layerTitle=${selectedMeta ? localize(selectedMeta.title, lang) : ''}
            .steps=${steps}
            .lang=${lang}
          ></feature-card>`
        : nothing
    }`;
}
