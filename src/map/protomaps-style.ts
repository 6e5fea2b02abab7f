// Our own MapLibre style for a PMTiles archive of the Protomaps basemap schema (v4:
// https://docs.protomaps.com/basemaps/layers), drawn in the embedded basemap's quiet palette
// with the app's own font files: no glyph server, no sprite (points of interest are small
// circles with a label), so an archive served beside the app is all the map needs.
//
// Pure data and functions, like basemap-style.ts: no maplibre-gl runtime import.
import type {
  ExpressionSpecification,
  LayerSpecification,
  StyleSpecification,
  VectorSourceSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import {
  BASEMAP_FONT_BOLD,
  BASEMAP_FONT_REGULAR,
  BASEMAP_PALETTE,
  BASEMAP_SOURCE_IDS,
  GLOBE_PROJECTION,
  GLOBE_SKY,
  basemapLayers,
  basemapSources,
  resolveFontFaces,
  type BasemapLang,
  type FontFacesJson,
} from './basemap-style';

export const PROTOMAPS_SOURCE_ID = 'pmtiles-basemap';

/** The source-layers of the Protomaps basemap schema (v4). */
export const PROTOMAPS_SOURCE_LAYERS = [
  'earth',
  'water',
  'landuse',
  'landcover',
  'roads',
  'buildings',
  'places',
  'pois',
  'boundaries',
  'transit',
] as const;

/** The credit OpenStreetMap's licence (ODbL) asks for, when an archive of OSM data names none. */
export const OSM_ATTRIBUTION = '© OpenStreetMap contributors';

/** The embedded palette plus the few tones a street map needs beyond it, as quiet as the rest. */
export const PROTOMAPS_PALETTE = {
  ...BASEMAP_PALETTE,
  park: '#e4e8d5',
  parkLabel: '#6f7a5c',
  campus: '#efe9de',
  building: '#e8e2d7',
  buildingLine: '#dcd4c7',
  highway: '#fbf4e6',
  highwayCasing: '#c2b6a3',
  rail: '#b8b0a4',
  poi: '#a39d94',
  boundary: '#a39d94',
} as const satisfies Record<string, `#${string}`>;

export type ProtomapsPalette = typeof PROTOMAPS_PALETTE;

/** Every symbol layer of the archive style: switch language with `setLayoutProperty` on these. */
export const PROTOMAPS_LABEL_LAYER_IDS = [
  'pm-water-label',
  'pm-waterway-label',
  'pm-road-label',
  'pm-poi-label',
  'pm-neighbourhood-label',
  'pm-locality-label',
  'pm-region-label',
  'pm-country-label',
] as const;

/** The road and place layers a reader's eye checks a point against (used by the tests). */
export const PROTOMAPS_ROAD_LAYER_IDS = ['pm-road-casing', 'pm-road'] as const;

/**
 * Label text in the current language. Chinese: the Protomaps builds' `name:zh-Hans`, then the
 * plain OSM `name:zh`, then the local name; English: `name:en`, then the local name. The
 * `pgf:name:*` values are not used: they only render with Protomaps' positioned-glyph font
 * stacks (Devanagari), which a font-faces style cannot load.
 */
export function protomapsLabelText(lang: BasemapLang): ExpressionSpecification {
  return lang === 'zh'
    ? ['coalesce', ['get', 'name:zh-Hans'], ['get', 'name:zh'], ['get', 'name']]
    : ['coalesce', ['get', 'name:en'], ['get', 'name']];
}

const kindIn = (...kinds: string[]): ExpressionSpecification => [
  'in',
  ['get', 'kind'],
  ['literal', kinds],
];
const POLYGON: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon'];
const LINE: ExpressionSpecification = ['==', ['geometry-type'], 'LineString'];
const POINT: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];
const HAS_NAME: ExpressionSpecification = ['has', 'name'];
/** Protomaps' suggested zoom for a feature (`min_zoom`), with a default where it is absent. */
const fromOwnMinZoom = (fallback: number): ExpressionSpecification => [
  '>=',
  ['zoom'],
  ['to-number', ['coalesce', ['get', 'min_zoom'], fallback]],
];

