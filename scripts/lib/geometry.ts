// Plane geometry shared by the build scripts (build-basemap, build-lazy-data, build-regions,
// build-links): one Douglas–Peucker and one `dedupe`, so every generated file is simplified
// the same way. Pure; unit-tested in tests/unit/geometry.test.ts.
import type { Position } from 'geojson';

/**
 * Douglas–Peucker: the indices of `points` to keep, in order, first and last always. A point
 * is kept when it lies farther than `tolerance` from the segment between the points kept on
 * either side (distance to the segment, not to its line). Iterative, so long rings do not
 * overflow the stack.
 */
export function simplifyIndices(points: readonly Position[], tolerance: number): number[] {
  const n = points.length;
  if (n < 3) return points.map((_, i) => i);
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const stack: [number, number][] = [[0, n - 1]];
  const tol2 = tolerance * tolerance;
  while (stack.length) {
    const [a, b] = stack.pop()!;
    let worst = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const d2 = segmentDistance2(points[i]!, points[a]!, points[b]!);
      if (d2 > worst) {
        worst = d2;
        at = i;
      }
    }
    if (worst > tol2) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  return [...keep.keys()].filter((i) => keep[i]);
}

/** The squared distance from `p` to the segment from `a` to `b`. */
export function segmentDistance2(p: Position, a: Position, b: Position): number {
  let x = a[0]!;
  let y = a[1]!;
  let dx = b[0]! - x;
  let dy = b[1]! - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((p[0]! - x) * dx + (p[1]! - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = b[0]!;
      y = b[1]!;
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = p[0]! - x;
  dy = p[1]! - y;
  return dx * dx + dy * dy;
}

/** Douglas–Peucker on a polyline: the points `simplifyIndices` keeps. */
export function douglasPeucker<P extends Position>(points: readonly P[], tolerance: number): P[] {
  return simplifyIndices(points, tolerance).map((i) => points[i]!);
}

/** The points without consecutive repeats (equal x and y). */
export function dedupe<P extends Position>(points: readonly P[]): P[] {
  const out: P[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}
