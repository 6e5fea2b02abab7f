// Years: what exists in a given year, and where a year sits on the story's time axis.

export interface Dated {
  since?: unknown;
  until?: unknown;
}

/** True when a feature with these properties existed in `year` (bounds inclusive). */
export function existsIn(props: Dated | null | undefined, year: number): boolean {
  const since = typeof props?.since === 'number' ? props.since : -Infinity;
  const until = typeof props?.until === 'number' ? props.until : Infinity;
  return since <= year && year <= until;
}

/** Position of `year` on an axis from `first` to `last`, 0…1. */
export function axisFraction(year: number, first: number, last: number): number {
  if (last <= first) return 0;
  return Math.min(1, Math.max(0, (year - first) / (last - first)));
}

/** Round years for axis labels: every decade start inside the range, plus both ends. */
export function axisTicks(first: number, last: number): number[] {
  const ticks = new Set<number>([first, last]);
  for (let y = Math.ceil(first / 10) * 10; y < last; y += 10) {
    if (y - first >= 4 && last - y >= 4) ticks.add(y);
  }
  return [...ticks].sort((a, b) => a - b);
}

export function formatYear(year: number, yearEnd?: number): string {
  return yearEnd !== undefined && yearEnd !== year ? `${year}–${yearEnd}` : String(year);
}
