// `npx tsx scripts/build-links.ts`: generates the link and journey lines from the point layers.
//   geo/bth-links.geojson  one gentle curve from Zhongguancun to each feature of bth-cities
//   geo/yrd-links.geojson  one gentle curve from Zhongguancun (Beijing) to each yrd-cities feature
//   geo/journeys.geojson   great-circle arcs for the journeys told in the article
//
// The origin is the centroid of `zgc-science-city` in geo/science-park.geojson when that file
// has it, else the documented Zhongguancun origin 39.9830N 116.3100E (WGS84).
//
// Antimeridian: arcs across the Pacific are cut at +/-180 into a MultiLineString whose parts
// end and start exactly on the meridian (latitude computed on the great circle), as RFC 7946
// section 3.1.9 recommends and as the validator requires (longitudes within -180..180).
// MapLibre draws the two parts in adjacent world copies, so the arc looks continuous.
//
// Deterministic: no clock, no randomness; coordinates rounded to 5 decimals; stable key order.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { serialize } from './build-regions';
import { dedupe } from './lib/geometry.ts';

const GEO = new URL('../geo/', import.meta.url);
const DECIMALS = 5;
/** Sideways lift of a regional link's mid-point, as a share of its length. */
const CURVE = 0.15;
/** Points per great-circle arc before cutting at the antimeridian. */
const GC_POINTS = 128;

export const ORIGIN_ID = 'zgc-science-city';
export const FALLBACK_ORIGIN: Position = [116.31, 39.983];
const FALLBACK_PRECISION_M = 1000;

interface Place {
  id: string;
  name: string;
  name_zh: string;
  short: string;
  short_zh: string;
  at: Position;
  precision_m: number;
  since?: number;
}

/** Short labels for link names; anything not listed falls back to the feature's own name. */
const SHORT: Record<string, [string, string]> = {
  'tianjin-binhai': ['Tianjin Binhai', '天津滨海'],
  xiongan: ['Xiong’an', '雄安'],
  baoding: ['Baoding', '保定'],
  shijiazhuang: ['Shijiazhuang', '石家庄'],
  chengde: ['Chengde', '承德'],
  qinhuangdao: ['Qinhuangdao', '秦皇岛'],
  'shanghai-city': ['Shanghai', '上海'],
  'silicon-valley': ['Silicon Valley', '硅谷'],
  'route-128': ['Route 128', '128号公路'],
  pasadena: ['Pasadena', '帕萨迪纳'],
  'columbia-university': ['Columbia University', '哥伦比亚大学'],
};

const round = (n: number): number => {
  const f = 10 ** DECIMALS;
  const r = Math.round(n * f) / f;
  return Object.is(r, -0) ? 0 : r;
};
const roundPos = (p: Position): Position => [round(p[0]!), round(p[1]!)];

function readLayer(file: string): FeatureCollection {
  return JSON.parse(readFileSync(new URL(file, GEO), 'utf8')) as FeatureCollection;
}

/** Where a feature is anchored: a point itself, half-way along a line, a polygon's centroid. */
function anchorOf(f: Feature): Position {
  const g = f.geometry;
  if (!g) throw new Error('feature without geometry');
  if (g.type === 'Point') return roundPos(g.coordinates);
  if (g.type === 'LineString') {
    const line = turf.lineString(g.coordinates);
    return roundPos(turf.along(line, turf.length(line) / 2).geometry.coordinates);
  }
  return roundPos(turf.centroid(f).geometry.coordinates);
}

function toPlace(f: Feature): Place {
  const p = (f.properties ?? {}) as Record<string, unknown>;
  const id = String(p.id);
  const [short, shortZh] = SHORT[id] ?? [String(p.name), String(p.name_zh ?? p.name)];
  return {
    id,
    name: String(p.name),
    name_zh: String(p.name_zh ?? p.name),
    short,
    short_zh: shortZh,
    at: anchorOf(f),
    precision_m: Number(p.precision_m),
    ...(typeof p.since === 'number' ? { since: p.since } : {}),
  };
}

function placesOf(file: string): Place[] {
  return readLayer(file).features.map(toPlace);
}

export function readOrigin(): Place {
  const base = {
    id: ORIGIN_ID,
    name: 'Zhongguancun',
    name_zh: '中关村',
    short: 'Zhongguancun',
    short_zh: '中关村',
  };
  const file = new URL('science-park.geojson', GEO);
  if (existsSync(file)) {
    const f = readLayer('science-park.geojson').features.find(
      (x) => (x.properties as { id?: unknown } | null)?.id === ORIGIN_ID,
    );
    if (f) {
      const precision = Number((f.properties as { precision_m?: unknown }).precision_m);
      return {
        ...base,
        at: roundPos(turf.centroid(f).geometry.coordinates),
        precision_m: Number.isFinite(precision) ? precision : FALLBACK_PRECISION_M,
      };
    }
  }
  return { ...base, at: FALLBACK_ORIGIN, precision_m: FALLBACK_PRECISION_M };
}

