import { describe, expect, it } from 'vitest';
import { cameraAlongFlight, flyCurve, greatCircle } from '../../src/spatial/fly-path';

const size = { width: 1280, height: 800 };
const beijing = { center: [116.31, 39.98] as [number, number], zoom: 12, bearing: 0, pitch: 0 };
const shanghai = { center: [121.47, 31.23] as [number, number], zoom: 12, bearing: 30, pitch: 40 };

describe('cameraAlongFlight', () => {
  it('starts and ends exactly on the two cameras', () => {
    expect(cameraAlongFlight(beijing, shanghai, 0, size)).toEqual(beijing);
    expect(cameraAlongFlight(beijing, shanghai, 1, size)).toEqual(shanghai);
    expect(cameraAlongFlight(beijing, shanghai, -3, size)).toEqual(beijing);
    expect(cameraAlongFlight(beijing, shanghai, 7, size)).toEqual(shanghai);
  });

  it('zooms out on a long pan and back in, as flyTo does', () => {
    const zooms = [0.1, 0.25, 0.5, 0.75, 0.9].map(
      (k) => cameraAlongFlight(beijing, shanghai, k, size).zoom,
    );
    expect(Math.min(...zooms)).toBeLessThan(8);
    expect(zooms[2]).toBeLessThan(zooms[0]!);
    expect(zooms[2]).toBeLessThan(zooms[4]!);
    // The same start and end zoom make a symmetric path.
    expect(zooms[0]).toBeCloseTo(zooms[4]!, 6);
  });

  it('moves the center monotonically from one camera to the other', () => {
    let last = beijing.center;
    for (let k = 0.05; k <= 1; k += 0.05) {
      const c = cameraAlongFlight(beijing, shanghai, k, size).center;
      expect(c[0]).toBeGreaterThanOrEqual(last[0] - 1e-9);
      expect(c[1]).toBeLessThanOrEqual(last[1] + 1e-9);
      last = c;
    }
  });

  it('turns bearing and pitch linearly, bearing the short way round', () => {
    const mid = cameraAlongFlight(beijing, shanghai, 0.5, size);
    expect(mid.bearing).toBeCloseTo(15, 9);
    expect(mid.pitch).toBeCloseTo(20, 9);
    const turn = cameraAlongFlight(
      { ...beijing, bearing: 350 },
      { ...beijing, bearing: 10 },
      0.5,
      size,
    );
    expect(((turn.bearing % 360) + 360) % 360).toBeCloseTo(0, 9);
  });

  it('zooms without panning along an exponential path (the same place, nearer)', () => {
    const near = { ...beijing, zoom: 16 };
    const mid = cameraAlongFlight(beijing, near, 0.5, size);
    expect(mid.center[0]).toBeCloseTo(beijing.center[0], 9);
    expect(mid.center[1]).toBeCloseTo(beijing.center[1], 9);
    expect(mid.zoom).toBeGreaterThan(12);
    expect(mid.zoom).toBeLessThan(16);
  });

  it('crosses the antimeridian the short way', () => {
    const a = { ...beijing, center: [170, 0] as [number, number], zoom: 4 };
    const b = { ...beijing, center: [-170, 0] as [number, number], zoom: 4 };
    const mid = cameraAlongFlight(a, b, 0.5, size);
    expect(Math.abs(Math.abs(mid.center[0]) - 180)).toBeLessThan(0.5);
  });

  it('follows the great circle on the globe', () => {
    const a = { ...beijing, center: [-74, 40.7] as [number, number], zoom: 2 };
    const b = { ...beijing, center: [116.4, 39.9] as [number, number], zoom: 2 };
    const flat = cameraAlongFlight(a, b, 0.5, size);
    const globe = cameraAlongFlight(a, b, 0.5, { ...size, globe: true });
    // New York to Beijing flies over the Arctic, not along the 40th parallel.
    expect(globe.center[1]).toBeGreaterThan(70);
    expect(flat.center[1]).toBeLessThan(45);
  });
});

describe('flyCurve', () => {
  it('travels the whole pan, and its path fraction only grows', () => {
    const at = flyCurve({ zoom: 3 }, { zoom: 10 }, 40, size);
    let u = 0;
    for (let k = 0; k <= 1.0001; k += 0.02) {
      const p = at(Math.min(1, k));
      expect(p.u).toBeGreaterThanOrEqual(u - 1e-12);
      u = p.u;
    }
    expect(at(1)).toEqual({ u: 1, zoom: 10 });
  });
});

describe('greatCircle', () => {
  it('finds the midpoint on the equator and the ends exactly', () => {
    const mid = greatCircle([0, 0], [90, 0], 0.5);
    expect(mid[0]).toBeCloseTo(45, 9);
    expect(mid[1]).toBeCloseTo(0, 9);
    expect(greatCircle([10, 20], [30, 40], 1)[0]).toBeCloseTo(30, 9);
    expect(greatCircle([10, 20], [30, 40], 1)[1]).toBeCloseTo(40, 9);
  });
});
