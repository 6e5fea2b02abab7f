// Story layers as MapLibre style data: one GeoJSON source per manifest layer, and a small
// fixed set of style layers per source. Pure functions: the controller only adds them.
import type {
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import type { ManifestLayer } from '../geo/manifest';
import { BASEMAP_FONT_REGULAR } from './basemap-style';
import { yearFilter } from './year-filter';
import { worldReadyGeometry } from '../spatial/sphere';

export { yearFilter };

export type Lang = 'en' | 'zh';

/** The basemap's fonts, so Chinese labels use the bundled Noto Sans SC too. */
export const STORY_FONT = BASEMAP_FONT_REGULAR;

export const sourceId = (layerId: string) => `story-${layerId}`;

/** Style layer ids of one story layer, bottom to top. */
export function styleLayerIds(layerId: string) {
  return {
    fill: `${layerId}-fill`,
    outline: `${layerId}-outline`,
    line: `${layerId}-line`,
    anim: `${layerId}-anim`,
    halo: `${layerId}-halo`,
    circle: `${layerId}-circle`,
    label: `${layerId}-label`,
    /** Labels of highlighted features: drawn at every zoom and placed before the others. */
    labelHighlight: `${layerId}-label-hl`,
  };
}

const POLYGONS: FilterSpecification = ['==', ['geometry-type'], 'Polygon'];
const LINES: FilterSpecification = ['==', ['geometry-type'], 'LineString'];
const POINTS: FilterSpecification = ['==', ['geometry-type'], 'Point'];
const NOT_LINES: FilterSpecification = ['!=', ['geometry-type'], 'LineString'];

/** Which geometry each style layer draws; the year filter is combined with it. */
export function geometryFilters(layerId: string): Record<string, FilterSpecification> {
  const ids = styleLayerIds(layerId);
  return {
    [ids.fill]: POLYGONS,
    [ids.outline]: POLYGONS,
    [ids.line]: LINES,
    [ids.halo]: POINTS,
    [ids.circle]: POINTS,
    [ids.label]: NOT_LINES,
  };
}

/**
 * Every filtered style layer's filter for a year and the highlighted features of the layer:
 * highlighted labels move from the plain label layer to the highlight label layer.
 */
export function layerFilters(
  layerId: string,
  year: number | undefined,
  highlighted: readonly string[] = [],
): Record<string, FilterSpecification> {
  const ids = styleLayerIds(layerId);
  const filters = Object.fromEntries(
    Object.entries(geometryFilters(layerId)).map(([id, geometry]) => [
      id,
      combinedFilter(geometry, year),
    ]),
  );
  const isHighlighted = ['in', ['get', 'id'], ['literal', [...highlighted]]];
  filters[ids.label] = [
    'all',
    filters[ids.label],
    ['!', isHighlighted],
  ] as unknown as FilterSpecification;
  filters[ids.labelHighlight] = [
    'all',
    combinedFilter(NOT_LINES, year),
    isHighlighted,
  ] as unknown as FilterSpecification;
  return filters;
}

export function combinedFilter(
  geometry: FilterSpecification,
  year: number | undefined,
): FilterSpecification {
  if (year === undefined) return geometry;
  return ['all', geometry, yearFilter(year)] as unknown as FilterSpecification;
}

const HIGHLIGHTED: ExpressionSpecification = ['boolean', ['feature-state', 'highlight'], false];
const HOVERED: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
/** While a step highlights something, everything else steps back. */
const DIMMED: ExpressionSpecification = ['boolean', ['feature-state', 'dim'], false];

const byState = (
  highlight: number,
  hover: number,
  dim: number,
  normal: number,
): ExpressionSpecification => ['case', HIGHLIGHTED, highlight, HOVERED, hover, DIMMED, dim, normal];

export function labelField(lang: Lang): ExpressionSpecification {
  return lang === 'zh' ? ['coalesce', ['get', 'name_zh'], ['get', 'name']] : ['get', 'name'];
}

/**
 * A layer's source. Lines are drawn as `worldReadyGeometry` makes them: arcs cut at the
 * antimeridian joined and densified along great circles, so they show no notch on the globe
 * or in Mercator (the data itself stays RFC 7946).
 */
export function storySource(data: FeatureCollection): GeoJSONSourceSpecification {
  const drawn: FeatureCollection = {
    ...data,
    features: data.features.map((f) => ({ ...f, geometry: worldReadyGeometry(f.geometry)! })),
  };
  return {
    type: 'geojson',
    data: drawn as GeoJSONSourceSpecification['data'],
    promoteId: 'id',
    lineMetrics: true,
  };
}

export function storyLayers(
  meta: ManifestLayer,
  lang: Lang,
  year: number | undefined,
): LayerSpecification[] {
  const ids = styleLayerIds(meta.id);
  const source = sourceId(meta.id);
  const filters = geometryFilters(meta.id);
  const color = meta.color;
  const hidden = { visibility: 'none' as const };
  return [
    {
      id: ids.fill,
      type: 'fill',
      source,
      filter: combinedFilter(filters[ids.fill]!, year),
      layout: hidden,
      paint: { 'fill-color': color, 'fill-opacity': byState(0.38, 0.3, 0.05, 0.16) },
    },
    {
      id: ids.outline,
      type: 'line',
      source,
      filter: combinedFilter(filters[ids.outline]!, year),
      layout: { ...hidden, 'line-join': 'round' },
      paint: {
        'line-color': color,
        'line-width': byState(2.5, 2, 0.6, 1.2),
        'line-opacity': byState(1, 1, 0.35, 0.8),
      },
    },
    {
      id: ids.line,
      type: 'line',
      source,
      filter: combinedFilter(filters[ids.line]!, year),
      layout: { ...hidden, 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': color,
        'line-width': byState(5, 4, 1.5, 2.5),
        'line-opacity': byState(1, 1, 0.35, 0.85),
      },
    },
    {
      // Draws animated lines progressively; its filter names the features being animated.
      id: ids.anim,
      type: 'line',
      source,
      filter: ['in', ['get', 'id'], ['literal', []]],
      layout: { ...hidden, 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-width': 5, 'line-gradient': progressGradient(color, 1) },
    },
    {
      // The pulse animation grows this ring through feature-state `pulse` (0…1).
      id: ids.halo,
      type: 'circle',
      source,
      filter: combinedFilter(filters[ids.halo]!, year),
      layout: hidden,
      paint: {
        'circle-color': color,
        'circle-radius': ['+', 7, ['*', 22, ['number', ['feature-state', 'pulse'], 0]]],
        'circle-opacity': [
          'case',
          ['>', ['number', ['feature-state', 'pulse'], 0], 0],
          ['*', 0.45, ['-', 1, ['number', ['feature-state', 'pulse'], 0]]],
          0,
        ],
      },
    },
    {
      id: ids.circle,
      type: 'circle',
      source,
      filter: combinedFilter(filters[ids.circle]!, year),
      layout: hidden,
      paint: {
        'circle-color': color,
        'circle-radius': byState(9, 8, 4, 6),
        'circle-opacity': byState(1, 1, 0.45, 0.95),
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': byState(2.5, 2, 1, 1.5),
      },
    },
    {
      id: ids.label,
      type: 'symbol',
      source,
      // A layer of many small places declares from which zoom its labels would not crowd.
      ...(meta.labelMinzoom !== undefined ? { minzoom: meta.labelMinzoom } : {}),
      filter: combinedFilter(filters[ids.label]!, year),
      layout: {
        ...hidden,
        'text-field': labelField(lang),
        'text-font': STORY_FONT,
        'text-size': 13,
        'text-offset': [0, 1.1],
        'text-anchor': 'top',
        'text-max-width': 9,
        'text-optional': true,
      },
      paint: {
        'text-color': '#1f2937',
        'text-halo-color': 'rgba(255,255,255,0.92)',
        'text-halo-width': 1.6,
        'text-opacity': byState(1, 1, 0.45, 0.9),
      },
    },
    {
      id: ids.labelHighlight,
      type: 'symbol',
      source,
      filter: layerFilters(meta.id, year)[ids.labelHighlight],
      layout: {
        ...hidden,
        'text-field': labelField(lang),
        'text-font': STORY_FONT,
        'text-size': 14,
        'text-offset': [0, 1.1],
        'text-anchor': 'top',
        'text-max-width': 9,
        'text-optional': true,
      },
      paint: {
        'text-color': '#111827',
        'text-halo-color': 'rgba(255,255,255,0.95)',
        'text-halo-width': 1.8,
      },
    },
  ];
}

/** A line-gradient that shows the first `progress` (0…1) of each line in `color`. */
export function progressGradient(color: string, progress: number): ExpressionSpecification {
  const p = Math.min(1, Math.max(0, progress));
  if (p >= 1) return ['interpolate', ['linear'], ['line-progress'], 0, color, 1, color];
  if (p <= 0)
    return ['interpolate', ['linear'], ['line-progress'], 0, 'rgba(0,0,0,0)', 1, 'rgba(0,0,0,0)'];
  return ['step', ['line-progress'], color, p, 'rgba(0,0,0,0)'];
}
