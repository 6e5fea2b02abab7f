// Positions written [latitude, longitude] among positions written [longitude, latitude]: a
// point far outside the cluster of a story's other points whose swapped pair falls inside
// it. Pure, used by the importers and by `npm run validate` (lint-story.ts).
//
// Why a cluster and not the nearest neighbour: an author who swaps one pair usually swaps
// the few written the same day, so three swapped points sit close together in the ocean and
// each has a near neighbour: the nearest-neighbour test of lint-story.ts misses them. The
// cluster's centre is the median longitude and latitude and its size the median distance
// from that centre (robust statistics: a minority of strays moves neither), so a story
// spread over the world has a cluster as wide as the world and nothing is out of place.

export type LngLat = [lng: number, lat: number];

export interface SwapSuspect {
  /** The index of the point in the input. */
  index: number;
  /** The position as written. */
  position: LngLat;
  /** The position with its two numbers exchanged: what the author probably meant. */
  swapped: LngLat;
  /** How far the written position is from the cluster's centre, in km. */
  awayKm: number;
  /** How far the swapped position is from the cluster's centre, in km. */
  swappedKm: number;
}

const EARTH_RADIUS_KM = 6371;
const rad = (d: number) => (d * Math.PI) / 180;

export function greatCircleKm(a: LngLat, b: LngLat): number {
  const dLat = rad(b[1] - a[1]);
  const dLng = rad(b[0] - a[0]);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function median(values: readonly number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Fewer points than this make no cluster to be outside of. */
export const MIN_POINTS = 4;
/** The cluster is never taken as tighter than this (a story on one street still has room). */
const MIN_SPREAD_KM = 25;
/** Inside the cluster: within this many spreads of its centre (and at least 150 km). */
const INSIDE_SPREADS = 4;
const MIN_INSIDE_KM = 150;
/** Outside: this many times further than "inside" reaches, and at least 1,000 km. */
const OUTSIDE_FACTOR = 5;
const MIN_OUTSIDE_KM = 1000;

const valid = (p: LngLat) =>
  Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;

/**
 * The points that are probably [latitude, longitude]. The cluster is measured with every
 * point, strays included: the median ignores a minority of them, and when the strays are
 * the majority nothing is reported (which pair is "right" is then anyone's guess).
 */
export function findSwappedPoints(points: readonly LngLat[]): SwapSuspect[] {
  const usable = points.map((p, index) => ({ p, index })).filter(({ p }) => valid(p));
  if (usable.length < MIN_POINTS) return [];
  const centre: LngLat = [median(usable.map(({ p }) => p[0])), median(usable.map(({ p }) => p[1]))];
  const away = usable.map(({ p }) => greatCircleKm(p, centre));
  const spread = Math.max(MIN_SPREAD_KM, median(away));
  const inside = Math.max(MIN_INSIDE_KM, INSIDE_SPREADS * spread);
  const outside = Math.max(MIN_OUTSIDE_KM, OUTSIDE_FACTOR * inside);
  const out: SwapSuspect[] = [];
  usable.forEach(({ p, index }, k) => {
    const awayKm = away[k]!;
    if (awayKm <= outside) return;
    const swapped: LngLat = [p[1], p[0]];
    if (!valid(swapped)) return;
    const swappedKm = greatCircleKm(swapped, centre);
    if (swappedKm <= inside) out.push({ index, position: p, swapped, awayKm, swappedKm });
  });
  // A majority of suspects means the cluster itself is the odd one out: say nothing.
  return out.length * 2 < usable.length ? out : [];
}

/** `[-75.14, 40.03]`, as a position is written in a story or GeoJSON. */
export const formatLngLat = (p: LngLat) => `[${p[0]}, ${p[1]}]`;
