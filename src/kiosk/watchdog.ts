// Kiosk resilience: an uncaught error or a render loop that stopped reloads the page, with a
// growing delay if it keeps happening, so an exhibit recovers by itself and lands back in
// its attract loop (the URL keeps mode=kiosk). Errors and reloads go to the kiosk log, for
// the technician's view.
import { kioskLog, type KioskLog } from './kiosk-log';

const STORAGE_KEY = 'story-map-kiosk-reloads';
const FROZEN_AFTER_MS = 20_000;
const CHECK_EVERY_MS = 5_000;
const STABLE_AFTER_MS = 10 * 60_000;

interface ReloadLog {
  count: number;
  last: number;
}

/** Delay before the n-th reload in a row: 1 s, 2 s, 4 s … at most a minute. */
export function backoffMs(consecutive: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.max(0, consecutive));
}

function readLog(storage: Storage): ReloadLog {
  try {
    const log = JSON.parse(storage.getItem(STORAGE_KEY) ?? '') as ReloadLog;
    if (typeof log.count === 'number' && typeof log.last === 'number') return log;
  } catch {
    // no log yet
  }
  return { count: 0, last: 0 };
}

export interface WatchdogOptions {
  reload?: () => void;
  onReloadScheduled?: (delayMs: number, reason: string) => void;
  /** Where errors and reloads are recorded (the kiosk log in localStorage by default). */
  log?: KioskLog;
}

export interface Watchdog {
  /** Something is stuck (e.g. the attract loop stopped advancing): reload. */
  trip(reason: string): void;
  dispose(): void;
}

export function installWatchdog(opts: WatchdogOptions = {}): Watchdog {
  const reload = opts.reload ?? (() => location.reload());
  const storage = sessionStorage;
  let scheduled: ReturnType<typeof setTimeout> | undefined;
  const events = opts.log ?? kioskLog();

  const scheduleReload = (reason: string) => {
    if (scheduled) return;
    const now = Date.now();
    const log = readLog(storage);
    const consecutive = now - log.last > STABLE_AFTER_MS ? 0 : log.count;
    const delay = backoffMs(consecutive);
    storage.setItem(STORAGE_KEY, JSON.stringify({ count: consecutive + 1, last: now }));
    events.record('reload', `${reason} (in ${Math.round(delay / 1000)} s)`);
    opts.onReloadScheduled?.(delay, reason);
    scheduled = setTimeout(reload, delay);
  };

  // Only the error that causes the reload is logged: a burst of them (one per frame) must
  // not rewrite the log hundreds of times before the page goes.
  const fail = (message: string) => {
    if (!scheduled) events.record('error', message);
    scheduleReload(message);
  };
  const onError = (e: ErrorEvent) => {
    // The browser's notice that a resize was delivered a frame late is not a failure: the
    // layout catches up on the next frame, and a reload for it would empty the screen.
    if (isBenignNotice(e)) return;
    fail(`error: ${e.message}`);
  };
  const onRejection = (e: PromiseRejectionEvent) =>
    fail(`unhandled rejection: ${String(e.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);

  // The render loop's heartbeat: requestAnimationFrame stops when the page is frozen.
  let lastFrame = performance.now();
  let frame = 0;
  const beat = () => {
    lastFrame = performance.now();
    frame = requestAnimationFrame(beat);
  };
  frame = requestAnimationFrame(beat);
  const check = setInterval(() => {
    if (document.visibilityState === 'visible' && performance.now() - lastFrame > FROZEN_AFTER_MS) {
      scheduleReload('render loop frozen');
    }
  }, CHECK_EVERY_MS);

  return {
    trip: scheduleReload,
    dispose: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      cancelAnimationFrame(frame);
      clearInterval(check);
      clearTimeout(scheduled);
    },
  };
}

/** Browser notices sent as `error` events that break nothing. */
export function isBenignNotice(e: Pick<ErrorEvent, 'message' | 'error'>): boolean {
  return e.error == null && /^ResizeObserver loop/.test(e.message);
}
