// The data the app fetches first: the compact font list, the low-zoom world, and the basemap
// sources that take their data by zoom. The committed files must be what
// scripts/build-lazy-data.ts makes of today's inputs.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, Position } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import {
  BASEMAP_DATA_FILES,
  BASEMAP_DEFERRED_DATA_KEY,
  BASEMAP_FONT_FACES_FILE,
  BASEMAP_SOURCE_IDS,
  BASEMAP_WORLD_LOW_FILE,
  WORLD_DETAIL_ZOOM,
  buildBasemapStyle,
  type DeferredData,
  type FontFacesJson,
} from '../../src/map/basemap-style';
import {
  decodeFontFaces,
  decodeRanges,
  encodeFontFaces,
  encodeRanges,
  parseUnicodeRange,
} from '../../src/map/compact-font-faces';
import { COMPACT_FONT_FACES_FILE, loadDeferredData } from '../../src/map/basemap';
import { lazyDataFiles, lowZoomWorld } from '../../scripts/build-lazy-data';

const PUBLIC = fileURLToPath(new URL('../../public/', import.meta.url));
const read = (file: string) => readFileSync(`${PUBLIC}${file}`, 'utf8');
const fontFaces = JSON.parse(read(BASEMAP_FONT_FACES_FILE)) as FontFacesJson;

/** Code points a face covers, as sorted [first, last] pairs. */
const coverage = (ranges: readonly string[] = []) =>
  ranges.map((r) => parseUnicodeRange(r)!).sort((a, b) => a[0] - b[0]);

describe('compact font faces', () => {
  it('ranges survive encoding, whatever their hex padding', () => {
    const ranges = ['U+0000-00FF', 'U+0131', 'U+2AE-2B3', 'U+4E00', 'U+4E02-4E04', 'U+1F1E9-1F1F5'];
    const decoded = decodeRanges(encodeRanges(ranges));
    expect(decoded).toEqual([
      'U+0-FF',
      'U+131',
      'U+2AE-2B3',
      'U+4E00',
      'U+4E02-4E04',
      'U+1F1E9-1F1F5',
    ]);
    expect(coverage(decoded)).toEqual(coverage(ranges));
  });

  it('refuses ranges it cannot hold in order, and files of another format', () => {
    expect(() => encodeRanges(['U+4E10', 'U+4E00'])).toThrow(/out of order/);
    expect(() => encodeRanges(['U+4E00-4E10', 'U+4E05'])).toThrow(/overlaps/);
    expect(() => encodeRanges(['U+4??'])).toThrow(/this format can hold/);
    expect(() => decodeFontFaces(fontFaces)).toThrow(/not a zgc-font-faces-1 file/);
  });

  it('the committed compact file lists the same fonts, files and code points as font-faces.json', () => {
    const decoded = decodeFontFaces(JSON.parse(read(COMPACT_FONT_FACES_FILE)));
    expect(Object.keys(decoded)).toEqual(Object.keys(fontFaces));
    for (const [name, faces] of Object.entries(fontFaces)) {
      expect(decoded[name]!.map((f) => f.url)).toEqual(faces.map((f) => f.url));
      faces.forEach((f, i) =>
        expect(coverage(decoded[name]![i]!['unicode-range'])).toEqual(coverage(f['unicode-range'])),
      );
    }
  });

  it('is a fraction of the JSON it stands for', () => {
    const gz = (s: string) => gzipSync(s, { level: 9 }).length;
    const compact = JSON.stringify(encodeFontFaces(fontFaces));
    expect(gz(compact)).toBeLessThan(gz(JSON.stringify(fontFaces)) / 2.5);
  });
});

describe('the low-zoom world', () => {
  const world = JSON.parse(read(BASEMAP_DATA_FILES[BASEMAP_SOURCE_IDS.world])) as FeatureCollection;
  const low = JSON.parse(read(BASEMAP_WORLD_LOW_FILE)) as FeatureCollection;

  it('both committed files are what the script makes of today’s inputs', () => {
    for (const [file, text] of Object.entries(lazyDataFiles(PUBLIC))) expect(read(file)).toBe(text);
  });

  it('keeps every kind of feature, labels as they are, rings closed and counter-clockwise', () => {
    const kinds = (fc: FeatureCollection) => new Set(fc.features.map((f) => f.properties?.layer));
    expect(kinds(low)).toEqual(kinds(world));
    const labels = (fc: FeatureCollection) =>
      fc.features.filter((f) => f.geometry.type === 'Point');
    expect(labels(low)).toEqual(labels(world));
    const signedArea = (ring: Position[]) =>
      ring.slice(1).reduce((s, p, i) => s + (ring[i]![0]! * p[1]! - p[0]! * ring[i]![1]!), 0) / 2;
    for (const f of low.features) {
      if (f.geometry.type !== 'MultiPolygon') continue;
      for (const [outer] of f.geometry.coordinates) {
        expect(outer![0]).toEqual(outer![outer!.length - 1]);
        expect(signedArea(outer!)).toBeGreaterThan(0);
      }
    }
  });

  it('is much smaller than the full world', () => {
    const gz = (s: string) => gzipSync(s, { level: 9 }).length;
    const lowText = read(BASEMAP_WORLD_LOW_FILE);
    expect(gz(lowText)).toBeLessThan(gz(read(BASEMAP_DATA_FILES[BASEMAP_SOURCE_IDS.world])) * 0.6);
    // The default options are the committed ones; coarser ones make a smaller file.
    const coarser = lowZoomWorld(world, { zoom: 2, tolerancePx: 1, gridDeg: 0.05, minAreaPx: 2 });
    expect(gz(JSON.stringify(coarser))).toBeLessThan(gz(lowText));
  });
});

