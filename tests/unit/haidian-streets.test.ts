// Street-level Haidian: the shipped files pass the data contract, each station sits on its
// OpenStreetMap node, the generator is deterministic, and the year filters show the network
// and street names of the year. The 5th Ring Road the basemap draws round it keeps its
// published length and its anchors.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import { featureFilter, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
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

describe('the 5th Ring Road', () => {
  const rings = read('geo/ring-roads.geojson');
  const ring5 = rings.features.find((f) => f.properties?.id === 'ring-5')!;
  const coords = (ring5.geometry as LineString).coordinates;
  const area = turf.polygon([coords]);
  const at = (lat: number, lon: number) => turf.point([lon, lat]);

  it('is a closed ring within 3 % of its published 98.58 km', () => {
    expect(coords[0]).toEqual(coords[coords.length - 1]);
    const km = turf.length(ring5 as Feature<LineString>, { units: 'kilometers' });
    expect(Math.abs(km / 98.58 - 1)).toBeLessThan(0.03);
  });

  // Stations named after (or built at) a 5th Ring interchange, OpenStreetMap nodes (WGS84), and
  // the Wikipedia position of Shifeng Bridge: see geo/notes/ring-roads-and-basemap.md
  it.each([
    ['Lincuiqiao (OSM 5305506002)', 40.0206, 116.36679, 150],
    ['Laiguangying (OSM 3369356933)', 40.0192, 116.46079, 150],
    ['Yizhuangqiao (OSM 8073260826)', 39.80174, 116.47427, 150],
    ['Jiugong (OSM 8073260825)', 39.80561, 116.45473, 200],
    ['CAU South Road (OSM 4564112873)', 40.01844, 116.27703, 200],
    ['Shifeng Bridge (Wikipedia)', 39.879255, 116.201953, 150],
  ])('passes %s', (_name, lat, lon, metres) => {
    const d = turf.pointToLineDistance(at(lat, lon), ring5 as Feature<LineString>, {
      units: 'meters',
    });
    expect(d).toBeLessThan(metres);
  });

  // Which side of the ring places lie on, from the published descriptions of its course: the
  // south runs south of Nanyuan Airport and crosses the Jingkai road south of Xihongmen.
  it.each([
    ['Nanyuan Airport reference point (Wikipedia, WGS84)', 39.7825, 116.38778, true],
    ['Xihongmen (OSM 7860703071)', 39.78839, 116.32268, true],
    ['Gaomidian North (OSM 7860703072)', 39.77303, 116.32448, false],
    ['Huangcun Railway Station (OSM 7860703075)', 39.7215, 116.32665, false],
    ['Wudaokou (OSM 5442237543)', 39.99148, 116.3317, true],
    ['Shangdi (OSM 6617852359)', 40.03176, 116.31408, false],
    ['Beigongmen, Summer Palace (OSM 6497814374)', 40.00119, 116.27137, true],
    ['Garden Expo Park (OSM 5442227596)', 39.85999, 116.19567, false],
    ['Caofang (OSM 8073325259)', 39.92351, 116.6103, false],
  ])('has %s inside: %s', (_name, lat, lon, inside) => {
    expect(turf.booleanPointInPolygon(at(lat, lon), area)).toBe(inside);
  });
});
