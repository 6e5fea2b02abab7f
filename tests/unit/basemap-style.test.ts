// The embedded basemap style: valid for MapLibre, every reference resolves to a built file,
// and labels switch language. Needs the outputs of `npm run build:basemap` under public/.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import {
  BASEMAP_DATA_FILES,
  BASEMAP_FIRST_LABEL_LAYER_ID,
  BASEMAP_FONT_FACES_FILE,
  BASEMAP_LABEL_LAYER_IDS,
  BASEMAP_PALETTE,
  BASEMAP_YEAR_FILTERED_LAYER_IDS,
  basemapYearFilters,
  buildBasemapStyle,
  labelTextField,
  resolveUrl,
  type FontFacesJson,
} from '../../src/map/basemap-style';

const PUBLIC = fileURLToPath(new URL('../../public/', import.meta.url));
const BASE = 'http://localhost:4173/some/sub/folder/';
const fontFaces = JSON.parse(
  readFileSync(`${PUBLIC}${BASEMAP_FONT_FACES_FILE}`, 'utf8'),
) as FontFacesJson;
const styles = {
  en: buildBasemapStyle({ baseUrl: BASE, lang: 'en', fontFaces }),
  zh: buildBasemapStyle({ baseUrl: BASE, lang: 'zh', fontFaces }),
};

/** Maps a URL under BASE back to the file under public/ it is served from. */
function publicFile(url: string): string {
  expect(url.startsWith(BASE), `${url} is not under the base URL`).toBe(true);
  return `${PUBLIC}${decodeURIComponent(url.slice(BASE.length))}`;
}

function readData(sourceId: string): FeatureCollection {
  const file = `${PUBLIC}${BASEMAP_DATA_FILES[sourceId as keyof typeof BASEMAP_DATA_FILES]}`;
  return JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection;
}

/** The `layer` values a style layer's filter asks for. */
function layerValues(layer: LayerSpecification): string[] {
  const found: string[] = [];
  const walk = (e: unknown): void => {
    if (!Array.isArray(e)) return;
    if (e[0] === '==' && Array.isArray(e[1]) && e[1][0] === 'get' && e[1][1] === 'layer')
      found.push(String(e[2]));
    if (e[0] === 'match' && Array.isArray(e[1]) && e[1][0] === 'get' && e[1][1] === 'layer') {
      found.push(...(Array.isArray(e[2]) ? e[2].map(String) : [String(e[2])]));
    }
    e.forEach(walk);
  };
  walk('filter' in layer ? layer.filter : undefined);
  return found;
}

/** Every font name a layer's `text-font` can use (plain arrays or literals in expressions). */
function fontNames(layer: LayerSpecification): string[] {
  if (layer.type !== 'symbol') return [];
  const names: string[] = [];
  const walk = (e: unknown): void => {
    if (!Array.isArray(e)) return;
    if (e.every((x) => typeof x === 'string') && e[0] !== 'literal' && e[0] !== 'get')
      names.push(...(e as string[]));
    else e.forEach(walk);
  };
  walk(layer.layout?.['text-font']);
  return names;
}

function parseRanges(ranges: string[] | undefined): Array<[number, number]> {
  return (ranges ?? ['U+0-10FFFF']).map((r) => {
    const m = /^U\+([0-9A-F]+)(?:-([0-9A-F]+))?$/i.exec(r);
    if (!m) throw new Error(`unexpected unicode-range ${r}`);
    const start = parseInt(m[1]!, 16);
    return [start, m[2] ? parseInt(m[2], 16) : start];
  });
}

