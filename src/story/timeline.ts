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

/** `1984`, `1980–1983`; empty for a step with no year (a story without a timeline). */
export function formatYear(year: number | undefined, yearEnd?: number): string {
  if (year === undefined) return '';
  return yearEnd !== undefined && yearEnd !== year ? `${year}–${yearEnd}` : String(year);
}

/**
 * Positions for markers wanted at `xs` on a line from 0 to `width`, at least `gap` apart,
 * in the same order, each as near its wanted place as the others allow: markers of one year
 * sit side by side around it instead of in a tower. Markers that crowd together move as a
 * group centred on where they want to be (the least-squares placement for ordered points).
 * When even that cannot fit, the gap shrinks to what the line holds.
 */
export function spreadMarkers(xs: readonly number[], gap: number, width: number): number[] {
  const order = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x || a.i - b.i);
  const step = xs.length > 1 ? Math.min(gap, width / (xs.length - 1)) : gap;
  interface Cluster {
    items: { x: number; i: number }[];
    start: number;
  }
  const place = (c: Cluster) => {
    const n = c.items.length;
    const mean = c.items.reduce((sum, it, k) => sum + it.x - k * step, 0) / n;
    c.start = Math.min(Math.max(0, mean), Math.max(0, width - (n - 1) * step));
  };
  const clusters: Cluster[] = [];
  for (const item of order) {
    const c: Cluster = { items: [item], start: 0 };
    place(c);
    clusters.push(c);
    for (;;) {
      const last = clusters[clusters.length - 1]!;
      const prev = clusters[clusters.length - 2];
      if (!prev || prev.start + prev.items.length * step <= last.start + 1e-9) break;
      clusters.pop();
      prev.items.push(...last.items);
      place(prev);
    }
  }
  const out = new Array<number>(xs.length);
  for (const c of clusters) c.items.forEach((it, k) => (out[it.i] = c.start + k * step));
  return out;
}