const PARK_KINDS = [
  'park',
  'garden',
  'forest',
  'wood',
  'nature_reserve',
  'national_park',
  'protected_area',
  'cemetery',
  'golf_course',
  'grass',
  'grassland',
  'meadow',
  'scrub',
  'recreation_ground',
  'playground',
  'pitch',
  'village_green',
  'allotments',
  'dog_park',
  'zoo',
];
const CAMPUS_KINDS = ['school', 'university', 'college', 'kindergarten', 'hospital'];

/** Road kinds, most important first; `medium_road` is the v3 schema's, drawn as a major road. */
type RoadKind = 'highway' | 'major_road' | 'medium_road' | 'minor_road' | 'other' | 'path';
const ROAD_KINDS: RoadKind[] = [
  'highway',
  'major_road',
  'medium_road',
  'minor_road',
  'other',
  'path',
];
/** The zoom each road kind appears from. */
const ROAD_MIN_ZOOM: Record<RoadKind, number> = {
  highway: 5,
  major_road: 8,
  medium_road: 9,
  minor_road: 12,
  other: 13,
  path: 14,
};
/** Core line widths (px) per road kind at zooms 6, 10, 13, 15 and 18. */
const ROAD_WIDTH_STOPS = [6, 10, 13, 15, 18] as const;
const ROAD_WIDTHS: Record<RoadKind, readonly number[]> = {
  highway: [0.6, 1.5, 3.2, 7, 18],
  major_road: [0.4, 1.1, 2.8, 6, 16],
  medium_road: [0.3, 0.9, 2.2, 4.8, 13],
  minor_road: [0, 0.4, 1.3, 3.4, 11],
  other: [0, 0.2, 0.8, 2.2, 7],
  path: [0, 0, 0.5, 1, 3],
};
/** Labels: major roads from zoom 12, the rest from 14 (where they have room). */
const MAJOR_ROAD_KINDS: RoadKind[] = ['highway', 'major_road', 'medium_road'];

/** Line width by road kind and zoom, `extra` px wider (the casing). */
function roadWidth(extra: number): ExpressionSpecification {
  const byKind = (i: number): ExpressionSpecification => {
    const cases = ROAD_KINDS.flatMap((k) => {
      const w = ROAD_WIDTHS[k][i]!;
      return [k, w > 0 ? w + extra : 0];
    });
    return ['match', ['get', 'kind'], ...cases, 0] as unknown as ExpressionSpecification;
  };
  return [
    'interpolate',
    ['exponential', 1.6],
    ['zoom'],
    ...ROAD_WIDTH_STOPS.flatMap((z, i) => [z, byKind(i)]),
  ] as unknown as ExpressionSpecification;
}

/** A road of a drawn kind, at or past the zoom its kind appears from. */
const ROAD_SHOWN: ExpressionSpecification = [
  'any',
  ...ROAD_KINDS.map((k): ExpressionSpecification => [
    'all',
    ['==', ['get', 'kind'], k],
    ['>=', ['zoom'], ROAD_MIN_ZOOM[k]],
  ]),
];

/** Important roads draw over lesser ones where they cross. */
const ROAD_SORT_KEY: ExpressionSpecification = [
  'match',
  ['get', 'kind'],
  ...ROAD_KINDS.flatMap((k, i) => [k, ROAD_KINDS.length - i]),
  0,
] as unknown as ExpressionSpecification;

