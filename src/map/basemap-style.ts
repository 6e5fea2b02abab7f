// The embedded basemap as a MapLibre style: a quiet, newspaper-graphic base (muted land, pale
// sea, thin grey borders, few labels) so the coloured story layers stand out.
//
// Pure data and functions: no maplibre-gl runtime import. The data files and fonts are built
// by scripts/build-basemap.ts into public/basemap/ and public/fonts/ (see geo/notes/basemap.md).
//
// Three scales, one GeoJSON source each; every feature has a `layer` property the style
// layers filter on:
//   world   (zoom 0-4, land under everything): land, country-border, country-label,
//           ocean-label, sea-label
//   china   (zoom 4-8): province (polygons, not drawn; for queries), province-border,
//           province-label (also Hong Kong, Macao), island-label (Taiwan)
//   beijing (zoom 8-15): municipality, district (+ district-label), ring-road, water,
//           landmark (+ landmark-label for landmark areas)
import type {
  ExpressionSpecification,
  FontFacesSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';

export type BasemapLang = 'en' | 'zh';

/** One font file in public/fonts/font-faces.json; `url` is relative to that file. */
export interface FontFaceJsonEntry {
  url: string;
  'unicode-range'?: string[];
}

/**
 * The contents of public/fonts/font-faces.json: the style's `font-faces` property with URLs
 * relative to the JSON file (they are resolved against `baseUrl` by `buildBasemapStyle`).
 */
export type FontFacesJson = Record<string, FontFaceJsonEntry[]>;

/** The palette: warm off-white land, pale grey-blue sea, greys for lines and text. */
export const BASEMAP_PALETTE = {
  sea: '#dfe7ec',
  land: '#f5f2eb',
  water: '#d3e0e8',
  waterLine: '#b9ccd8',
  countryBorder: '#a39d94',
  provinceBorder: '#c7c0b5',
  municipalityBorder: '#8d867c',
  districtFill: '#eee9df',
  districtBorder: '#aaa297',
  roadCasing: '#cdc5b8',
  road: '#ffffff',
  landmark: '#8d867c',
  text: '#4f4a43',
  textMuted: '#7b746b',
  textSea: '#7b93a3',
  halo: '#f5f2eb',
  haloSea: '#dfe7ec',
} as const satisfies Record<string, `#${string}`>;

export type BasemapPalette = typeof BASEMAP_PALETTE;

/** Font names, as keyed in font-faces.json: Latin first, then the Chinese subsets. */
export const BASEMAP_FONT_REGULAR = ['Noto Sans Regular', 'Noto Sans SC Regular'];
export const BASEMAP_FONT_BOLD = ['Noto Sans Bold', 'Noto Sans SC Regular'];

export const BASEMAP_SOURCE_IDS = {
  world: 'basemap-world',
  china: 'basemap-china',
  beijing: 'basemap-beijing',
} as const;

/** The data files, relative to the app's base URL (they live under public/). */
export const BASEMAP_DATA_FILES = {
  [BASEMAP_SOURCE_IDS.world]: 'basemap/world.geojson',
  [BASEMAP_SOURCE_IDS.china]: 'basemap/china.geojson',
  [BASEMAP_SOURCE_IDS.beijing]: 'basemap/beijing.geojson',
} as const;

export const BASEMAP_FONT_FACES_FILE = 'fonts/font-faces.json';

/** Every symbol layer of the basemap: switch language with `setLayoutProperty` on these. */
export const BASEMAP_LABEL_LAYER_IDS = [
  'basemap-ocean-label',
  'basemap-sea-label',
  'basemap-country-label',
  'basemap-province-label',
  'basemap-water-label',
  'basemap-waterway-label',
  'basemap-ring-road-label',
  'basemap-district-label',
  'basemap-landmark-label',
] as const;

/** The lowest basemap label layer: add story layers before it to keep basemap labels on top. */
export const BASEMAP_FIRST_LABEL_LAYER_ID = BASEMAP_LABEL_LAYER_IDS[0];

/** The label text: Chinese falls back to the English name where a feature has no `name_zh`. */
export function labelTextField(lang: BasemapLang): ExpressionSpecification {
  return lang === 'zh' ? ['coalesce', ['get', 'name_zh'], ['get', 'name']] : ['get', 'name'];
}

/**
 * Resolves `path` against `base`. An absolute base (`https://host/app/`, `document.baseURI`)
 * gives an absolute URL; a relative one (`./`, `/app/`, '') is joined as a path. The base is
 * a folder when it ends with `/`, as URL resolution has it.
 */
export function resolveUrl(path: string, base: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('/')) return path;
  try {
    return new URL(path, base).href;
  } catch {
    if (base === '') return path;
    return base.endsWith('/')
      ? `${base}${path}`
      : `${base.slice(0, base.lastIndexOf('/') + 1)}${path}`;
  }
}

