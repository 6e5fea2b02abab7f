// The kiosk soak, shared by `npm run bench` (thousands of step changes) and the short e2e
// test (tests/e2e/soak.spec.ts): one page in kiosk mode goes round a cycle that a real
// exhibit sees, and is measured at the same place after every few cycles.
//
// A cycle: the attract loop plays every step (goTo through the public API); a visitor
// touches the screen, presses Next twice, switches the language, jumps to a step, opens
// Explore and comes back with Resume story (the UI's buttons); then walks away, and the
// kiosk's own countdown resets it to its first step in its own language. Every sample is
// taken right after that reset: the first step, the attract phase, the exhibit's language,
// so DOM, map layers, sources and listeners can be compared like with like.
//
// `compareSamples` is pure (unit-tested in tests/unit/soak.test.ts); the rest drives a page.
import type { Page } from '@playwright/test';

/** What one sample records: where the page was, and what it held there. */
export interface SoakSample {
  /** Step changes (settled steps) since the soak started measuring. */
  changes: number;
  /** Where the page was: these must be the same in every sample. */
  step: number;
  phase: string;
  lang: string;
  heapBytes: number;
  domNodes: number;
  mapLayers: number;
  mapSources: number;
  /** CDP's JSEventListeners and Nodes (which counts detached nodes too). */
  jsEventListeners: number;
  nodes: number;
}

export type CountName = 'domNodes' | 'mapLayers' | 'mapSources' | 'jsEventListeners' | 'nodes';
export const COUNT_NAMES: readonly CountName[] = [
  'domNodes',
  'mapLayers',
  'mapSources',
  'jsEventListeners',
  'nodes',
];

export interface SoakComparison {
  samples: number;
  changes: number;
  /** Every sample was taken at the first sample's step, phase and language. */
  samePlace: boolean;
  /** Samples taken somewhere else (they are not compared). */
  elsewhere: { changes: number; step: number; phase: string; lang: string }[];
  heapGrowthBytes: number;
  /** Growth over the second half of the run: a cache that fills levels off, a leak does not. */
  heapGrowthSecondHalfBytes: number;
  counts: Record<
    CountName,
    { first: number; last: number; min: number; max: number; equal: boolean }
  >;
}

/**
 * Compares the samples taken at the first sample's place: heap growth from the first to the
 * last, and each count's first, last and range (`equal`: the same in every sample).
 */
export function compareSamples(samples: readonly SoakSample[]): SoakComparison {
  if (!samples.length) throw new Error('no soak samples');
  const first = samples[0]!;
  const here = (s: SoakSample) =>
    s.step === first.step && s.phase === first.phase && s.lang === first.lang;
  const same = samples.filter(here);
  const last = same[same.length - 1]!;
  const mid = same.find((s) => s.changes >= last.changes / 2) ?? last;
  const counts = {} as SoakComparison['counts'];
  for (const name of COUNT_NAMES) {
    const values = same.map((s) => s[name]);
    const min = Math.min(...values);
    const max = Math.max(...values);
    counts[name] = { first: first[name], last: last[name], min, max, equal: min === max };
  }
  return {
    samples: same.length,
    changes: last.changes,
    samePlace: same.length === samples.length,
    elsewhere: samples
      .filter((s) => !here(s))
      .map(({ changes, step, phase, lang }) => ({ changes, step, phase, lang })),
    heapGrowthBytes: last.heapBytes - first.heapBytes,
    heapGrowthSecondHalfBytes: last.heapBytes - mid.heapBytes,
    counts,
  };
}

// ---- driving the page ----------------------------------------------------------------------

/** Seconds of the kiosk's walk-away timers in the soak's URL; the loop itself never advances. */
export const SOAK_KIOSK = { idle: 3, countdown: 1, dwell: 600 } as const;

