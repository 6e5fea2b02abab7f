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
//   haidian (zoom 11-16, street level): subway-line, subway-station, road, neighbourhood, park
//
// Subway lines, stations and roads carry `since` / `until` years: `basemapYearFilters(year)`
// gives the filters that show the network and the street names of that year.
import type {
  ExpressionSpecification,
  FilterSpecification,
  FontFacesSpecification,
  LayerSpecification,
  ProjectionSpecification,
  SkySpecification,
  SourceSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { yearFilter } from './year-filter';
import { relocate } from '../embed/asset-url';

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
  park: '#e4e9d6',
  streetCasing: '#ddd6ca',
  station: '#ffffff',
  stationStroke: '#8d867c',
  textStreet: '#8a837a',
} as const satisfies Record<string, `#${string}`>;

export type BasemapPalette = typeof BASEMAP_PALETTE;

/** Font names, as keyed in font-faces.json: Latin first, then the Chinese subsets. */
export const BASEMAP_FONT_REGULAR = ['Noto Sans Regular', 'Noto Sans SC Regular'];
export const BASEMAP_FONT_BOLD = ['Noto Sans Bold', 'Noto Sans SC Regular'];

export const BASEMAP_SOURCE_IDS = {
  world: 'basemap-world',
  china: 'basemap-china',
  beijing: 'basemap-beijing',
  haidian: 'basemap-haidian',
} as const;

/** The data files, relative to the app's base URL (they live under public/). */
export const BASEMAP_DATA_FILES = {
  [BASEMAP_SOURCE_IDS.world]: 'basemap/world.geojson',
  [BASEMAP_SOURCE_IDS.china]: 'basemap/china.geojson',
  [BASEMAP_SOURCE_IDS.beijing]: 'basemap/beijing.geojson',
  [BASEMAP_SOURCE_IDS.haidian]: 'basemap/haidian-streets.geojson',
} as const;

export const BASEMAP_FONT_FACES_FILE = 'fonts/font-faces.json';

/**
 * The world simplified for the views below WORLD_DETAIL_ZOOM (scripts/build-lazy-data.ts):
 * with `deferData`, the world source starts with it and takes the full file from that zoom.
 */
export const BASEMAP_WORLD_LOW_FILE = 'basemap/world-low.geojson';
export const WORLD_DETAIL_ZOOM = 3;

/**
 * Where a style built with `deferData` lists the data its sources take later: source id ->
 * the data URL and the zooms at which the map first needs it. `loadDeferredData` (basemap.ts)
 * reads it from the map's style.
 */
export const BASEMAP_DEFERRED_DATA_KEY = 'zgc:deferred-data';

export interface DeferredData {
  url: string;
  /** The data is needed when the camera's zoom is in [minzoom, maxzoom). */
  minzoom: number;
  maxzoom: number;
}

/** Every symbol layer of the basemap: switch language with `setLayoutProperty` on these. */
export const BASEMAP_LABEL_LAYER_IDS = [
  'basemap-ocean-label',
  'basemap-sea-label',
  'basemap-country-label',
  'basemap-province-label',
  'basemap-water-label',
  'basemap-waterway-label',
  'basemap-road-label',
  'basemap-ring-road-label',
  'basemap-neighbourhood-label',
  'basemap-district-label',
  'basemap-station-label',
  'basemap-landmark-label',
] as const;

/**
 * The style layers whose features have years (subway, stations, street names): the map
 * controller sets their filters from `basemapYearFilters` whenever the year changes.
 */
export const BASEMAP_YEAR_FILTERED_LAYER_IDS = [
  'basemap-road-casing',
  'basemap-road',
  'basemap-subway-line',
  'basemap-subway-station',
  'basemap-road-label',
  'basemap-station-label',
] as const;

export type BasemapYearFilteredLayerId = (typeof BASEMAP_YEAR_FILTERED_LAYER_IDS)[number];

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
    return relocate(new URL(path, base).href);
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

/** What each year-filtered layer draws, before the year is applied. */
const YEAR_LAYER_BASE: Record<BasemapYearFilteredLayerId, ExpressionSpecification> = {
  'basemap-road-casing': isLayer('road'),
  'basemap-road': isLayer('road'),
  'basemap-subway-line': isLayer('subway-line'),
  'basemap-subway-station': isLayer('subway-station'),
  'basemap-road-label': ['all', isLayer('road'), ['has', 'name']],
  // interchanges from zoom 12, the other stations from 13.5
  'basemap-station-label': [
    'all',
    isLayer('subway-station'),
    ['any', ['==', ['get', 'rank'], 1], ['>=', ['zoom'], 14]],
  ],
};

/**
 * The filter of every year-filtered basemap layer for `year` (undefined: no year, show all).
 * Apply with `map.setFilter(id, filter)` for each entry.
 */
