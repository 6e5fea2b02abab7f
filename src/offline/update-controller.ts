// New versions and the technician's view, as a Lit reactive controller of <story-map>:
// `new UpdateController(shell, () => ({ status }))`. It follows the app state's changes and
// - applies a waiting version at the moments update-policy.ts allows (a kiosk's reset or the
//   attract loop's next step; a reader's next visit), through the service worker link;
// - asks the server for a new version every few minutes while the page is a kiosk (a kiosk
//   never navigates, so the browser's own check on navigation never runs) and after resets;
// - decides once per page whether to show the "updated" note (not to kiosk visitors);
// - writes starts, resets and updates to the kiosk log, and keeps the snapshot the status
//   panel shows (`?mode=kiosk&status`).
// Its output is `view`, plain data for renderOfflineParts (src/offline/offline-view.ts).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { phaseName, type AppState } from '../app/app-state';
import type { Shell, StateListener } from '../app/shell';
import { kioskLog, lastOf, type KioskLog, type KioskLogEntry } from '../kiosk/kiosk-log';
import { BUILD, buildId, buildLabel } from './build-info';
import { NOTE_DISMISS_EVENT } from './events';
import type { CacheStats } from './cache-stats';
import { serviceWorkerLink, type ServiceWorkerLink, type WorkerStatus } from './sw-link';
import {
  JUST_UPDATED_KEY,
  SEEN_VERSION_KEY,
  checkOnReset,
  kioskMoment,
  shouldApplyUpdate,
  shouldShowUpdatedNote,
} from './update-policy';

/** What the controller needs of the shell (a fake in the unit tests). */
export type UpdateShell = Pick<Shell, 'state' | 'listen'> & {
  readonly host: ReactiveControllerHost & EventTarget;
};

export interface UpdateOptions {
  /** The URL asked for the technician's view (`?status`); shown in kiosk mode only. */
  status: boolean;
}

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface UpdateDeps {
  link?: ServiceWorkerLink;
  log?: KioskLog;
  local?: KeyValueStorage;
  session?: KeyValueStorage;
  /** Where a reader's input arrives (the window). */
  input?: EventTarget;
  reload?: () => void;
  cacheStats?: () => Promise<CacheStats | undefined>;
  now?: () => number;
  /** How often a kiosk asks for a new version. */
  checkEveryMs?: number;
}

/** What the status panel shows: plain data, read-only. */
export interface StatusSnapshot {
  build: string;
  /** Wall-clock time this page started. */
  startedAt: number;
  phase: string;
  worker: WorkerStatus;
  cache?: CacheStats;
  resets: KioskLogEntry[];
  /** Page starts: power-ups, the watchdog's reloads and updates all begin with one. */
  starts: KioskLogEntry[];
  /** The watchdog's reloads, with the reason. */
  reloads: KioskLogEntry[];
  errors: KioskLogEntry[];
  updates: KioskLogEntry[];
  /** Totals over the whole log (at most its cap). */
  counts: { starts: number; resets: number; reloads: number; errors: number };
}

export interface OfflineView {
  /** Show the quiet "updated" note. */
  note: boolean;
  /** The technician's panel, when asked for in kiosk mode. */
  status?: StatusSnapshot;
}

const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 10 * 60_000;
const STATUS_REFRESH_MS = 15_000;
const SHOWN_PER_KIND = 5;

const safe = <T>(fn: () => T, fallback: T): T => {
  try {
    return fn();
  } catch {
    return fallback; // storage disabled or full: updates still work, only the note is lost
  }
};

export class UpdateController implements ReactiveController, StateListener {
  readonly #link: ServiceWorkerLink;
  readonly #log: KioskLog;
  readonly #local: KeyValueStorage | undefined;
  readonly #session: KeyValueStorage | undefined;
  readonly #input: EventTarget | undefined;
  readonly #now: () => number;
  readonly #startedAt: number;
  #worker: WorkerStatus;
  #unsubscribe: (() => void) | undefined;
  #interacted = false;
  #applying = false;
  #noteDecided = false;
  #note = false;
  #startLogged = false;
  #checkTimer: ReturnType<typeof setInterval> | undefined;
  #statusTimer: ReturnType<typeof setInterval> | undefined;
  #cache: CacheStats | undefined;
  #entries: KioskLogEntry[] = [];

