import { describe, expect, it } from 'vitest';
import { describeWorker, formatBytes, formatDuration, formatTime } from '../../src/offline/format';
import type { WorkerStatus } from '../../src/offline/sw-link';
import { buildId, buildLabel } from '../../src/offline/build-info';

describe('status figures', () => {
  it('durations', () => {
    expect(formatDuration(0)).toBe('00:00:00');
    expect(formatDuration(61_500)).toBe('00:01:01');
    expect(formatDuration((3 * 86_400 + 4 * 3600 + 12 * 60 + 9) * 1000)).toBe('3 d 04:12:09');
    expect(formatDuration(-5)).toBe('00:00:00');
  });

  it('bytes', () => {
    expect(formatBytes(912)).toBe('912 B');
    expect(formatBytes(48.2 * 1024)).toBe('48.2 KB');
    expect(formatBytes(3.41 * 1024 * 1024)).toBe('3.41 MB');
  });

  it('times: the time today, the date another day', () => {
    const now = new Date(2025, 11, 1, 15, 0, 0).getTime();
    expect(formatTime(new Date(2025, 11, 1, 14, 3, 12).getTime(), now)).toBe('14:03:12');
    expect(formatTime(new Date(2025, 10, 30, 9, 5).getTime(), now)).toBe('11-30 09:05');
  });

  it('the worker in one line, saying whether the kiosk starts offline', () => {
    const base: WorkerStatus = {
      state: 'registered',
      controlled: true,
      installing: false,
      waiting: false,
      waitingAtStart: false,
      failedUpdates: 0,
    };
    expect(describeWorker(base)).toBe('serving this page: starts offline');
    expect(describeWorker({ ...base, waiting: true, failedUpdates: 1 })).toMatch(
      /waiting for the next reset; 1 failed update\(s\), old version kept/,
    );
    expect(describeWorker({ ...base, state: 'off' })).toMatch(/needs the server/);
    expect(describeWorker({ ...base, state: 'failed', error: 'SecurityError' })).toMatch(
      /SecurityError/,
    );
  });

  it('the build: one id per build, a readable label', () => {
    const a = { version: '0.1.0', commit: 'edd2122', builtAt: '2025-12-01T09:30:00.000Z' };
    expect(buildLabel(a)).toBe('0.1.0 · edd2122 · built 2025-12-01 09:30 UTC');
    expect(buildId(a)).not.toBe(buildId({ ...a, builtAt: '2025-12-01T09:31:00.000Z' }));
    expect(buildLabel({ version: '0.1.0', builtAt: '' })).toBe('0.1.0');
  });
});