/** font-faces.json with its relative URLs resolved, ready for the style's `font-faces`. */
export function resolveFontFaces(
  fontFaces: FontFacesJson,
  baseUrl: string,
): FontFacesSpecification {
  const fontDir = resolveUrl(BASEMAP_FONT_FACES_FILE, baseUrl);
  const out: FontFacesSpecification = {};
  for (const [name, faces] of Object.entries(fontFaces)) {
    if (!Array.isArray(faces)) continue;
    out[name] = faces
      .filter((f) => f && typeof f.url === 'string')
      .map((f) => ({
        url: resolveUrl(f.url, fontDir),
        ...(f['unicode-range']?.length ? { 'unicode-range': [...f['unicode-range']] } : {}),
      }));
  }
  return out;
}

const isLayer = (...names: string[]): ExpressionSpecification =>
  names.length === 1
    ? ['==', ['get', 'layer'], names[0]!]
    : ['match', ['get', 'layer'], names, true, false];

/**
 * Per-feature `minzoom` / `maxzoom` (labels that wait for room, or give way to finer ones).
 * MapLibre evaluates zoom in filters at integer zooms.
 */
const inOwnZoomRange: ExpressionSpecification = [
  'all',
  ['>=', ['zoom'], ['to-number', ['coalesce', ['get', 'minzoom'], 0]]],
  ['<', ['zoom'], ['to-number', ['coalesce', ['get', 'maxzoom'], 99]]],
];

const POLYGON: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon'];
const LINE: ExpressionSpecification = ['==', ['geometry-type'], 'LineString'];
const POINT: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];

