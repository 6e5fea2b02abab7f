// A layer's year filter changes only when what it shows changes, so a step to another year
// does not make MapLibre re-tile sources whose features are the same in both years.
import { describe, expect, it } from 'vitest';
import { featureFilter, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { effectiveYear, yearBreaks, yearFilter } from '../../src/map/year-filter';

const features = [{ since: 1984 }, { since: 2001, until: 2010 }, {}, null];
const shown = (year: number | undefined) => {
  const f = featureFilter(yearFilter(year) as FilterSpecification, 'f');
  return features.map((p) => f.filter({ zoom: 10 }, { type: 1, properties: p ?? {} } as never));
};

describe('effective years', () => {
  it('lists the years at which the features change', () => {
    expect(yearBreaks(features)).toEqual([1984, 2001, 2011]);
  });

  it('filters exactly as the year itself, and is equal between two breaks', () => {
    const breaks = yearBreaks(features);
    for (let year = 1970; year <= 2030; year++)
      expect(shown(effectiveYear(year, breaks)), String(year)).toEqual(shown(year));
    expect(effectiveYear(1990, breaks)).toBe(effectiveYear(1999, breaks));
    expect(effectiveYear(1970, breaks)).toBe(effectiveYear(1983, breaks));
    expect(effectiveYear(undefined, breaks)).toBeUndefined();
    expect(effectiveYear(1999, [])).toBe(-1);
  });
});
