import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReactiveController } from 'lit';
import type { AppState, Phase, Presence } from '../../src/app/app-state';
import { kioskLog, type KioskLogEntry } from '../../src/kiosk/kiosk-log';
import { NOTE_DISMISS_EVENT } from '../../src/offline/events';
import { ServiceWorkerLink } from '../../src/offline/sw-link';
import { UpdateController } from '../../src/offline/update-controller';
import type { StateListener } from '../../src/app/shell';
import { JUST_UPDATED_KEY, SEEN_VERSION_KEY } from '../../src/offline/update-policy';
import { buildId } from '../../src/offline/build-info';
import { FakeWorker, running, type FakeContainer } from './support/sw-fakes';
import { MemoryStorage } from './support/memory-storage';

/** <story-map>'s element and its private shell in one fake: the controller gets both. */
class FakeHost extends EventTarget {
  controllers: ReactiveController[] = [];
  listeners: StateListener[] = [];
  updates = 0;
  readonly host = this;
  constructor(public appState: AppState) {
    super();
  }
  state = () => this.appState;
  listen(l: StateListener) {
    this.listeners.push(l);
  }
  addController(c: ReactiveController) {
    this.controllers.push(c);
    c.hostConnected?.();
  }
  removeController() {}
  requestUpdate() {
    this.updates += 1;
  }
  get updateComplete() {
    return Promise.resolve(true);
  }
  /** A state change, as <story-map> dispatches it: every listener hears (prev, next). */
  set(change: Partial<AppState>) {
    const prev = this.appState;
    this.appState = { ...prev, ...change };
    for (const l of this.listeners) l.stateChanged(prev, this.appState);
  }
  presence(presence: Presence, step = this.appState.step) {
    this.set({
      phase: { name: 'kiosk', presence, exhibitLang: 'en' },
      step,
      run: this.appState.run + 1,
    });
  }
}

const state = (phase: Phase, load: AppState['load'] = 'ready'): AppState => ({
  story: 's.json',
  lang: 'en',
  phase,
  load,
  step: 0,
  run: 1,
  settled: 1,
  about: false,
  errors: [],
  warnings: [],
  editErrors: [],
});
const KIOSK: Phase = { name: 'kiosk', presence: 'attract', exhibitLang: 'en' };

const controllers: UpdateController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.hostDisconnected();
});

async function setup(
  phase: Phase,
  { waitingBefore = false, beforeStart = (_input: EventTarget) => {} } = {},
) {
  const container: FakeContainer = running();
  if (waitingBefore) container.registration.waiting = new FakeWorker('installed');
  const link = new ServiceWorkerLink();
  const storage = new MemoryStorage();
  const local = new MemoryStorage();
  const session = new MemoryStorage();
  const log = kioskLog(storage, () => 1);
  const input = new EventTarget();
  const reload = vi.fn();
  const host = new FakeHost(state(phase, 'loading'));
  const controller = new UpdateController(host, () => ({ status: false }), {
    link,
    log,
    local,
    session,
    input,
    reload,
    cacheStats: async () => undefined,
  });
  controllers.push(controller);
  host.set({ load: 'ready' });
  beforeStart(input);
  await link.start('sw.js', container);
  const kinds = () => log.entries().map((e: KioskLogEntry) => e.kind);
  /** A new version is found on the server and installs completely. */
  const newVersion = () => container.registration.installed(container.registration.found());
  return { host, controller, container, link, reload, kinds, newVersion, local, session, input };
}

describe('update controller at a kiosk', () => {
  it('holds a new version through the visit and applies it at the reset', async () => {
    const { host, container, reload, kinds, newVersion } = await setup(KIOSK);
    host.presence('visitor');
    newVersion();
    host.set({ step: 3, run: host.appState.run + 1 }); // the visitor moves on
    host.presence('countdown');
    expect(container.registration.waiting?.messages).toEqual([]);
    host.presence('attract', 0); // the countdown ran out
    expect(container.registration.waiting?.messages).toEqual([{ type: 'SKIP_WAITING' }]);
    container.takeOver();
    await Promise.resolve();
    expect(reload).toHaveBeenCalledTimes(1);
    expect(kinds()).toEqual(['start', 'update-found', 'reset', 'update-applied']);
  });

  it('in the attract loop, applies it when the loop moves to the next step', async () => {
    const { host, container, newVersion } = await setup(KIOSK);
    newVersion();
    host.set({ run: host.appState.run + 1 }); // the same step redrawn: not yet
    expect(container.registration.waiting?.messages).toEqual([]);
    host.set({ step: 1, run: host.appState.run + 1 });
    expect(container.registration.waiting?.messages).toEqual([{ type: 'SKIP_WAITING' }]);
  });

  it('logs a reset with nothing to apply, and a failed update', async () => {
    const { host, container, kinds } = await setup(KIOSK);
    host.presence('visitor');
    container.registration.failed(container.registration.found());
    host.presence('countdown');
    host.presence('attract', 0);
    expect(kinds()).toEqual(['start', 'update-failed', 'reset']);
    // and looks for a version to take at the next reset
    expect(container.registration.update).toHaveBeenCalled();
  });
});

