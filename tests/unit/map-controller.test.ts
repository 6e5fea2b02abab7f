// The only map writer against a small fake map: what `apply` adds, changes and leaves alone
// as views follow each other. MapLibre, the basemap loader and the pointer handling are
// replaced by fakes; the fake map records every write.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Feature } from 'geojson';
import { FeatureIndex } from '../../src/geo/feature-index';
import type { LoadedLayer } from '../../src/story/load-story';
import type { Step } from '../../src/story/model';
import type { ExploreView, StepView } from '../../src/map/map-view';

type Handler = (e: object) => void;

/** The part of MapLibre's Map the controller uses, recording every write in `writes`. */
class FakeMap {
  static last: FakeMap | undefined;
  writes: string[] = [];
  layers: { id: string; source?: string }[] = [];
  sources = new Set<string>();
  images = new Set<string>();
  #handlers = new Map<string, Set<Handler>>();
  #padding = { top: 0, bottom: 0, left: 0, right: 0 };
  touchZoomRotate = { disableRotation() {} };
  constructor() {
    FakeMap.last = this;
  }
  on(type: string, fn: Handler) {
    if (!this.#handlers.has(type)) this.#handlers.set(type, new Set());
    this.#handlers.get(type)!.add(fn);
  }
  off(type: string, fn: Handler) {
    this.#handlers.get(type)?.delete(fn);
  }
  once(type: string, fn: Handler) {
    const wrapped = (e: object) => {
      this.off(type, wrapped);
      fn(e);
    };
    this.on(type, wrapped);
  }
  fire(type: string, e: object = {}) {
    for (const fn of [...(this.#handlers.get(type) ?? [])]) fn(e);
  }
  loaded() {
    return true;
  }
  remove() {}
  getContainer() {
    return { clientWidth: 1000, clientHeight: 800, getRootNode: () => ({}) };
  }
  getLayersOrder() {
    return this.layers.map((l) => l.id);
  }
  getLayoutProperty() {
    return undefined;
  }
  getPaintProperty() {
    return undefined;
  }
  setPaintProperty(id: string, name: string, value: unknown) {
    this.writes.push(`paint ${id} ${name}=${String(value)}`);
  }
  hasImage(id: string) {
    return this.images.has(id);
  }
  addImage(id: string) {
    this.images.add(id);
    this.writes.push(`addImage ${id}`);
  }
  moveLayer(id: string) {
    this.writes.push(`move ${id}`);
  }
  getStyle() {
    return { layers: this.layers };
  }
  getLayer(id: string) {
    return this.layers.find((l) => l.id === id);
  }
  getSource(id: string) {
    const writes = this.writes;
    return this.sources.has(id) ? { setData: () => void writes.push(`data ${id}`) } : undefined;
  }
  addSource(id: string) {
    this.sources.add(id);
    this.writes.push(`addSource ${id}`);
  }
  addLayer(spec: { id: string; source?: string }) {
    this.layers.push(spec);
    this.writes.push(`addLayer ${spec.id}`);
  }
  setLayoutProperty(id: string, name: string, value: unknown) {
    this.writes.push(`layout ${id} ${name}=${String(value)}`);
  }
  setFilter(id: string) {
    this.writes.push(`filter ${id}`);
  }
  setFeatureState(target: { source: string; id: string }, state: Record<string, unknown>) {
    this.writes.push(`state ${target.id} ${JSON.stringify(state)}`);
  }
  getPadding() {
    return this.#padding;
  }
  setPadding(p: { top: number; bottom: number; left: number; right: number }) {
    this.#padding = p;
    this.writes.push('padding');
  }
  #move(kind: string, target: object, eventData: object = {}) {
    this.writes.push(`${kind} ${JSON.stringify(target)}`);
    this.fire('moveend', eventData);
  }
  jumpTo(target: object, eventData?: object) {
    this.#move('jumpTo', target, eventData);
  }
  flyTo(target: object, eventData?: object) {
    this.#move('flyTo', target, eventData);
  }
  easeTo(target: object, eventData?: object) {
    this.#move('easeTo', target, eventData);
  }
  triggerRepaint() {
    queueMicrotask(() => this.fire('idle'));
  }
  getCenter() {
    return { lng: 116, lat: 40 };
  }
  getZoom() {
    return 10;
  }
  getBearing() {
    return 0;
  }
  getPitch() {
    return 0;
  }
}

vi.mock('maplibre-gl', () => ({ Map: FakeMap, setWorkerUrl: () => {} }));
vi.mock('maplibre-gl/dist/maplibre-gl-worker.mjs?url', () => ({ default: 'worker.js' }));
vi.mock('../../src/map/basemap', () => ({
  loadBasemap: async () => ({ style: { version: 8, sources: {}, layers: [] }, warnings: [] }),
  loadDeferredData: () => () => {},
  setBasemapLanguage: () => {},
}));
vi.mock('../../src/map/feature-interaction', () => ({
  FeatureInteraction: class {
    detach() {}
  },
}));

const { MapController } = await import('../../src/map/map-controller');

const point = (id: string, lng: number, props: Record<string, unknown> = {}): Feature => ({
  type: 'Feature',
  properties: { id, ...props },
  geometry: { type: 'Point', coordinates: [lng, 40] },
});

const layer = (id: string, features: Feature[]): LoadedLayer => ({
  meta: { id, file: `${id}.geojson`, kind: 'point', color: '#336699', title: { en: id } },
  data: { type: 'FeatureCollection', features },
});

const A = layer('a', [point('a1', 116.1), point('a2', 116.2)]);
const B = layer('b', [point('b1', 116.3, { since: 2000 })]);

function step(over: Partial<Step> = {}): Step {
  return {
    id: 's',
    index: 0,
    year: 1990,
    mapYear: 1990,
    title: { en: 'S' },
    body: { en: 'S' },
    camera: {
      center: [116, 40],
      zoom: 10,
      bearing: 0,
      pitch: 0,
      padding: 60,
      transition: 'jump',
      duration: 0,
    },
    layers: ['a'],
    highlight: [],
    animations: [],
    places: [],
    media: [],
    ...over,
  };
}

const OPTS = { insets: { top: 0, bottom: 0, left: 0, right: 0 }, reducedMotion: true };

async function attached() {
  const settled: number[] = [];
  const controller = new MapController({
    lang: 'en',
    baseUrl: 'http://test/',
    onSettled: (run) => settled.push(run),
  });
  await controller.attach({} as HTMLElement);
  const map = FakeMap.last!;
  // What attaching set up (the subject marks' source and layers) is not what `apply` writes.
  taken(map);
  return { controller, map, settled };
}

/** What the fake map was told since the last call. */
function taken(map: FakeMap): string[] {
  return map.writes.splice(0);
}

describe('MapController.apply', () => {
  let index: FeatureIndex;
  beforeEach(() => {
    index = new FeatureIndex([A, B]);
  });

  it('a first step adds every layer once, shows its own and settles', async () => {
    const { controller, map, settled } = await attached();
    const view: StepView = { kind: 'step', lang: 'en', index, step: step(), run: 1 };
    controller.apply(view, OPTS);
    const writes = taken(map);
    expect(writes.filter((w) => w.startsWith('addSource'))).toEqual([
      'addSource story-a',
      'addSource story-b',
    ]);
    // Only layer a is shown; b stays hidden as it was added.
    expect(
      writes.filter((w) => w.includes('visibility=visible')).every((w) => w.includes(' a-')),
    ).toBe(true);
    expect(writes.some((w) => w.includes(' b-') && w.includes('visibility'))).toBe(false);
    expect(writes.some((w) => w.startsWith('jumpTo'))).toBe(true);
    await vi.waitFor(() => expect(settled).toEqual([1]));
  });

  it('the same run again changes nothing', async () => {
    const { controller, map } = await attached();
    const view: StepView = { kind: 'step', lang: 'en', index, step: step(), run: 1 };
    controller.apply(view, OPTS);
    taken(map);
    controller.apply({ ...view }, OPTS);
    expect(taken(map)).toEqual([]);
  });

  it('a layer that arrives is added once; those on the map are left alone', async () => {
    const { controller, map } = await attached();
    controller.apply(
      { kind: 'step', lang: 'en', index: new FeatureIndex([A]), step: step(), run: 1 },
      OPTS,
    );
    taken(map);
    controller.apply({ kind: 'step', lang: 'en', index, step: step(), run: 1 }, OPTS);
    const writes = taken(map);
    expect(writes.filter((w) => w.startsWith('addSource'))).toEqual(['addSource story-b']);
    expect(writes.filter((w) => w.startsWith('addLayer')).every((w) => w.includes(' b-'))).toBe(
      true,
    );
  });

  it('explore changes only what differs: a layer shown, the year, the selection', async () => {
    const { controller, map } = await attached();
    controller.apply({ kind: 'step', lang: 'en', index, step: step(), run: 1 }, OPTS);
    taken(map);
    const base: ExploreView = { kind: 'explore', lang: 'en', index, layers: ['a'], year: 1990 };
    controller.apply(base, OPTS);
    // The step's own layers and year: nothing to change but the step's subject marks, cleared.
    expect(taken(map).filter((w) => !w.startsWith('jumpTo'))).toEqual([
      'data story-subjects',
      expect.stringMatching(/^layout story-subjects-blocker icon-size=/),
    ]);

    controller.apply({ ...base, layers: ['a', 'b'] }, OPTS);
    let writes = taken(map);
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((w) => w.startsWith('layout b-') && w.endsWith('visibility=visible'))).toBe(
      true,
    );

    controller.apply({ ...base, layers: ['a', 'b'], year: 2005 }, OPTS);
    writes = taken(map);
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((w) => w.startsWith('filter '))).toBe(true);

    controller.apply({ ...base, layers: ['a', 'b'], year: 2005, selected: 'b1' }, OPTS);
    writes = taken(map);
    expect(writes).toContain('state b1 {"highlight":true}');
    // The other features of b are dimmed; a's are not touched.
    expect(writes.some((w) => w.startsWith('state a'))).toBe(false);

    controller.apply({ ...base, layers: ['a', 'b'], year: 2005, selected: 'b1' }, OPTS);
    expect(taken(map)).toEqual([]);
  });

  it('a focus frames once per request', async () => {
    const { controller, map } = await attached();
    const base: ExploreView = {
      kind: 'explore',
      lang: 'en',
      index,
      layers: ['a'],
      year: 1990,
      focus: { ids: ['a'], seq: 1 },
    };
    controller.apply(base, OPTS);
    expect(taken(map).filter((w) => w.startsWith('jumpTo'))).toHaveLength(1);
    controller.apply({ ...base }, OPTS);
    expect(taken(map).filter((w) => w.startsWith('jumpTo'))).toHaveLength(0);
    controller.apply({ ...base, focus: { ids: ['a'], seq: 2 } }, OPTS);
    expect(taken(map).filter((w) => w.startsWith('jumpTo'))).toHaveLength(1);
  });
});
