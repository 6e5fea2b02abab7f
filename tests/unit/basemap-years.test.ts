// True years on the embedded basemap: at a step's year the ring roads, landmarks and names
// drawn as roads and places are those that existed then; a ring completed later is only a
// ghost (a pale unlabelled line), so a 1984 map never shows the 3rd or 4th Ring as a road.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { featureFilter, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection } from 'geojson';
import { basemapYearFilters, type BasemapYearFilteredLayerId } from '../../src/map/basemap-style';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const beijing = JSON.parse(
  readFileSync(`${ROOT}public/basemap/beijing.geojson`, 'utf8'),
) as FeatureCollection;
const TYPE = { Point: 1, LineString: 2, Polygon: 3 } as const;

function drawn(layer: BasemapYearFilteredLayerId, year: number | undefined): string[] {
  const compiled = featureFilter(basemapYearFilters(year)[layer] as FilterSpecification, 'f');
  return beijing.features
    .filter((f: Feature) =>
      compiled.filter({ zoom: 12 }, {
        type: TYPE[f.geometry.type as keyof typeof TYPE],
        properties: f.properties ?? {},
      } as never),
    )
    .map((f) => String(f.properties!.id))
    .sort();
}

describe('basemap years', () => {
  it('draws no ring road of a later year as a road or a name in 1984, only as a ghost', () => {
    for (const layer of [
      'basemap-ring-road-casing',
      'basemap-ring-road',
      'basemap-ring-road-label',
    ] as const)
      expect(drawn(layer, 1984), layer).toEqual([]);
    expect(drawn('basemap-ring-road-ghost', 1984)).toEqual([
      'basemap-ring-2',
      'basemap-ring-3',
      'basemap-ring-4',
      'basemap-ring-5',
    ]);
  });

  it('adds each ring in the year it was completed, and ghosts only the later ones', () => {
    expect(drawn('basemap-ring-road', 1994)).toEqual(['basemap-ring-2', 'basemap-ring-3']);
    expect(drawn('basemap-ring-road-ghost', 1994)).toEqual(['basemap-ring-4', 'basemap-ring-5']);
    expect(drawn('basemap-ring-road-label', 2001)).toEqual([
      'basemap-ring-2',
      'basemap-ring-3',
      'basemap-ring-4',
    ]);
    expect(drawn('basemap-ring-road-ghost', 2003)).toEqual([]);
    // with no year (the free map) every ring is a road and none is a ghost
    expect(drawn('basemap-ring-road-ghost', undefined)).toEqual([]);
    expect(drawn('basemap-ring-road', undefined)).toHaveLength(4);
  });

  it('names the Olympic Green only from 2008', () => {
    expect(drawn('basemap-landmark-label', 2007)).not.toContain('basemap-olympic-green');
    expect(drawn('basemap-landmark-label', 2008)).toContain('basemap-olympic-green');
  });
});
