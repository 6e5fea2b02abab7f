import { describe, expect, it } from 'vitest';
import type { AppState, Presence } from '../../src/app/app-state';
import {
  checkOnReset,
  kioskMoment,
  shouldApplyUpdate,
  shouldShowUpdatedNote,
  type UpdateContext,
} from '../../src/offline/update-policy';

type S = Pick<AppState, 'phase' | 'load' | 'step' | 'run'>;
const kiosk = (presence: Presence, step = 0, run = 1, load: AppState['load'] = 'ready'): S => ({
  phase: { name: 'kiosk', presence, exhibitLang: 'en' },
  load,
  step,
  run,
});
const reader = (name: 'story' | 'explore' = 'story', step = 0): S => ({
  phase: name === 'story' ? { name } : { name, explore: { cameraSeq: 0 } },
  load: 'ready',
  step,
  run: 1,
});

const ctx = (prev: S | undefined, next: S, more: Partial<UpdateContext> = {}): UpdateContext => ({
  prev,
  next,
  waiting: true,
  waitingAtStart: false,
  interacted: false,
  ...more,
});

describe('when a kiosk takes a new version', () => {
  it('at a reset: the countdown ran out and the attract loop starts again', () => {
    expect(kioskMoment(kiosk('countdown', 4, 7), kiosk('attract', 0, 8))).toBe('reset');
    expect(shouldApplyUpdate(ctx(kiosk('countdown', 4, 7), kiosk('attract', 0, 8)))).toBe(true);
  });

  it('between two steps of the attract loop', () => {
    expect(kioskMoment(kiosk('attract', 2, 5), kiosk('attract', 3, 6))).toBe('between-steps');
    expect(shouldApplyUpdate(ctx(kiosk('attract', 2, 5), kiosk('attract', 3, 6)))).toBe(true);
  });

  it('never while a visitor is there or may still be', () => {
    const visits: [S, S][] = [
      [kiosk('attract'), kiosk('visitor')],
      [kiosk('visitor', 1, 2), kiosk('visitor', 2, 3)],
      [kiosk('visitor'), kiosk('countdown')],
      [kiosk('countdown'), kiosk('visitor')],
      [kiosk('countdown', 1, 2), kiosk('countdown', 1, 3)],
    ];
    for (const [prev, next] of visits) {
      expect(kioskMoment(prev, next)).toBeUndefined();
      expect(shouldApplyUpdate(ctx(prev, next, { waitingAtStart: true }))).toBe(false);
    }
  });

  it('not on the same step redrawn, a language picked on the attract screen, or while loading', () => {
    expect(kioskMoment(kiosk('attract', 2, 5), kiosk('attract', 2, 6))).toBeUndefined();
    expect(kioskMoment(kiosk('attract', 0, 1, 'loading'), kiosk('attract', 0, 2))).toBeUndefined();
    expect(kioskMoment(kiosk('countdown'), kiosk('attract', 0, 2, 'loading'))).toBeUndefined();
    expect(kioskMoment(undefined, kiosk('attract'))).toBeUndefined();
  });

  it('not when nothing is waiting', () => {
    expect(
      shouldApplyUpdate(ctx(kiosk('countdown'), kiosk('attract', 0, 2), { waiting: false })),
    ).toBe(false);
  });
});

describe('when a reader takes a new version', () => {
  it('as the page starts, if it arrived during an earlier visit and nothing was touched', () => {
    expect(shouldApplyUpdate(ctx(undefined, reader(), { waitingAtStart: true }))).toBe(true);
    expect(shouldApplyUpdate(ctx(reader(), reader('explore'), { waitingAtStart: true }))).toBe(
      true,
    );
  });

  it('never under them: not once they have touched the page, not for one arriving now', () => {
    expect(
      shouldApplyUpdate(ctx(undefined, reader(), { waitingAtStart: true, interacted: true })),
    ).toBe(false);
    expect(shouldApplyUpdate(ctx(reader('story', 0), reader('story', 3)))).toBe(false);
  });
});

describe('the "updated" note', () => {
  it('shows once after an update, or when the build differs from the last one seen', () => {
    const base = { currentVersion: 'b', kiosk: false };
    expect(shouldShowUpdatedNote({ ...base, seenVersion: 'a', justUpdated: false })).toBe(true);
    expect(shouldShowUpdatedNote({ ...base, seenVersion: 'b', justUpdated: true })).toBe(true);
    expect(shouldShowUpdatedNote({ ...base, seenVersion: 'b', justUpdated: false })).toBe(false);
  });

  it('not on a first visit, and never to a kiosk visitor', () => {
    expect(
      shouldShowUpdatedNote({
        seenVersion: null,
        currentVersion: 'b',
        justUpdated: false,
        kiosk: false,
      }),
    ).toBe(false);
    expect(
      shouldShowUpdatedNote({
        seenVersion: 'a',
        currentVersion: 'b',
        justUpdated: true,
        kiosk: true,
      }),
    ).toBe(false);
  });
});

describe('checkOnReset', () => {
  it('a kiosk asks after a visitor leaves, at most once a minute', () => {
    expect(checkOnReset(undefined, 1_000)).toBe(true);
    expect(checkOnReset(1_000, 1_000 + 59_999)).toBe(false);
    expect(checkOnReset(1_000, 1_000 + 60_000)).toBe(true);
  });
});
