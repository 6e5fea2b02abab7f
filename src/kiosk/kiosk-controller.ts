// Kiosk mode as a Lit reactive controller. It reads the kiosk phase from the app state and
// turns touches and time into app events: a visitor's first touch, the walk-away countdown,
// the reset, the attract loop's next step. While the element is a kiosk it also locks the
// page down and runs the watchdog. Time is injected, so all of it is tested without waiting.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AppEvent, AppState, Presence } from '../app/app-state';
import { applyLockdown } from './lockdown';
import { installWatchdog, type Watchdog } from './watchdog';
import { dwellSeconds } from './dwell';
import { realClock, type Clock } from './clock';

export interface KioskHost extends ReactiveControllerHost {
  readonly appState: AppState;
  /** A step's text in the current language, for how long the loop dwells on it. */
  stepText(index: number): { title: string; body: string };
  dispatch(event: AppEvent): void;
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

export class KioskController implements ReactiveController {
  readonly #clock: Clock;
  readonly #input: EventTarget;
  #running = false;
  #presence: Presence | undefined;
  /** The run the attract loop is dwelling on, so each settled step arms one dwell. */
  #dwellingOn = -1;
  #timer: unknown;
  #dwell: unknown;
  #stall: unknown;
  #tick: ReturnType<typeof setInterval> | undefined;
  #undoLockdown: (() => void) | undefined;
  #watchdog: Watchdog | undefined;

  constructor(
    private readonly host: KioskHost,
    private readonly options: () => KioskOptions,
    private readonly deps: KioskDeps = {},
  ) {
    this.#clock = deps.clock ?? realClock;
    this.#input = deps.input ?? window;
    host.addController(this);
  }

  /** Whole seconds left on the walk-away countdown (0 outside it). */
  get secondsLeft(): number {
    const { phase } = this.host.appState;
    if (phase.name !== 'kiosk' || phase.presence !== 'countdown') return 0;
    const endsAt = phase.countdownEndsAt ?? this.#clock.now();
    return Math.max(0, Math.ceil((endsAt - this.#clock.now()) / 1000));
  }

  hostUpdated() {
    const state = this.host.appState;
    const { phase } = state;
    if (phase.name !== 'kiosk') {
      if (this.#running) this.#stop();
      return;
    }
    if (!this.#running) this.#start();
    if (phase.presence !== this.#presence) {
      this.#presence = phase.presence;
      this.#enter(phase.presence, phase.countdownEndsAt);
    }
    if (
      phase.presence === 'attract' &&
      state.load === 'ready' &&
      state.settled === state.run &&
      this.#dwellingOn !== state.run
    ) {
      this.#dwellingOn = state.run;
      this.#armStallCheck();
      const text = this.host.stepText(state.step);
      const seconds = dwellSeconds(text.title, text.body, this.options().dwellSeconds);
      this.#dwell = this.#after(this.#dwell, seconds * 1000, () =>
        this.host.dispatch({ type: 'kiosk-advance' }),
      );
    }
  }

  hostDisconnected() {
    this.#stop();
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
    this.#presence = undefined;
    this.#dwellingOn = -1;
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
        this.host.dispatch({ type: 'kiosk-timeout' }),
      );
      this.#tick = setInterval(() => this.host.requestUpdate(), COUNTDOWN_TICK_MS);
    } else {
      this.#clock.clearTimeout(this.#timer);
      this.#dwellingOn = -1;
      this.#armStallCheck();
    }
  }

  #armIdle(idleSeconds: number, countdownSeconds: number) {
    this.#timer = this.#after(this.#timer, idleSeconds * 1000, () =>
      this.host.dispatch({
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
    if (this.#presence === 'visitor') {
      const { idleSeconds, countdownSeconds } = this.options();
      this.#armIdle(idleSeconds, countdownSeconds);
    } else this.host.dispatch({ type: 'kiosk-input' });
  };

  /** If the loop stops advancing (a step that never settles), the watchdog reloads. */
  #armStallCheck() {
    const limitMs = Math.max(90_000, 3 * 1000 * (this.options().dwellSeconds ?? 40));
    this.#stall = this.#after(this.#stall, limitMs, () => {
      if (this.#presence === 'attract') this.#watchdog?.trip('attract loop stalled');
    });
  }

  #after(previous: unknown, ms: number, fn: () => void): unknown {
    this.#clock.clearTimeout(previous);
    return this.#clock.setTimeout(fn, ms);
  }
}
