// Geometry on the sphere for world-scale steps: great-circle arcs drawn without notches (dense
// enough to curve on the globe, continuous across the antimeridian, kept out of the polar
// caps Web Mercator tiles cannot hold) and the smallest cap that holds a set of places, which
// a globe view is centred on. Pure functions of WGS84 longitude/latitude in degrees.
import type { Geometry, Position } from 'geojson';

type Vec = [number, number, number];

const rad = (d: number) => (d * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

export function toVec([lng, lat]: Position): Vec {
  const phi = rad(lat!);
  const lambda = rad(lng!);
  return [Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)];
}

export function fromVec([x, y, z]: Vec): [number, number] {
  const n = Math.hypot(x, y, z) || 1;
  return [deg(Math.atan2(y, x)), deg(Math.asin(Math.max(-1, Math.min(1, z / n))))];
}

const dot = (a: Vec, b: Vec) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/** The angle between two places seen from the Earth's centre, in degrees. */
export function angularDistance(a: Position, b: Position): number {
  return deg(Math.acos(Math.max(-1, Math.min(1, dot(toVec(a), toVec(b))))));
}

/** The point a fraction `t` of the way from `a` to `b` along their great circle. */
export function slerp(a: Position, b: Position, t: number): [number, number] {
  const va = toVec(a);
  const vb = toVec(b);
  const omega = Math.acos(Math.max(-1, Math.min(1, dot(va, vb))));
  if (omega < 1e-12) return [a[0]!, a[1]!];
  const s = Math.sin(omega);
  const ka = Math.sin((1 - t) * omega) / s;
  const kb = Math.sin(t * omega) / s;
  return fromVec([ka * va[0] + kb * vb[0], ka * va[1] + kb * vb[1], ka * va[2] + kb * vb[2]]);
}

/**
 * Makes a line's longitudes continuous: each step between vertices goes the short way round,
 * so a line across the antimeridian runs on past 180 (or below -180) instead of jumping back.
 * MapLibre draws such a line in one piece, on the globe and in Mercator.
 */
export function unwrapLongitudes(line: readonly Position[]): Position[] {
  const out: Position[] = [];
  let shift = 0;
  for (let i = 0; i < line.length; i++) {
    const [lng, lat] = line[i]!;
    if (i > 0) {
      const prev = line[i - 1]![0]!;
      const d = lng! - prev;
      if (d > 180) shift -= 360;
      else if (d < -180) shift += 360;
    }
    out.push([lng! + shift, lat!]);
  }
  return out;
}

/**
 * A MultiLineString cut at the antimeridian (RFC 7946 §3.1.9: a part ends on ±180 where the
 * next begins on ∓180) as the one continuous line it was drawn from; other parts are kept
 * apart. Returns the lines.
 */
export function joinAntimeridianParts(parts: readonly Position[][]): Position[][] {
  const out: Position[][] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    const end = last?.[last.length - 1];
    const start = part[0];
    const joins =
      end &&
      start &&
      Math.abs(Math.abs(end[0]!) - 180) < 1e-9 &&
      Math.abs(Math.abs(start[0]!) - 180) < 1e-9 &&
      Math.sign(end[0]!) !== Math.sign(start[0]!) &&
      Math.abs(end[1]! - start[1]!) < 1e-6;
    if (joins) last.push(...part.slice(1));
    else out.push([...part]);
  }
  return out.map(unwrapLongitudes);
}

/** Web Mercator tiles end at this latitude: anything further north or south is cut off. */
export const MERCATOR_LIMIT = 85.0511;

/**
 * A line whose apex passes the Mercator limit (Boston to Beijing reaches 85.7°N), lowered to
 * `limit` by a smooth bump centred on the apex (a Gaussian `sigma` degrees of arc wide), so
 * the arc bends gently instead of running along the tiles' edge, which drew a notch. Lines
 * that stay inside the limit come back unchanged.
 */
export function lowerApex(line: readonly Position[], limit = 84.9, sigma = 20): Position[] {
  let out = line.map((p) => [p[0]!, p[1]!] as Position);
  for (let round = 0; round < 6; round++) {
    let apex = 0;
    for (let i = 1; i < out.length; i++)
      if (Math.abs(out[i]![1]!) > Math.abs(out[apex]![1]!)) apex = i;
    const excess = Math.abs(out[apex]![1]!) - limit;
    if (excess <= 1e-9) break;
    const sign = Math.sign(out[apex]![1]!);
    const along = [0];
    for (let i = 1; i < out.length; i++)
      along.push(along[i - 1]! + angularDistance(out[i - 1]!, out[i]!));
    out = out.map(([lng, lat], i) => {
      const w = Math.exp(-(((along[i]! - along[apex]!) / sigma) ** 2));
      return [lng!, lat! - sign * (excess + 0.01) * w];
    });
  }
  return out;
}