/** A gentle arc: a Bezier spline through the end points and a mid-point lifted to the left. */
export function curvedLink(a: Position, b: Position): Position[] {
  const km = turf.distance(a, b);
  const mid = turf.midpoint(a, b);
  const lifted = turf.destination(mid, km * CURVE, turf.bearing(a, b) - 90).geometry.coordinates;
  const spline = turf.bezierSpline(turf.lineString([a, lifted, b]), {
    resolution: 1000,
    sharpness: 0.85,
  }).geometry.coordinates;
  const pts = dedupe([roundPos(a), ...spline.slice(1, -1).map(roundPos), roundPos(b)]);
  return pts;
}

/** Latitude of the great circle through a and b at longitude lon (all in degrees). */
function greatCircleLatAt(a: Position, b: Position, lon: number): number {
  const rad = Math.PI / 180;
  const [l1, p1] = [a[0]! * rad, a[1]! * rad];
  const [l2, p2] = [b[0]! * rad, b[1]! * rad];
  const l = lon * rad;
  const num =
    Math.sin(p1) * Math.cos(p2) * Math.sin(l - l2) - Math.sin(p2) * Math.cos(p1) * Math.sin(l - l1);
  return Math.atan(num / (Math.cos(p1) * Math.cos(p2) * Math.sin(l1 - l2))) / rad;
}

/**
 * A great-circle arc from a to b, cut at the antimeridian. Returns one part per world copy,
 * each with longitudes inside -180..180; parts meet exactly on +/-180.
 */
export function greatCircleArc(a: Position, b: Position): Position[][] {
  const gc = turf.greatCircle(a, b, { npoints: GC_POINTS }).geometry;
  const raw = gc.type === 'LineString' ? gc.coordinates : gc.coordinates.flat();
  // Unwrap: consecutive longitudes never jump by more than 180 degrees.
  const unwrapped: Position[] = [];
  for (const p of raw) {
    let lon = p[0]!;
    const prev = unwrapped[unwrapped.length - 1];
    if (prev) {
      while (lon - prev[0]! > 180) lon -= 360;
      while (lon - prev[0]! < -180) lon += 360;
    }
    unwrapped.push([lon, p[1]!]);
  }
  const copyOf = (lon: number) => Math.floor((lon + 180) / 360);
  const parts: Position[][] = [];
  let part: Position[] = [];
  let copy = copyOf(unwrapped[0]![0]!);
  unwrapped.forEach((p, i) => {
    const c = copyOf(p[0]!);
    if (i > 0 && c !== copy) {
      const seam = 360 * Math.max(c, copy) - 180; // the unwrapped longitude of the cut
      const lat = greatCircleLatAt(a, b, seam);
      part.push([seam - 360 * copy, lat]);
      parts.push(part);
      part = [[seam - 360 * c, lat]];
      copy = c;
    }
    part.push([p[0]! - 360 * c, p[1]!]);
  });
  parts.push(part);
  return parts.map((pts) => dedupe(pts.map(roundPos))).filter((pts) => pts.length >= 2);
}

function lineGeometry(parts: Position[][]): Geometry {
  if (parts.length === 1) return { type: 'LineString', coordinates: parts[0]! };
  return { type: 'MultiLineString', coordinates: parts };
}

interface LinkText {
  name: string;
  name_zh: string;
  description: string;
  description_zh: string;
}

function linkFeature(
  id: string,
  kind: 'link' | 'journey',
  from: Place,
  to: Place,
  geometry: Geometry,
  text: LinkText,
  since: number | undefined,
): Feature {
  return {
    type: 'Feature',
    properties: {
      id,
      name: text.name,
      name_zh: text.name_zh,
      kind,
      ...(since !== undefined ? { since } : {}),
      from: from.id,
      to: to.id,
      // a journey's ends are labelled on the map (world scale: the city, not the site)
      ...(kind === 'journey'
        ? {
            from_name: from.short,
            from_name_zh: from.short_zh,
            to_name: to.short,
            to_name_zh: to.short_zh,
          }
        : {}),
      description: text.description,
      description_zh: text.description_zh,
      source: `generated by scripts/build-links.ts from ${from.id}, ${to.id}`,
      precision_m: Math.max(from.precision_m, to.precision_m),
    },
    geometry,
  };
}

export function buildBthLinks(origin: Place, cities: Place[]): Feature[] {
  return cities.map((c) => {
    const when = c.since !== undefined ? ` (from ${c.since})` : '';
    const whenZh = c.since !== undefined ? `（${c.since}年起）` : '';
    return linkFeature(
      `link-zgc-${c.id}`,
      'link',
      origin,
      c,
      { type: 'LineString', coordinates: curvedLink(origin.at, c.at) },
      {
        name: `Zhongguancun – ${c.short}`,
        name_zh: `中关村—${c.short_zh}`,
        description: `Schematic curve tying Zhongguancun to its outpost at ${c.short}${when}; it shows a connection, not a road or rail route.`,
        description_zh: `连接中关村与其${c.short_zh}分支${whenZh}的示意曲线，表示联系而非实际道路或铁路。`,
      },
      c.since,
    );
  });
}

