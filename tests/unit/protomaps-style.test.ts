// Our style for a Protomaps-schema PMTiles archive: valid for MapLibre, drawn only from the
// app's own files and palette, labels in either language, a road hierarchy by kind; and the
// archive's attribution made safe for MapLibre's attribution control.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  featureFilter,
  latest,
  validateStyleMin,
  expression,
  type LayerSpecification,
  type StylePropertySpecification,
  type StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { BASEMAP_FONT_FACES_FILE, type FontFacesJson } from '../../src/map/basemap-style';
import {
  OSM_ATTRIBUTION,
  PROTOMAPS_LABEL_LAYER_IDS,
  PROTOMAPS_PALETTE,
  PROTOMAPS_ROAD_LAYER_IDS,
  PROTOMAPS_SOURCE_ID,
  PROTOMAPS_SOURCE_LAYERS,
  archiveAttribution,
  attributionText,
  buildProtomapsStyle,
  isProtomapsSchema,
  protomapsLabelText,
  sanitizeAttribution,
  vectorLayerIds,
} from '../../src/map/protomaps-style';

const PUBLIC = fileURLToPath(new URL('../../public/', import.meta.url));
const BASE = 'http://localhost:4173/app/';
const fontFaces = JSON.parse(
  readFileSync(`${PUBLIC}${BASEMAP_FONT_FACES_FILE}`, 'utf8'),
) as FontFacesJson;
const archive = {
  url: `${BASE}city.pmtiles`,
  minZoom: 0,
  maxZoom: 14,
  bounds: [-9.18, 38.7, -9.14, 38.74] as [number, number, number, number],
  attribution: '<a href="https://example.org/" target="_blank" rel="noopener noreferrer">Test</a>',
};
const styles = {
  en: buildProtomapsStyle({ baseUrl: BASE, lang: 'en', fontFaces, archive }),
  zh: buildProtomapsStyle({ baseUrl: BASE, lang: 'zh', fontFaces, archive }),
};
const layer = (id: string) => styles.en.layers.find((l) => l.id === id)!;

/** Evaluates a layer's paint or layout property for one feature at one zoom. */
function evaluate(
  l: LayerSpecification,
  kind: 'paint' | 'layout',
  name: string,
  zoom: number,
  properties: Record<string, unknown>,
  type = 2,
): unknown {
  const value = (l as unknown as Record<string, Record<string, unknown>>)[kind]![name];
  const spec = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>)[
    `${kind}_${l.type}`
  ]![name]!;
  const parsed = expression.createPropertyExpression(value, name, spec);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  return parsed.value.evaluate({ zoom }, { type, properties } as never);
}

/** Whether a layer's filter keeps a feature at a zoom (1 point, 2 line, 3 polygon). */
function shows(id: string, zoom: number, properties: Record<string, unknown>, type = 2): boolean {
  const l = layer(id);
  if (l.minzoom !== undefined && zoom < l.minzoom) return false;
  if (l.maxzoom !== undefined && zoom >= l.maxzoom) return false;
  const filter = 'filter' in l ? l.filter : undefined;
  return featureFilter(filter, 'filter').filter({ zoom }, { type, properties } as never);
}

