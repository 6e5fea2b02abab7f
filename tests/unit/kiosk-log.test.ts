import { describe, expect, it } from 'vitest';
import {
  DETAIL_MAX,
  LOG_CAP,
  LOG_KEY,
  appendEntry,
  kioskLog,
  lastOf,
  parseLog,
  type KioskLogEntry,
} from '../../src/kiosk/kiosk-log';
import { MemoryStorage } from './support/memory-storage';

describe('kiosk log', () => {
  it('keeps at most LOG_CAP entries, dropping the oldest', () => {
    let entries: KioskLogEntry[] = [];
    for (let t = 0; t < LOG_CAP + 50; t++) entries = appendEntry(entries, { t, kind: 'reset' });
    expect(entries).toHaveLength(LOG_CAP);
    expect(entries[0]!.t).toBe(50);
    expect(entries.at(-1)!.t).toBe(LOG_CAP + 49);
  });

  it('cuts long details and leaves no empty detail', () => {
    const [long] = appendEntry([], { t: 1, kind: 'error', detail: 'x'.repeat(5000) });
    expect(long!.detail).toHaveLength(DETAIL_MAX);
    const [empty] = appendEntry([], { t: 1, kind: 'reset', detail: '' });
    expect(empty).toEqual({ t: 1, kind: 'reset' });
  });

  it('reads back what it stored, across instances (a reload)', () => {
    const storage = new MemoryStorage();
    let now = 1000;
    const log = kioskLog(storage, () => now);
    log.record('start', '0.1.0');
    now = 2000;
    log.record('error', 'boom');
    expect(kioskLog(storage).entries()).toEqual([
      { t: 1000, kind: 'start', detail: '0.1.0' },
      { t: 2000, kind: 'error', detail: 'boom' },
    ]);
  });

  it('drops what it cannot read instead of failing', () => {
    expect(parseLog(null)).toEqual([]);
    expect(parseLog('not json')).toEqual([]);
    expect(parseLog('{"t":1}')).toEqual([]);
    expect(
      parseLog(
        JSON.stringify([
          { t: 1, kind: 'reset' },
          { t: 'x', kind: 'reset' },
          { t: 2, kind: 'dance' },
          { t: 3, kind: 'error', detail: 7 },
          null,
          { t: 4, kind: 'reload', detail: 'ok' },
        ]),
      ),
    ).toEqual([
      { t: 1, kind: 'reset' },
      { t: 4, kind: 'reload', detail: 'ok' },
    ]);
    const storage = new MemoryStorage();
    storage.setItem(LOG_KEY, '[[[');
    const log = kioskLog(storage, () => 5);
    log.record('reset');
    expect(log.entries()).toEqual([{ t: 5, kind: 'reset' }]);
  });

  it('never throws when storage does (full, disabled), nor without storage', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => kioskLog(broken).record('error', 'x')).not.toThrow();
    expect(kioskLog(broken).entries()).toEqual([]);
    expect(() => kioskLog(undefined).record('reset')).not.toThrow();
  });

  it('lists the last entries of some kinds, newest first', () => {
    const entries: KioskLogEntry[] = [
      { t: 1, kind: 'reset' },
      { t: 2, kind: 'error' },
      { t: 3, kind: 'reset' },
      { t: 4, kind: 'reload' },
      { t: 5, kind: 'reset' },
    ];
    expect(lastOf(entries, ['reset'], 2).map((e) => e.t)).toEqual([5, 3]);
    expect(lastOf(entries, ['error', 'reload'], 5).map((e) => e.t)).toEqual([4, 2]);
    expect(lastOf(entries, ['update-found'], 5)).toEqual([]);
  });
});
