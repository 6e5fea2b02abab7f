// Kiosk mode as a Lit reactive controller. It follows the kiosk phase through the app
// state's changes and turns touches and time into app events: a visitor's first touch, the
// walk-away countdown, the reset, the attract loop's next step. While the element is a kiosk
// it also locks the page down and runs the watchdog. Time is injected, so all of it is
// tested without waiting.
import type { ReactiveController } from 'lit';
import type { AppState, Presence } from '../app/app-state';
import { stepTextOf } from '../app/derive';
import type { Shell, StateListener } from '../app/shell';
import { applyLockdown } from './lockdown';
import { installWatchdog, type Watchdog } from './watchdog';
import { dwellSeconds } from './dwell';
import { realClock, type Clock } from './clock';

/** What the kiosk needs of the shell (a fake in the unit tests). */
export type KioskShell = Pick<Shell, 'state' | 'dispatch' | 'listen'> & {
  readonly host: Shell['host'] | KioskTestHost;
};

/** The least of a Lit host the controller uses. */
interface KioskTestHost {
  addController(controller: ReactiveController): void;
  requestUpdate(): void;
  readonly isConnected: boolean;
}

export interface KioskOptions {
  idleSeconds: number;
  countdownSeconds: number;
  /** Fixed seconds per step (?dwell=); derived from each step's text when absent. */
  dwellSeconds?: number;
}

export interface KioskDeps {
  clock?: Clock;
  /** Where visitors' input arrives (the window). */
  input?: EventTarget;
  lockdown?: () => () => void;
  watchdog?: () => Watchdog;
}

const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
const COUNTDOWN_TICK_MS = 250;

export class KioskController implements ReactiveController, StateListener {
  readonly #clock: Clock;
  readonly #input: EventTarget;
  #running = false;
  #timer: unknown;
  #dwell: unknown;
  #stall: unknown;
  #tick: ReturnType<typeof setInterval> | undefined;
  #undoLockdown: (() => void) | undefined;
  #watchdog: Watchdog | undefined;

  constructor(
    private readonly shell: KioskShell,
    private readonly options: () => KioskOptions,
    private readonly deps: KioskDeps = {},
  ) {
    this.#clock = deps.clock ?? realClock;
    this.#input = deps.input ?? window;
    shell.host.addController(this);
    shell.listen(this);
  }

  /** Whole seconds left on the walk-away countdown (0 outside it). */
  get secondsLeft(): number {
    const { phase } = this.shell.state();
    if (phase.name !== 'kiosk' || phase.presence !== 'countdown') return 0;
    const endsAt = phase.countdownEndsAt ?? this.#clock.now();
    return Math.max(0, Math.ceil((endsAt - this.#clock.now()) / 1000));
  }

  hostConnected() {
    // On the page again (or for the first time): a kiosk starts from where the state is.
    this.#follow(undefined, this.shell.state());
  }

  hostDisconnected() {
    this.#stop();
  }

  stateChanged(prev: AppState, next: AppState) {
    this.#follow(prev, next);
  }

  /** `prev` undefined: the controller was not running, so every part of `next` is new to it. */
  #follow(prev: AppState | undefined, next: AppState) {
    const { phase } = next;
    if (phase.name !== 'kiosk' || !this.shell.host.isConnected) {
      if (this.#running) this.#stop();
      return;
    }
    const was = this.#running && prev?.phase.name === 'kiosk' ? prev : undefined;
    if (!this.#running) this.#start();
    const before = was?.phase.name === 'kiosk' ? was.phase.presence : undefined;
    if (phase.presence !== before) this.#enter(phase.presence, phase.countdownEndsAt);
    // Each step the attract loop settles on arms one dwell.
    const settledNow =
      next.load === 'ready' &&
      next.settled === next.run &&
      (was === undefined || was.settled !== next.settled || before !== 'attract');
    if (phase.presence === 'attract' && settledNow) {
      this.#armStallCheck();
      const text = stepTextOf(next, next.step);
      const seconds = dwellSeconds(text.title, text.body, this.options().dwellSeconds);
      this.#dwell = this.#after(this.#dwell, seconds * 1000, () =>
        this.shell.dispatch({ type: 'kiosk-advance' }),
      );
    }
  }

  #start() {
    this.#running = true;
    for (const type of INPUT_EVENTS)
      this.#input.addEventListener(type, this.#onInput, { capture: true, passive: true });
    this.#undoLockdown = (this.deps.lockdown ?? applyLockdown)();
    this.#watchdog = (this.deps.watchdog ?? installWatchdog)();
  }

  #stop() {
    this.#running = false;
    for (const type of INPUT_EVENTS)
      this.#input.removeEventListener(type, this.#onInput, { capture: true });
    for (const t of [this.#timer, this.#dwell, this.#stall]) this.#clock.clearTimeout(t);
    clearInterval(this.#tick);
    this.#undoLockdown?.();
    this.#undoLockdown = undefined;
    this.#watchdog?.dispose();
    this.#watchdog = undefined;
  }

  #enter(presence: Presence, countdownEndsAt: number | undefined) {
    clearInterval(this.#tick);
    this.#clock.clearTimeout(this.#dwell);
    const { idleSeconds, countdownSeconds } = this.options();
    if (presence === 'visitor') {
      this.#clock.clearTimeout(this.#stall);
      this.#armIdle(idleSeconds, countdownSeconds);
    } else if (presence === 'countdown') {
      const left = Math.max(0, (countdownEndsAt ?? this.#clock.now()) - this.#clock.now());
      this.#timer = this.#after(this.#timer, left, () =>
        this.shell.dispatch({ type: 'kiosk-timeout' }),
      );
      this.#tick = setInterval(() => this.shell.host.requestUpdate(), COUNTDOWN_TICK_MS);
    } else {
      this.#clock.clearTimeout(this.#timer);
      this.#armStallCheck();
    }
  }

  #armIdle(idleSeconds: number, countdownSeconds: number) {
    this.#timer = this.#after(this.#timer, idleSeconds * 1000, () =>
      this.shell.dispatch({
        type: 'kiosk-idle',
        countdownEndsAt: this.#clock.now() + countdownSeconds * 1000,
      }),
    );
  }

  /**
   * A visitor touched, clicked or pressed a key: the loop stops at once and the idle time
   * starts again. The attract screen's own controls (the language choice, marked
   * data-kiosk-attract) keep the loop playing.
   */
  #onInput = (e: Event) => {
    const fromAttractControl = e
      .composedPath()
      .some((t) => (t as Partial<HTMLElement>).dataset?.kioskAttract !== undefined);
    if (fromAttractControl) return;
    this.#clock.clearTimeout(this.#dwell);
    const { phase } = this.shell.state();
    if (phase.name === 'kiosk' && phase.presence === 'visitor') {
      const { idleSeconds, countdownSeconds } = this.options();
      this.#armIdle(idleSeconds, countdownSeconds);
    } else this.shell.dispatch({ type: 'kiosk-input' });
  };

  /** If the loop stops advancing (a step that never settles), the watchdog reloads. */
  #armStallCheck() {
    const limitMs = Math.max(90_000, 3 * 1000 * (this.options().dwellSeconds ?? 40));
    this.#stall = this.#after(this.#stall, limitMs, () => {
      const { phase } = this.shell.state();
      if (phase.name === 'kiosk' && phase.presence === 'attract')
        this.#watchdog?.trip('attract loop stalled');
    });
  }

  #after(previous: unknown, ms: number, fn: () => void): unknown {
    this.#clock.clearTimeout(previous);
    return this.#clock.setTimeout(fn, ms);
  }
}
