// Long lists of problems, summarised: a step naming 10,000 unknown layers gives a few
// examples and "and 9,990 more like: unknown layer "…"", not 10,000 lines (or DOM nodes).
// Messages of one kind are those equal once their names, numbers and places are blanked.

export interface MessageSummary {
  /** The messages kept, in their order. */
  shown: string[];
  /** For each kind with messages left out: how many, and the kind in words. */
  more: { count: number; like: string }[];
}

/** Per kind, this many examples are kept; in all, at most `MAX_SHOWN`. */
export const PER_KIND = 5;
export const MAX_SHOWN = 50;

/** The message without its location, names and numbers: what it says, not where. */
export function messageKind(message: string): string {
  const at = message.lastIndexOf(' › ');
  const colon = message.indexOf(': ', at < 0 ? 0 : at);
  const said = colon < 0 ? message : message.slice(colon + 2);
  return said.replace(/"[^"]*"/g, '"…"').replace(/\d[\d,.]*/g, '#');
}

export function summarizeMessages(
  messages: readonly string[],
  perKind = PER_KIND,
  maxShown = MAX_SHOWN,
): MessageSummary {
  const shown: string[] = [];
  const seen = new Map<string, number>();
  const left = new Map<string, number>();
  for (const m of messages) {
    const kind = messageKind(m);
    const n = seen.get(kind) ?? 0;
    seen.set(kind, n + 1);
    if (n < perKind && shown.length < maxShown) shown.push(m);
    else left.set(kind, (left.get(kind) ?? 0) + 1);
  }
  return {
    shown,
    more: [...left].map(([like, count]) => ({ count, like })),
  };
}

/** English lines for a terminal: the kept messages, then one line per kind left out. */
export function summaryLines(messages: readonly string[], maxShown = 200): string[] {
  const { shown, more } = summarizeMessages(messages, PER_KIND, maxShown);
  return [
    ...shown,
    ...more.map(({ count, like }) => `… and ${count.toLocaleString('en-US')} more like: ${like}`),
  ];
}
