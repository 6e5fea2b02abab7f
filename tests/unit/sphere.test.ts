// World-scale geometry: arcs without notches (dense, continuous across the antimeridian,
// clear of the polar caps Mercator tiles cut off) and globe framing on the smallest cap.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, MultiLineString, Position } from 'geojson';
import {
  angularDistance,
  densifyGreatCircle,
  lowerApex,
  enclosingCap,
  joinAntimeridianParts,
  MERCATOR_LIMIT,
  slerp,
  unwrapLongitudes,
  worldReadyLines,
} from '../../src/spatial/sphere';
import { fitOnGlobe } from '../../src/spatial/fit';

const BEIJING: Position = [116.327, 39.985];
const BOSTON: Position = [-71.181, 42.494];
const PALO_ALTO: Position = [-122.113, 37.414];
const journeys = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../geo/journeys.geojson', import.meta.url)), 'utf8'),
) as FeatureCollection;
const journey = (id: string) =>
  journeys.features.find((f) => f.properties?.id === id)!.geometry as MultiLineString;

describe('great circles', () => {
  it('interpolates along the great circle', () => {
    const mid = slerp(BEIJING, PALO_ALTO, 0.5);
    expect(angularDistance(BEIJING, mid)).toBeCloseTo(angularDistance(mid, PALO_ALTO), 6);
    // the Beijing–California great circle passes far north, near the Aleutians
    expect(mid[1]).toBeGreaterThan(55);
  });

  it('densifies a long segment so that no step exceeds the limit', () => {
    const line = densifyGreatCircle([BEIJING, PALO_ALTO], 2);
    for (let i = 1; i < line.length; i++)
      expect(angularDistance(line[i - 1]!, line[i]!)).toBeLessThanOrEqual(2 + 1e-9);
    expect(line[0]).toEqual(BEIJING);
    expect(line.at(-1)).toEqual(PALO_ALTO);
  });

  it('joins the parts of an arc cut at the antimeridian into one continuous line', () => {
    const [line, ...rest] = joinAntimeridianParts(
      journey('journey-2014-pasadena-beijing').coordinates,
    );
    expect(rest).toEqual([]);
    for (let i = 1; i < line!.length; i++)
      expect(Math.abs(line![i]![0]! - line![i - 1]![0]!)).toBeLessThan(5);
    // westwards from Pasadena past -180 to Beijing's 116°E, written as -243.7
    expect(line!.at(-1)![0]).toBeCloseTo(116.32733 - 360, 4);
    expect(
      unwrapLongitudes([
        [170, 0],
        [-170, 0],
      ]),
    ).toEqual([
      [170, 0],
      [190, 0],
    ]);
  });

  it('keeps parts that do not meet on the antimeridian apart', () => {
    expect(
      joinAntimeridianParts([
        [
          [0, 0],
          [10, 0],
        ],
        [
          [20, 0],
          [30, 0],
        ],
      ]),
    ).toHaveLength(2);
  });

  it('lowers an apex over the pole smoothly inside what Mercator tiles hold', () => {
    const line = densifyGreatCircle([BOSTON, BEIJING], 1);
    expect(Math.max(...line.map((p) => p[1]!))).toBeGreaterThan(MERCATOR_LIMIT);
    const lowered = lowerApex(unwrapLongitudes(line));
    expect(Math.max(...lowered.map((p) => p[1]!))).toBeLessThan(MERCATOR_LIMIT);
    // the ends stay where they are (within 500 m)
    expect(lowered[0]![1]).toBeCloseTo(BOSTON[1]!, 2);
    expect(lowered.at(-1)![1]).toBeCloseTo(BEIJING[1]!, 2);
    const short: Position[] = [
      [0, 50],
      [1, 51],
    ];
    expect(lowerApex(short)).toEqual(short);
  });

  it('turns the 1979 arc over the pole into one notch-free line', () => {
    const lines = worldReadyLines(journey('journey-1979-route-128-beijing').coordinates);
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(Math.max(...line.map((p) => p[1]!))).toBeLessThan(MERCATOR_LIMIT);
    // the turn between successive segments stays small everywhere: no kink
    for (let i = 2; i < line.length; i++) {
      const a = Math.atan2(
        line[i - 1]![1]! - line[i - 2]![1]!,
        line[i - 1]![0]! - line[i - 2]![0]!,
      );
      const b = Math.atan2(line[i]![1]! - line[i - 1]![1]!, line[i]![0]! - line[i - 1]![0]!);
      const turn = Math.abs(((b - a + 3 * Math.PI) % (2 * Math.PI)) - Math.PI);
      expect(turn, `vertex ${i}`).toBeLessThan(0.35);
    }
  });
});

describe('globe framing', () => {
  it('centres on the smallest cap, not on the mean of many vertices', () => {
    // one end with a hundred vertices does not pull the centre to itself
    const manyAtPaloAlto = Array.from({ length: 100 }, (_, i): Position => [
      PALO_ALTO[0]! + i * 1e-4,
      PALO_ALTO[1]!,
    ]);
    const cap = enclosingCap([BEIJING, ...manyAtPaloAlto])!;
    expect(angularDistance(cap.center, BEIJING)).toBeCloseTo(
      angularDistance(cap.center, PALO_ALTO),
      0,
    );
    expect(cap.radius).toBeCloseTo(angularDistance(BEIJING, PALO_ALTO) / 2, 0);
  });

  it('frames the 1979 journey with Beijing, Boston, California and the polar arc in view, north up', () => {
    const points = [
      'journey-1979-beijing-silicon-valley',
      'journey-1979-silicon-valley-route-128',
      'journey-1979-route-128-beijing',
    ].flatMap((id) => {
      const g = journeys.features.find((f) => f.properties?.id === id)!.geometry;
      return (
        g.type === 'MultiLineString'
          ? g.coordinates.flat()
          : (g as { coordinates: Position[] }).coordinates
      ) as [number, number][];
    });
    const size = {
      width: 1280,
      height: 800,
      insets: { top: 60, bottom: 60, left: 520, right: 0 },
      padding: 60,
    };
    const cam = fitOnGlobe(points, size)!;
    expect(cam).toBeDefined();
    for (const p of [BEIJING, BOSTON, PALO_ALTO, ...points])
      expect(angularDistance(cam.center, p)).toBeLessThan(80);
    // the centre lies between the ends, not over the pole
    expect(cam.center[1]).toBeLessThanOrEqual(60);
  });
});
