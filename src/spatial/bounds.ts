// Bounding boxes that understand the antimeridian: a journey from Beijing to California is
// framed across the Pacific, not across the whole world.
import type { Feature, Position } from 'geojson';
import { coordAll } from '@turf/meta';

export type BBox = [west: number, south: number, east: number, north: number];

function extent(lngs: number[], lats: number[]): BBox {
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
}

/**
 * The tighter of two boxes: one over longitudes as given (−180…180) and one with longitudes
 * shifted to 0…360. East may exceed 180 when the box crosses the antimeridian; MapLibre
 * frames such bounds across the date line.
 */
export function positionsBBox(positions: readonly Position[]): BBox | undefined {
  if (positions.length === 0) return undefined;
  const lats = positions.map((p) => p[1]!);
  const lngs = positions.map((p) => p[0]!);
  const plain = extent(lngs, lats);
  const shifted = extent(
    lngs.map((l) => (l < 0 ? l + 360 : l)),
    lats,
  );
  return shifted[2] - shifted[0] < plain[2] - plain[0] ? shifted : plain;
}

export function featuresBBox(features: readonly Feature[]): BBox | undefined {
  const positions: Position[] = [];
  for (const f of features) if (f.geometry) positions.push(...coordAll(f));
  return positionsBBox(positions);
}
