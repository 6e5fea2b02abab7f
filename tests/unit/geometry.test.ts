// The build scripts' one Douglas–Peucker and one `dedupe` (scripts/lib/geometry.ts).
import { describe, expect, it } from 'vitest';
import { dedupe, douglasPeucker, simplifyIndices } from '../../scripts/lib/geometry';

const zigzag: [number, number][] = [
  [0, 0],
  [1, 0.1],
  [2, 0],
  [3, 5],
  [4, 0],
];

describe('Douglas–Peucker', () => {
  it('keeps the ends and the corners, drops what is in line', () => {
    expect(simplifyIndices(zigzag, 0.5)).toEqual([0, 2, 3, 4]);
    expect(simplifyIndices(zigzag, 10)).toEqual([0, 4]);
    expect(douglasPeucker(zigzag, 0.5)).toEqual([zigzag[0], zigzag[2], zigzag[3], zigzag[4]]);
  });

  it('keeps a point farther than the tolerance and drops one nearer', () => {
    const line: [number, number][] = [
      [0, 0],
      [5, 1],
      [10, 0],
    ];
    expect(simplifyIndices(line, 0.99)).toEqual([0, 1, 2]);
    expect(simplifyIndices(line, 1)).toEqual([0, 2]);
  });

  it('measures to the segment, not to its line: a point beyond an end is kept', () => {
    // (12, 0) is on the line through the ends but 2 beyond the segment's far end.
    const line: [number, number][] = [
      [0, 0],
      [12, 0],
      [10, 0],
    ];
    expect(simplifyIndices(line, 1.5)).toEqual([0, 1, 2]);
    expect(simplifyIndices(line, 2.5)).toEqual([0, 2]);
  });

  it('simplifies a closed ring whose ends coincide (distance to the point)', () => {
    const ring: [number, number][] = [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 0],
    ];
    // (4, 4) is farthest from the coinciding ends; (4, 0) is 2.83 from the segment to it.
    expect(simplifyIndices(ring, 1)).toEqual([0, 1, 2, 3]);
    expect(simplifyIndices(ring, 3)).toEqual([0, 2, 3]);
  });

  it('leaves two points or fewer as they are', () => {
    expect(simplifyIndices([], 1)).toEqual([]);
    expect(
      simplifyIndices(
        [
          [0, 0],
          [1, 1],
        ],
        1,
      ),
    ).toEqual([0, 1]);
  });
});

describe('dedupe', () => {
  it('drops consecutive repeats only', () => {
    expect(
      dedupe([
        [0, 0],
        [0, 0],
        [1, 1],
        [0, 0],
        [0, 0],
      ]),
    ).toEqual([
      [0, 0],
      [1, 1],
      [0, 0],
    ]);
  });
});
