// The page's link to its service worker: registers it, follows new versions as they install,
// and applies a waiting one when asked (SKIP_WAITING, then a reload once it controls the page).
// It decides nothing: the update controller says when (src/offline/update-controller.ts).
//
// Built on the platform's ServiceWorkerContainer rather than workbox-window's Workbox class:
// Workbox stops listening for `updatefound` after the first update it thinks was triggered
// from outside (any found more than a minute after registering, which is every update on a
// kiosk that runs for weeks), so a second update, or one after a failed install, would go
// unnoticed. The worker itself is Workbox's (vite-plugin-pwa, generateSW): it precaches a new
// version completely before it reports `installed`, becomes redundant if any entry fails,
// and calls skipWaiting() when it receives { type: 'SKIP_WAITING' }.

export interface WorkerLike extends EventTarget {
  readonly state: ServiceWorkerState;
  postMessage(message: unknown): void;
}

export interface RegistrationLike extends EventTarget {
  readonly installing: WorkerLike | null;
  readonly waiting: WorkerLike | null;
  readonly active: WorkerLike | null;
  update(): Promise<unknown>;
}

export interface ContainerLike extends EventTarget {
  readonly controller: WorkerLike | null;
  register(url: string, options?: RegistrationOptions): Promise<RegistrationLike>;
}

export interface WorkerStatus {
  /**
   * unsupported: no service workers here (an old browser, plain http); off: not registered
   * (the dev server, an embed); failed: registration refused; registered: a worker exists.
   */
  state: 'unsupported' | 'off' | 'registering' | 'registered' | 'failed';
  /** This page is served by a worker, so a reload works with no server. */
  controlled: boolean;
  /** A new version is downloading into the cache. */
  installing: boolean;
  /** A complete new version is waiting to take over. */
  waiting: boolean;
  /** It was already waiting when this page started (it arrived during an earlier visit). */
  waitingAtStart: boolean;
  /** New versions that failed to install (an entry missing or broken): the old one runs on. */
  failedUpdates: number;
  /** Wall-clock time of the last update check, and its error if it failed. */
  lastCheck?: number;
  lastCheckError?: string;
  error?: string;
}

export const SKIP_WAITING = { type: 'SKIP_WAITING' } as const;

type Listener = (status: WorkerStatus) => void;

export interface ApplyOptions {
  reload?: () => void;
  /** Give up (the old version keeps running) if the new one has not taken over by then. */
  timeoutMs?: number;
}

export class ServiceWorkerLink {
  #status: WorkerStatus = {
    state: 'off',
    controlled: false,
    installing: false,
    waiting: false,
    waitingAtStart: false,
    failedUpdates: 0,
  };
  #listeners = new Set<Listener>();
  #container: ContainerLike | undefined;
  #registration: RegistrationLike | undefined;
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  get status(): WorkerStatus {
    return this.#status;
  }

  /** Calls `fn` with every new status (not with the current one). Returns the unsubscribe. */
  subscribe(fn: Listener): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  #set(change: Partial<WorkerStatus>) {
    this.#status = { ...this.#status, ...change };
    for (const fn of [...this.#listeners]) fn(this.#status);
  }

  async start(
    scriptUrl: string,
    container: ContainerLike | undefined,
    options: RegistrationOptions = {},
  ): Promise<void> {
    if (!container) return this.#set({ state: 'unsupported' });
    if (this.#container) return; // one registration per page
    this.#container = container;
    this.#set({ state: 'registering', controlled: !!container.controller });
    container.addEventListener('controllerchange', () =>
      this.#set({ controlled: !!container.controller }),
    );
    let registration: RegistrationLike | undefined;
    try {
      registration = await container.register(scriptUrl, options);
    } catch (err) {
      return this.#set({ state: 'failed', error: String((err as Error)?.message ?? err) });
    }
    // A browser that blocks workers (a test harness, a locked-down profile) may answer
    // with nothing at all.
    if (!registration) return this.#set({ state: 'failed', error: 'service workers are blocked' });
    this.#registration = registration;
    const waiting = !!registration.waiting && !!registration.active;
    this.#set({ state: 'registered', waiting, waitingAtStart: waiting });
    // A waiting worker is followed too: another tab may apply it, or a newer one replace it.
    if (registration.waiting) this.#follow(registration.waiting);
    if (registration.installing) this.#follow(registration.installing);
    registration.addEventListener('updatefound', () => {
      if (registration.installing) this.#follow(registration.installing);
    });
  }

  /** One new worker from `installing` to `installed` (waiting) or `redundant` (failed). */
  #follow(worker: WorkerLike) {
    const registration = this.#registration!;
    // A first install has nothing to wait for: it activates and takes the page over.
    const isUpdate = !!registration.active && registration.active !== worker;
    let installed = worker.state !== 'installing';
    if (!installed) this.#set({ installing: true });
    const onChange = () => {
      if (worker.state === 'installed') {
        installed = true;
        this.#set({ installing: false, waiting: isUpdate && registration.waiting === worker });
      } else if (worker.state === 'redundant') {
        worker.removeEventListener('statechange', onChange);
        const failed = !installed;
        // A waiting worker also becomes redundant when a newer one replaces it.
        this.#set({
          installing: false,
          waiting: !!registration.waiting && registration.waiting !== worker,
          ...(failed && isUpdate ? { failedUpdates: this.#status.failedUpdates + 1 } : {}),
        });
      } else if (worker.state === 'activated') {
        worker.removeEventListener('statechange', onChange);
        this.#set({ installing: false, waiting: false });
      }
    };
    worker.addEventListener('statechange', onChange);
    if (worker.state !== 'installing') onChange();
  }

  /** Asks the server for a new sw.js now (browsers also check on each navigation). */
  async check(): Promise<void> {
    if (!this.#registration) return;
    try {
      await this.#registration.update();
      this.#set({ lastCheck: this.#now(), lastCheckError: undefined });
    } catch (err) {
      // offline, or the server is down: the running version is all there is, which is fine
      this.#set({ lastCheck: this.#now(), lastCheckError: String((err as Error)?.message ?? err) });
    }
  }

  /**
   * Lets the waiting version take over and reloads into it. Resolves false (nothing is
   * reloaded, the running version goes on) if nothing is waiting or it did not take over
   * within the timeout.
   */
  apply({
    reload = () => location.reload(),
    timeoutMs = 10_000,
  }: ApplyOptions = {}): Promise<boolean> {
    const container = this.#container;
    const waiting = this.#registration?.waiting;
    if (!container || !waiting) return Promise.resolve(false);
    return new Promise((resolve) => {
      const onControllerChange = () => {
        clearTimeout(timer);
        resolve(true);
        reload();
      };
      const timer = setTimeout(() => {
        container.removeEventListener('controllerchange', onControllerChange);
        resolve(false);
      }, timeoutMs);
      container.addEventListener('controllerchange', onControllerChange, { once: true });
      waiting.postMessage(SKIP_WAITING);
    });
  }
}

/** The page's one link (main.ts starts it; the element's update controller follows it). */
export const serviceWorkerLink = new ServiceWorkerLink();
