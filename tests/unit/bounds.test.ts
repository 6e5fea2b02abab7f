import { describe, expect, it } from 'vitest';
import { positionsBBox } from '../../src/spatial/bounds';

describe('positionsBBox', () => {
  it('frames points normally', () => {
    expect(
      positionsBBox([
        [116, 39],
        [121, 31],
      ]),
    ).toEqual([116, 31, 121, 39]);
    expect(positionsBBox([])).toBeUndefined();
  });

  it('frames a trans-Pacific journey across the antimeridian', () => {
    // Beijing to Silicon Valley: the short way is over the Pacific.
    const box = positionsBBox([
      [116.4, 39.9],
      [-122.1, 37.4],
    ])!;
    expect(box[0]).toBeCloseTo(116.4);
    expect(box[2]).toBeCloseTo(237.9);
  });
});
