// Every layer of a story and every feature by id, shared by the map controller, explore,
// search and the step card. Immutable: a layer that arrives (the story's next, or a reader's
// own file) makes a new index with `with`, so the app state that holds it changes by value.
// Pure: no DOM, no MapLibre.
import type { Feature } from 'geojson';
import type { LoadedLayer } from '../story/load-story';
import type { Lang } from '../story/schema';
import { SearchIndex } from './search-index';

export interface IndexedFeature {
  layerId: string;
  feature: Feature;
}

export class FeatureIndex {
  #layers = new Map<string, LoadedLayer>();
  #features = new Map<string, IndexedFeature>();
  #search: SearchIndex | undefined;

  constructor(layers: readonly LoadedLayer[] = []) {
    for (const layer of layers) this.#add(layer);
  }

  /** A new index with these layers after this one's (a layer already in is ignored). */
  with(layers: readonly LoadedLayer[]): FeatureIndex {
    const fresh = layers.filter((l) => !this.#layers.has(l.meta.id));
    return fresh.length ? new FeatureIndex([...this.#layers.values(), ...fresh]) : this;
  }

  /** The first layer to claim a feature id keeps it (the loader reports clashes). */
  #add(layer: LoadedLayer) {
    if (this.#layers.has(layer.meta.id)) return;
    this.#layers.set(layer.meta.id, layer);
    for (const feature of layer.data.features) {
      const id = feature.properties?.id;
      if (typeof id === 'string' && !this.#features.has(id))
        this.#features.set(id, { layerId: layer.meta.id, feature });
    }
  }

  /** Layers in the order they were added: the story's manifest order, then the reader's. */
  get layers(): LoadedLayer[] {
    return [...this.#layers.values()];
  }

  layer(id: string): LoadedLayer | undefined {
    return this.#layers.get(id);
  }

  feature(id: string): IndexedFeature | undefined {
    return this.#features.get(id);
  }

  /** The features a layer id or a feature id stands for. */
  featuresOf(ids: readonly string[]): Feature[] {
    return ids.flatMap((id) => {
      const layer = this.#layers.get(id);
      if (layer) return layer.data.features;
      const entry = this.#features.get(id);
      return entry ? [entry.feature] : [];
    });
  }

  /** A feature's name in the wanted language, falling back to English, then its id. */
  name(id: string, lang: Lang): string | undefined {
    const p = this.#features.get(id)?.feature.properties;
    if (!p) return undefined;
    return String((lang === 'zh' && p.name_zh) || p.name || id);
  }

  get search(): SearchIndex {
    this.#search ??= new SearchIndex(
      [...this.#features].flatMap(([id, { layerId, feature }]) => {
        const p = feature.properties ?? {};
        if (typeof p.name !== 'string') return [];
        return [{ id, layerId, name: p.name, nameZh: p.name_zh, pinyin: p.name_pinyin }];
      }),
    );
    return this.#search;
  }
}
