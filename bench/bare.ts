// The bare MapLibre page the benchmark compares the app with: the same MapLibre and the same map
// options that affect drawing, and nothing else: no Lit, no story engine, no UI. Two ways:
//   - built (the time to first idle: a cold load of both): the basemap style of
//     buildBasemapStyle, its data given to the map by zoom as in the app (loadDeferredData),
//     and the story sources and layers (storySource/storyLayers from geo/layers.json);
//   - exact (the flights): `#{"exact":true}`, then `window.bareStart(init)` with the style the
//     running app's map holds (`map.getStyle()`: its projection, fonts, sources with their
//     data, every filter and visibility), so both draw the very same map.
// The benchmark drives it through `window.bare`.
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import type { FilterSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { buildBasemapStyle } from '../src/map/basemap-style';
import { COMPACT_FONT_FACES_FILE, loadDeferredData } from '../src/map/basemap';
import { decodeFontFaces } from '../src/map/compact-font-faces';
import { sourceId, storyLayers, storySource } from '../src/map/layer-styles';
import type { ManifestLayer } from '../src/geo/manifest';
import type { BareApi, BareInit, LayerSnapshot, StyleCommand } from './protocol';

declare global {
  interface Window {
    bare: BareApi;
    /** Exact mode: makes the map with the app's own style; resolves once it is idle. */
    bareStart(init: BareInit & { style: StyleSpecification }): Promise<void>;
  }
}

setWorkerUrl(workerUrl);

const init: BareInit =
  location.hash.length > 1
    ? (JSON.parse(decodeURIComponent(location.hash.slice(1))) as BareInit)
    : {};
const lang = init.lang ?? 'en';
// bare.html is built to <site>/bench/bare.html; the app's files are at the site's root.
const base = new URL('../', location.href).href;

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

const fontFaces = async () =>
  decodeFontFaces(await getJson(new URL(COMPACT_FONT_FACES_FILE, base).href));

// The story layers load while the style does, as in the app.
const storyData = () => {
  const manifestUrl = new URL('geo/layers.json', base).href;
  return getJson<{ layers: ManifestLayer[] }>(manifestUrl).then((manifest) =>
    Promise.all(
      manifest.layers.map(async (meta) => ({
        meta,
        data: await getJson<FeatureCollection>(new URL(meta.file, manifestUrl).href),
      })),
    ),
  );
};

/** The app's map options that change what is drawn or how (the rest are gestures). */
function makeMap(style: StyleSpecification, cam: BareInit['camera']) {
  const made = new MapLibreMap({
    container: 'map',
    style,
    center: cam?.center ?? [116.31, 39.98],
    zoom: cam?.zoom ?? 3,
    bearing: cam?.bearing ?? 0,
    pitch: cam?.pitch ?? 0,
    attributionControl: { compact: true },
    fadeDuration: 0,
    cooperativeGestures: false,
    dragRotate: false,
    pitchWithRotate: false,
    maxPitch: 85,
  });
  if (cam) made.setPadding(cam.padding);
  return made;
}

let map: MapLibreMap;

/** Feature states this page has set, by source and id, to change only what differs. */
const applied = new Map<string, { source: string; id: string; state: Record<string, unknown> }>();

function apply(snapshot: LayerSnapshot) {
  for (const layer of snapshot.layers) {
    if (!map.getLayer(layer.id)) continue;
    map.setLayoutProperty(layer.id, 'visibility', layer.visible ? 'visible' : 'none');
    map.setFilter(layer.id, (layer.filter ?? null) as FilterSpecification | null);
  }
  // Like the app, touch only the feature states that change.
  const wanted = new Map(snapshot.featureStates.map((f) => [`${f.source}\u0000${f.id}`, f]));
  for (const [key, { source, id }] of applied) {
    if (!wanted.has(key) && map.getSource(source)) map.removeFeatureState({ source, id });
  }
  for (const [key, f] of wanted) {
    const before = applied.get(key)?.state;
    if (before && JSON.stringify(before) === JSON.stringify(f.state)) continue;
    if (!map.getSource(f.source)) continue;
    if (before && Object.keys(before).some((k) => !(k in f.state)))
      map.removeFeatureState({ source: f.source, id: f.id });
    map.setFeatureState({ source: f.source, id: f.id }, f.state);
  }
  applied.clear();
  for (const [key, f] of wanted) applied.set(key, f);
}

function idle(): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

/** Style changes as `diff` (style-spec) computed them: setFilter, setLayoutProperty... */
function run(commands: readonly StyleCommand[]) {
  const target = map as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const { command, args } of commands) {
    // Like the app (MapController), the filters and properties are not validated again.
    const options = /^(setFilter|setPaintProperty|setLayoutProperty)$/.test(command)
      ? [{ validate: false }]
      : [];
    const fixed = command === 'setFilter' ? args.slice(0, 2) : args.slice(0, 3);
    target[command]!.apply(map, [...fixed, ...options]);
  }
}

function setStyle(style: StyleSpecification) {
  map.setStyle(style, { diff: true });
}

const api = () => ({ map, firstIdle: undefined, apply, idle, run, setStyle });

async function loaded() {
  if (!map.loaded()) await new Promise<void>((resolve) => map.once('load', () => resolve()));
}

async function startBuilt() {
  const layers = storyData();
  map = makeMap(
    buildBasemapStyle({ baseUrl: base, lang, fontFaces: await fontFaces(), deferData: true }),
    init.camera,
  );
  const ready = (async () => {
    await loaded();
    // the map is made at the view to show, not at a placeholder
    loadDeferredData(map, { placeholder: false });
    for (const { meta, data } of await layers) {
      map.addSource(sourceId(meta.id), storySource(data));
      for (const spec of storyLayers(meta, lang, undefined)) map.addLayer(spec);
    }
    if (init.layers) apply(init.layers);
    await idle();
    window.bare.firstIdle = performance.now();
  })();
  window.bare = { ...api(), ready };
}

window.bareStart = async (start) => {
  map = makeMap(start.style, start.camera);
  const ready = (async () => {
    await loaded();
    // The app's style lists the basemap data it fetches by zoom; the app watches for it too.
    loadDeferredData(map, { placeholder: false });
    if (start.layers) apply(start.layers);
    await idle();
    window.bare.firstIdle = performance.now();
  })();
  window.bare = { ...api(), ready };
  await ready;
};

if (!init.exact) await startBuilt();