/** The archive's layers, bottom to top. Language only changes the labels' `text-field`. */
export function protomapsLayers(
  lang: BasemapLang,
  palette: ProtomapsPalette = PROTOMAPS_PALETTE,
): LayerSpecification[] {
  const source = PROTOMAPS_SOURCE_ID;
  const text = protomapsLabelText(lang);
  const halo = { 'text-halo-color': palette.halo, 'text-halo-width': 1.4, 'text-halo-blur': 0.4 };
  const on = (layer: (typeof PROTOMAPS_SOURCE_LAYERS)[number]) => ({
    source,
    'source-layer': layer,
  });
  const tunnelsFaded: ExpressionSpecification = ['case', ['has', 'is_tunnel'], 0.45, 1];
  return [
    {
      id: 'pm-earth',
      type: 'fill',
      ...on('earth'),
      filter: POLYGON,
      paint: { 'fill-color': palette.land },
    },
    {
      id: 'pm-landcover',
      type: 'fill',
      ...on('landcover'),
      maxzoom: 7,
      paint: {
        'fill-color': [
          'match',
          ['get', 'kind'],
          ['forest', 'grassland', 'scrub', 'farmland'],
          palette.park,
          'urban_area',
          palette.districtFill,
          palette.land,
        ],
        // Natural landcover is only a hint at small scales, fading out as landuse takes over
        'fill-opacity': ['interpolate', ['linear'], ['zoom'], 4, 0.5, 7, 0],
      },
    },
    {
      id: 'pm-landuse-park',
      type: 'fill',
      ...on('landuse'),
      filter: ['all', POLYGON, kindIn(...PARK_KINDS)],
      paint: {
        'fill-color': palette.park,
        'fill-opacity': ['interpolate', ['linear'], ['zoom'], 6, 0, 10, 1],
      },
    },
    {
      id: 'pm-landuse-campus',
      type: 'fill',
      ...on('landuse'),
      minzoom: 11,
      filter: ['all', POLYGON, kindIn(...CAMPUS_KINDS)],
      paint: { 'fill-color': palette.campus },
    },
    {
      id: 'pm-water',
      type: 'fill',
      ...on('water'),
      filter: POLYGON,
      // the open sea takes the embedded basemap's sea colour, so it meets the world beyond
      // the archive without a seam
      paint: {
        'fill-color': ['match', ['get', 'kind'], 'ocean', palette.sea, palette.water],
      },
    },
    {
      id: 'pm-water-line',
      type: 'line',
      ...on('water'),
      minzoom: 9,
      filter: LINE,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': palette.waterLine,
        'line-width': [
          'interpolate',
          ['linear'],
          ['zoom'],
          9,
          ['match', ['get', 'kind'], 'river', 0.8, 0],
          13,
          ['match', ['get', 'kind'], 'river', 2, 0.6],
          18,
          ['match', ['get', 'kind'], 'river', 8, 2],
        ],
      },
    },
    {
      id: 'pm-boundary-region',
      type: 'line',
      ...on('boundaries'),
      minzoom: 3,
      filter: kindIn('region', 'county'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': palette.provinceBorder,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.4, 10, 1.2],
        'line-dasharray': [3, 2],
      },
    },
    {
      id: 'pm-boundary-country',
      type: 'line',
      ...on('boundaries'),
      filter: ['==', ['get', 'kind'], 'country'],
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': palette.countryBorder,
        'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.5, 5, 0.9, 10, 1.6],
      },
    },
    {
      id: 'pm-buildings',
      type: 'fill',
      ...on('buildings'),
      minzoom: 13,
      filter: ['all', POLYGON, ['!=', ['get', 'kind'], 'address']],
      paint: {
        'fill-color': palette.building,
        'fill-outline-color': palette.buildingLine,
        'fill-opacity': ['interpolate', ['linear'], ['zoom'], 13, 0, 14, 0.9],
      },
    },
    {
      id: 'pm-rail',
      type: 'line',
      ...on('roads'),
      minzoom: 11,
      filter: ['all', LINE, ['==', ['get', 'kind'], 'rail']],
      paint: {
        'line-color': palette.rail,
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, 0.6, 16, 1.6],
        'line-opacity': tunnelsFaded,
        'line-dasharray': [4, 2],
      },
    },
    {
      id: 'pm-transit',
      type: 'line',
      ...on('transit'),
      minzoom: 11,
      filter: LINE,
      paint: {
        'line-color': palette.rail,
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, 0.6, 16, 1.6],
        'line-opacity': 0.6,
      },
    },
    {
      id: 'pm-road-casing',
      type: 'line',
      ...on('roads'),
      minzoom: 11,
      filter: ['all', LINE, ROAD_SHOWN],
      layout: { 'line-cap': 'round', 'line-join': 'round', 'line-sort-key': ROAD_SORT_KEY },
      paint: {
        'line-color': [
          'match',
          ['get', 'kind'],
          'highway',
          palette.highwayCasing,
          palette.roadCasing,
        ],
        'line-width': roadWidth(1.6),
        'line-opacity': [
          'interpolate',
          ['linear'],
          ['zoom'],
          11,
          0,
          12,
          tunnelsFaded,
        ] as unknown as ExpressionSpecification,
      },
    },
    {
      id: 'pm-road',
      type: 'line',
      ...on('roads'),
      filter: ['all', LINE, ROAD_SHOWN],
      layout: { 'line-cap': 'round', 'line-join': 'round', 'line-sort-key': ROAD_SORT_KEY },
      paint: {
        // zoomed out, roads are grey lines on the land; white cores join their casings later
        'line-color': [
          'interpolate',
          ['linear'],
          ['zoom'],
          10,
          palette.roadCasing,
          12,
          ['match', ['get', 'kind'], 'highway', palette.highway, palette.road],
        ] as unknown as ExpressionSpecification,
        'line-width': roadWidth(0),
        'line-opacity': tunnelsFaded,
      },
    },
    {
      id: 'pm-poi-dot',
      type: 'circle',
      ...on('pois'),
      minzoom: 14,
      filter: ['all', POINT, HAS_NAME, fromOwnMinZoom(15)],
      paint: {
        'circle-color': palette.poi,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 14, 2, 18, 3.5],
        'circle-stroke-color': palette.halo,
        'circle-stroke-width': 1,
      },
    },
    // ---- labels: later layers are placed first, so places win over roads and POIs ------
    {
      id: 'pm-water-label',
      type: 'symbol',
      ...on('water'),
      minzoom: 11,
      filter: [
        'all',
        ['!=', ['geometry-type'], 'LineString'],
        HAS_NAME,
        ['!=', ['get', 'kind'], 'ocean'],
      ],
      layout: {
        'text-field': text,
        'text-font': BASEMAP_FONT_REGULAR,
        'text-size': 11,
        'text-max-width': 7,
        'text-letter-spacing': 0.05,
      },
      paint: { ...halo, 'text-color': palette.textSea, 'text-halo-color': palette.water },
    },
    {
      id: 'pm-waterway-label',
      type: 'symbol',
      ...on('water'),
      minzoom: 13,
      filter: ['all', LINE, HAS_NAME],
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
      id: 'pm-road-label',
      type: 'symbol',
      ...on('roads'),
      minzoom: 12,
      filter: [
        'all',
        LINE,
        HAS_NAME,
        [
          'any',
          kindIn(...MAJOR_ROAD_KINDS),
          ['all', kindIn('minor_road', 'other', 'path'), ['>=', ['zoom'], 14]],
        ],
      ],
      layout: {
        'text-field': text,
        'text-font': BASEMAP_FONT_REGULAR,
        'text-size': ['interpolate', ['linear'], ['zoom'], 12, 10, 16, 12.5],
        'symbol-placement': 'line',
        'symbol-spacing': 300,
        'text-max-angle': 30,
        'symbol-sort-key': ROAD_SORT_KEY,
      },
      paint: {
        ...halo,
        'text-color': palette.textMuted,
        'text-halo-color': palette.road,
        'text-halo-width': 1.6,
      },
    },
    {
      id: 'pm-poi-label',
      type: 'symbol',
      ...on('pois'),
      minzoom: 14,
      filter: ['all', POINT, HAS_NAME, fromOwnMinZoom(15)],
      layout: {
        'text-field': text,
        'text-font': BASEMAP_FONT_REGULAR,
        'text-size': 10.5,
        'text-max-width': 8,
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.7,
        'text-justify': 'auto',
        'text-optional': true,
      },
      paint: {
        ...halo,
        'text-color': ['case', kindIn(...PARK_KINDS), palette.parkLabel, palette.textMuted],
      },
    },
    {
      id: 'pm-neighbourhood-label',
      type: 'symbol',
      ...on('places'),
      minzoom: 11,
      filter: ['all', POINT, kindIn('neighbourhood', 'macrohood'), fromOwnMinZoom(12)],
      layout: {
        'text-field': text,
        'text-font': BASEMAP_FONT_BOLD,
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.12,
        'text-size': ['interpolate', ['linear'], ['zoom'], 11, 10, 16, 13],
        'text-max-width': 7,
        'text-padding': 6,
        'symbol-sort-key': ['to-number', ['coalesce', ['get', 'min_zoom'], 15]],
      },
      paint: { ...halo, 'text-color': palette.textMuted },
    },
    {
      id: 'pm-locality-label',
      type: 'symbol',
      ...on('places'),
      minzoom: 4,
      filter: ['all', POINT, ['==', ['get', 'kind'], 'locality'], fromOwnMinZoom(0)],
      layout: {
        'text-field': text,
        'text-font': [
          'case',
          ['<=', ['to-number', ['coalesce', ['get', 'min_zoom'], 99]], 8],
          ['literal', BASEMAP_FONT_BOLD],
          ['literal', BASEMAP_FONT_REGULAR],
        ],
        'text-size': ['interpolate', ['linear'], ['zoom'], 4, 10.5, 8, 12.5, 12, 14, 15, 16],
        'text-max-width': 8,
        'text-padding': 4,
        'symbol-sort-key': ['to-number', ['coalesce', ['get', 'min_zoom'], 15]],
      },
      paint: { ...halo, 'text-color': palette.text },
    },
    {
      id: 'pm-region-label',
      type: 'symbol',
      ...on('places'),
      minzoom: 4,
      maxzoom: 9,
      filter: ['all', POINT, ['==', ['get', 'kind'], 'region']],
      layout: {
        'text-field': text,
        'text-font': BASEMAP_FONT_REGULAR,
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.12,
        'text-size': ['interpolate', ['linear'], ['zoom'], 4, 10, 8, 13],
        'text-max-width': 8,
      },
      paint: { ...halo, 'text-color': palette.textMuted },
    },
    {
      id: 'pm-country-label',
      type: 'symbol',
      ...on('places'),
      maxzoom: 7,
      filter: ['all', POINT, ['==', ['get', 'kind'], 'country']],
      layout: {
        'text-field': text,
        'text-font': BASEMAP_FONT_REGULAR,
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.12,
        'text-size': ['interpolate', ['linear'], ['zoom'], 2, 9.5, 6, 13],
        'text-max-width': 7,
      },
      paint: { ...halo, 'text-color': palette.textMuted },
    },
  ];
}

