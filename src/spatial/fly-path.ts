// The camera part-way along a flight, with no map at hand. MapLibre's flyTo moves the camera
// on van Wijk & Nuij's zoom-and-pan path ("Smooth and efficient zooming and panning", 2003):
// it zooms out while it pans and back in as it arrives. A scroll reader scrubs that same path
// by the reader's progress, so stopping half-way shows the view a flight shows half-way.
// The formulas are MapLibre's (src/ui/camera.ts, flyTo), in Web Mercator world units; on a
// globe the center follows the great circle instead of the Mercator line.

export interface FlyCamera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

export interface FlyOptions {
  /** The map's size in CSS px: the visible span the path keeps in view. */
  width: number;
  height: number;
  /** MapLibre's default curve (√2 ≈ 1.42, the path van Wijk & Nuij found most pleasing). */
  curve?: number;
  /** Interpolate the center on the great circle (the globe is on screen). */
  globe?: boolean;
}

const WORLD_PX = 512;
const MAX_LAT = 85.051129;
const rad = (d: number) => (d * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

const mercX = (lng: number) => (lng + 180) / 360;
const mercY = (lat: number) => {
  const phi = rad(Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)));
  return (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2;
};
const lngOf = (x: number) => x * 360 - 180;
const latOf = (y: number) => deg(Math.atan(Math.sinh(Math.PI * (1 - 2 * y))));
const wrapLng = (lng: number) => ((((lng + 180) % 360) + 360) % 360) - 180;

/** `to`'s longitude moved by whole turns to within half a turn of `from`'s: the short way. */
function nearLng(from: number, to: number): number {
  return from + wrapLng(to - from);
}

/**
 * The flight's shape between two cameras: `at(k)` gives the path's fraction travelled (u, 0…1
 * of the pan) and the zoom, for the flight's time fraction k (0…1). Pure numbers, so the
 * same path serves the flat map and the globe.
 */
export function flyCurve(
  from: { zoom: number },
  to: { zoom: number },
  panWorldPx: number,
  opts: Pick<FlyOptions, 'width' | 'height' | 'curve'>,
): (k: number) => { u: number; zoom: number } {
  const rho = opts.curve ?? 1.42;
  const rho2 = rho * rho;
  // w0: the visible span at the start; w1: at the end, measured at the start's scale;
  // u1: the pan, in pixels at the start's scale.
  const w0 = Math.max(opts.width, opts.height);
  const w1 = w0 / 2 ** (to.zoom - from.zoom);
  const u1 = panWorldPx * 2 ** from.zoom;
  const r = (i: 0 | 1) => {
    const b =
      (w1 * w1 - w0 * w0 + (i ? -1 : 1) * rho2 * rho2 * u1 * u1) / (2 * (i ? w1 : w0) * rho2 * u1);
    return Math.log(Math.sqrt(b * b + 1) - b);
  };
  const r0 = r(0);
  let w = (s: number) => Math.cosh(r0) / Math.cosh(r0 + rho * s);
  let u = (s: number) =>
    (w0 * ((Math.cosh(r0) * Math.tanh(r0 + rho * s) - Math.sinh(r0)) / rho2)) / u1;
  let S = (r(1) - r0) / rho;
  if (Math.abs(u1) < 1e-6 || !Number.isFinite(S)) {
    // No pan: a pure zoom, exponential in time (MapLibre's own fallback).
    if (Math.abs(w0 - w1) < 1e-6)
      return (k) => ({ u: k, zoom: from.zoom + (to.zoom - from.zoom) * k });
    const sign = w1 < w0 ? -1 : 1;
    S = Math.abs(Math.log(w1 / w0)) / rho;
    u = () => 0;
    w = (s: number) => Math.exp(sign * rho * s);
  }
  return (k) => {
    if (k <= 0) return { u: 0, zoom: from.zoom };
    if (k >= 1) return { u: 1, zoom: to.zoom };
    const s = k * S;
    return { u: u(s), zoom: from.zoom + Math.log2(1 / w(s)) };
  };
}

/** The point a fraction `t` of the way along the great circle from `a` to `b` (degrees). */
export function greatCircle(a: [number, number], b: [number, number], t: number): [number, number] {
  const [l1, p1] = [rad(a[0]), rad(a[1])];
  const [l2, p2] = [rad(b[0]), rad(b[1])];
  const va = [Math.cos(p1) * Math.cos(l1), Math.cos(p1) * Math.sin(l1), Math.sin(p1)];
  const vb = [Math.cos(p2) * Math.cos(l2), Math.cos(p2) * Math.sin(l2), Math.sin(p2)];
  const dot = Math.min(1, Math.max(-1, va[0]! * vb[0]! + va[1]! * vb[1]! + va[2]! * vb[2]!));
  const omega = Math.acos(dot);
  if (omega < 1e-9) return [a[0] + (nearLng(a[0], b[0]) - a[0]) * t, a[1] + (b[1] - a[1]) * t];
  const sa = Math.sin((1 - t) * omega) / Math.sin(omega);
  const sb = Math.sin(t * omega) / Math.sin(omega);
  const v = va.map((c, i) => sa * c + sb * vb[i]!);
  const lat = deg(Math.atan2(v[2]!, Math.hypot(v[0]!, v[1]!)));
  const lng = deg(Math.atan2(v[1]!, v[0]!));
  // Keep the longitude continuous with the start, as MapLibre does with its center.
  return [nearLng(a[0], lng), lat];
}

/** Central angle between two points, as a fraction of the world's width in Mercator units. */
function greatCircleWorld(a: [number, number], b: [number, number]): number {
  const [p1, p2] = [rad(a[1]), rad(b[1])];
  const dl = rad(b[0] - a[0]);
  const h = Math.sin((p2 - p1) / 2) ** 2 + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) ** 2;
  return (2 * Math.asin(Math.min(1, Math.sqrt(h)))) / (2 * Math.PI);
}

/**
 * The camera a fraction `k` (0…1) of the way through a flight from `from` to `to`: zoom and
 * center on the flight's path, bearing and pitch linear in k (as flyTo turns them). k = 0 is
 * `from`, k = 1 is `to` exactly.
 */
export function cameraAlongFlight(
  from: FlyCamera,
  to: FlyCamera,
  k: number,
  opts: FlyOptions,
): FlyCamera {
  const t = Math.min(1, Math.max(0, k));
  if (t === 0) return { ...from, center: [...from.center] };
  if (t === 1) return { ...to, center: [...to.center] };
  const toLng = nearLng(from.center[0], to.center[0]);
  const bearing = from.bearing + wrapBearing(to.bearing - from.bearing) * t;
  const pitch = from.pitch + (to.pitch - from.pitch) * t;
  if (opts.globe) {
    const curve = flyCurve(from, to, greatCircleWorld(from.center, to.center), opts);
    const { u, zoom } = curve(t);
    return { center: greatCircle(from.center, to.center, u), zoom, bearing, pitch };
  }
  const x0 = mercX(from.center[0]);
  const y0 = mercY(from.center[1]);
  const x1 = mercX(toLng);
  const y1 = mercY(to.center[1]);
  const pan = Math.hypot(x1 - x0, y1 - y0) * WORLD_PX;
  const { u, zoom } = flyCurve(from, to, pan, opts)(t);
  return {
    center: [lngOf(x0 + (x1 - x0) * u), latOf(y0 + (y1 - y0) * u)],
    zoom,
    bearing,
    pitch,
  };
}

/** A change of bearing the short way round (MapLibre turns the same way). */
function wrapBearing(d: number): number {
  return wrapLng(d);
}