describe('basemap data by zoom', () => {
  const BASE = 'http://localhost:4173/app/';
  const style = buildBasemapStyle({ baseUrl: BASE, lang: 'en', fontFaces: {}, deferData: true });
  const deferred = (style.metadata as Record<string, unknown>)[BASEMAP_DEFERRED_DATA_KEY] as Record<
    string,
    DeferredData
  >;

  it('is a valid style whose sources start small: the low-zoom world, the others empty', () => {
    expect(validateStyleMin(style)).toEqual([]);
    const data = (id: string) => (style.sources[id] as { data: unknown }).data;
    expect(data(BASEMAP_SOURCE_IDS.world)).toBe(`${BASE}${BASEMAP_WORLD_LOW_FILE}`);
    for (const id of [
      BASEMAP_SOURCE_IDS.china,
      BASEMAP_SOURCE_IDS.beijing,
      BASEMAP_SOURCE_IDS.haidian,
    ])
      expect(data(id)).toEqual({ type: 'FeatureCollection', features: [] });
    // Without deferData the style is as before: every file at once.
    const eager = buildBasemapStyle({ baseUrl: BASE, lang: 'en', fontFaces: {} });
    expect((eager.sources[BASEMAP_SOURCE_IDS.china] as { data: unknown }).data).toBe(
      `${BASE}${BASEMAP_DATA_FILES[BASEMAP_SOURCE_IDS.china]}`,
    );
    expect(eager.metadata).toBeUndefined();
  });

  it('each file comes at the zooms its style layers draw it, the full world from WORLD_DETAIL_ZOOM', () => {
    for (const [id, d] of Object.entries(deferred)) {
      expect(existsSync(`${PUBLIC}${d.url.slice(BASE.length)}`), d.url).toBe(true);
      if (id === BASEMAP_SOURCE_IDS.world) {
        expect(d).toMatchObject({ minzoom: WORLD_DETAIL_ZOOM });
        continue;
      }
      const layers = style.layers.filter((l) => 'source' in l && l.source === id);
      expect(d.minzoom).toBe(Math.min(...layers.map((l) => l.minzoom ?? 0)));
      expect(d.maxzoom).toBe(Math.max(...layers.map((l) => l.maxzoom ?? 99)));
    }
    // Provinces are not drawn on the world views of the first step (zoom 2.5).
    expect(deferred[BASEMAP_SOURCE_IDS.china]!.minzoom).toBeGreaterThan(2.5);
  });

  /** Just enough of a MapLibre map for loadDeferredData. */
  function fakeMap(zoom: number, center = { lng: 116.31, lat: 39.98 }) {
    const handlers = new Map<string, Set<() => void>>();
    const fetched: string[] = [];
    const camera = { zoom, center };
    const map = {
      getStyle: () => style,
      getZoom: () => camera.zoom,
      getCenter: () => camera.center,
      getSource: (id: string) => ({
        setData: (url: string) => (
          fetched.push(`${id} ${url.slice(BASE.length)}`),
          Promise.resolve()
        ),
      }),
      on: (type: string, f: () => void) =>
        handlers.set(type, (handlers.get(type) ?? new Set()).add(f)),
      once: (type: string, f: () => void) => map.on(type, f),
      off: (type: string, f: () => void) => handlers.get(type)?.delete(f),
    };
    const move = (z: number, c = camera.center) => {
      camera.zoom = z;
      camera.center = c;
      for (const f of [...(handlers.get('move') ?? [])]) f();
    };
    const listeners = () => [...handlers.values()].reduce((n, s) => n + s.size, 0);
    return { map: map as unknown as MapLibreMap, fetched, move, listeners };
  }

  it('fetches each file once, when the camera first reaches its zooms', () => {
    const m = fakeMap(2);
    loadDeferredData(m.map, { placeholder: false });
    expect(m.fetched).toEqual([]);
    m.move(2.5, { lng: 170, lat: 30 });
    expect(m.fetched).toEqual([]);
    m.move(5);
    expect(m.fetched).toEqual([
      'basemap-world basemap/world.geojson',
      'basemap-china basemap/china.geojson',
    ]);
    m.move(12);
    m.move(4);
    expect(m.fetched.slice(2)).toEqual([
      'basemap-beijing basemap/beijing.geojson',
      'basemap-haidian basemap/haidian-streets.geojson',
    ]);
    expect(m.listeners()).toBe(0); // nothing left to wait for: it stopped listening
  });

  it('the camera the map was made with is a placeholder until the camera leaves it', () => {
    const m = fakeMap(3);
    loadDeferredData(m.map);
    m.move(3 + 1e-9, { lng: 116.30999999999995, lat: 39.98 }); // a change of padding
    expect(m.fetched).toEqual([]);
    m.move(2.99, { lng: 120, lat: 39 }); // the first flight sets off
    expect(m.fetched).toEqual([]);
    m.move(3.2);
    expect(m.fetched).toEqual([
      'basemap-world basemap/world.geojson',
      'basemap-china basemap/china.geojson',
    ]);
  });

  it('wiring it twice watches once; a style without deferred data costs nothing', () => {
    const m = fakeMap(2);
    expect(loadDeferredData(m.map)).toBe(loadDeferredData(m.map));
    const eager = { ...fakeMap(2), map: { getStyle: () => ({ layers: [], sources: {} }) } };
    const off = loadDeferredData(eager.map as unknown as MapLibreMap);
    expect(off()).toBeUndefined();
  });
});
