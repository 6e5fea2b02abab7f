// Explore mode's state and actions, kept out of <story-map>: which layers show, the year, the
// selected feature, the reader's own layers and the search index.
import type { MapController, CameraState, Insets } from '../map/map-controller';
import type { PickedFeature } from '../map/feature-interaction';
import type { LoadedStory } from '../story/load-story';
import type { Step } from '../story/model';
import type { ManifestLayer } from '../geo/manifest';
import { SearchIndex } from '../geo/search-index';
import { userLayerFromText } from '../geo/user-geojson';
import type { UrlState } from './url-state';

export interface ExploreHost {
  requestUpdate(): void;
  mapController(): MapController | undefined;
  loadedStory(): LoadedStory | undefined;
  insets(): Insets;
  reducedMotion(): boolean;
  reportProblems(messages: string[]): void;
  userMoved(): void;
}

export class ExploreController {
  visible: string[] = [];
  year = 0;
  selected: PickedFeature | undefined;
  userLayers: ManifestLayer[] = [];
  index: SearchIndex | undefined;
  #userCount = 0;

  constructor(private readonly host: ExploreHost) {}

  /** Builds the search index once the story's layers are in. */
  storyLoaded(loaded: LoadedStory) {
    this.index = new SearchIndex(
      loaded.layers.flatMap(({ meta, data }) =>
        data.features.flatMap((f) => {
          const p = f.properties ?? {};
          if (typeof p.id !== 'string' || typeof p.name !== 'string') return [];
          return [
            { id: p.id, layerId: meta.id, name: p.name, nameZh: p.name_zh, pinyin: p.name_pinyin },
          ];
        }),
      ),
    );
    this.year = loaded.story.lastYear;
  }

  /** Starts exploring from a step: its layers and year, the camera where it is. */
  enterFrom(step: Step | undefined, url: UrlState = {}) {
    const map = this.host.mapController();
    const loaded = this.host.loadedStory();
    if (!map || !loaded) return;
    map.stopAnimations();
    const known = new Set([...map.layerIds]);
    this.visible = (url.layers ?? step?.layers ?? []).filter((id) => known.has(id));
    this.year = url.year ?? step?.mapYear ?? loaded.story.lastYear;
    this.year = Math.min(loaded.story.lastYear, Math.max(loaded.story.firstYear, this.year));
    map.setVisibleLayers(this.visible);
    map.setYear(this.year);
    map.highlight([]);
    if (url.camera) map.jumpTo(url.camera);
    this.host.requestUpdate();
  }

  leave() {
    this.selected = undefined;
    this.host.requestUpdate();
  }

  toggleLayer(id: string, on: boolean) {
    const set = new Set(this.visible);
    if (on) set.add(id);
    else set.delete(id);
    const order = this.host.mapController()?.layerIds ?? [];
    this.visible = order.filter((l) => set.has(l));
    this.host.mapController()?.setVisibleLayers(this.visible);
    this.host.requestUpdate();
  }

  setYear(year: number) {
    this.year = year;
    this.host.mapController()?.setYear(year);
    this.host.requestUpdate();
  }

  select(picked: PickedFeature | undefined) {
    this.selected = picked;
    this.host.mapController()?.highlight(picked ? [String(picked.properties.id)] : []);
    this.host.requestUpdate();
  }

  /** Search result chosen: show its layer, fly to it, open its card. */
  choose(id: string) {
    const map = this.host.mapController();
    const entry = map?.feature(id);
    if (!map || !entry) return;
    if (!this.visible.includes(entry.layerId)) this.toggleLayer(entry.layerId, true);
    const p = entry.feature.properties ?? {};
    const since = typeof p.since === 'number' ? p.since : undefined;
    const until = typeof p.until === 'number' ? p.until : undefined;
    if ((since !== undefined && this.year < since) || (until !== undefined && this.year > until)) {
      this.setYear(since ?? until!);
    }
    map.flyToFeature(id, { insets: this.host.insets(), reducedMotion: this.host.reducedMotion() });
    this.select({ layerId: entry.layerId, properties: { ...p } });
  }

  /** Steps whose places, highlights or framing name this feature. */
  stepsShowing(id: string): Step[] {
    const steps = this.host.loadedStory()?.story.steps ?? [];
    return steps.filter(
      (s) => s.highlight.includes(id) || s.places.includes(id) || s.camera.fit?.includes(id),
    );
  }

  async addFile(file: File) {
    const map = this.host.mapController();
    if (!map) return;
    const text = await file.text();
    const result = userLayerFromText(text, file.name, this.#userCount + 1);
    if (!result.ok) {
      this.host.reportProblems(result.messages);
      return;
    }
    this.#userCount += 1;
    map.addStoryLayers([{ meta: result.meta, data: result.data }]);
    this.userLayers = [...this.userLayers, result.meta];
    this.toggleLayer(result.meta.id, true);
    map.fitLayer(result.meta.id, {
      insets: this.host.insets(),
      reducedMotion: this.host.reducedMotion(),
    });
  }

  camera(): CameraState | undefined {
    return this.host.mapController()?.camera;
  }
}
