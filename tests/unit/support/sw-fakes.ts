// Fakes of the browser's service worker objects, driven by hand: a test says when a new
// sw.js is found, when it has installed or failed, and when it takes over.
import { vi } from 'vitest';
import type { ContainerLike, RegistrationLike, WorkerLike } from '../../../src/offline/sw-link';

export class FakeWorker extends EventTarget implements WorkerLike {
  messages: unknown[] = [];
  constructor(public state: ServiceWorkerState) {
    super();
  }
  postMessage(message: unknown) {
    this.messages.push(message);
  }
  to(state: ServiceWorkerState) {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

export class FakeRegistration extends EventTarget implements RegistrationLike {
  installing: FakeWorker | null = null;
  waiting: FakeWorker | null = null;
  active: FakeWorker | null = null;
  update = vi.fn(async () => undefined);
  /** A new sw.js was found: it starts installing. */
  found(): FakeWorker {
    const w = new FakeWorker('installing');
    this.installing = w;
    this.dispatchEvent(new Event('updatefound'));
    return w;
  }
  /** Every precache entry arrived: the new worker waits. */
  installed(w: FakeWorker) {
    this.installing = null;
    this.waiting = w;
    w.to('installed');
  }
  /** An entry failed: the new worker is thrown away. */
  failed(w: FakeWorker) {
    this.installing = null;
    w.to('redundant');
  }
}

export class FakeContainer extends EventTarget implements ContainerLike {
  controller: FakeWorker | null = null;
  constructor(public registration = new FakeRegistration()) {
    super();
  }
  register = vi.fn(async () => this.registration);
  /** What SKIP_WAITING leads to: the waiting worker activates and takes the page. */
  takeOver() {
    const w = this.registration.waiting!;
    this.registration.waiting = null;
    this.registration.active = w;
    this.controller = w;
    w.to('activated');
    this.dispatchEvent(new Event('controllerchange'));
  }
}

/** A container with version 1 active and controlling the page. */
export function running() {
  const container = new FakeContainer();
  const v1 = new FakeWorker('activated');
  container.registration.active = v1;
  container.controller = v1;
  return container;
}
