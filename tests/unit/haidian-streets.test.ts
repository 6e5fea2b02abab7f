// Street-level Haidian: the shipped files pass the data contract, each station sits on its
// OpenStreetMap node, the generator is deterministic, and the year filters show the network
// and street names of the year.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import { featureFilter, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { HAIDIAN_STREETS_FILE, LINES, STATIONS, buildHaidian } from '../../scripts/build-haidian';
import { validateBasemap } from '../../scripts/validate-basemap';
import { BASEMAP_YEAR_FILTERED_LAYER_IDS, basemapYearFilters } from '../../src/map/basemap-style';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) =>
  JSON.parse(readFileSync(`${ROOT}${file}`, 'utf8')) as FeatureCollection;
const source = read(HAIDIAN_STREETS_FILE);
const shipped = read('public/basemap/haidian-streets.geojson');

const GEOMETRY_TYPE = { Point: 1, LineString: 2, Polygon: 3 } as const;

/** Evaluates a style filter on a GeoJSON feature the way MapLibre does, at a zoom. */
function passes(filter: FilterSpecification, f: Feature, zoom = 15): boolean {
  const compiled = featureFilter(filter, 'layers[0].filter');
  const type = GEOMETRY_TYPE[f.geometry.type as keyof typeof GEOMETRY_TYPE];
  return compiled.filter({ zoom }, { type, properties: f.properties ?? {} } as never);
}

function visible(
  layerId: (typeof BASEMAP_YEAR_FILTERED_LAYER_IDS)[number],
  year: number | undefined,
) {
  const filter = basemapYearFilters(year)[layerId];
  return shipped.features.filter((f) => passes(filter, f)).map((f) => String(f.properties!.id));
}

describe('Haidian basemap data', () => {
  it('passes the data contract with winding, like the story layers', async () => {
    expect(await validateBasemap()).toEqual([]);
  });

  it('is exactly what scripts/build-haidian.ts generates', () => {
    expect(source).toEqual(JSON.parse(JSON.stringify(buildHaidian())));
  });

  it('puts every station within 100 m of the OpenStreetMap node recorded for it', () => {
    const stations = shipped.features.filter((f) => f.properties?.layer === 'subway-station');
    expect(stations.length).toBe(Object.keys(STATIONS).length);
    for (const f of stations) {
      const slug = String(f.properties!.id).replace(/^bm-station-/, '');
      const node = STATIONS[slug];
      expect(node, slug).toBeDefined();
      const d = turf.distance((f.geometry as Point).coordinates, [node!.lon, node!.lat], {
        units: 'meters',
      });
      expect(d, slug).toBeLessThan(100);
      expect(String(f.properties!.name)).toBe(node!.name);
      expect(String(f.properties!.name_zh)).toBe(node!.name_zh);
    }
  });

  it('draws each line section through its stations in order, with its own opening year', () => {
    for (const line of LINES) {
      line.sections.forEach((section, i) => {
        const id = `bm-${line.id}${line.sections.length > 1 ? `-${i + 1}` : ''}`;
        const f = shipped.features.find((x) => x.properties?.id === id);
        expect(f, id).toBeDefined();
        expect(f!.properties!.since).toBe(section.since);
        const coords = (f!.geometry as { coordinates: number[][] }).coordinates;
        expect(coords.length).toBe(section.stations.length);
        section.stations.forEach((slug, k) => {
          const d = turf.distance(coords[k]!, [STATIONS[slug]!.lon, STATIONS[slug]!.lat], {
            units: 'meters',
          });
          expect(d, `${id} ${slug}`).toBeLessThan(5);
        });
      });
    }
  });

  it('has the lines, streets and neighbourhoods the story needs, in both languages', () => {
    const names = new Set(source.features.map((f) => String(f.properties!.name)));
    for (const n of ['Line 4', 'Line 10', 'Line 13', 'Line 15', 'Line 16', 'Changping Line'])
      expect(names, n).toContain(n);
    for (const n of [
      'Zhongguancun Street',
      'Zhongguancun North Street',
      'Zhongguancun South Street',
      'Xueyuan Road',
      'Chengfu Road',
      'Zhichun Road',
      'Haidian Road',
      'Baishiqiao Road',
      'Xizhimen North Street',
      'Shangdi East Road',
    ])
      expect(names, n).toContain(n);
    for (const n of [
      'Zhongguancun',
      'Wudaokou',
      'Shangdi',
      "Xi'erqi",
      'Haidian Huangzhuang',
      'Weigongcun',
      'Dazhongsi',
      'Zhichunlu',
      'Qinghe',
      'Xiyuan',
    ])
      expect(names, n).toContain(n);
    for (const f of source.features)
      expect(typeof f.properties!.name_zh, String(f.properties!.id)).toBe('string');
  });
});

describe('basemap year filters', () => {
  it('covers exactly the year-filtered layers', () => {
    expect(Object.keys(basemapYearFilters(2000)).sort()).toEqual(
      [...BASEMAP_YEAR_FILTERED_LAYER_IDS].sort(),
    );
  });

  it('shows the subway network of the year', () => {
    const lines = (year: number | undefined) => visible('basemap-subway-line', year);
    expect(lines(2000)).toEqual([]);
    expect(lines(2005)).toEqual(['bm-line-13']);
    expect(lines(2008)).toContain('bm-line-10-1');
    expect(lines(2008)).not.toContain('bm-line-4');
    expect(lines(2009)).toContain('bm-line-4');
    expect(lines(2015)).toContain('bm-line-15');
    expect(lines(2015)).not.toContain('bm-line-16-1');
    expect(lines(2022)).toEqual(expect.arrayContaining(['bm-line-16-2', 'bm-changping-2']));
    expect(lines(2022)).not.toContain('bm-changping-3');
    expect(lines(undefined).length).toBe(
      shipped.features.filter((f) => f.properties?.layer === 'subway-line').length,
    );
    const stations = (year: number) => visible('basemap-subway-station', year);
    expect(stations(2005)).toContain('bm-station-wudaokou');
    expect(stations(2005)).not.toContain('bm-station-zhongguancun');
    expect(stations(2015)).toContain('bm-station-zhongguancun');
    expect(stations(2015)).not.toContain('bm-station-qinghe');
  });

  it('names the streets as they were called that year', () => {
    const roads = (year: number) => visible('basemap-road-label', year);
    expect(roads(1984)).toEqual(
      expect.arrayContaining(['bm-road-baishiqiao', 'bm-road-haidian-old']),
    );
    expect(roads(1984)).not.toContain('bm-road-zgc');
    expect(roads(2015)).toEqual(
      expect.arrayContaining(['bm-road-zgc', 'bm-road-zgc-south', 'bm-road-zgc-north']),
    );
    expect(roads(2015)).not.toContain('bm-road-baishiqiao');
  });
});