/**
 * A line with great-circle points added wherever two vertices are more than `maxStep` degrees
 * apart, in arc or in longitude: MapLibre joins vertices straight in Mercator (a rhumb line),
 * which near a pole strays from the great circle unless the vertices are close in longitude.
 */
export function densifyGreatCircle(line: readonly Position[], maxStep = 2): Position[] {
  const out: Position[] = [];
  for (let i = 0; i < line.length; i++) {
    const p = line[i]!;
    if (i > 0) {
      const q = line[i - 1]!;
      let dLng = Math.abs(p[0]! - q[0]!);
      if (dLng > 180) dLng = 360 - dLng;
      const n = Math.ceil(Math.max(angularDistance(q, p), dLng) / maxStep);
      for (let k = 1; k < n; k++) out.push(slerp(q, p, k / n));
    }
    out.push([p[0]!, p[1]!]);
  }
  return out;
}

/**
 * A line (or the parts of a multi-line) ready to draw at world scale: parts cut at the
 * antimeridian joined, long segments densified along great circles, longitudes continuous,
 * an apex over a pole lowered smoothly into what Mercator tiles can hold.
 */
export function worldReadyLines(parts: readonly Position[][], maxStep = 2): Position[][] {
  return joinAntimeridianParts(parts.map((p) => densifyGreatCircle(p, maxStep))).map((line) =>
    lowerApex(line),
  );
}

/**
 * The smallest spherical cap holding every point, approximately (Bădoiu–Clarkson: step the
 * centre towards the farthest point by a shrinking fraction). Centring a globe on it puts
 * every point as far from the rim as any view can, whatever the points' number or density:
 * a detailed polygon does not outweigh a simple one, as it would in a mean.
 */
export function enclosingCap(
  points: readonly Position[],
  iterations = 400,
): { center: [number, number]; radius: number } | undefined {
  if (!points.length) return undefined;
  const vs = points.map(toVec);
  let c: Vec = vs.reduce<Vec>((s, v) => [s[0] + v[0], s[1] + v[1], s[2] + v[2]], [0, 0, 0]);
  if (Math.hypot(...c) < 1e-9) c = vs[0]!;
  let center = fromVec(c);
  for (let k = 0; k < iterations; k++) {
    const cv = toVec(center);
    let far = vs[0]!;
    let best = 2;
    for (const v of vs) {
      const d = dot(cv, v);
      if (d < best) {
        best = d;
        far = v;
      }
    }
    center = slerp(center, fromVec(far), 1 / (k + 2));
  }
  const cv = toVec(center);
  const radius = Math.max(...vs.map((v) => deg(Math.acos(Math.max(-1, Math.min(1, dot(cv, v)))))));
  return { center, radius };
}

/** A globe centred further north or south than this is seen from over a pole. */
export const NORTH_UP_MAX_LATITUDE = 60;

/**
 * The centre for a north-up globe view of `points`: the smallest cap's centre, or, when that
 * lies beyond `maxLatitude` (places around a pole, like Beijing, California and Boston), the
 * point on that parallel nearest to holding them all, so the view keeps north up and the
 * pole near its top instead of looking down on the pole.
 */
export function northUpCenter(
  points: readonly Position[],
  maxLatitude = NORTH_UP_MAX_LATITUDE,
): [number, number] | undefined {
  const cap = enclosingCap(points);
  if (!cap) return undefined;
  if (Math.abs(cap.center[1]) <= maxLatitude) return cap.center;
  const lat = Math.sign(cap.center[1]) * maxLatitude;
  const reach = (lng: number) => Math.max(...points.map((p) => angularDistance([lng, lat], p)));
  let best = cap.center[0];
  let bestReach = reach(best);
  for (let lng = -180; lng < 180; lng += 2) {
    const r = reach(lng);
    if (r < bestReach) [best, bestReach] = [lng, r];
  }
  for (let step = 1; step > 0.01; step /= 2)
    for (const lng of [best - step, best + step]) {
      const r = reach(lng);
      if (r < bestReach) [best, bestReach] = [lng, r];
    }
  return [((((best + 180) % 360) + 360) % 360) - 180, lat];
}

/**
 * A geometry as the map should draw it: lines through `worldReadyLines` (short streets come
 * back as they were), anything else unchanged.
 */
export function worldReadyGeometry(g: Geometry | null): Geometry | null {
  if (!g) return g;
  if (g.type !== 'LineString' && g.type !== 'MultiLineString') return g;
  const lines = worldReadyLines(g.type === 'LineString' ? [g.coordinates] : g.coordinates);
  return lines.length === 1
    ? { type: 'LineString', coordinates: lines[0]! }
    : { type: 'MultiLineString', coordinates: lines };
}
