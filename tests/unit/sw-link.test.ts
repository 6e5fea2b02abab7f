import { describe, expect, it, vi } from 'vitest';
import { SKIP_WAITING, ServiceWorkerLink, type WorkerStatus } from '../../src/offline/sw-link';
import { FakeContainer, running } from './support/sw-fakes';

async function started(container: FakeContainer) {
  const link = new ServiceWorkerLink(() => 42);
  const seen: WorkerStatus[] = [];
  link.subscribe((s) => seen.push(s));
  await link.start('https://x.test/sw.js', container);
  return { link, seen };
}

describe('service worker link', () => {
  it('says so when there are no service workers', async () => {
    const link = new ServiceWorkerLink();
    await link.start('sw.js', undefined);
    expect(link.status.state).toBe('unsupported');
  });

  it('reports a refused registration', async () => {
    const container = new FakeContainer();
    container.register.mockRejectedValueOnce(new Error('SecurityError: insecure'));
    const { link } = await started(container);
    expect(link.status).toMatchObject({ state: 'failed', error: 'SecurityError: insecure' });
  });

  it('a first install is not an update: nothing waits', async () => {
    const container = new FakeContainer();
    const { link } = await started(container);
    const w = container.registration.found();
    expect(link.status.installing).toBe(true);
    container.registration.installed(w);
    expect(link.status).toMatchObject({ installing: false, waiting: false });
  });

  it('follows an update from installing to waiting, and knows one waiting from before', async () => {
    const container = running();
    const { link } = await started(container);
    expect(link.status).toMatchObject({ state: 'registered', controlled: true, waiting: false });
    const v2 = container.registration.found();
    expect(link.status).toMatchObject({ installing: true, waiting: false });
    container.registration.installed(v2);
    expect(link.status).toMatchObject({ installing: false, waiting: true, waitingAtStart: false });

    // the next page load finds it waiting already
    const again = await started(container);
    expect(again.link.status).toMatchObject({ waiting: true, waitingAtStart: true });
  });

  it('counts a failed install and keeps nothing waiting (the old version runs on)', async () => {
    const container = running();
    const { link } = await started(container);
    const v2 = container.registration.found();
    container.registration.failed(v2);
    expect(link.status).toMatchObject({ installing: false, waiting: false, failedUpdates: 1 });
    // and still notices the next update (Workbox's window class would not)
    const v3 = container.registration.found();
    container.registration.installed(v3);
    expect(link.status).toMatchObject({ waiting: true, failedUpdates: 1 });
  });

  it('applies a waiting version: SKIP_WAITING, then a reload once it controls the page', async () => {
    const container = running();
    const { link } = await started(container);
    const v2 = container.registration.found();
    container.registration.installed(v2);
    const reload = vi.fn();
    const applied = link.apply({ reload });
    expect(v2.messages).toEqual([SKIP_WAITING]);
    expect(reload).not.toHaveBeenCalled();
    container.takeOver();
    await expect(applied).resolves.toBe(true);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(link.status).toMatchObject({ waiting: false, controlled: true });
  });

  it('gives up without reloading when the new version does not take over', async () => {
    vi.useFakeTimers();
    try {
      const container = running();
      const { link } = await started(container);
      container.registration.installed(container.registration.found());
      const reload = vi.fn();
      const applied = link.apply({ reload, timeoutMs: 1000 });
      vi.advanceTimersByTime(1000);
      await expect(applied).resolves.toBe(false);
      container.takeOver(); // too late: the page is not reloaded behind the app's back
      expect(reload).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('has nothing to apply when nothing waits', async () => {
    const { link } = await started(running());
    const reload = vi.fn();
    await expect(link.apply({ reload })).resolves.toBe(false);
    expect(reload).not.toHaveBeenCalled();
  });

  it('records update checks, failed ones included (offline)', async () => {
    const container = running();
    const { link } = await started(container);
    await link.check();
    expect(link.status).toMatchObject({ lastCheck: 42, lastCheckError: undefined });
    container.registration.update.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await link.check();
    expect(link.status).toMatchObject({ lastCheck: 42, lastCheckError: 'Failed to fetch' });
  });
});
