// The kiosk's presence logic: attract (nobody there) → active (a visitor) → countdown
// ("Still there?") → attract. Time is injected, so the state machine is tested without waiting.

export type KioskPhase = 'attract' | 'active' | 'countdown';

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface IdleTimerOptions {
  idleMs: number;
  countdownMs: number;
  onPhase: (phase: KioskPhase) => void;
  /** Called when the countdown ran out: reset everything. */
  onReset: () => void;
  clock?: Clock;
}

export class IdleTimer {
  #phase: KioskPhase = 'attract';
  #timer: unknown;
  #countdownEndsAt = 0;
  readonly #clock: Clock;

  constructor(private readonly opts: IdleTimerOptions) {
    this.#clock = opts.clock ?? realClock;
  }

  get phase(): KioskPhase {
    return this.#phase;
  }

  /** Whole seconds left on the countdown (0 outside it). */
  get secondsLeft(): number {
    if (this.#phase !== 'countdown') return 0;
    return Math.max(0, Math.ceil((this.#countdownEndsAt - this.#clock.now()) / 1000));
  }

  /** Any touch, click or key: a visitor is here. */
  input() {
    this.#set('active');
    this.#schedule(this.opts.idleMs, () => this.#startCountdown());
  }

  #startCountdown() {
    this.#countdownEndsAt = this.#clock.now() + this.opts.countdownMs;
    this.#set('countdown');
    this.#schedule(this.opts.countdownMs, () => {
      this.#set('attract');
      this.opts.onReset();
    });
  }

  #schedule(ms: number, fn: () => void) {
    this.#clock.clearTimeout(this.#timer);
    this.#timer = this.#clock.setTimeout(fn, ms);
  }

  #set(phase: KioskPhase) {
    if (phase === this.#phase) return;
    this.#phase = phase;
    this.opts.onPhase(phase);
  }

  stop() {
    this.#clock.clearTimeout(this.#timer);
  }
}
