// The camera that frames a box, worked out in Web Mercator with no map at hand. MapLibre's
// own cameraForBounds answers from the map's current projection, and on a globe that
// depends on where the camera is coming from; a story step must frame the same way
// whichever step came before, so the framing is computed here, the same every time.
import type { BBox } from './bounds';
import { northUpCenter } from './sphere';

/** MapLibre's tiles: a zoom-0 world is 512 px wide. */
const WORLD_PX = 512;
const MAX_LAT = 85.051129;

export interface FitInput {
  bbox: BBox;
  /** The map's size in CSS px. */
  width: number;
  height: number;
  /** What the story UI covers (the map's padding). */
  insets: { top: number; bottom: number; left: number; right: number };
  /** Extra room around the box, in px. */
  padding: number;
  maxZoom?: number;
  minZoom?: number;
}

const mercX = (lng: number) => (lng + 180) / 360;
const mercY = (lat: number) => {
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2;
};
const lngOf = (x: number) => {
  const lng = x * 360 - 180;
  return ((((lng + 180) % 360) + 360) % 360) - 180;
};
const latOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/**
 * The center and zoom that show `bbox` inside the part of the map the story UI leaves
 * free (the center is that part's center, as with MapLibre's padding). East may exceed 180
 * for a box across the antimeridian.
 */
export function fitBounds(input: FitInput): { center: [number, number]; zoom: number } {
  const [west, south, east, north] = input.bbox;
  const x0 = mercX(west);
  const x1 = mercX(east);
  const y0 = mercY(north);
  const y1 = mercY(south);
  const free = {
    width: Math.max(1, input.width - input.insets.left - input.insets.right - 2 * input.padding),
    height: Math.max(1, input.height - input.insets.top - input.insets.bottom - 2 * input.padding),
  };
  const spanX = Math.max(x1 - x0, 1e-9);
  const spanY = Math.max(y1 - y0, 1e-9);
  let zoom = Math.log2(Math.min(free.width / (spanX * WORLD_PX), free.height / (spanY * WORLD_PX)));
  zoom = Math.min(zoom, input.maxZoom ?? 22);
  zoom = Math.max(zoom, input.minZoom ?? 0);
  return { center: [lngOf((x0 + x1) / 2), latOf((y0 + y1) / 2)], zoom };
}

/** Below this zoom the map is a visible globe (MapLibre's globe flattens towards zoom 12). */
export const GLOBE_FIT_BELOW_ZOOM = 5;
/** The globe is drawn in perspective, a little smaller than its orthographic outline. */
const GLOBE_MARGIN = 0.9;

const rad = (d: number) => (d * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

/**
 * The camera that frames `points` on MapLibre's globe: centred on the smallest cap that holds
 * them all (so both ends of a journey and its path sit on the visible hemisphere, however
 * many vertices one end has), kept below 60° of latitude so north stays up and zoomed so their orthographic outline fits the free part of
 * the map. MapLibre draws the globe `worldSize / (2π) / cos(center latitude)` pixels in
 * radius. Undefined when the points spread over more than a hemisphere (no single view
 * shows them all).
 */
export function fitOnGlobe(
  points: readonly [number, number][],
  input: Omit<FitInput, 'bbox'>,
): { center: [number, number]; zoom: number } | undefined {
  const center = northUpCenter(points);
  if (!center) return undefined;
  const lat0 = rad(center[1]);
  const lng0 = rad(center[0]);
  let maxX = 0;
  let maxY = 0;
  for (const [lng, lat] of points) {
    const phi = rad(lat);
    const dl = rad(lng) - lng0;
    const cosC = Math.sin(lat0) * Math.sin(phi) + Math.cos(lat0) * Math.cos(phi) * Math.cos(dl);
    if (cosC < Math.cos(rad(80))) return undefined; // at or behind the globe's edge
    maxX = Math.max(maxX, Math.abs(Math.cos(phi) * Math.sin(dl)));
    maxY = Math.max(
      maxY,
      Math.abs(Math.cos(lat0) * Math.sin(phi) - Math.sin(lat0) * Math.cos(phi) * Math.cos(dl)),
    );
  }
  const freeW = input.width - input.insets.left - input.insets.right - 2 * input.padding;
  const freeH = input.height - input.insets.top - input.insets.bottom - 2 * input.padding;
  const radius =
    GLOBE_MARGIN * Math.min(freeW / 2 / Math.max(maxX, 1e-9), freeH / 2 / Math.max(maxY, 1e-9));
  const worldSize = radius * 2 * Math.PI * Math.cos(Math.min(Math.abs(lat0), rad(MAX_LAT)));
  let zoom = Math.log2(Math.max(worldSize, 1e-9) / WORLD_PX);
  zoom = Math.min(zoom, input.maxZoom ?? 22);
  zoom = Math.max(zoom, input.minZoom ?? 0);
  return { center: [deg(lng0), deg(lat0)], zoom };
}
