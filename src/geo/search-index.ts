// Finds places by English or Chinese name, or by toneless pinyin, as the reader types.
// Built once at load; pure, so it is tested without a browser.

export interface SearchEntry {
  id: string;
  layerId: string;
  name: string;
  nameZh?: string;
  pinyin?: string;
}

interface IndexedEntry extends SearchEntry {
  keys: string[];
}

/** Lower case, accents and tone marks removed, spaces and punctuation dropped. */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

export class SearchIndex {
  #entries: IndexedEntry[];

  constructor(entries: readonly SearchEntry[]) {
    this.#entries = entries.map((e) => ({
      ...e,
      keys: [e.name, e.nameZh, e.pinyin, e.id.replace(/-/g, ' ')]
        .filter((k): k is string => Boolean(k))
        .map(normalizeForSearch),
    }));
  }

  get size(): number {
    return this.#entries.length;
  }

  /** Best matches first: whole-name matches, then prefixes, then matches inside a name. */
  search(query: string, limit = 8): SearchEntry[] {
    const q = normalizeForSearch(query);
    if (!q) return [];
    const scored: { entry: IndexedEntry; score: number }[] = [];
    for (const entry of this.#entries) {
      let best = Infinity;
      for (const key of entry.keys) {
        if (key === q) best = Math.min(best, 0);
        else if (key.startsWith(q)) best = Math.min(best, 1);
        else if (key.includes(q)) best = Math.min(best, 2);
      }
      if (best < Infinity) scored.push({ entry, score: best });
    }
    scored.sort((a, b) => a.score - b.score || a.entry.name.localeCompare(b.entry.name));
    return scored.slice(0, limit).map(({ entry: { keys: _keys, ...rest } }) => rest);
  }
}