describe('Protomaps archive style', () => {
  it.each(['en', 'zh'] as const)('validates with no errors (%s)', (lang) => {
    expect(validateStyleMin(styles[lang] as StyleSpecification).map((e) => e.message)).toEqual([]);
  });

  it('needs no glyph server and no sprite, and draws the archive through pmtiles://', () => {
    expect(styles.en.glyphs).toBeUndefined();
    expect(styles.en.sprite).toBeUndefined();
    const source = styles.en.sources[PROTOMAPS_SOURCE_ID];
    expect(source?.type).toBe('vector');
    if (source?.type !== 'vector') return;
    expect(source.tiles).toEqual([`pmtiles://${BASE}city.pmtiles/{z}/{x}/{y}`]);
    expect(source.maxzoom).toBe(14);
    expect(source.bounds).toEqual(archive.bounds);
    expect(source.attribution).toBe(archive.attribution);
  });

  it('reads only the schema’s source-layers, from declared sources', () => {
    for (const l of styles.en.layers) {
      if (l.type === 'background') continue;
      expect(Object.keys(styles.en.sources), l.id).toContain(l.source);
      if (l.source === PROTOMAPS_SOURCE_ID)
        expect(PROTOMAPS_SOURCE_LAYERS as readonly string[], l.id).toContain(l['source-layer']);
    }
    const used = new Set(
      styles.en.layers.map((l) => ('source-layer' in l ? l['source-layer'] : '')),
    );
    for (const sourceLayer of ['earth', 'water', 'landuse', 'roads', 'buildings', 'places', 'pois'])
      expect(used.has(sourceLayer), sourceLayer).toBe(true);
  });

  it('starts with the embedded sea and land, so the world beyond an extract is not blank', () => {
    expect(styles.en.layers[0]).toMatchObject({ id: 'basemap-background', type: 'background' });
    expect(styles.en.layers[1]).toMatchObject({ id: 'basemap-land', source: 'basemap-world' });
  });

  it('lists every symbol layer as a label layer, labels above everything else', () => {
    const symbols = styles.en.layers.filter((l) => l.type === 'symbol').map((l) => l.id);
    expect([...symbols].sort()).toEqual([...PROTOMAPS_LABEL_LAYER_IDS].sort());
    const first = styles.en.layers.findIndex((l) => l.type === 'symbol');
    expect(styles.en.layers.slice(first).every((l) => l.type === 'symbol')).toBe(true);
  });

  it('switches only the label text with the language', () => {
    expect(protomapsLabelText('zh')).toEqual([
      'coalesce',
      ['get', 'name:zh-Hans'],
      ['get', 'name:zh'],
      ['get', 'name'],
    ]);
    expect(protomapsLabelText('en')).toEqual(['coalesce', ['get', 'name:en'], ['get', 'name']]);
    for (const id of PROTOMAPS_LABEL_LAYER_IDS) {
      for (const lang of ['en', 'zh'] as const) {
        const l = styles[lang].layers.find((x) => x.id === id);
        expect(l?.type === 'symbol' && l.layout?.['text-field'], `${id} ${lang}`).toEqual(
          protomapsLabelText(lang),
        );
      }
    }
    const strip = (s: StyleSpecification) =>
      JSON.stringify(
        s.layers.map((l) =>
          l.type === 'symbol' ? { ...l, layout: { ...l.layout, 'text-field': null } } : l,
        ),
      );
    expect(strip(styles.zh)).toBe(strip(styles.en));
    const place = layer('pm-locality-label');
    const props = { kind: 'locality', name: 'Cidade', 'name:zh': '城', 'name:en': 'Town' };
    expect(String(evaluate(place, 'layout', 'text-field', 12, props))).toBe('Town');
    const zhPlace = styles.zh.layers.find((l) => l.id === 'pm-locality-label')!;
    expect(String(evaluate(zhPlace, 'layout', 'text-field', 12, props))).toBe('城');
    expect(String(evaluate(zhPlace, 'layout', 'text-field', 12, { name: 'Cidade' }))).toBe(
      'Cidade',
    );
  });

  it('uses only the quiet palette and the bundled fonts', () => {
    const palette = new Set<string>(Object.values(PROTOMAPS_PALETTE));
    const colours = JSON.stringify(styles.en.layers).match(/#[0-9a-f]{6}\b/gi) ?? [];
    expect(colours.length).toBeGreaterThan(10);
    for (const c of colours) expect(palette.has(c), c).toBe(true);
    const fonts = JSON.stringify(
      styles.en.layers.map((l) => (l.type === 'symbol' ? l.layout?.['text-font'] : null)),
    );
    for (const name of fonts.match(/Noto Sans[^"]*/g) ?? [])
      expect(Object.keys(styles.en['font-faces']!)).toContain(name);
  });

  it('draws roads by kind: highways widest, minor streets from zoom 12, paths from 14', () => {
    const road = layer('pm-road');
    const width = (kind: string, zoom: number) =>
      evaluate(road, 'paint', 'line-width', zoom, { kind }) as number;
    expect(width('highway', 15)).toBeGreaterThan(width('major_road', 15));
    expect(width('major_road', 15)).toBeGreaterThan(width('minor_road', 15));
    expect(width('minor_road', 15)).toBeGreaterThan(width('path', 15));
    expect(width('major_road', 15)).toBeGreaterThan(width('major_road', 12));
    const casing = layer('pm-road-casing');
    expect(evaluate(casing, 'paint', 'line-width', 15, { kind: 'minor_road' })).toBeGreaterThan(
      width('minor_road', 15),
    );
    expect(shows('pm-road', 9, { kind: 'major_road' })).toBe(true);
    expect(shows('pm-road', 11, { kind: 'minor_road' })).toBe(false);
    expect(shows('pm-road', 12, { kind: 'minor_road' })).toBe(true);
    expect(shows('pm-road', 13, { kind: 'path' })).toBe(false);
    expect(shows('pm-road', 14, { kind: 'path' })).toBe(true);
    expect(shows('pm-road', 14, { kind: 'ferry' })).toBe(false);
    for (const id of PROTOMAPS_ROAD_LAYER_IDS) expect(layer(id).type).toBe('line');
  });

  it('labels major streets from zoom 12 and minor ones from 14, along the line', () => {
    const named = (kind: string) => ({ kind, name: 'Rua' });
    expect(shows('pm-road-label', 12, named('major_road'))).toBe(true);
    expect(shows('pm-road-label', 13, named('minor_road'))).toBe(false);
    expect(shows('pm-road-label', 14, named('minor_road'))).toBe(true);
    expect(shows('pm-road-label', 14, { kind: 'minor_road' })).toBe(false);
    const l = layer('pm-road-label');
    expect(l.type === 'symbol' && l.layout?.['symbol-placement']).toBe('line');
  });

  it('shows POIs as dots with labels when Protomaps suggests, places and water by kind', () => {
    expect(shows('pm-poi-dot', 15, { kind: 'cafe', name: 'Café', min_zoom: 15 }, 1)).toBe(true);
    expect(shows('pm-poi-dot', 15, { kind: 'cafe', name: 'Café', min_zoom: 16 }, 1)).toBe(false);
    expect(shows('pm-poi-label', 16, { kind: 'cafe', name: 'Café', min_zoom: 16 }, 1)).toBe(true);
    expect(layer('pm-poi-dot').type).toBe('circle');
    expect(shows('pm-neighbourhood-label', 13, { kind: 'neighbourhood', min_zoom: 12 }, 1)).toBe(
      true,
    );
    expect(shows('pm-locality-label', 13, { kind: 'neighbourhood' }, 1)).toBe(false);
    expect(shows('pm-water', 10, { kind: 'lake' }, 3)).toBe(true);
    expect(evaluate(layer('pm-water'), 'paint', 'fill-color', 10, { kind: 'ocean' }, 3)).toEqual(
      evaluate(layer('basemap-background'), 'paint', 'background-color', 10, {}),
    );
    expect(shows('pm-landuse-park', 12, { kind: 'park' }, 3)).toBe(true);
    expect(shows('pm-landuse-park', 12, { kind: 'industrial' }, 3)).toBe(false);
    expect(shows('pm-buildings', 12, { kind: 'building' }, 3)).toBe(false);
    expect(shows('pm-buildings', 14, { kind: 'building' }, 3)).toBe(true);
  });
});

describe('archive attribution', () => {
  it('keeps the text and http(s) links of a Protomaps build’s credit', () => {
    const planet =
      '<a href="https://www.openstreetmap.org/copyright" target="_blank">&copy; OpenStreetMap</a>';
    expect(sanitizeAttribution(planet)).toBe(
      '<a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener noreferrer">© OpenStreetMap</a>',
    );
    expect(attributionText(sanitizeAttribution(planet))).toBe('© OpenStreetMap');
  });

  it('drops scripts, handlers, other tags and non-http links, escaping what is left', () => {
    const hostile =
      '<img src=x onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">x</a> <b onclick="y">A &amp; B</b> 1 < 2 <a href="https://ok.example/?a=1&amp;b=&quot;2&quot;">ok</a><a href="https://open.example/">unclosed';
    const safe = sanitizeAttribution(hostile);
    expect(safe).not.toMatch(/<(img|script|b)\b|onerror|onclick|javascript:|alert\(2\)/);
    expect(safe).toContain('A &amp; B 1 &lt; 2');
    expect(safe).toContain('href="https://ok.example/?a=1&amp;b=&quot;2&quot;"');
    expect(safe.endsWith('unclosed</a>')).toBe(true);
    expect(attributionText(safe)).toBe('x A & B 1 < 2 okunclosed');
  });

  it('falls back to the OpenStreetMap credit for Protomaps data that names none', () => {
    expect(archiveAttribution({ attribution: '  ' }, true)).toBe(OSM_ATTRIBUTION);
    expect(archiveAttribution({}, true)).toBe(OSM_ATTRIBUTION);
    expect(archiveAttribution({}, false)).toBe('');
    expect(archiveAttribution({ attribution: 'Our city © us' }, true)).toBe('Our city © us');
    expect(archiveAttribution(null, true)).toBe(OSM_ATTRIBUTION);
  });

  it('recognises the Protomaps schema by its layers', () => {
    const meta = { vector_layers: [{ id: 'roads' }, { id: 'places' }, { nope: 1 }, 'x'] };
    expect(vectorLayerIds(meta)).toEqual(['roads', 'places']);
    expect(vectorLayerIds({ vector_layers: 'roads' })).toEqual([]);
    expect(isProtomapsSchema(['earth', 'water', 'roads', 'places'])).toBe(true);
    expect(isProtomapsSchema(['roads'])).toBe(false);
    expect(isProtomapsSchema(['water', 'landuse'])).toBe(false);
    expect(isProtomapsSchema(['transportation', 'water', 'place'])).toBe(false); // OpenMapTiles
  });
});
