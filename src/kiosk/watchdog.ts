// Kiosk resilience: an uncaught error or a render loop that stopped reloads the page, with a
// growing delay if it keeps happening, so an exhibit recovers by itself and lands back in
// its attract loop (the URL keeps mode=kiosk).

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

  const scheduleReload = (reason: string) => {
    if (scheduled) return;
    const now = Date.now();
    const log = readLog(storage);
    const consecutive = now - log.last > STABLE_AFTER_MS ? 0 : log.count;
    const delay = backoffMs(consecutive);
    storage.setItem(STORAGE_KEY, JSON.stringify({ count: consecutive + 1, last: now }));
    opts.onReloadScheduled?.(delay, reason);
    scheduled = setTimeout(reload, delay);
  };

  const onError = (e: ErrorEvent) => scheduleReload(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) =>
    scheduleReload(`unhandled rejection: ${String(e.reason)}`);
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