/** The style layers, bottom to top. Language only changes the labels' `text-field`. */
export function basemapLayers(
  lang: BasemapLang,
  palette: BasemapPalette = BASEMAP_PALETTE,
): LayerSpecification[] {
  const { world, china, beijing } = BASEMAP_SOURCE_IDS;
  const text = labelTextField(lang);
  const halo = { 'text-halo-color': palette.halo, 'text-halo-width': 1.4, 'text-halo-blur': 0.4 };
  return [
    { id: 'basemap-background', type: 'background', paint: { 'background-color': palette.sea } },
    {
      id: 'basemap-land',
      type: 'fill',
      source: world,
      filter: isLayer('land'),
      // the outline defaults to the fill colour, so the seams between 50m and 10m land vanish
      paint: { 'fill-color': palette.land },
    },
    {
      id: 'basemap-district-fill',
      type: 'fill',
      source: beijing,
      minzoom: 8.5,
      filter: ['all', isLayer('district'), POLYGON],
      paint: {
        'fill-color': palette.districtFill,
        'fill-opacity': ['interpolate', ['linear'], ['zoom'], 8.5, 0, 10, 0.7],
      },
    },
    {
      id: 'basemap-water',
      type: 'fill',
      source: beijing,
      minzoom: 8,
      filter: ['all', isLayer('water'), POLYGON],
      paint: { 'fill-color': palette.water },
    },
    {
      id: 'basemap-water-line',
      type: 'line',
      source: beijing,
      minzoom: 9,
      filter: ['all', isLayer('water'), LINE],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': palette.waterLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.8, 15, 3],
      },
    },
    {
      id: 'basemap-province-border',
      type: 'line',
      source: china,
      minzoom: 3,
      maxzoom: 10,
      // Beijing's boundary hands over to the detailed municipal line at zoom 8
      filter: [
        'all',
        isLayer('province-border'),
        ['any', ['<', ['zoom'], 8], ['!', ['has', 'beijing']]],
      ],
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': palette.provinceBorder,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.4, 6, 0.8, 9, 1.2],
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 3, 0, 4, 1, 9, 1, 10, 0],
      },
    },
    {
      id: 'basemap-country-border',
      type: 'line',
      source: world,
      filter: isLayer('country-border'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': palette.countryBorder,
        'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.5, 5, 0.9, 9, 1.4],
      },
    },
    {
      id: 'basemap-municipality',
      type: 'line',
      source: beijing,
      minzoom: 8,
      filter: isLayer('municipality'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': palette.municipalityBorder,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1, 12, 2],
        'line-dasharray': [3, 1.5],
      },
    },
    {
      id: 'basemap-district',
      type: 'line',
      source: beijing,
      minzoom: 8.5,
      filter: ['all', isLayer('district'), POLYGON],
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': palette.districtBorder,
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.8, 14, 1.6],
        'line-dasharray': [2, 2],
      },
    },
    {
      id: 'basemap-ring-road-casing',
      type: 'line',
      source: beijing,
      minzoom: 8.5,
      filter: isLayer('ring-road'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      // zoomed out, the casing alone draws the road as one grey line; the white core joins it
      // from zoom 11, when the road is wide enough for a cased look
      paint: {
        'line-color': palette.roadCasing,
        'line-width': ['interpolate', ['exponential', 1.5], ['zoom'], 9, 1, 11, 2, 12, 3.5, 15, 9],
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 8.5, 0, 9.5, 1],
      },
    },
    {
      id: 'basemap-ring-road',
      type: 'line',
      source: beijing,
      minzoom: 10.5,
      filter: isLayer('ring-road'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': palette.road,
        'line-width': ['interpolate', ['exponential', 1.5], ['zoom'], 11, 0.8, 12, 2, 15, 6.5],
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 10.5, 0, 11.5, 1],
      },
    },
    {
      id: 'basemap-landmark-dot',
      type: 'circle',
      source: beijing,
      minzoom: 11,
      filter: ['all', isLayer('landmark'), POINT],
      paint: {
        'circle-color': palette.landmark,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 2, 15, 3.5],
        'circle-stroke-color': palette.halo,
        'circle-stroke-width': 1,
      },
    },
    // ---- labels -------------------------------------------------------------------------
    {
      id: 'basemap-ocean-label',
      type: 'symbol',
      source: world,
      maxzoom: 4.5,
      filter: ['all', isLayer('ocean-label'), inOwnZoomRange],
      layout: {
        'text-field': text,
        'text-font': BASEMAP_FONT_REGULAR,
        'text-size': ['interpolate', ['linear'], ['zoom'], 1, 11, 4, 13],
        'text-letter-spacing': 0.2,
        'text-max-width': 6,
      },
      paint: { ...halo, 'text-color': palette.textSea, 'text-halo-color': palette.haloSea },
    },
    {
      id: 'basemap-sea-label',
      type: 'symbol',
      source: world,
      minzoom: 4,
      maxzoom: 9,
      filter: ['all', isLayer('sea-label'), inOwnZoomRange],
      layout: {
        'text-field': text,
        'text-font': BASEMAP_FONT_REGULAR,
        'text-size': ['interpolate', ['linear'], ['zoom'], 4, 10.5, 8, 13],
        'text-letter-spacing': 0.15,
        'text-max-width': 6,
      },
      paint: { ...halo, 'text-color': palette.textSea, 'text-halo-color': palette.haloSea },
    },
    {
      id: 'basemap-country-label',
      type: 'symbol',
      source: world,
      minzoom: 1,
      maxzoom: 4.5,
      filter: ['all', isLayer('country-label'), inOwnZoomRange],
      layout: {
        'text-field': text,
        'text-font': BASEMAP_FONT_REGULAR,
        'text-transform': 'uppercase',
        'text-size': ['interpolate', ['linear'], ['zoom'], 1, 9.5, 4, 12],
        'text-letter-spacing': 0.12,
        'text-max-width': 7,
      },
      paint: { ...halo, 'text-color': palette.textMuted },
    },
    {
      id: 'basemap-province-label',
      type: 'symbol',
      source: china,
      minzoom: 3.5,
      maxzoom: 9,
      filter: ['all', isLayer('province-label', 'island-label'), inOwnZoomRange],
      layout: {
        'text-field': text,
        'text-font': [
          'case',
          ['==', ['get', 'rank'], 1],
          ['literal', BASEMAP_FONT_BOLD],
          ['literal', BASEMAP_FONT_REGULAR],
        ],
        'text-size': ['interpolate', ['linear'], ['zoom'], 4, 10, 6, 12, 8, 14],
        'text-max-width': 8,
        'symbol-sort-key': ['to-number', ['coalesce', ['get', 'rank'], 9]],
        'text-padding': 3,
      },
      paint: {
        ...halo,
        'text-color': ['case', ['==', ['get', 'rank'], 1], palette.text, palette.textMuted],
        'text-opacity': ['interpolate', ['linear'], ['zoom'], 3.5, 0, 4.2, 1],
      },
    },
    {
      id: 'basemap-water-label',
      type: 'symbol',
      source: beijing,
      minzoom: 12,
      filter: ['all', isLayer('water'), POLYGON, ['has', 'name']],
      layout: {
        'text-field': text,
        'text-font': BASEMAP_FONT_REGULAR,
        'text-size': 11,
        'text-max-width': 7,
      },
      paint: { ...halo, 'text-color': palette.textSea, 'text-halo-color': palette.water },
    },
    {
      id: 'basemap-waterway-label',
      type: 'symbol',
      source: beijing,
      minzoom: 12,
      filter: ['all', isLayer('water'), LINE, ['has', 'name']],
      layout: {
        'text-field': text,
        'text-font': BASEMAP_FONT_REGULAR,
        'text-size': 10.5,
        'symbol-placement': 'line',
        'symbol-spacing': 350,
        'text-max-angle': 30,
      },
      paint: { ...halo, 'text-color': palette.textSea },
    },
    {
      id: 'basemap-ring-road-label',
      type: 'symbol',
      source: beijing,
      minzoom: 11,
      filter: ['all', isLayer('ring-road'), ['has', 'name']],
      layout: {
        'text-field': text,
        'text-font': BASEMAP_FONT_REGULAR,
        'text-size': 10.5,
        'symbol-placement': 'line',
        'symbol-spacing': 400,
        'text-max-angle': 30,
      },
      paint: {
        ...halo,
        'text-color': palette.textMuted,
        'text-halo-color': palette.road,
        'text-halo-width': 1.6,
      },
    },
    {
      id: 'basemap-district-label',
      type: 'symbol',
      source: beijing,
      minzoom: 9,
      maxzoom: 13.5,
      filter: isLayer('district-label'),
      layout: {
        'text-field': text,
        'text-font': BASEMAP_FONT_BOLD,
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.15,
        'text-size': ['interpolate', ['linear'], ['zoom'], 9, 11, 13, 14],
      },
      paint: {
        ...halo,
        'text-color': palette.textMuted,
        'text-opacity': ['interpolate', ['linear'], ['zoom'], 9, 0, 9.5, 1],
      },
    },
    {
      id: 'basemap-landmark-label',
      type: 'symbol',
      source: beijing,
      minzoom: 11,
      filter: ['any', ['all', isLayer('landmark'), POINT], isLayer('landmark-label')],
      layout: {
        'text-field': text,
        'text-font': BASEMAP_FONT_REGULAR,
        'text-size': ['interpolate', ['linear'], ['zoom'], 11, 10.5, 15, 12.5],
        'text-max-width': 8,
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.6,
        'text-justify': 'auto',
      },
      paint: { ...halo, 'text-color': palette.text },
    },
  ];
}