/** What the archive style needs to know about the archive, read from its header and metadata. */
export interface ArchiveSourceInfo {
  /** The archive's absolute URL (the `pmtiles://` protocol looks it up by this). */
  url: string;
  minZoom: number;
  maxZoom: number;
  bounds: [number, number, number, number];
  /** Safe HTML for MapLibre's attribution control (see `sanitizeAttribution`). */
  attribution: string;
}

export function protomapsSource(info: ArchiveSourceInfo): VectorSourceSpecification {
  const [w, s, e, n] = info.bounds;
  const validBounds = w < e && s < n;
  return {
    type: 'vector',
    // tiles straight from the protocol: no TileJSON round trip through the archive
    tiles: [`pmtiles://${info.url}/{z}/{x}/{y}`],
    minzoom: info.minZoom,
    // MapLibre over-zooms the deepest tiles beyond the archive's own maxzoom
    maxzoom: info.maxZoom,
    ...(validBounds ? { bounds: info.bounds } : {}),
    ...(info.attribution ? { attribution: info.attribution } : {}),
  };
}

/**
 * Layers of the embedded basemap kept under an archive: the sea and the world's land, so that
 * beyond a city extract the map is the same quiet world rather than an empty plane.
 */
const WORLD_CONTEXT_LAYER_IDS = ['basemap-background', 'basemap-land'];

