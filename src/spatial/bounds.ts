// Bounding boxes that understand the antimeridian: a journey from Beijing to California is
// framed across the Pacific, not across the whole world.
import type { Feature, Position } from 'geojson';
import { coordAll } from '@turf/meta';

export type BBox = [west: number, south: number, east: number, north: number];

/**
 * The tighter of two boxes: one over longitudes as given (−180…180) and one with longitudes
 * shifted to 0…360. East may exceed 180 when the box crosses the antimeridian; MapLibre
 * frames such bounds across the date line. One loop, no argument spread: any number of
 * positions fits.
 */
export function positionsBBox(positions: Iterable<Position>): BBox | undefined {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  let shiftedWest = Infinity;
  let shiftedEast = -Infinity;
  for (const p of positions) {
    const lng = p[0]!;
    const lat = p[1]!;
    if (lng < west) west = lng;
    if (lng > east) east = lng;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
    const shifted = lng < 0 ? lng + 360 : lng;
    if (shifted < shiftedWest) shiftedWest = shifted;
    if (shifted > shiftedEast) shiftedEast = shifted;
  }
  if (west === Infinity) return undefined;
  return shiftedEast - shiftedWest < east - west
    ? [shiftedWest, south, shiftedEast, north]
    : [west, south, east, north];
}

function* positionsOf(features: readonly Feature[]): Generator<Position> {
  for (const f of features) if (f.geometry) yield* coordAll(f);
}

export function featuresBBox(features: readonly Feature[]): BBox | undefined {
  return positionsBBox(positionsOf(features));
}
