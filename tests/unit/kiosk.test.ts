import { describe, expect, it } from 'vitest';
import type { ReactiveController } from 'lit';
import type { Clock } from '../../src/kiosk/clock';
import { KioskController, type KioskShell } from '../../src/kiosk/kiosk-controller';
import type { StateListener } from '../../src/app/shell';
import {
  initialState,
  phaseName,
  transition,
  type AppEvent,
  type AppState,
} from '../../src/app/app-state';
import type { Story } from '../../src/story/model';
import { dwellSeconds, readingSeconds, MAX_DWELL_S, MIN_DWELL_S } from '../../src/kiosk/dwell';
import { isBenignNotice } from '../../src/kiosk/watchdog';

const step = (index: number) => ({
  id: `s${index}`,
  index,
  year: 2000,
  mapYear: 2000,
  title: { en: 'T' },
  // 60 words: the loop dwells 21 s on each step.
  body: { en: 'word '.repeat(60) },
  camera: { bearing: 0, pitch: 0, padding: 0, transition: 'jump' as const, duration: 0 },
  layers: [],
  highlight: [],
  animations: [],
  places: [],
  media: [],
});
const STORY: Story = {
  id: 'k',
  url: 'https://example.test/k.json',
  title: { en: 'K' },
  languages: ['en'],
  layersUrl: 'https://example.test/layers.json',
  steps: [step(0), step(1), step(2)],
  eras: [],
  firstYear: 2000,
  lastYear: 2000,
};
const LOADED: AppEvent = {
  type: 'story-loaded',
  read: { story: STORY, groups: [], layers: [], layerIds: [], warnings: [] },
};

class FakeClock implements Clock {
  t = 0;
  #timers = new Map<number, { at: number; fn: () => void }>();
  #next = 1;
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.#next++;
    this.#timers.set(id, { at: this.t + ms, fn });
    return id;
  };
  clearTimeout = (h: unknown) => {
    this.#timers.delete(h as number);
  };
  advance(ms: number) {
    const end = this.t + ms;
    for (;;) {
      const due = [...this.#timers]
        .filter(([, t]) => t.at <= end)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.#timers.delete(due[0]);
      this.t = due[1].at;
      due[1].fn();
    }
    this.t = end;
  }
}

/** A kiosk controller on a fake shell that runs the real transition and fan-out, with fake time. */
function setup() {
  const clock = new FakeClock();
  const input = new EventTarget();
  const phases: string[] = [];
  let resets = 0;
  let state: AppState = transition(initialState({ story: 'x', mode: 'kiosk' }), LOADED);
  const listeners: StateListener[] = [];
  let controller: ReactiveController | undefined;
  const shell: KioskShell = {
    host: {
      addController: (c) => void (controller = c),
      requestUpdate() {},
      isConnected: true,
    },
    state: () => state,
    listen: (l) => void listeners.push(l),
    dispatch(e) {
      const next = transition(state, e);
      if (next === state) return;
      if (e.type === 'kiosk-timeout') resets += 1;
      const name = phaseName(next);
      if (name !== phaseName(state)) phases.push(name.replace('kiosk-', ''));
      const prev = state;
      state = next;
      for (const l of listeners) l.stateChanged(prev, next);
    },
  };
  const kiosk = new KioskController(shell, () => ({ idleSeconds: 60, countdownSeconds: 15 }), {
    clock,
    input,
    lockdown: () => () => {},
    watchdog: () => ({ trip() {}, dispose() {} }),
  });
  controller!.hostConnected!();
  const touch = () => input.dispatchEvent(new Event('pointerdown'));
  const host = {
    get appState() {
      return state;
    },
    dispatch: (e: AppEvent) => shell.dispatch(e),
  };
  return { clock, phases, kiosk, host, touch, resets: () => resets };
}

describe('KioskController', () => {
  it('starts in attract and becomes active on input', () => {
    const { host, phases, touch } = setup();
    expect(phaseName(host.appState)).toBe('kiosk-attract');
    touch();
    expect(phases).toEqual(['visitor']);
  });

  it('counts down after the idle time, then resets to attract', () => {
    const { host, clock, phases, resets, kiosk, touch } = setup();
    touch();
    clock.advance(59_999);
    expect(phaseName(host.appState)).toBe('kiosk-visitor');
    clock.advance(1);
    expect(phaseName(host.appState)).toBe('kiosk-countdown');
    expect(kiosk.secondsLeft).toBe(15);
    clock.advance(10_500);
    expect(kiosk.secondsLeft).toBe(5);
    clock.advance(4_500);
    expect(phaseName(host.appState)).toBe('kiosk-attract');
    expect(resets()).toBe(1);
    expect(phases).toEqual(['visitor', 'countdown', 'attract']);
  });

  it('any input during the countdown cancels it', () => {
    const { host, clock, resets, touch } = setup();
    touch();
    clock.advance(65_000);
    expect(phaseName(host.appState)).toBe('kiosk-countdown');
    touch();
    expect(phaseName(host.appState)).toBe('kiosk-visitor');
    clock.advance(30_000);
    expect(resets()).toBe(0);
    expect(phaseName(host.appState)).toBe('kiosk-visitor');
  });

  it('input keeps pushing the idle time back', () => {
    const { host, clock, touch } = setup();
    touch();
    clock.advance(50_000);
    touch();
    clock.advance(50_000);
    expect(phaseName(host.appState)).toBe('kiosk-visitor');
  });

  it('the attract loop dwells on each settled step, then moves on; a touch stops it', () => {
    const { host, clock, touch } = setup();
    const settle = () => host.dispatch({ type: 'settled', run: host.appState.run });
    settle();
    clock.advance(20_999); // 60 words: 21 s
    expect(host.appState.step).toBe(0);
    clock.advance(1);
    expect(host.appState.step).toBe(1);
    settle();
    touch();
    clock.advance(40_000);
    expect(host.appState.step).toBe(1);
  });
});

describe('dwell', () => {
  it('reads English words and Chinese characters at comparable pace', () => {
    expect(
      readingSeconds(
        'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen',
      ),
    ).toBeCloseTo(5);
    expect(readingSeconds('中关村是中国的硅谷')).toBeCloseTo(1.5);
  });
  it('stays within bounds and obeys an override', () => {
    expect(dwellSeconds('Hi', 'Short.')).toBe(MIN_DWELL_S);
    expect(dwellSeconds('Long', 'word '.repeat(1000))).toBe(MAX_DWELL_S);
    expect(dwellSeconds('T', 'word '.repeat(60))).toBe(21);
    expect(dwellSeconds('Hi', 'Short.', 0.2)).toBe(0.2);
  });
});

describe('watchdog notices', () => {
  it('ignores the late-resize notice but not a real error', () => {
    const notice = 'ResizeObserver loop completed with undelivered notifications.';
    expect(isBenignNotice({ message: notice, error: null })).toBe(true);
    expect(isBenignNotice({ message: notice, error: new Error(notice) })).toBe(false);
    expect(isBenignNotice({ message: 'Uncaught TypeError: x is undefined', error: null })).toBe(
      false,
    );
  });
});