export function basemapYearFilters(
  year: number | undefined,
): Record<BasemapYearFilteredLayerId, FilterSpecification> {
  const out = {} as Record<BasemapYearFilteredLayerId, FilterSpecification>;
  for (const id of BASEMAP_YEAR_FILTERED_LAYER_IDS) {
    out[id] = (
      year === undefined ? YEAR_LAYER_BASE[id] : ['all', YEAR_LAYER_BASE[id], yearFilter(year)]
    ) as FilterSpecification;
  }
  return out;
}

/** The style layers, bottom to top. Language only changes the labels' `text-field`. */
export function basemapLayers(
  lang: BasemapLang,
  palette: BasemapPalette = BASEMAP_PALETTE,
): LayerSpecification[] {
  const { world, china, beijing, haidian } = BASEMAP_SOURCE_IDS;
  const text = labelTextField(lang);
  const byYear = basemapYearFilters(undefined);
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
      id: 'basemap-park',
      type: 'fill',
      source: haidian,
      minzoom: 10,
      filter: isLayer('park'),
      paint: {
        'fill-color': palette.park,
        'fill-opacity': ['interpolate', ['linear'], ['zoom'], 10, 0, 11.5, 1],
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
      // arterial streets: a light casing from zoom 12, the white core once there is room
      id: 'basemap-road-casing',
      type: 'line',
      source: haidian,
      minzoom: 11.5,
      filter: byYear['basemap-road-casing'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': palette.streetCasing,
        'line-width': ['interpolate', ['exponential', 1.5], ['zoom'], 12, 1.5, 14, 6, 16, 14],
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 11.5, 0, 12.5, 1],
      },
    },
    {
      id: 'basemap-road',
      type: 'line',
      source: haidian,
      minzoom: 12.5,
      filter: byYear['basemap-road'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': palette.road,
        'line-width': ['interpolate', ['exponential', 1.5], ['zoom'], 13, 2, 14, 4.2, 16, 11],
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 12.5, 0, 13.2, 1],
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
      // thin and muted in the operator's colours: context, not a transit map
      id: 'basemap-subway-line',
      type: 'line',
      source: haidian,
      minzoom: 11,
      filter: byYear['basemap-subway-line'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': ['to-color', ['get', 'colour'], palette.stationStroke],
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, 0.8, 14, 1.5, 16, 2.5],
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 11, 0, 12, 0.55, 15, 0.7],
      },
    },
    {
      id: 'basemap-subway-station',
      type: 'circle',
      source: haidian,
      minzoom: 12.5,
      filter: byYear['basemap-subway-station'],
      paint: {
        'circle-color': palette.station,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 12.5, 1.6, 14, 2.6, 16, 4],
        'circle-stroke-color': palette.stationStroke,
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 12.5, 0.6, 15, 1.1],
        'circle-opacity': ['interpolate', ['linear'], ['zoom'], 12.5, 0, 13, 1],
        'circle-stroke-opacity': ['interpolate', ['linear'], ['zoom'], 12.5, 0, 13, 1],
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
      id: 'basemap-road-label',
      type: 'symbol',
      source: haidian,
      minzoom: 13,
      filter: byYear['basemap-road-label'],
      layout: {
        'text-field': text,
        'text-font': BASEMAP_FONT_REGULAR,
        'text-size': ['interpolate', ['linear'], ['zoom'], 13, 10, 16, 12],
        'symbol-placement': 'line',
        'symbol-spacing': 300,
        'text-max-angle': 30,
        'text-padding': 2,
      },
      paint: {
        ...halo,
        'text-color': palette.textStreet,
        'text-halo-color': palette.road,
        'text-halo-width': 1.5,
      },
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
      // area names in spaced capitals, quieter than place labels and gone at street zooms
      id: 'basemap-neighbourhood-label',
      type: 'symbol',
      source: haidian,
      minzoom: 12,
      maxzoom: 16.5,
      filter: isLayer('neighbourhood'),
      layout: {
        'text-field': text,
        'text-font': BASEMAP_FONT_REGULAR,
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.22,
        'text-size': ['interpolate', ['linear'], ['zoom'], 12, 10, 15, 12.5],
        'text-max-width': 7,
        'text-padding': 4,
      },
      paint: {
        ...halo,
        'text-color': palette.textMuted,
        'text-opacity': ['interpolate', ['linear'], ['zoom'], 12, 0, 12.6, 0.9],
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
      id: 'basemap-station-label',
      type: 'symbol',
      source: haidian,
      minzoom: 13,
      filter: byYear['basemap-station-label'],
      layout: {
        'text-field': text,
        'text-font': BASEMAP_FONT_REGULAR,
        'text-size': ['interpolate', ['linear'], ['zoom'], 13, 9.5, 16, 11.5],
        'text-max-width': 7,
        'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
        'text-radial-offset': 0.55,
        'text-justify': 'auto',
        'text-padding': 2,
        'symbol-sort-key': ['to-number', ['coalesce', ['get', 'rank'], 2]],
      },
      paint: { ...halo, 'text-color': palette.textStreet },
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

/**
 * The four GeoJSON sources, with absolute data URLs when `baseUrl` is absolute. With
 * `deferData`, the world starts with its low-zoom file and the other three start empty: see
 * `deferredData` for what they take, and when.
 */
export function basemapSources(
  baseUrl: string,
  { deferData = false }: { deferData?: boolean } = {},
): Record<string, SourceSpecification> {
  const attribution = 'Natural Earth (public domain)';
  const data = (id: keyof typeof BASEMAP_DATA_FILES) =>
    deferData
      ? { type: 'FeatureCollection' as const, features: [] }
      : resolveUrl(BASEMAP_DATA_FILES[id], baseUrl);
  return {
    [BASEMAP_SOURCE_IDS.world]: {
      type: 'geojson',
      data: resolveUrl(
        deferData ? BASEMAP_WORLD_LOW_FILE : BASEMAP_DATA_FILES[BASEMAP_SOURCE_IDS.world],
        baseUrl,
      ),
      maxzoom: 8,
      attribution,
    },
    [BASEMAP_SOURCE_IDS.china]: {
      type: 'geojson',
      data: data(BASEMAP_SOURCE_IDS.china),
      maxzoom: 9,
    },
    [BASEMAP_SOURCE_IDS.beijing]: {
      type: 'geojson',
      data: data(BASEMAP_SOURCE_IDS.beijing),
      maxzoom: 16,
      // ring roads and Beijing detail were traced on OpenStreetMap nodes (geo/notes)
      attribution: '© OpenStreetMap contributors',
    },
    [BASEMAP_SOURCE_IDS.haidian]: {
      type: 'geojson',
      data: data(BASEMAP_SOURCE_IDS.haidian),
      maxzoom: 16,
      // station positions are OpenStreetMap nodes; roads are drawn through them
      attribution: '© OpenStreetMap contributors',
    },
  };
}

/**
 * The data a `deferData` style's sources take later, and from which zoom: each of the china,
 * Beijing and Haidian files when the camera first comes within the zooms of a style layer
 * drawing it; the full world file from WORLD_DETAIL_ZOOM.
 */
export function deferredData(
  baseUrl: string,
  layers: readonly LayerSpecification[],
): Record<string, DeferredData> {
  const out: Record<string, DeferredData> = {
    [BASEMAP_SOURCE_IDS.world]: {
      url: resolveUrl(BASEMAP_DATA_FILES[BASEMAP_SOURCE_IDS.world], baseUrl),
      minzoom: WORLD_DETAIL_ZOOM,
      maxzoom: 99,
    },
  };
  for (const id of [
    BASEMAP_SOURCE_IDS.china,
    BASEMAP_SOURCE_IDS.beijing,
    BASEMAP_SOURCE_IDS.haidian,
  ]) {
    const drawing = layers.filter((l) => 'source' in l && l.source === id);
    if (!drawing.length) continue;
    out[id] = {
      url: resolveUrl(BASEMAP_DATA_FILES[id], baseUrl),
      minzoom: Math.min(...drawing.map((l) => l.minzoom ?? 0)),
      maxzoom: Math.max(...drawing.map((l) => l.maxzoom ?? 99)),
    };
  }
  return out;
}

/**
 * The whole basemap style. `baseUrl` is the app's base URL (absolute, ending in `/`, e.g.
 * `new URL(import.meta.env.BASE_URL, location.href).href`) so that data and font URLs resolve
 * from any sub-folder. No `glyphs` URL: text is drawn locally from the `font-faces` files.
 */
/**
 * The world on a globe: MapLibre's globe turns flat (mercator) by itself around zoom 12, so
 * world and continent steps are round and city steps flat.
 */
export const GLOBE_PROJECTION: ProjectionSpecification = { type: 'globe' };

/** A quiet atmosphere around the globe that fades out as the camera comes down. */
export const GLOBE_SKY: SkySpecification = {
  'sky-color': BASEMAP_PALETTE.sea,
  'horizon-color': '#f2f5f7',
  'atmosphere-blend': ['interpolate', ['linear'], ['zoom'], 0, 0.9, 4, 0.6, 7, 0],
};

export function buildBasemapStyle(opts: {
  baseUrl: string;
  lang: BasemapLang;
  fontFaces: FontFacesJson;
  /** Sources start with little or no data and take the rest by zoom: see `deferredData`. */
  deferData?: boolean;
}): StyleSpecification {
  const fontFaces = resolveFontFaces(opts.fontFaces, opts.baseUrl);
  const layers = basemapLayers(opts.lang);
  const deferData = opts.deferData ?? false;
  return {
    version: 8,
    name: 'Zhongguancun basemap',
    projection: GLOBE_PROJECTION,
    sky: GLOBE_SKY,
    sources: basemapSources(opts.baseUrl, { deferData }),
    layers,
    ...(deferData
      ? { metadata: { [BASEMAP_DEFERRED_DATA_KEY]: deferredData(opts.baseUrl, layers) } }
      : {}),
    ...(Object.keys(fontFaces).length ? { 'font-faces': fontFaces } : {}),
  };
}
