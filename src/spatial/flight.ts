// The camera along a move, as a pure function of how far through it is: MapLibre's flyTo path
// (van Wijk and Nuij's smooth zoom and pan, zooming out and back in over long distances) and
// its straight easeTo. The video sets the camera from this at every frame, so a flight is the
// same whatever the machine, and nothing runs on MapLibre's own animation clock. Pure.

export interface FlightCamera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

export type FlightKind = 'fly' | 'ease' | 'jump';

/** MapLibre's tile size: a zoom-z world is 512·2^z pixels wide. */
const TILE = 512;
/** MapLibre's flyTo `curve` default. */
const RHO = 1.42;

const mercX = (lng: number) => (lng + 180) / 360;
const mercY = (lat: number) => {
  const s = Math.sin((lat * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
};
const lngOf = (x: number) => x * 360 - 180;
const latOf = (y: number) =>
  (360 / Math.PI) * Math.atan(Math.exp((180 - y * 360) * (Math.PI / 180))) - 90;

/** A unit cubic Bézier easing, as CSS and MapLibre define it. */
export function bezier(x1: number, y1: number, x2: number, y2: number): (t: number) => number {
  const cx = 3 * x1;
  const bx = 3 * (x2 - x1) - cx;
  const ax = 1 - cx - bx;
  const cy = 3 * y1;
  const by = 3 * (y2 - y1) - cy;
  const ay = 1 - cy - by;
  const sampleX = (t: number) => ((ax * t + bx) * t + cx) * t;
  const sampleY = (t: number) => ((ay * t + by) * t + cy) * t;
  const slopeX = (t: number) => (3 * ax * t + 2 * bx) * t + cx;
  return (x) => {
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    let t = x;
    for (let i = 0; i < 8; i++) {
      const err = sampleX(t) - x;
      if (Math.abs(err) < 1e-7) return sampleY(t);
      const d = slopeX(t);
      if (Math.abs(d) < 1e-7) break;
      t -= err / d;
    }
    // bisection where Newton's method stalls
    let lo = 0;
    let hi = 1;
    t = x;
    for (let i = 0; i < 40; i++) {
      const v = sampleX(t);
      if (Math.abs(v - x) < 1e-7) break;
      if (v < x) lo = t;
      else hi = t;
      t = (lo + hi) / 2;
    }
    return sampleY(t);
  };
}

/** MapLibre's default easing for camera moves. */
export const defaultEasing = bezier(0.25, 0.1, 0.25, 1);

/** `to` turned the short way round from `from`, in degrees. */
function shortAngle(from: number, to: number): number {
  let d = ((((to - from) % 360) + 540) % 360) - 180;
  if (d === -180) d = 180;
  return from + d;
}

/**
 * The camera `t` (0–1, linear time) through a move from `from` to `to` on a viewport of
 * `width` × `height` pixels: 0 is `from`, 1 is `to`.
 */
export function flightCamera(
  from: FlightCamera,
  to: FlightCamera,
  t: number,
  { width, height, kind = 'fly' }: { width: number; height: number; kind?: FlightKind },
): FlightCamera {
  if (kind === 'jump' || t >= 1) return { ...to, center: [...to.center] };
  const k = defaultEasing(Math.max(0, t));
  const bearingTo = shortAngle(from.bearing, to.bearing);
  const bearing = from.bearing + (bearingTo - from.bearing) * k;
  const pitch = from.pitch + (to.pitch - from.pitch) * k;
  // The target longitude taken the short way round the world.
  let toLng = to.center[0];
  if (toLng - from.center[0] > 180) toLng -= 360;
  if (toLng - from.center[0] < -180) toLng += 360;
  const x0 = mercX(from.center[0]);
  const y0 = mercY(from.center[1]);
  const x1 = mercX(toLng);
  const y1 = mercY(to.center[1]);
  const at = (u: number, zoom: number): FlightCamera => {
    const x = x0 + (x1 - x0) * u;
    let lng = lngOf(x);
    if (lng > 180) lng -= 360;
    if (lng < -180) lng += 360;
    return { center: [lng, latOf(y0 + (y1 - y0) * u)], zoom, bearing, pitch };
  };
  if (kind === 'ease') return at(k, from.zoom + (to.zoom - from.zoom) * k);

  const world = TILE * 2 ** from.zoom;
  const u1 = Math.hypot((x1 - x0) * world, (y1 - y0) * world);
  const w0 = Math.max(width, height);
  const w1 = w0 / 2 ** (to.zoom - from.zoom);
  const rho2 = RHO * RHO;
  const r = (i: 0 | 1) => {
    const b =
      (w1 * w1 - w0 * w0 + (i ? -1 : 1) * rho2 * rho2 * u1 * u1) / (2 * (i ? w1 : w0) * rho2 * u1);
    return Math.log(Math.sqrt(b * b + 1) - b);
  };
  const r0 = r(0);
  let w = (s: number) => Math.cosh(r0) / Math.cosh(r0 + RHO * s);
  let u = (s: number) =>
    (w0 * ((Math.cosh(r0) * Math.tanh(r0 + RHO * s) - Math.sinh(r0)) / rho2)) / u1;
  let S = (r(1) - r0) / RHO;
  if (Math.abs(u1) < 1e-6 || !Number.isFinite(S)) {
    if (Math.abs(w0 - w1) < 1e-6) return at(k, from.zoom + (to.zoom - from.zoom) * k);
    const dir = w1 < w0 ? -1 : 1;
    S = Math.abs(Math.log(w1 / w0)) / RHO;
    u = () => 0;
    w = (s) => Math.exp(dir * RHO * s);
  }
  const s = k * S;
  return at(u(s), from.zoom + Math.log2(1 / w(s)));
}
