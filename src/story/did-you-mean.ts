// "Did you mean …?" for misspelt field names, layer ids, feature ids and picklist values.
// Pure; the candidate lists are small (tens to a few thousand ids), so a plain edit distance
// with an early cut-off is fast enough.

/**
 * Optimal string alignment distance (Levenshtein plus swapping two neighbours), or
 * `limit + 1` as soon as the distance is known to exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prevPrev[j - 2]! + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** How many edits still count as a typo of a word this long. */
function tolerance(length: number): number {
  return length <= 3 ? 1 : length <= 6 ? 2 : 3;
}

/**
 * The candidate the author most likely meant, or undefined when none is close. Case and
 * `_`/`-` differences count as near-misses (`precisionM` → `precision_m`); a candidate that
 * the word is a prefix of (`zgc` → `zgc-parks`) counts only when it is the only such one.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const fold = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  const w = fold(word);
  let best: string | undefined;
  let bestDistance = Infinity;
  const prefixed: string[] = [];
  for (const c of candidates) {
    if (c === word) return undefined; // it is not misspelt
    const f = fold(c);
    if (f === w) return c;
    if (w.length >= 3 && f.startsWith(w)) prefixed.push(c);
    const limit = Math.min(tolerance(Math.max(w.length, f.length)), bestDistance - 1);
    if (limit < 0) continue;
    const d = editDistance(w, f, limit);
    if (d <= limit && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best !== undefined) return best;
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** ` (did you mean "x"?)`, or an empty string when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closest(word, candidates);
  return c === undefined ? '' : ` (did you mean "${c}"?)`;
}
