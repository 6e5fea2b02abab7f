import { describe, expect, it } from 'vitest';
import { IdleTimer, type Clock, type KioskPhase } from '../../src/kiosk/idle-timer';
import { dwellSeconds, readingSeconds, MAX_DWELL_S, MIN_DWELL_S } from '../../src/kiosk/dwell';

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

function setup() {
  const clock = new FakeClock();
  const phases: KioskPhase[] = [];
  let resets = 0;
  const timer = new IdleTimer({
    idleMs: 60_000,
    countdownMs: 15_000,
    clock,
    onPhase: (p) => phases.push(p),
    onReset: () => (resets += 1),
  });
  return { clock, phases, timer, resets: () => resets };
}

describe('IdleTimer', () => {
  it('starts in attract and becomes active on input', () => {
    const { timer, phases } = setup();
    expect(timer.phase).toBe('attract');
    timer.input();
    expect(phases).toEqual(['active']);
  });

  it('counts down after the idle time, then resets to attract', () => {
    const { timer, clock, phases, resets } = setup();
    timer.input();
    clock.advance(59_999);
    expect(timer.phase).toBe('active');
    clock.advance(1);
    expect(timer.phase).toBe('countdown');
    expect(timer.secondsLeft).toBe(15);
    clock.advance(10_500);
    expect(timer.secondsLeft).toBe(5);
    clock.advance(4_500);
    expect(timer.phase).toBe('attract');
    expect(resets()).toBe(1);
    expect(phases).toEqual(['active', 'countdown', 'attract']);
  });

  it('any input during the countdown cancels it', () => {
    const { timer, clock, resets } = setup();
    timer.input();
    clock.advance(65_000);
    expect(timer.phase).toBe('countdown');
    timer.input();
    expect(timer.phase).toBe('active');
    clock.advance(30_000);
    expect(resets()).toBe(0);
    expect(timer.phase).toBe('active');
  });

  it('input keeps pushing the idle time back', () => {
    const { timer, clock } = setup();
    timer.input();
    clock.advance(50_000);
    timer.input();
    clock.advance(50_000);
    expect(timer.phase).toBe('active');
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
