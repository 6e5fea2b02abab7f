// Domain actions on a scroll reader (<story-map mode="scroll"> in a page): read on by wheel
// or finger, jump to a step's block, stop part-way between two blocks; what the map shows.
import { expect, type Frame, type Page } from '@playwright/test';
import { READING_LINE, MIN_TRANSITION } from '../../../src/story/scroll-position';
import { nextFrames, wheel } from './scrolling';

export interface Camera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

export interface ScrollReaderState {
  step: number;
  camera: Camera;
  visibleLayers: string[];
  highlighted: string[];
  year: number | null;
}

export class ScrollReaderDriver {
  /** `nth`: which <story-map> of the page (or frame) this driver reads. */
  constructor(
    readonly target: Page | Frame,
    readonly nth = 0,
  ) {}

  get page(): Page {
    return 'page' in this.target ? this.target.page() : this.target;
  }

  /** The app's own page in scroll mode (sync-url), on a fixture story. */
  static async openApp(page: Page, params: Record<string, string> = {}) {
    await page.goto(`./?${new URLSearchParams({ mode: 'scroll', ...params }).toString()}`);
    const reader = new ScrollReaderDriver(page);
    await reader.waitForStep();
    return reader;
  }

  /** Steps made active, in order, recorded on this element since `record()`. */
  async record() {
    await this.target.evaluate((n) => {
      const el = document.querySelectorAll('story-map')[n]! as HTMLElement & {
        __changes?: number[];
        __settled?: number[];
      };
      el.__changes = [];
      el.__settled = [];
      el.addEventListener('step-change', (e) => el.__changes!.push(e.detail.index));
      el.addEventListener('step-settled', (e) => el.__settled!.push(e.detail.index));
    }, this.nth);
  }

  async changes(): Promise<number[]> {
    return this.target.evaluate(
      (n) =>
        (document.querySelectorAll('story-map')[n] as unknown as { __changes: number[] }).__changes,
      this.nth,
    );
  }

  async settledSteps(): Promise<number[]> {
    return this.target.evaluate(
      (n) =>
        (document.querySelectorAll('story-map')[n] as unknown as { __settled: number[] }).__settled,
      this.nth,
    );
  }

  async waitForStep(min = 0) {
    await this.target.waitForFunction(
      ([n, m]) => (document.querySelectorAll('story-map')[n]?.stepIndex ?? -1) >= m,
      [this.nth, min] as const,
      { timeout: 90_000 },
    );
  }

  async stepCount(): Promise<number> {
    return this.target.evaluate(
      (n) => document.querySelectorAll('story-map')[n]!.steps.length,
      this.nth,
    );
  }

  async stepIndex(): Promise<number> {
    return this.target.evaluate(
      (n) => document.querySelectorAll('story-map')[n]!.stepIndex,
      this.nth,
    );
  }

  /** Waits until step `index` is settled on the map (its camera, layers and year in place, map idle). */
  async waitForSettled(index: number) {
    await this.target.waitForFunction(
      ([n, i]) => {
        const el = document.querySelectorAll('story-map')[n] as unknown as { __settled?: number[] };
        return el.__settled?.at(-1) === i;
      },
      [this.nth, index] as const,
      { timeout: 90_000 },
    );
  }

  /** The blocks' boxes, relative to the viewport. */
  async blocks(): Promise<{ top: number; bottom: number }[]> {
    return this.target.evaluate((n) => {
      const el = document.querySelectorAll('story-map')[n]!;
      const reader = el.shadowRoot!.querySelector('scroll-reader')!;
      return reader.blockBoxes();
    }, this.nth);
  }

  async viewportHeight(): Promise<number> {
    return this.target.evaluate(() => innerHeight);
  }

  /** Scrolls the page by `dy` at once, as a link to an anchor or the End key would. */
  async jumpBy(dy: number) {
    await this.target.evaluate((d) => window.scrollBy({ top: d, behavior: 'instant' }), dy);
    await nextFrames(this.target, 2);
  }

  /** Jumps so that step `index`'s block is just past the reading line. */
  async jumpToBlock(index: number) {
    const block = (await this.blocks())[index]!;
    await this.jumpBy(block.top - (await this.viewportHeight()) * READING_LINE + 2);
  }

  /**
   * Jumps to the point `fraction` of the way through the transition from step `index` to the
   * next (between the end of its block and the next block's top at the reading line).
   */
  async jumpBetween(index: number, fraction: number) {
    const vh = await this.viewportHeight();
    const blocks = await this.blocks();
    const here = blocks[index]!;
    const end = blocks[index + 1]!.top;
    const start = Math.max(here.top, Math.min(here.bottom, end - vh * MIN_TRANSITION));
    await this.jumpBy(start + fraction * (end - start) - vh * READING_LINE);
  }

  /** Reads on with the wheel, `dy` px a notch, until the page ends or `until` says stop. */
  async readOnByWheel(dy: number, until: () => Promise<boolean>, maxNotches = 400) {
    for (let i = 0; i < maxNotches; i++) {
      if (await until()) return;
      await wheel(this.page, dy);
    }
    throw new Error('still reading after the last wheel notch');
  }

  /** What the map shows now: step, camera, visible story layers, highlights, year filter. */
  async state(): Promise<ScrollReaderState> {
    return this.target.evaluate((n) => {
      const el = document.querySelectorAll('story-map')[n]!;
      const map = el.map!;
      const layers = map
        .getStyle()
        .layers.filter(
          (l) =>
            'source' in l &&
            String(l.source).startsWith('story-') &&
            /-(circle|line|fill)$/.test(l.id),
        );
      const visible = layers
        .filter((l) => map.getLayoutProperty(l.id, 'visibility') === 'visible')
        .map((l) => l.id.replace(/-(circle|line|fill)$/, ''));
      const highlighted: string[] = [];
      for (const [id, source] of Object.entries(map.getStyle().sources)) {
        if (!id.startsWith('story-') || source.type !== 'geojson') continue;
        const data = source.data as { features?: { properties?: { id?: string } }[] };
        for (const f of data.features ?? []) {
          const fid = f.properties?.id;
          if (fid && map.getFeatureState({ source: id, id: fid }).highlight) highlighted.push(fid);
        }
      }
      const anyFilter = layers[0] ? JSON.stringify(map.getFilter(layers[0].id)) : '';
      const m = /"since"\],-100000\]\],(\d+)\]/.exec(anyFilter);
      const c = map.getCenter();
      return {
        step: el.stepIndex,
        camera: {
          center: [Number(c.lng.toFixed(5)), Number(c.lat.toFixed(5))] as [number, number],
          zoom: Number(map.getZoom().toFixed(3)),
          bearing: Number(map.getBearing().toFixed(2)),
          pitch: Number(map.getPitch().toFixed(2)),
        },
        visibleLayers: [...new Set(visible)].sort(),
        highlighted: highlighted.sort(),
        year: m ? Number(m[1]) : null,
      };
    }, this.nth);
  }

  /** The index of the block whose top is nearest the reading line. */
  async blockAtReadingLine(): Promise<number> {
    const vh = await this.viewportHeight();
    const blocks = await this.blocks();
    const line = vh * READING_LINE;
    let best = 0;
    blocks.forEach((b, i) => {
      if (Math.abs(b.top - line) < Math.abs(blocks[best]!.top - line)) best = i;
    });
    return best;
  }

  async expectStep(index: number) {
    await expect.poll(() => this.stepIndex(), { timeout: 60_000 }).toBe(index);
  }
}