describe('basemap style', () => {
  it.each(['en', 'zh'] as const)('validates with no errors (%s)', (lang) => {
    const errors = validateStyleMin(styles[lang] as StyleSpecification);
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it('starts with a background in the sea colour and uses no glyph server', () => {
    const first = styles.en.layers[0]!;
    expect(first.type).toBe('background');
    expect(first.type === 'background' && first.paint?.['background-color']).toBe(
      BASEMAP_PALETTE.sea,
    );
    expect(styles.en.glyphs).toBeUndefined();
    expect(styles.en.sprite).toBeUndefined();
  });

  it('has unique layer ids, each pointing at a declared source', () => {
    const ids = styles.en.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const layer of styles.en.layers) {
      if (layer.type === 'background') continue;
      expect(Object.keys(styles.en.sources), layer.id).toContain(layer.source);
    }
  });

  it('lists every symbol layer as a label layer, and only those', () => {
    const symbolIds = styles.en.layers.filter((l) => l.type === 'symbol').map((l) => l.id);
    expect([...BASEMAP_LABEL_LAYER_IDS].sort()).toEqual([...symbolIds].sort());
    expect(symbolIds[0]).toBe(BASEMAP_FIRST_LABEL_LAYER_ID);
    // labels sit above every non-label layer
    const firstLabel = styles.en.layers.findIndex((l) => l.type === 'symbol');
    expect(styles.en.layers.slice(firstLabel).every((l) => l.type === 'symbol')).toBe(true);
  });

  it('switches label text with the language', () => {
    expect(labelTextField('en')).toEqual(['get', 'name']);
    expect(labelTextField('zh')).toEqual(['coalesce', ['get', 'name_zh'], ['get', 'name']]);
    for (const id of BASEMAP_LABEL_LAYER_IDS) {
      for (const lang of ['en', 'zh'] as const) {
        const layer = styles[lang].layers.find((l) => l.id === id);
        expect(layer?.type, id).toBe('symbol');
        if (layer?.type === 'symbol')
          expect(layer.layout?.['text-field'], `${id} ${lang}`).toEqual(labelTextField(lang));
      }
    }
    // nothing else differs between the two languages
    const strip = (s: StyleSpecification) =>
      JSON.stringify(
        s.layers.map((l) =>
          l.type === 'symbol' ? { ...l, layout: { ...l.layout, 'text-field': null } } : l,
        ),
      );
    expect(strip(styles.zh)).toBe(strip(styles.en));
  });

  it('points every data URL at a built file under public/', () => {
    for (const [id, source] of Object.entries(styles.en.sources)) {
      expect(source.type, id).toBe('geojson');
      const data = source.type === 'geojson' ? source.data : undefined;
      expect(typeof data, id).toBe('string');
      expect(existsSync(publicFile(data as string)), `${id}: ${data}`).toBe(true);
    }
  });

  it('draws world and China features the data files contain, all tagged with a layer', () => {
    const present = new Map<string, Set<string>>();
    for (const id of Object.keys(styles.en.sources)) {
      const fc = readData(id);
      expect(fc.type).toBe('FeatureCollection');
      for (const f of fc.features)
        expect(typeof f.properties?.layer, `${id} feature`).toBe('string');
      present.set(id, new Set(fc.features.map((f) => String(f.properties!.layer))));
    }
    for (const layer of styles.en.layers) {
      if (layer.type === 'background') continue;
      const values = layerValues(layer);
      expect(values.length, `${layer.id} filters on "layer"`).toBeGreaterThan(0);
      // Beijing detail files arrive separately; the world and China files are complete
      if (layer.source === 'basemap-beijing') continue;
      for (const v of values)
        expect(present.get(layer.source)!.has(v), `${layer.id}: ${v}`).toBe(true);
    }
    expect(present.get('basemap-beijing')!.has('municipality')).toBe(true);
  });

  it('resolves every font face to a bundled file, for every font the labels name', () => {
    const faces = styles.en['font-faces']!;
    for (const layer of styles.en.layers) {
      for (const name of fontNames(layer))
        expect(Object.keys(faces), `${layer.id}`).toContain(name);
    }
    for (const [name, list] of Object.entries(faces)) {
      const entries = typeof list === 'string' ? [{ url: list }] : list;
      expect(entries.length, name).toBeGreaterThan(0);
      for (const face of entries) expect(existsSync(publicFile(face.url)), face.url).toBe(true);
    }
    // Chinese: all the subsets are declared, so any label can be drawn
    expect((faces['Noto Sans SC Regular'] as unknown[]).length).toBeGreaterThan(90);
  });

  it('covers every character of every label with a bundled font', () => {
    const faces = styles.en['font-faces']!;
    const ranges = (font: string) =>
      (faces[font] as Array<{ 'unicode-range'?: string[] }>).flatMap((f) =>
        parseRanges(f['unicode-range']),
      );
    const latin = ranges('Noto Sans Regular');
    const cjk = ranges('Noto Sans SC Regular');
    const covered = (r: Array<[number, number]>, cp: number) =>
      r.some(([a, b]) => cp >= a && cp <= b);
    for (const id of Object.keys(styles.en.sources)) {
      for (const f of readData(id).features) {
        for (const key of ['name', 'name_zh'] as const) {
          const text = f.properties?.[key];
          if (typeof text !== 'string') continue;
          for (const ch of text) {
            const cp = ch.codePointAt(0)!;
            const ideograph = cp >= 0x2e80;
            // a CJK character must reach the Chinese files, not a Latin face claiming everything
            expect(
              ideograph ? !covered(latin, cp) && covered(cjk, cp) : covered(latin, cp),
              `"${ch}" in ${key} "${text}"`,
            ).toBe(true);
          }
        }
      }
    }
  });

  it('starts every year-filtered layer with its no-year filter, and keeps filters valid per year', () => {
    const initial = basemapYearFilters(undefined);
    for (const id of BASEMAP_YEAR_FILTERED_LAYER_IDS) {
      const layer = styles.en.layers.find((l) => l.id === id);
      expect(layer, id).toBeDefined();
      expect(layer && 'filter' in layer && layer.filter, id).toEqual(initial[id]);
    }
    // a style with any year's filters applied is still valid
    const filters = basemapYearFilters(1999);
    const dated = {
      ...styles.en,
      layers: styles.en.layers.map((l) =>
        l.id in filters ? { ...l, filter: filters[l.id as keyof typeof filters] } : l,
      ),
    } as StyleSpecification;
    expect(validateStyleMin(dated).map((e) => e.message)).toEqual([]);
  });

  it('resolves relative and absolute base URLs', () => {
    expect(resolveUrl('basemap/world.geojson', 'https://example.org/app/')).toBe(
      'https://example.org/app/basemap/world.geojson',
    );
    expect(resolveUrl('basemap/world.geojson', 'https://example.org/app/index.html')).toBe(
      'https://example.org/app/basemap/world.geojson',
    );
    expect(resolveUrl('basemap/world.geojson', './')).toBe('./basemap/world.geojson');
    expect(resolveUrl('basemap/world.geojson', '')).toBe('basemap/world.geojson');
    expect(resolveUrl('a.woff2', resolveUrl('fonts/font-faces.json', './'))).toBe(
      './fonts/a.woff2',
    );
    const relative = buildBasemapStyle({ baseUrl: './', lang: 'en', fontFaces });
    const world = relative.sources['basemap-world'];
    expect(world?.type === 'geojson' && world.data).toBe('./basemap/world.geojson');
  });

  it('still builds a valid style without any font faces (fonts then come from the system)', () => {
    const style = buildBasemapStyle({ baseUrl: BASE, lang: 'zh', fontFaces: {} });
    expect(style['font-faces']).toBeUndefined();
    expect(validateStyleMin(style)).toEqual([]);
  });
});
