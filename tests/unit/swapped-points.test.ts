import { describe, expect, it } from 'vitest';
import {
  findSwappedPoints,
  greatCircleKm,
  median,
  type LngLat,
} from '../../src/story/swapped-points';

// Philadelphia neighbourhoods, [longitude, latitude].
const PHILADELPHIA: LngLat[] = [
  [-75.1652, 39.9526],
  [-75.1433, 39.9496],
  [-75.1803, 39.9566],
  [-75.1932, 39.9522],
  [-75.1386, 39.9712],
  [-75.2116, 39.9611],
  [-75.1279, 39.9815],
];

describe('swapped coordinates', () => {
  it('median and distance are what they say', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    // Paris–London is about 344 km.
    expect(greatCircleKm([2.3522, 48.8566], [-0.1276, 51.5072])).toBeCloseTo(344, -1);
  });

  it('finds three swapped points that sit close together, far from the rest', () => {
    // Written { lon: 40.03, lat: -75.14 }: in the Southern Ocean, each near the other two.
    const swapped: LngLat[] = [
      [40.03, -75.14],
      [40.01, -75.16],
      [40.04, -75.12],
    ];
    const found = findSwappedPoints([...PHILADELPHIA, ...swapped]);
    expect(found.map((s) => s.index)).toEqual([7, 8, 9]);
    expect(found[0]).toMatchObject({ position: [40.03, -75.14], swapped: [-75.14, 40.03] });
    expect(found[0]!.awayKm).toBeGreaterThan(10_000);
    expect(found[0]!.swappedKm).toBeLessThan(20);
  });

  it('says nothing about a story spread round the world', () => {
    const world: LngLat[] = [
      [-74.006, 40.7128], // New York
      [2.3522, 48.8566], // Paris
      [116.4074, 39.9042], // Beijing
      [151.2093, -33.8688], // Sydney
      [-43.1729, -22.9068], // Rio
      [28.0473, -26.2041], // Johannesburg
      [77.209, 28.6139], // Delhi
      [-122.4194, 37.7749], // San Francisco
      [37.6173, 55.7558], // Moscow
      [-26.2041, 28.0473], // Johannesburg swapped: in the Atlantic, but a world story is wide
    ];
    expect(findSwappedPoints(world)).toEqual([]);
  });

  it('says nothing about a real far place whose swap is not among the others', () => {
    // A Philadelphia story with one chapter in London: far, but [51.5, -0.13] is in the sea.
    expect(findSwappedPoints([...PHILADELPHIA, [-0.1276, 51.5072]])).toEqual([]);
  });

  it('needs a cluster: too few points, or half of them swapped, give nothing', () => {
    expect(findSwappedPoints([PHILADELPHIA[0]!, [40.03, -75.14]])).toEqual([]);
    const halfSwapped: LngLat[] = [
      ...PHILADELPHIA.slice(0, 4),
      ...PHILADELPHIA.slice(0, 4).map(([lng, lat]): LngLat => [lat, lng]),
    ];
    expect(findSwappedPoints(halfSwapped)).toEqual([]);
  });

  it('ignores positions that are not positions and swaps that would not be', () => {
    const found = findSwappedPoints([
      ...PHILADELPHIA,
      [Number.NaN, 40],
      [200, 10],
      [-75.16, 39.95],
    ]);
    expect(found).toEqual([]);
    // Beijing written the right way in a Philadelphia story: [39.9, 116.4] is no position.
    expect(findSwappedPoints([...PHILADELPHIA, [116.4074, 39.9042]])).toEqual([]);
  });
});
