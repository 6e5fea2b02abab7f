// When a new version may take over, as pure functions of the app state (tested in
// tests/unit/update-policy.test.ts; the update controller acts on them).
//
// A kiosk takes a waiting version only when nobody is using it: at a reset (the walk-away
// countdown ran out: presence countdown → attract) or between two steps of the attract loop.
// Never while a visitor is there (visitor, countdown). A reader (story, explore) is never
// reloaded under them: a version that arrived during an earlier visit is applied as this page
// starts, before they have touched anything; one that arrives now waits for their next visit.
import type { AppState } from '../app/app-state';

/** What just happened at a kiosk that makes it a moment to update, if anything. */
export type KioskMoment = 'reset' | 'between-steps';

type StateLike = Pick<AppState, 'phase' | 'load' | 'step' | 'run'>;

export function kioskMoment(prev: StateLike | undefined, next: StateLike): KioskMoment | undefined {
  if (!prev || prev.phase.name !== 'kiosk' || next.phase.name !== 'kiosk') return undefined;
  if (next.phase.presence !== 'attract' || next.load !== 'ready') return undefined;
  if (prev.phase.presence === 'countdown') return 'reset';
  if (prev.phase.presence === 'attract' && prev.load === 'ready' && next.step !== prev.step)
    return 'between-steps';
  return undefined;
}

export interface UpdateContext {
  prev: StateLike | undefined;
  next: StateLike;
  /** A complete new version is waiting. */
  waiting: boolean;
  /** It was waiting already when this page started. */
  waitingAtStart: boolean;
  /** The reader has touched, clicked, scrolled or pressed a key since the page started. */
  interacted: boolean;
}

export function shouldApplyUpdate(c: UpdateContext): boolean {
  if (!c.waiting) return false;
  if (c.next.phase.name === 'kiosk') return kioskMoment(c.prev, c.next) !== undefined;
  return c.waitingAtStart && !c.interacted;
}

export const SEEN_VERSION_KEY = 'story-map-version-seen';
/** Set (in sessionStorage) just before the reload that applies an update. */
export const JUST_UPDATED_KEY = 'story-map-just-updated';

/**
 * Whether to show "Updated to the latest version" on this page: once, after an update was
 * applied here or when the build differs from the one this browser last ran, and never to a
 * kiosk's visitors or on a first visit (no version seen yet).
 */
export function shouldShowUpdatedNote(opts: {
  seenVersion: string | null;
  currentVersion: string;
  justUpdated: boolean;
  kiosk: boolean;
}): boolean {
  if (opts.kiosk) return false;
  if (opts.justUpdated) return true;
  return opts.seenVersion !== null && opts.seenVersion !== opts.currentVersion;
}

/** The least time between two update checks a kiosk makes when a visitor leaves. */
export const CHECK_ON_RESET_MIN_GAP_MS = 60_000;

/**
 * Whether a kiosk asks for a new version now that a visitor left: at most once a minute
 * (resets can follow each other quickly when visitors come and go), so that a technician's
 * rebuild is seen after the next visitor, not up to ten minutes later, without a request per
 * reset.
 */
export function checkOnReset(lastCheck: number | undefined, now: number): boolean {
  return lastCheck === undefined || now - lastCheck >= CHECK_ON_RESET_MIN_GAP_MS;
}