describe('update controller for a reader', () => {
  it('applies a version from an earlier visit as the page starts, and notes it after the reload', async () => {
    const { container, session } = await setup({ name: 'story' }, { waitingBefore: true });
    expect(container.registration.waiting?.messages).toEqual([{ type: 'SKIP_WAITING' }]);
    expect(session.getItem(JUST_UPDATED_KEY)).toBe('1');
  });

  it('never reloads under a reader: not for a version arriving now', async () => {
    const { host, container, newVersion, reload } = await setup({ name: 'story' });
    newVersion();
    host.set({ step: 2, run: 2 });
    host.set({ phase: { name: 'explore', explore: { cameraSeq: 0 } }, run: 3 });
    expect(container.registration.waiting?.messages).toEqual([]);
    expect(reload).not.toHaveBeenCalled();
  });

  it('never reloads under a reader: not once they have touched the page', async () => {
    const { container } = await setup(
      { name: 'story' },
      {
        waitingBefore: true,
        beforeStart: (input) => input.dispatchEvent(new Event('keydown')),
      },
    );
    expect(container.registration.waiting?.messages).toEqual([]);
  });

  it('shows the note once, after an update, and hides it when dismissed', async () => {
    const first = await setup({ name: 'story' });
    expect(first.controller.view.note).toBe(false); // first visit: nothing to say
    expect(first.local.getItem(SEEN_VERSION_KEY)).toBe(buildId());

    const { controller, host } = await setupWith({ seen: 'an older build' });
    expect(controller.view.note).toBe(true);
    host.dispatchEvent(new Event(NOTE_DISMISS_EVENT));
    expect(controller.view.note).toBe(false);
  });

  it('does not show the note to a kiosk', async () => {
    const { controller } = await setupWith({ seen: 'an older build', phase: KIOSK });
    expect(controller.view.note).toBe(false);
  });
});

async function setupWith({
  seen,
  phase = { name: 'story' } as Phase,
}: {
  seen: string;
  phase?: Phase;
}) {
  const local = new MemoryStorage();
  local.setItem(SEEN_VERSION_KEY, seen);
  const host = new FakeHost(state(phase));
  const controller = new UpdateController(host, () => ({ status: false }), {
    link: new ServiceWorkerLink(),
    log: kioskLog(new MemoryStorage()),
    local,
    session: new MemoryStorage(),
    input: new EventTarget(),
    reload: vi.fn(),
  });
  controllers.push(controller);
  host.set({ step: 0 });
  return { controller, host };
}

describe("the technician's view", () => {
  it('is there only for a kiosk whose URL asks for it, with the log and the caches', async () => {
    const logStorage = new MemoryStorage();
    const log = kioskLog(logStorage, () => 1000);
    log.record('error', 'boom');
    log.record('reload', 'error: boom (in 1 s)');
    const cache = {
      caches: [{ name: 'workbox-precache-v2-x', entries: 66, bytes: 4_000_000 }],
      precache: { entries: 66, bytes: 4_000_000 },
    };
    let status = true;
    const host = new FakeHost(state(KIOSK));
    const controller = new UpdateController(host, () => ({ status }), {
      link: new ServiceWorkerLink(),
      log,
      local: new MemoryStorage(),
      session: new MemoryStorage(),
      input: new EventTarget(),
      cacheStats: async () => cache,
    });
    controllers.push(controller);
    host.set({ step: 0 });
    await new Promise((r) => setTimeout(r, 0)); // the cache figures arrive
    const view = controller.view.status!;
    expect(view.phase).toBe('kiosk-attract');
    expect(view.cache).toEqual(cache);
    expect(view.errors.map((e) => e.detail)).toEqual(['boom']);
    expect(view.reloads.map((e) => e.detail)).toEqual(['error: boom (in 1 s)']);
    expect(view.starts).toHaveLength(1);
    expect(view.counts).toEqual({ starts: 1, resets: 0, reloads: 1, errors: 1 });

    status = false;
    expect(controller.view.status).toBeUndefined();
    host.set({ phase: { name: 'story' }, run: 9 });
    status = true;
    expect(controller.view.status).toBeUndefined(); // never outside kiosk mode
  });
});
