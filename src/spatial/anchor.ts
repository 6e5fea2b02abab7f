// Where a feature's marker and label go when the feature itself is too small to see or has
// no label of its own: a polygon's pole of inaccessibility (the inside point farthest from
// its edges, where a label reads as belonging to it), a line's midpoint along its length.
// Planar in longitude and latitude scaled by cos(latitude): fine for the small features that
// need a marker.
import type { Geometry, Position } from 'geojson';

const rad = (d: number) => (d * Math.PI) / 180;

function inRing(p: Position, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi! > p[1]! !== yj! > p[1]! && p[0]! < ((xj! - xi!) * (p[1]! - yi!)) / (yj! - yi!) + xi!)
      inside = !inside;
  }
  return inside;
}

/** True when `p` lies inside the polygon (its outer ring, outside its holes). */
export function inPolygon(p: Position, rings: readonly Position[][]): boolean {
  return inRing(p, rings[0]!) && !rings.slice(1).some((h) => inRing(p, h));
}

function segmentDistance(p: Position, a: Position, b: Position, k: number): number {
  const px = p[0]! * k;
  const ax = a[0]! * k;
  const bx = b[0]! * k;
  const dx = bx - ax;
  const dy = b[1]! - a[1]!;
  const t = Math.max(
    0,
    Math.min(1, ((px - ax) * dx + (p[1]! - a[1]!) * dy) / (dx * dx + dy * dy || 1)),
  );
  return Math.hypot(px - (ax + t * dx), p[1]! - (a[1]! + t * dy));
}

function edgeDistance(p: Position, rings: readonly Position[][], k: number): number {
  let d = Infinity;
  for (const ring of rings)
    for (let i = 1; i < ring.length; i++)
      d = Math.min(d, segmentDistance(p, ring[i - 1]!, ring[i]!, k));
  return d;
}

/**
 * The pole of inaccessibility of a polygon, by grid refinement: the best of a 16x16 grid,
 * then finer grids around it. Accurate to well under a hundredth of the polygon's size.
 */
export function poleOfInaccessibility(rings: readonly Position[][]): [number, number] {
  const outer = rings[0]!;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of outer) {
    w = Math.min(w, x!);
    e = Math.max(e, x!);
    s = Math.min(s, y!);
    n = Math.max(n, y!);
  }
  const k = Math.cos(rad((s + n) / 2));
  let best: [number, number] = [(w + e) / 2, (s + n) / 2];
  let bestD = inPolygon(best, rings) ? edgeDistance(best, rings, k) : -1;
  let [cx, cy, hw, hh] = [(w + e) / 2, (s + n) / 2, (e - w) / 2, (n - s) / 2];
  for (let round = 0; round < 6; round++) {
    const N = 16;
    for (let i = 0; i <= N; i++)
      for (let j = 0; j <= N; j++) {
        const p: [number, number] = [cx - hw + (2 * hw * i) / N, cy - hh + (2 * hh * j) / N];
        if (!inPolygon(p, rings)) continue;
        const d = edgeDistance(p, rings, k);
        if (d > bestD) [best, bestD] = [p, d];
      }
    [cx, cy, hw, hh] = [best[0], best[1], hw / 4, hh / 4];
  }
  return best;
}

/** The point half-way along a line (by length). */
export function lineMidpoint(line: readonly Position[]): [number, number] {
  const k = Math.cos(rad(line[0]![1]!));
  const lengths = line
    .slice(1)
    .map((p, i) => Math.hypot((p[0]! - line[i]![0]!) * k, p[1]! - line[i]![1]!));
  let half = lengths.reduce((a, b) => a + b, 0) / 2;
  for (let i = 0; i < lengths.length; i++) {
    if (half <= lengths[i]! || i === lengths.length - 1) {
      const t = lengths[i]! ? Math.min(1, half / lengths[i]!) : 0;
      const a = line[i]!;
      const b = line[i + 1]!;
      return [a[0]! + t * (b[0]! - a[0]!), a[1]! + t * (b[1]! - a[1]!)];
    }
    half -= lengths[i]!;
  }
  return [line[0]![0]!, line[0]![1]!];
}

/** Where a geometry's marker goes: a point itself, a line's midpoint, a polygon's pole. */
export function anchorOf(g: Geometry): [number, number] | undefined {
  switch (g.type) {
    case 'Point':
      return [g.coordinates[0]!, g.coordinates[1]!];
    case 'LineString':
      return lineMidpoint(g.coordinates);
    case 'MultiLineString': {
      const longest = [...g.coordinates].sort((a, b) => b.length - a.length)[0];
      return longest ? lineMidpoint(longest) : undefined;
    }
    case 'Polygon':
      return poleOfInaccessibility(g.coordinates);
    case 'MultiPolygon': {
      const biggest = [...g.coordinates].sort((a, b) => b[0]!.length - a[0]!.length)[0];
      return biggest ? poleOfInaccessibility(biggest) : undefined;
    }
    default:
      return undefined;
  }
}

const MAX_LAT = 85.051129;
const mercY = (lat: number) => {
  const phi = rad(Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)));
  return (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2;
};

/** The larger side of a geometry's box on screen at `zoom`, in CSS px (512 px world tiles). */
export function extentPx(positions: readonly Position[], zoom: number): number {
  if (!positions.length) return 0;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of positions) {
    w = Math.min(w, x!);
    e = Math.max(e, x!);
    s = Math.min(s, y!);
    n = Math.max(n, y!);
  }
  const world = 512 * 2 ** zoom;
  return Math.max(((e - w) / 360) * world, (mercY(s) - mercY(n)) * world);
}
