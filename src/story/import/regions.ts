// Which region a position is in, from real boundary polygons (the embedded basemap's
// provinces of mainland China, Natural Earth 10m): for the report's note about GCJ-02
// coordinates. A box around China named Delhi "mainland China"; a polygon does not. Pure.
import type { FeatureCollection, Position } from 'geojson';

type Ring = Position[];

/** Even-odd ray casting: inside one ring of a polygon, outside its holes. */
function inRing(lng: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

interface Region {
  name: string;
  bbox: [number, number, number, number];
  polygons: Ring[][];
}

/**
 * A lookup over the Polygon and MultiPolygon features of a collection, named by `nameOf`
 * (features it names undefined are left out): the name of the first region holding the
 * position, or undefined.
 */
export function regionLookup(
  collection: FeatureCollection,
  nameOf: (properties: Record<string, unknown>) => string | undefined,
): (lng: number, lat: number) => string | undefined {
  const regions: Region[] = [];
  for (const f of collection.features) {
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    const name = nameOf((f.properties ?? {}) as Record<string, unknown>);
    if (!name) continue;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    const bbox: Region['bbox'] = [180, 90, -180, -90];
    for (const ring of polygons.flatMap((p) => p.slice(0, 1)))
      for (const [x, y] of ring as [number, number][]) {
        bbox[0] = Math.min(bbox[0], x);
        bbox[1] = Math.min(bbox[1], y);
        bbox[2] = Math.max(bbox[2], x);
        bbox[3] = Math.max(bbox[3], y);
      }
    regions.push({ name, bbox, polygons });
  }
  return (lng, lat) =>
    regions.find(
      (r) =>
        lng >= r.bbox[0] &&
        lng <= r.bbox[2] &&
        lat >= r.bbox[1] &&
        lat <= r.bbox[3] &&
        r.polygons.some(
          ([outer, ...holes]) =>
            outer !== undefined &&
            inRing(lng, lat, outer) &&
            !holes.some((h) => inRing(lng, lat, h)),
        ),
    )?.name;
}