export function buildYrdLinks(origin: Place, cities: Place[]): Feature[] {
  return cities.map((c) =>
    linkFeature(
      `link-beijing-${c.id}`,
      'link',
      origin,
      c,
      { type: 'LineString', coordinates: curvedLink(origin.at, c.at) },
      {
        name: `Beijing – ${c.short}`,
        name_zh: `北京—${c.short_zh}`,
        description: `Schematic curve from Beijing's Zhongguancun to ${c.short}, standing for the hoped-for flow of Beijing research into Yangtze River Delta industry.`,
        description_zh: `从北京中关村到${c.short_zh}的示意曲线，代表人们期望的北京原创研究向长三角产业转化的流向。`,
      },
      c.since,
    ),
  );
}

interface JourneySpec {
  id: string;
  from: string;
  to: string;
  since: number;
  text: LinkText;
}

const JOURNEYS: JourneySpec[] = [
  {
    id: 'journey-1979-beijing-silicon-valley',
    from: ORIGIN_ID,
    to: 'silicon-valley',
    since: 1979,
    text: {
      name: 'Chen Chunxian, 1979: Beijing to Silicon Valley',
      name_zh: '陈春先1979年：北京—硅谷',
      description:
        'Great-circle sketch of the first leg of physicist Chen Chunxian’s 1979 study tour of American technology regions; his actual flights are not known.',
      description_zh:
        '物理学家陈春先1979年赴美考察科技产业区第一程的大圆示意线，实际航班路线不详。',
    },
  },
  {
    id: 'journey-1979-silicon-valley-route-128',
    from: 'silicon-valley',
    to: 'route-128',
    since: 1979,
    text: {
      name: 'Chen Chunxian, 1979: Silicon Valley to Route 128',
      name_zh: '陈春先1979年：硅谷—128号公路',
      description:
        'The cross-country leg of Chen Chunxian’s 1979 tour, from California to the high-tech belt around Boston, drawn as a great circle.',
      description_zh:
        '陈春先1979年考察中横贯美国的一程，从加州到波士顿周边的高科技带，以大圆线表示。',
    },
  },
  {
    id: 'journey-1979-route-128-beijing',
    from: 'route-128',
    to: ORIGIN_ID,
    since: 1979,
    text: {
      name: 'Chen Chunxian, 1979: back to Beijing',
      name_zh: '陈春先1979年：返回北京',
      description:
        'Chen Chunxian’s way home from Route 128; back in Zhongguancun he started the side business that prefigured its private tech firms. Drawn as a great circle.',
      description_zh:
        '陈春先从128号公路返回北京的路线；回到中关村后，他开办了预示当地民营科技企业的副业。以大圆线表示。',
    },
  },
  {
    id: 'journey-2014-pasadena-beijing',
    from: 'pasadena',
    to: ORIGIN_ID,
    since: 2014,
    text: {
      name: 'Cho-Nan Tsai, 2014: Pasadena to Beijing',
      name_zh: 'Cho-Nan Tsai 2014年：帕萨迪纳—北京',
      description:
        'Great-circle sketch of software manager Cho-Nan Tsai’s move from Pasadena to Zhongguancun, prompted by a startup offer in 2014.',
      description_zh:
        '软件经理 Cho-Nan Tsai 因2014年的一个创业邀约，从帕萨迪纳迁往中关村的大圆示意线。',
    },
  },
];

/** At world scale a journey starts or ends in Beijing, not at the science park's core. */
const asCity = (p: Place | undefined): Place | undefined =>
  p?.id === ORIGIN_ID ? { ...p, short: 'Beijing', short_zh: '北京' } : p;

export function buildJourneys(places: Map<string, Place>): Feature[] {
  return JOURNEYS.map((j) => {
    const from = asCity(places.get(j.from));
    const to = asCity(places.get(j.to));
    if (!from || !to) throw new Error(`${j.id}: unknown endpoint ${from ? j.to : j.from}`);
    return linkFeature(
      j.id,
      'journey',
      from,
      to,
      lineGeometry(greatCircleArc(from.at, to.at)),
      j.text,
      j.since,
    );
  });
}

export function buildLinks(): Map<string, Feature[]> {
  const origin = readOrigin();
  const bth = placesOf('bth-cities.geojson');
  const yrd = placesOf('yrd-cities.geojson');
  const us = placesOf('us-places.geojson');
  const places = new Map<string, Place>([
    [origin.id, origin],
    ...us.map((p) => [p.id, p] as const),
  ]);
  return new Map([
    ['bth-links.geojson', buildBthLinks(origin, bth)],
    ['yrd-links.geojson', buildYrdLinks(origin, yrd)],
    ['journeys.geojson', buildJourneys(places)],
  ]);
}

function main() {
  const origin = readOrigin();
  console.log(
    `origin ${origin.id}: ${origin.at.join(', ')}${origin.at === FALLBACK_ORIGIN ? ' (fallback: geo/science-park.geojson has no zgc-science-city)' : ''}`,
  );
  for (const [file, features] of buildLinks()) {
    const text = serialize(features);
    writeFileSync(new URL(file, GEO), text);
    console.log(`geo/${file}: ${features.length} features, ${Buffer.byteLength(text)} bytes`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