  constructor(
    private readonly shell: UpdateShell,
    private readonly options: () => UpdateOptions = () => ({ status: false }),
    private readonly deps: UpdateDeps = {},
  ) {
    this.#link = deps.link ?? serviceWorkerLink;
    this.#log = deps.log ?? kioskLog();
    this.#local = deps.local ?? safe(() => globalThis.localStorage, undefined);
    this.#session = deps.session ?? safe(() => globalThis.sessionStorage, undefined);
    this.#input = deps.input ?? (typeof window === 'undefined' ? undefined : window);
    this.#now = deps.now ?? Date.now;
    this.#startedAt = this.#now();
    this.#worker = this.#link.status;
    shell.host.addController(this);
    shell.listen(this);
  }

  get #host() {
    return this.shell.host;
  }

  get view(): OfflineView {
    const state = this.shell.state();
    const kiosk = state.phase.name === 'kiosk';
    return {
      note: this.#note && !kiosk,
      ...(kiosk && this.options().status ? { status: this.#snapshot(state) } : {}),
    };
  }

  hostConnected() {
    // Once per page, with the mode the page asked for (read before the element connects).
    if (!this.#noteDecided) this.#decideNote(this.shell.state().phase.name === 'kiosk');
    this.#unsubscribe = this.#link.subscribe(this.#onWorker);
    this.#worker = this.#link.status;
    if (!this.#interacted)
      for (const type of INPUT_EVENTS)
        this.#input?.addEventListener(type, this.#onInput, { capture: true, passive: true });
    this.#host.addEventListener(NOTE_DISMISS_EVENT, this.#onDismiss);
  }

  hostDisconnected() {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#stopInput();
    this.#host.removeEventListener(NOTE_DISMISS_EVENT, this.#onDismiss);
    clearInterval(this.#checkTimer);
    clearInterval(this.#statusTimer);
    this.#checkTimer = this.#statusTimer = undefined;
  }

  stateChanged(prev: AppState, next: AppState) {
    const kiosk = next.phase.name === 'kiosk';
    if (kiosk && next.load === 'ready' && !this.#startLogged) {
      this.#startLogged = true;
      this.#record('start', buildLabel());
    }
    const moment = kioskMoment(prev, next);
    if (moment === 'reset') this.#record('reset');
    this.#keepTimers(kiosk);
    this.#maybeApply(prev, next);
    // After a reset with nothing waiting, look for a version to take at the next one.
    if (
      moment === 'reset' &&
      !this.#worker.waiting &&
      checkOnReset(this.#worker.lastCheck, this.#now())
    )
      void this.#link.check();
  }

  #decideNote(kiosk: boolean) {
    this.#noteDecided = true;
    const current = buildId();
    const justUpdated = safe(() => this.#session?.getItem(JUST_UPDATED_KEY) === '1', false);
    this.#note = shouldShowUpdatedNote({
      seenVersion: safe(() => this.#local?.getItem(SEEN_VERSION_KEY) ?? null, null),
      currentVersion: current,
      justUpdated,
      kiosk,
    });
    safe(() => {
      this.#session?.removeItem(JUST_UPDATED_KEY);
      this.#local?.setItem(SEEN_VERSION_KEY, current);
    }, undefined);
  }

  #keepTimers(kiosk: boolean) {
    if (kiosk && !this.#checkTimer)
      this.#checkTimer = setInterval(
        () => void this.#link.check(),
        this.deps.checkEveryMs ?? CHECK_EVERY_MS,
      );
    else if (!kiosk && this.#checkTimer) {
      clearInterval(this.#checkTimer);
      this.#checkTimer = undefined;
    }
    const status = kiosk && this.options().status;
    if (status && !this.#statusTimer) {
      this.#statusTimer = setInterval(() => void this.#refreshStatus(), STATUS_REFRESH_MS);
      void this.#refreshStatus();
    } else if (!status && this.#statusTimer) {
      clearInterval(this.#statusTimer);
      this.#statusTimer = undefined;
    }
  }

  #maybeApply(prev: AppState | undefined, next: AppState) {
    if (this.#applying) return;
    const apply = shouldApplyUpdate({
      prev,
      next,
      waiting: this.#worker.waiting,
      waitingAtStart: this.#worker.waitingAtStart,
      interacted: this.#interacted,
    });
    if (!apply) return;
    this.#applying = true;
    const kiosk = next.phase.name === 'kiosk';
    if (kiosk) this.#record('update-applied', kioskMoment(prev, next));
    safe(() => this.#session?.setItem(JUST_UPDATED_KEY, '1'), undefined);
    void this.#link.apply(this.deps.reload ? { reload: this.deps.reload } : {}).then((took) => {
      if (took) return;
      this.#applying = false;
      safe(() => this.#session?.removeItem(JUST_UPDATED_KEY), undefined);
      if (kiosk) this.#record('update-failed', 'the new version did not take over');
    });
  }

  #onWorker = (status: WorkerStatus) => {
    const before = this.#worker;
    this.#worker = status;
    const state = this.shell.state();
    const kiosk = state.phase.name === 'kiosk';
    if (kiosk && status.waiting && !before.waiting) this.#record('update-found');
    if (kiosk && status.failedUpdates > before.failedUpdates)
      this.#record('update-failed', 'a file of the new version could not be loaded');
    // A reader's update from an earlier visit can be applied as soon as it is known (that
    // needs no change of state); a kiosk's waits for its next moment (stateChanged).
    if (!kiosk) this.#maybeApply(undefined, state);
    if (this.#statusTimer) this.#host.requestUpdate();
  };

  #record(kind: KioskLogEntry['kind'], detail?: string) {
    this.#log.record(kind, detail);
    if (this.#statusTimer) {
      this.#entries = this.#log.entries();
      this.#host.requestUpdate();
    }
  }

  #onInput = () => {
    this.#interacted = true;
    this.#stopInput();
  };

  #stopInput() {
    for (const type of INPUT_EVENTS)
      this.#input?.removeEventListener(type, this.#onInput, { capture: true });
  }

  #onDismiss = () => {
    if (!this.#note) return;
    this.#note = false;
    this.#host.requestUpdate();
  };

  async #refreshStatus() {
    this.#entries = this.#log.entries();
    const read =
      this.deps.cacheStats ?? (() => import('./cache-stats').then((m) => m.cacheStats()));
    this.#cache = await read().catch(() => undefined);
    this.#host.requestUpdate();
  }

  #snapshot(state: AppState): StatusSnapshot {
    const entries = this.#entries;
    const count = (kind: KioskLogEntry['kind']) => entries.filter((e) => e.kind === kind).length;
    return {
      build: buildLabel(BUILD),
      startedAt: this.#startedAt,
      phase: phaseName(state),
      worker: this.#worker,
      ...(this.#cache ? { cache: this.#cache } : {}),
      resets: lastOf(entries, ['reset'], SHOWN_PER_KIND),
      starts: lastOf(entries, ['start'], SHOWN_PER_KIND),
      reloads: lastOf(entries, ['reload'], SHOWN_PER_KIND),
      errors: lastOf(entries, ['error'], SHOWN_PER_KIND),
      updates: lastOf(entries, ['update-found', 'update-applied', 'update-failed'], SHOWN_PER_KIND),
      counts: {
        starts: count('start'),
        resets: count('reset'),
        reloads: count('reload'),
        errors: count('error'),
      },
    };
  }
}
