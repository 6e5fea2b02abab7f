import { describe, expect, it } from 'vitest';
import { coveredInsets } from '../../src/app/layout-controller';

const rect = (left: number, top: number, width: number, height: number) =>
  ({ left, top, width, height, right: left + width, bottom: top + height }) as DOMRectReadOnly;

describe('coveredInsets', () => {
  const map = rect(0, 0, 1280, 800);

  it('a floating card column, the header and the timeline cover the map’s edges', () => {
    const insets = coveredInsets(map, [
      { rect: rect(0, 0, 1280, 52) }, // header
      { rect: rect(12, 64, 430, 664) }, // card
      { rect: rect(0, 740, 1280, 60) }, // timeline
    ]);
    expect(insets).toEqual({ top: 52, bottom: 60, left: 442, right: 0 });
  });

  it('a sheet counts as folded however far it is pulled up', () => {
    const phone = rect(0, 0, 390, 844);
    const folded = { rect: rect(0, 446, 390, 338), sheet: 0.4 };
    const pulled = { rect: rect(0, 72, 390, 712), sheet: 0.4 };
    const timeline = { rect: rect(0, 784, 390, 60) };
    const a = coveredInsets(phone, [folded, timeline]);
    const b = coveredInsets(phone, [pulled, timeline]);
    expect(a.bottom).toBeCloseTo(60 + 0.4 * 844, 0);
    expect(b).toEqual(a);
  });

  it('panels beside a map that does not reach under them cover nothing', () => {
    const kioskMap = rect(690, 72, 1230, 922);
    const insets = coveredInsets(kioskMap, [
      { rect: rect(0, 0, 1920, 72) },
      { rect: rect(0, 72, 690, 912) },
      { rect: rect(690, 994, 1230, 86) },
    ]);
    expect(insets).toEqual({ top: 0, bottom: 0, left: 0, right: 0 });
  });

  it('never leaves less than a usable map', () => {
    const insets = coveredInsets(map, [{ rect: rect(0, 0, 1100, 800) }]);
    expect(insets.left).toBe(1280 * 0.6);
  });
});
