// "Did this exist in that year?" as a MapLibre filter, for story and basemap layers alike.
// The same rule as `existsIn` in src/story/timeline.ts: since <= year <= until, absent
// bounds open.
import type { FilterSpecification } from '@maplibre/maplibre-gl-style-spec';

/** Features that existed in `year`; undefined: every feature. */
export function yearFilter(year: number | undefined): FilterSpecification {
  if (year === undefined) return ['literal', true] as unknown as FilterSpecification;
  return [
    'all',
    ['<=', ['to-number', ['coalesce', ['get', 'since'], -100000]], year],
    ['>=', ['to-number', ['coalesce', ['get', 'until'], 100000]], year],
  ];
}
