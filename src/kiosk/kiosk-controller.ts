// Kiosk mode: the attract loop, takeover by a visitor, the walk-away countdown and reset,
// lockdown and the watchdog. <story-map> creates one when mode is 'kiosk'.
import { IdleTimer, type KioskPhase } from './idle-timer';
import { applyLockdown } from './lockdown';
import { installWatchdog, type Watchdog } from './watchdog';
import { dwellSeconds } from './dwell';

export interface KioskHost {
  element: HTMLElement;
  stepCount(): number;
  stepIndex(): number;
  stepText(index: number): { title: string; body: string };
  goTo(index: number): void;
  /** Back to the exhibit's defaults: language, story mode, closed panels, first step. */
  reset(): void;
  requestUpdate(): void;
}

export interface KioskOptions {
  idleSeconds: number;
  countdownSeconds: number;
  /** Fixed seconds per step (?dwell=); derived from each step's text when absent. */
  dwellSeconds?: number;
}

const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export class KioskController {
  #timer: IdleTimer;
  #dwell: ReturnType<typeof setTimeout> | undefined;
  #stall: ReturnType<typeof setTimeout> | undefined;
  #tick: ReturnType<typeof setInterval> | undefined;
  #undoLockdown: (() => void) | undefined;
  #watchdog: Watchdog | undefined;

  constructor(
    private readonly host: KioskHost,
    private readonly options: KioskOptions,
  ) {
    this.#timer = new IdleTimer({
      idleMs: options.idleSeconds * 1000,
      countdownMs: options.countdownSeconds * 1000,
      onPhase: (phase) => this.#onPhase(phase),
      onReset: () => this.host.reset(),
    });
  }

  get phase(): KioskPhase {
    return this.#timer.phase;
  }

  get secondsLeft(): number {
    return this.#timer.secondsLeft;
  }

  start() {
    for (const type of INPUT_EVENTS)
      window.addEventListener(type, this.#onInput, { capture: true, passive: true });
    this.host.element.addEventListener('step-settled', this.#onSettled);
    this.#undoLockdown = applyLockdown();
    this.#watchdog = installWatchdog();
    this.#armStallCheck();
  }

  stop() {
    for (const type of INPUT_EVENTS)
      window.removeEventListener(type, this.#onInput, { capture: true });
    this.host.element.removeEventListener('step-settled', this.#onSettled);
    this.#timer.stop();
    clearTimeout(this.#dwell);
    clearTimeout(this.#stall);
    clearInterval(this.#tick);
    this.#undoLockdown?.();
    this.#watchdog?.dispose();
  }

  /**
   * A visitor touched, clicked or pressed a key: the loop stops at once. The attract screen's
   * own controls (the language choice, marked data-kiosk-attract) keep the loop playing.
   */
  #onInput = (e: Event) => {
    if (
      e.composedPath().some((t) => t instanceof HTMLElement && t.dataset.kioskAttract !== undefined)
    )
      return;
    clearTimeout(this.#dwell);
    this.#timer.input();
  };

  #onSettled = (e: Event) => {
    if (this.phase !== 'attract') return;
    this.#armStallCheck();
    const index = (e as CustomEvent<{ index: number }>).detail.index;
    const text = this.host.stepText(index);
    const seconds = dwellSeconds(text.title, text.body, this.options.dwellSeconds);
    clearTimeout(this.#dwell);
    this.#dwell = setTimeout(() => {
      if (this.phase !== 'attract') return;
      const next = this.host.stepIndex() + 1;
      this.host.goTo(next >= this.host.stepCount() ? 0 : next);
    }, seconds * 1000);
  };

  /** If the loop stops advancing (a step that never settles), the watchdog reloads. */
  #armStallCheck() {
    clearTimeout(this.#stall);
    const limitMs = Math.max(90_000, 3 * 1000 * (this.options.dwellSeconds ?? 40));
    this.#stall = setTimeout(() => {
      if (this.phase === 'attract') this.#watchdog?.trip('attract loop stalled');
    }, limitMs);
  }

  #onPhase(phase: KioskPhase) {
    clearInterval(this.#tick);
    if (phase === 'countdown') this.#tick = setInterval(() => this.host.requestUpdate(), 250);
    if (phase === 'attract') this.#armStallCheck();
    else clearTimeout(this.#stall);
    this.host.requestUpdate();
  }
}
