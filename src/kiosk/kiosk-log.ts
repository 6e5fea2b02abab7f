// The kiosk's own small log, for the technician's view (`?mode=kiosk&status`): starts,
// resets, reloads, errors and updates, newest last, at most LOG_CAP entries in localStorage
// so it survives reloads and power cuts and can never fill the storage. The watchdog and the
// update controller write to it. Pure functions over a Storage-like object; tested in
// tests/unit/kiosk-log.test.ts.

export const LOG_KEY = 'story-map-kiosk-log';
export const LOG_CAP = 200;
/** Long error messages are cut: the log is for a glance, not for stack traces. */
export const DETAIL_MAX = 240;

export type KioskLogKind =
  'start' | 'reset' | 'reload' | 'error' | 'update-found' | 'update-applied' | 'update-failed';

export interface KioskLogEntry {
  /** Wall-clock time (ms since 1970): a technician compares it with the clock on the wall. */
  t: number;
  kind: KioskLogKind;
  detail?: string;
}

const KINDS: readonly KioskLogKind[] = [
  'start',
  'reset',
  'reload',
  'error',
  'update-found',
  'update-applied',
  'update-failed',
];

type LogStorage = Pick<Storage, 'getItem' | 'setItem'>;

const isEntry = (v: unknown): v is KioskLogEntry => {
  const e = v as Partial<KioskLogEntry> | null;
  return (
    !!e &&
    typeof e.t === 'number' &&
    Number.isFinite(e.t) &&
    KINDS.includes(e.kind as KioskLogKind) &&
    (e.detail === undefined || typeof e.detail === 'string')
  );
};

/** The entries stored as `text`; anything unreadable (another version's, a hand edit) is dropped. */
export function parseLog(text: string | null): KioskLogEntry[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter(isEntry).slice(-LOG_CAP) : [];
  } catch {
    return [];
  }
}

/** `entries` with `entry` added last, the oldest dropped beyond `cap`. */
export function appendEntry(
  entries: readonly KioskLogEntry[],
  entry: KioskLogEntry,
  cap = LOG_CAP,
): KioskLogEntry[] {
  const detail = entry.detail === undefined ? undefined : entry.detail.slice(0, DETAIL_MAX);
  const next = [...entries, { t: entry.t, kind: entry.kind, ...(detail ? { detail } : {}) }];
  return next.length > cap ? next.slice(next.length - cap) : next;
}

/** The last `n` entries of the given kinds, newest first. */
export function lastOf(
  entries: readonly KioskLogEntry[],
  kinds: readonly KioskLogKind[],
  n: number,
): KioskLogEntry[] {
  const out: KioskLogEntry[] = [];
  for (let i = entries.length - 1; i >= 0 && out.length < n; i--)
    if (kinds.includes(entries[i]!.kind)) out.push(entries[i]!);
  return out;
}

export interface KioskLog {
  record(kind: KioskLogKind, detail?: string): void;
  entries(): KioskLogEntry[];
}

/**
 * The log in `storage` (localStorage by default). A storage that throws (full, disabled,
 * private mode) makes recording a no-op: the log must never be why a kiosk fails.
 */
export function kioskLog(
  storage: LogStorage | undefined = globalThis.localStorage,
  now: () => number = Date.now,
): KioskLog {
  const read = () => {
    try {
      return parseLog(storage?.getItem(LOG_KEY) ?? null);
    } catch {
      return [];
    }
  };
  return {
    entries: read,
    record(kind, detail) {
      try {
        storage?.setItem(
          LOG_KEY,
          JSON.stringify(
            appendEntry(read(), { t: now(), kind, ...(detail !== undefined ? { detail } : {}) }),
          ),
        );
      } catch {
        // see above
      }
    },
  };
}