/** The three GeoJSON sources, with absolute data URLs when `baseUrl` is absolute. */
export function basemapSources(baseUrl: string): Record<string, SourceSpecification> {
  const attribution = 'Natural Earth (public domain)';
  return {
    [BASEMAP_SOURCE_IDS.world]: {
      type: 'geojson',
      data: resolveUrl(BASEMAP_DATA_FILES[BASEMAP_SOURCE_IDS.world], baseUrl),
      maxzoom: 8,
      attribution,
    },
    [BASEMAP_SOURCE_IDS.china]: {
      type: 'geojson',
      data: resolveUrl(BASEMAP_DATA_FILES[BASEMAP_SOURCE_IDS.china], baseUrl),
      maxzoom: 9,
    },
    [BASEMAP_SOURCE_IDS.beijing]: {
      type: 'geojson',
      data: resolveUrl(BASEMAP_DATA_FILES[BASEMAP_SOURCE_IDS.beijing], baseUrl),
      maxzoom: 16,
      // ring roads and Beijing detail were traced on OpenStreetMap nodes (geo/notes)
      attribution: '© OpenStreetMap contributors',
    },
  };
}

/**
 * The whole basemap style. `baseUrl` is the app's base URL (absolute, ending in `/`, e.g.
 * `new URL(import.meta.env.BASE_URL, location.href).href`) so that data and font URLs resolve
 * from any sub-folder. No `glyphs` URL: text is drawn locally from the `font-faces` files.
 */
export function buildBasemapStyle(opts: {
  baseUrl: string;
  lang: BasemapLang;
  fontFaces: FontFacesJson;
}): StyleSpecification {
  const fontFaces = resolveFontFaces(opts.fontFaces, opts.baseUrl);
  return {
    version: 8,
    name: 'Zhongguancun basemap',
    sources: basemapSources(opts.baseUrl),
    layers: basemapLayers(opts.lang),
    ...(Object.keys(fontFaces).length ? { 'font-faces': fontFaces } : {}),
  };
}
