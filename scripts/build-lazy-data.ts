// The small files the app fetches first, made from the embedded basemap's own outputs so a
// first visit does not wait for data it does not draw yet:
//   public/basemap/world-low.geojson     public/basemap/world.geojson simplified for the world
//                                         views below WORLD_DETAIL_ZOOM (Douglas–Peucker in
//                                         screen pixels at that zoom); the map swaps in the
//                                         full file when the camera first comes closer
//   public/fonts/font-faces.compact.json public/fonts/font-faces.json in the compact form of
//                                         src/map/compact-font-faces.ts (same fonts, same ranges)
//
//   npx tsx scripts/build-lazy-data.ts          (after `npm run build:basemap`)
//
// Deterministic: the same inputs give byte-identical files. tests/unit/lazy-data.test.ts
// fails when either file is not what this script makes of today's inputs.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import {
  BASEMAP_DATA_FILES,
  BASEMAP_FONT_FACES_FILE,
  BASEMAP_SOURCE_IDS,
  BASEMAP_WORLD_LOW_FILE,
  WORLD_DETAIL_ZOOM,
  type FontFacesJson,
} from '../src/map/basemap-style.ts';
import { encodeFontFaces } from '../src/map/compact-font-faces.ts';
import { simplifyIndices } from './lib/geometry.ts';

const PUBLIC = fileURLToPath(new URL('../public/', import.meta.url));

export const COMPACT_FONT_FACES_FILE = BASEMAP_FONT_FACES_FILE.replace(/\.json$/, '.compact.json');

export interface LowZoomOptions {
  /** The zoom the simplification is drawn for: the highest the low file is shown at. */
  zoom: number;
  /** Largest distance (screen pixels at `zoom`) a simplified line may stray from the original. */
  tolerancePx: number;
  /** Coordinates are rounded to this many degrees. */
  gridDeg: number;
  /** Rings smaller than this (square screen pixels at `zoom`) are left out. */
  minAreaPx: number;
}

export const LOW_ZOOM: LowZoomOptions = {
  zoom: WORLD_DETAIL_ZOOM,
  tolerancePx: 1,
  gridDeg: 0.02,
  minAreaPx: 2,
};

const MAX_LAT = 85.051129;

/** Web Mercator pixel coordinates at `zoom` (512-pixel tiles, as MapLibre draws). */
export function toPixels([lng, lat]: Position, zoom: number): [number, number] {
  const size = 512 * 2 ** zoom;
  const s = Math.sin((Math.max(-MAX_LAT, Math.min(MAX_LAT, lat!)) * Math.PI) / 180);
  return [((lng! + 180) / 360) * size, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * size];
}

/** Twice the signed area of a ring in pixel space (positive: clockwise on screen). */
function signedArea2(ring: readonly [number, number][]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++)
    sum += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return sum;
}

const rounder = (grid: number) => {
  const digits = Math.max(0, Math.ceil(-Math.log10(grid)) + 1);
  return (x: number) => Number((Math.round(x / grid) * grid).toFixed(digits));
};

/** One line or ring, simplified and rounded; repeated points dropped. */
function simplifyPath(path: readonly Position[], o: LowZoomOptions): Position[] {
  const round = rounder(o.gridDeg);
  const px = path.map((p) => toPixels(p, o.zoom));
  const out: Position[] = [];
  for (const i of simplifyIndices(px, o.tolerancePx)) {
    const p = [round(path[i]![0]!), round(path[i]![1]!)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

/** A ring simplified, or undefined when it becomes too small to see at `o.zoom`. */
function simplifyRing(ring: readonly Position[], o: LowZoomOptions): Position[] | undefined {
  const before = ring.map((p) => toPixels(p, o.zoom));
  if (Math.abs(signedArea2(before)) / 2 < o.minAreaPx) return undefined;
  const out = simplifyPath(ring, o);
  if (out.length < 4) return undefined;
  const first = out[0]!;
  const last = out[out.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([...first]);
  // Keep the ring's direction (RFC 7946: exterior rings counter-clockwise).
  const after = out.map((p) => toPixels(p, o.zoom));
  if (Math.sign(signedArea2(after)) !== Math.sign(signedArea2(before))) out.reverse();
  return out;
}

function simplifyGeometry(g: Geometry, o: LowZoomOptions): Geometry | undefined {
  switch (g.type) {
    case 'Polygon':
    case 'MultiPolygon': {
      const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      const kept = polygons.flatMap((rings) => {
        const outer = simplifyRing(rings[0]!, o);
        if (!outer) return [];
        const holes = rings.slice(1).flatMap((r) => {
          const hole = simplifyRing(r, o);
          return hole ? [hole] : [];
        });
        return [[outer, ...holes]];
      });
      return kept.length ? { type: 'MultiPolygon', coordinates: kept } : undefined;
    }
    case 'LineString':
    case 'MultiLineString': {
      const lines = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
      const kept = lines.map((l) => simplifyPath(l, o)).filter((l) => l.length >= 2);
      return kept.length ? { type: 'MultiLineString', coordinates: kept } : undefined;
    }
    default:
      return g;
  }
}

/** The world basemap for zoom below `o.zoom`: every feature kept or dropped as a whole. */
export function lowZoomWorld(
  world: FeatureCollection,
  o: LowZoomOptions = LOW_ZOOM,
): FeatureCollection {
  const features = world.features.flatMap((f): Feature[] => {
    if (!f.geometry) return [f];
    const geometry = simplifyGeometry(f.geometry, o);
    if (!geometry) return [];
    const simplified = geometry !== f.geometry;
    const properties = { ...f.properties };
    if (simplified && typeof properties.detail === 'string')
      properties.detail = `${properties.detail}, simplified for zoom < ${o.zoom}`;
    return [{ ...f, properties, geometry }];
  });
  return { type: 'FeatureCollection', features };
}

/** The two files' contents, from the inputs under `publicDir`. */
export function lazyDataFiles(publicDir: string = PUBLIC): Record<string, string> {
  const world = JSON.parse(
    readFileSync(`${publicDir}${BASEMAP_DATA_FILES[BASEMAP_SOURCE_IDS.world]}`, 'utf8'),
  ) as FeatureCollection;
  const fonts = JSON.parse(
    readFileSync(`${publicDir}${BASEMAP_FONT_FACES_FILE}`, 'utf8'),
  ) as FontFacesJson;
  return {
    [BASEMAP_WORLD_LOW_FILE]: `${JSON.stringify(lowZoomWorld(world))}\n`,
    [COMPACT_FONT_FACES_FILE]: `${JSON.stringify(encodeFontFaces(fonts))}\n`,
  };
}

function main() {
  for (const [file, text] of Object.entries(lazyDataFiles())) {
    writeFileSync(`${PUBLIC}${file}`, text);
    const gz = gzipSync(text, { level: 9 }).length;
    console.log(
      `public/${file}: ${(text.length / 1000).toFixed(1)} kB, ${(gz / 1000).toFixed(1)} kB gzip`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
