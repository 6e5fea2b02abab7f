import { describe, expect, it } from 'vitest';
import {
  lineReveal,
  scrollDeltaTo,
  scrollPosition,
  yearBetween,
} from '../../src/story/scroll-position';

/** Three 300 px blocks, 500 px apart, with the page scrolled by `y`. */
const blocks = (y: number) =>
  [0, 800, 1600].map((top) => ({ top: top + 400 - y, bottom: top + 700 - y }));
const vh = 800;
const line = vh * 0.5;
const at = (y: number) =>
  scrollPosition({ blocks: blocks(y), viewportHeight: vh, readingLine: 0.5 });

describe('scrollPosition', () => {
  it('is the first step, at rest, before the first block reaches the reading line', () => {
    expect(at(-500)).toEqual({ index: 0, progress: 0 });
    expect(at(0)).toEqual({ index: 0, progress: 0 });
  });

  it('holds a step while its block crosses the line, then moves through the gap', () => {
    expect(at(200)).toEqual({ index: 0, progress: 0 });
    // The gap between block 0's end (700) and block 1's top (1200) is the transition.
    expect(at(300 + 250).progress).toBeCloseTo(0.5, 9);
    expect(at(300 + 250).index).toBe(0);
    expect(at(799).index).toBe(0);
    expect(at(799).progress).toBeCloseTo(499 / 500, 9);
  });

  it('makes the next step active when its block reaches the reading line', () => {
    expect(at(800)).toEqual({ index: 1, progress: 0 });
    expect(at(1600)).toEqual({ index: 2, progress: 0 });
    // Past the last block: the last step, whole.
    expect(at(5000)).toEqual({ index: 2, progress: 0 });
  });

  it('depends only on where the blocks are: a jump lands where slow scrolling does', () => {
    const slow = [];
    for (let y = 0; y <= 1400; y += 7) slow.push(at(y));
    expect(at(1400)).toEqual(slow.at(-1));
    expect(slow.map((p) => p.index)).toEqual([...slow.map((p) => p.index)].sort((a, b) => a - b));
  });

  it('gives close blocks a transition of at least the minimum span', () => {
    const close = [
      { top: 100, bottom: 390 },
      { top: line + 100, bottom: line + 400 },
    ];
    const p = scrollPosition({
      blocks: close,
      viewportHeight: vh,
      readingLine: 0.5,
      minTransition: 0.25,
    });
    // The span is 200 px ending at the next top (500): the line at 400 is half-way.
    expect(p.index).toBe(0);
    expect(p.progress).toBeCloseTo(0.5, 9);
  });

  it('has no step without blocks', () => {
    expect(scrollPosition({ blocks: [], viewportHeight: vh })).toEqual({ index: -1, progress: 0 });
  });
});

describe('scrollDeltaTo', () => {
  it('is the scroll that brings a block just past the reading line', () => {
    const b = blocks(0)[2]!;
    const d = scrollDeltaTo(b, vh, 0.5);
    expect(at(d)).toEqual({ index: 2, progress: 0 });
  });
});

describe('yearBetween and lineReveal', () => {
  it('moves the year with progress', () => {
    expect(yearBetween(1980, 2000, 0)).toBe(1980);
    expect(yearBetween(1980, 2000, 0.5)).toBe(1990);
    expect(yearBetween(1980, 2000, 1)).toBe(2000);
    expect(yearBetween(2000, 1980, 0.25)).toBe(1995);
  });

  it('reveals lines from nothing to whole, monotonically', () => {
    expect(lineReveal(0)).toBe(0);
    expect(lineReveal(0.2)).toBe(0);
    expect(lineReveal(1)).toBe(1);
    let last = 0;
    for (let p = 0; p <= 1; p += 0.05) {
      expect(lineReveal(p)).toBeGreaterThanOrEqual(last);
      last = lineReveal(p);
    }
  });
});
