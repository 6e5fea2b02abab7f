import { describe, expect, it } from 'vitest';
import {
  axisFraction,
  axisTicks,
  existsIn,
  formatYear,
  spreadMarkers,
} from '../../src/story/timeline';

describe('existsIn', () => {
  it('treats since and until as inclusive, missing bounds as open', () => {
    expect(existsIn({ since: 2010 }, 1988)).toBe(false);
    expect(existsIn({ since: 2010 }, 2010)).toBe(true);
    expect(existsIn({ until: 2001 }, 2001)).toBe(true);
    expect(existsIn({ until: 2001 }, 2002)).toBe(false);
    expect(existsIn({}, 1000)).toBe(true);
    expect(existsIn(null, 1979)).toBe(true);
    expect(existsIn({ since: '2010' }, 1980)).toBe(true);
  });
});

describe('axis', () => {
  it('places years on a true time axis', () => {
    expect(axisFraction(1979, 1979, 2022)).toBe(0);
    expect(axisFraction(2022, 1979, 2022)).toBe(1);
    expect(axisFraction(2000, 1979, 2022)).toBeCloseTo(21 / 43);
    expect(axisFraction(1900, 1979, 2022)).toBe(0);
    expect(axisFraction(5, 5, 5)).toBe(0);
  });
  it('labels decades and both ends without crowding', () => {
    expect(axisTicks(1979, 2022)).toEqual([1979, 1990, 2000, 2010, 2022]);
    expect(axisTicks(2000, 2003)).toEqual([2000, 2003]);
  });
  it('formats ranges', () => {
    expect(formatYear(1980, 1983)).toBe('1980–1983');
    expect(formatYear(1984)).toBe('1984');
    expect(formatYear(1984, 1984)).toBe('1984');
  });
  // The timeline used to stack markers of nearby years into towers; they now sit side by side.
  it('spreads markers of nearby years side by side, in order, around their year', () => {
    expect(spreadMarkers([0, 50, 50.5, 51, 100], 10, 100)).toEqual([0, 40.5, 50.5, 60.5, 100]);
    const many = spreadMarkers([100, 100, 100, 100], 20, 100);
    expect(many).toEqual([40, 60, 80, 100]); // pushed in from the end, still 20 apart
    expect(spreadMarkers([5, 3], 10, 100)).toEqual([10, 0]); // order by position, kept on the line
    const crowded = spreadMarkers([50, 50, 50, 50, 50], 40, 100);
    expect(crowded).toEqual([0, 25, 50, 75, 100]); // the gap shrinks to fit
  });
});
