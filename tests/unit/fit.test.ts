import { describe, expect, it } from 'vitest';
import { fitBounds } from '../../src/spatial/fit';

const none = { top: 0, bottom: 0, left: 0, right: 0 };

describe('fitBounds', () => {
  it('frames the whole world at zoom 0 in a 512 px square', () => {
    const fit = fitBounds({
      bbox: [-180, -85.05, 180, 85.05],
      width: 512,
      height: 512,
      insets: none,
      padding: 0,
    });
    expect(fit.zoom).toBeCloseTo(0, 2);
    expect(fit.center[0]).toBeCloseTo(0, 6);
    expect(fit.center[1]).toBeCloseTo(0, 3);
  });

  it('halving the free width costs one zoom level; insets and padding count', () => {
    const bbox = [116.3, 39.97, 116.34, 40.0] as [number, number, number, number];
    const full = fitBounds({ bbox, width: 1000, height: 2000, insets: none, padding: 0 });
    const half = fitBounds({
      bbox,
      width: 1000,
      height: 2000,
      insets: { ...none, left: 400 },
      padding: 50,
    });
    expect(full.zoom - half.zoom).toBeCloseTo(1, 6);
    expect(half.center).toEqual(full.center);
  });

  it('stops at maxZoom for a lone point and frames across the antimeridian', () => {
    expect(
      fitBounds({
        bbox: [1, 2, 1, 2],
        width: 800,
        height: 600,
        insets: none,
        padding: 60,
        maxZoom: 16,
      }).zoom,
    ).toBe(16);
    const pacific = fitBounds({
      bbox: [116, 20, 238, 60],
      width: 1200,
      height: 800,
      insets: none,
      padding: 0,
    });
    expect(pacific.center[0]).toBeCloseTo(177, 6); // just west of the date line
  });
});