/** The query the soak opens the app with. */
export function soakQuery(kiosk = SOAK_KIOSK): string {
  return `?mode=kiosk&idle=${kiosk.idle}&countdown=${kiosk.countdown}&dwell=${kiosk.dwell}`;
}

/** Accessible names of the buttons a visitor presses, per language (from src/i18n/strings). */
export interface SoakButtons {
  next: Record<string, string>;
  explore: Record<string, string>;
  resume: Record<string, string>;
  /** The language button's visible text, per current language. */
  switchTo: Record<string, string>;
}

declare global {
  interface Window {
    __soakSettles: number[];
  }
}

/** Counts settled steps in the page; call once, before the app loads (an init script). */
export function soakProbe() {
  window.__soakSettles = [];
  document.addEventListener(
    'step-settled',
    (e) => window.__soakSettles.push((e as CustomEvent<{ index: number }>).detail.index),
    true,
  );
}

export interface SoakCycleResult {
  changes: number;
  /** UI steps that could not be done (a button not found), by name. */
  skipped: string[];
}

export class SoakDriver {
  readonly #timeout: number;
  /** Rejects when the page navigates (a kiosk's watchdog reloads it after an error). */
  readonly #reloaded: Promise<never>;
  constructor(
    readonly page: Page,
    readonly buttons: SoakButtons,
    { timeoutMs = 60_000 }: { timeoutMs?: number } = {},
  ) {
    this.#timeout = timeoutMs;
    // `load`, not `framenavigated`: the app writes its URL with history.replaceState.
    this.#reloaded = new Promise<never>((_, reject) =>
      page.on('load', () => reject(new Error(`the page reloaded during the soak (${page.url()})`))),
    );
    this.#reloaded.catch(() => undefined);
  }

  /** `wait`, unless the page reloads first. */
  #unlessReloaded<T>(wait: Promise<T>): Promise<T> {
    return Promise.race([wait, this.#reloaded]);
  }

  settles(): Promise<number> {
    return this.page.evaluate(() => window.__soakSettles.length);
  }

  /**
   * Waits for a settle of step `index` after the first `after` settles. A `visitor` keeps
   * touching meanwhile, as one does: on a slow machine a step can take longer to settle than
   * the kiosk waits before it starts the walk-away countdown.
   */
  async settledAfter(after: number, index: number, { visitor = false } = {}) {
    if (!visitor) {
      await this.#unlessReloaded(
        this.page.waitForFunction(
          ([n, i]) => window.__soakSettles.slice(n).includes(i),
          [after, index] as const,
          { timeout: this.#timeout, polling: 50 },
        ),
      );
      return;
    }
    const deadline = Date.now() + this.#timeout;
    const settled = () =>
      this.page.evaluate(([n, i]) => window.__soakSettles.slice(n).includes(i), [
        after,
        index,
      ] as const);
    while (!(await this.#unlessReloaded(settled()))) {
      if (Date.now() > deadline) throw new Error(`step ${index} did not settle`);
      await this.touch();
      await this.page.waitForTimeout(250);
    }
  }

  /** Does `act` and waits until step `index` has settled after it. */
  async settle(index: number, act: () => Promise<unknown>, opts: { visitor?: boolean } = {}) {
    const before = await this.settles();
    await act();
    await this.settledAfter(before, index, opts);
  }

  goTo(index: number, opts: { visitor?: boolean } = {}) {
    return this.settle(
      index,
      () => this.page.evaluate((i) => document.querySelector('story-map')!.goTo(i), index),
      opts,
    );
  }

  /** Input the kiosk sees as a visitor (it keeps the walk-away timer from running out). */
  touch() {
    return this.page.evaluate(() => window.dispatchEvent(new PointerEvent('pointerdown')));
  }

  /**
   * Where the page is, read through `<story-map>`'s public members and what it shows (its
   * internal state is not the benchmark's business): the step, the kiosk overlay's phase
   * (attract, visitor, countdown), whether the explore panel is open, the language.
   */
  where() {
    return this.page.evaluate(() => {
      const el = document.querySelector('story-map')!;
      const root = el.shadowRoot;
      const overlay = root?.querySelector('kiosk-overlay') as { phase?: string } | null;
      const exploring = !!root?.querySelector('explore-panel');
      return {
        step: el.stepIndex,
        phase: overlay ? `kiosk-${overlay.phase}` : exploring ? 'explore' : 'story',
        exploring,
        lang: el.lang,
      };
    });
  }

  /** Waits for `done`, touching the screen meanwhile (see `settledAfter`). */
  async #visiting(done: Promise<unknown>) {
    let finished = false;
    void done.finally(() => (finished = true));
    while (!finished) {
      await this.touch();
      await Promise.race([done, this.page.waitForTimeout(250)]);
    }
    await done;
  }

  /** Presses the button whose accessible name is, or (a RegExp) contains, `name`. */
  async #press(name: string | RegExp): Promise<boolean> {
    await this.touch();
    const button = this.page.getByRole('button', { name, exact: typeof name === 'string' });
    try {
      await button.first().click({ timeout: 10_000 });
      return true;
    } catch {
      return false;
    }
  }

  /** One cycle, from the first step in the attract loop back to it; see the file's head. */
  async cycle(): Promise<SoakCycleResult> {
    const steps = await this.page.evaluate(() => document.querySelector('story-map')!.steps.length);
    const skipped: string[] = [];
    let changes = 0;
    // The probe's own record must not grow the heap being measured.
    await this.page.evaluate(() => (window.__soakSettles.length = 0));
    // The attract loop: every step, back to the first.
    for (let i = 1; i <= steps; i++) {
      await this.goTo(i % steps);
      changes += 1;
    }
    // A visitor.
    const b = this.buttons;
    await this.touch();
    for (const to of [1, 2]) {
      const lang = (await this.where()).lang;
      const before = await this.settles();
      if (await this.#press(b.next[lang]!)) {
        await this.settledAfter(before, to, { visitor: true });
        changes += 1;
      } else skipped.push('next');
    }
    const lang = (await this.where()).lang;
    // Its name is the other language's name and what it does: "中文 (Switch to Chinese)".
    const switchTo = b.switchTo[lang]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (await this.#press(new RegExp(`^${switchTo}`)))
      await this.page.waitForFunction(
        (l) => document.querySelector('story-map')!.lang !== l,
        lang,
        { timeout: this.#timeout },
      );
    else skipped.push('language');
    const middle = Math.min(steps - 1, 5);
    await this.touch();
    await this.goTo(middle, { visitor: true });
    changes += 1;
    const now = (await this.where()).lang;
    if (await this.#press(b.explore[now]!)) {
      await this.page.waitForFunction(
        () => {
          const root = document.querySelector('story-map')!.shadowRoot;
          return !!root?.querySelector('kiosk-overlay') && !!root.querySelector('explore-panel');
        },
        null,
        { timeout: this.#timeout },
      );
      await this.#visiting(
        this.page.evaluate(
          () =>
            new Promise<void>((resolve) => {
              const map = document.querySelector('story-map')!.map!;
              map.once('idle', () => resolve());
              map.triggerRepaint();
            }),
        ),
      );
      const before = await this.settles();
      if (await this.#press(b.resume[now]!)) {
        await this.settledAfter(before, middle, { visitor: true });
        changes += 1;
      } else skipped.push('resume');
    } else skipped.push('explore');
    // The visitor walks away: the countdown runs out and the kiosk resets itself.
    const before = await this.settles();
    await this.#unlessReloaded(
      this.page.waitForFunction(
        ([n]) => window.__soakSettles.slice(n).includes(0),
        [before] as const,
        { timeout: this.#timeout + 1000 * (SOAK_KIOSK.idle + SOAK_KIOSK.countdown), polling: 100 },
      ),
    );
    changes += 1;
    return { changes, skipped };
  }
}