export function worldContextLayers(lang: BasemapLang): LayerSpecification[] {
  return basemapLayers(lang).filter((l) => WORLD_CONTEXT_LAYER_IDS.includes(l.id));
}

/** The whole style for an archive: world context, the archive's layers, the app's fonts. */
export function buildProtomapsStyle(opts: {
  baseUrl: string;
  lang: BasemapLang;
  fontFaces: FontFacesJson;
  archive: ArchiveSourceInfo;
}): StyleSpecification {
  const fontFaces = resolveFontFaces(opts.fontFaces, opts.baseUrl);
  const world = basemapSources(opts.baseUrl)[BASEMAP_SOURCE_IDS.world]!;
  // the world file's Natural Earth credit would sit beside the archive's own; keep it
  const sources = {
    [BASEMAP_SOURCE_IDS.world]: world,
    [PROTOMAPS_SOURCE_ID]: protomapsSource(opts.archive),
  };
  return {
    version: 8,
    name: 'Protomaps basemap (local archive)',
    projection: GLOBE_PROJECTION,
    sky: GLOBE_SKY,
    sources,
    layers: [...worldContextLayers(opts.lang), ...protomapsLayers(opts.lang)],
    ...(Object.keys(fontFaces).length ? { 'font-faces': fontFaces } : {}),
  };
}

