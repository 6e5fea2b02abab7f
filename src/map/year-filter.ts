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

/**
 * The years at which a set of features' existence changes: each `since`, and the year after
 * each `until`.
 */
export function yearBreaks(
  properties: readonly (Record<string, unknown> | null | undefined)[],
): number[] {
  const breaks = new Set<number>();
  for (const p of properties) {
    if (typeof p?.since === 'number') breaks.add(p.since);
    if (typeof p?.until === 'number') breaks.add(p.until + 1);
  }
  return [...breaks].sort((a, b) => a - b);
}

/**
 * The year that filters these features exactly as `year` does and is the same for every
 * year between two breaks: a filter written with it changes only when what it shows
 * changes, so MapLibre (which skips an equal filter) re-tiles the source only then.
 */
export function effectiveYear(year: number | undefined, breaks: readonly number[]) {
  if (year === undefined) return undefined;
  let out = (breaks[0] ?? 0) - 1;
  for (const b of breaks) if (b <= year) out = b;
  return out;
}
