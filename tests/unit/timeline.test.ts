import { describe, expect, it } from 'vitest';
import { axisFraction, axisTicks, existsIn, formatYear } from '../../src/story/timeline';
import { stackRows } from '../../src/ui/timeline-bar';

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
  it('stacks markers of nearby years', () => {
    expect(stackRows([0, 0.5, 0.505, 0.51, 1])).toEqual([0, 0, 1, 2, 0]);
  });
});