// ---- attribution ----------------------------------------------------------------------

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  copy: '©',
  reg: '®',
  middot: '·',
  ndash: '–',
  mdash: '—',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : +name.slice(1);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * An archive's attribution, rebuilt as HTML MapLibre may put in its attribution control: text
 * (escaped) and http(s) links (opening in a new tab), nothing else. The archive is data from
 * outside, and MapLibre writes attributions with innerHTML.
 */
export function sanitizeAttribution(html: string): string {
  const withoutCode = html.replace(/<(script|style)\b[\s\S]*?(<\/\1\s*>|$)/gi, '');
  let out = '';
  let inLink = false;
  let last = 0;
  const text = (s: string) => escapeHtml(decodeEntities(s).replace(/\s+/g, ' '));
  for (const m of withoutCode.matchAll(/<\s*(\/?)\s*([a-z][a-z0-9]*)\b([^>]*)>/gi)) {
    out += text(withoutCode.slice(last, m.index));
    last = m.index + m[0].length;
    const [, closing, tag, attrs] = m;
    if (tag!.toLowerCase() !== 'a') continue;
    if (closing && inLink) {
      out += '</a>';
      inLink = false;
    } else if (!closing && !inLink) {
      const href = /\bhref\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs!);
      const url = decodeEntities((href?.[2] ?? href?.[3] ?? href?.[4] ?? '').trim());
      if (/^https?:\/\/[^\s]+$/i.test(url)) {
        out += `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">`;
        inLink = true;
      }
    }
  }
  out += text(withoutCode.slice(last).replace(/<[^>]*$/, ''));
  if (inLink) out += '</a>';
  return out.replace(/\s+/g, ' ').trim();
}

/** The plain text of an attribution, as a reader sees it. */
export function attributionText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The credit to show for an archive: its own attribution, made safe; or, for Protomaps data
 * (built from OpenStreetMap) that carries none, the credit the ODbL requires.
 */
export function archiveAttribution(metadata: unknown, protomapsSchema: boolean): string {
  const raw =
    metadata && typeof metadata === 'object' && 'attribution' in metadata
      ? (metadata as { attribution: unknown }).attribution
      : undefined;
  const safe = typeof raw === 'string' ? sanitizeAttribution(raw) : '';
  if (attributionText(safe)) return safe;
  return protomapsSchema ? escapeHtml(OSM_ATTRIBUTION) : '';
}

/** The ids of an archive's `vector_layers` (TileJSON metadata), ignoring malformed entries. */
export function vectorLayerIds(metadata: unknown): string[] {
  const layers =
    metadata && typeof metadata === 'object' && 'vector_layers' in metadata
      ? (metadata as { vector_layers: unknown }).vector_layers
      : undefined;
  if (!Array.isArray(layers)) return [];
  return layers.flatMap((l: unknown) =>
    l && typeof l === 'object' && typeof (l as { id?: unknown }).id === 'string'
      ? [(l as { id: string }).id]
      : [],
  );
}

/**
 * True when the archive's layers are the Protomaps basemap's: its road layer and at least one
 * more of the schema's, so a tileset that merely has a "water" layer is not mistaken for it.
 */
export function isProtomapsSchema(layerIds: readonly string[]): boolean {
  const known = layerIds.filter((id) =>
    (PROTOMAPS_SOURCE_LAYERS as readonly string[]).includes(id),
  );
  return known.length >= 2 && (known.includes('roads') || known.includes('places'));
}
