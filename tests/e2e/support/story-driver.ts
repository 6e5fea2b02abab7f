// Domain actions on the story app, so specs read like the reader's path.
import { expect, type Locator, type Page } from '@playwright/test';
import type { StoryEvent } from './app';

export interface MapState {
  center: [number, number];
  zoom: number;
  visibleLayers: string[];
  highlighted: string[];
  yearFilterYear: number | null;
}

export class StoryDriver {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.locator('story-map');
  }

  card(): Locator {
    return this.page.locator('step-card');
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }

  /** Opens the app with query parameters, waiting for the story to be ready. */
  async open(params: Record<string, string> = {}, { waitForReady = true } = {}) {
    const query = new URLSearchParams(params).toString();
    await this.page.goto(query ? `./?${query}` : './');
    if (waitForReady) await this.waitForEvent('story-ready');
  }

  /** A fixture story served by the test helper from tests/fixtures/. */
  async openFixture(name: string, params: Record<string, string> = {}) {
    await this.open({ story: `fixtures/${name}`, ...params });
  }

  async events(): Promise<StoryEvent[]> {
    return this.page.evaluate(() => window.__storyEvents);
  }

  async waitForEvent(type: string, id?: string) {
    await this.page.waitForFunction(
      ([t, i]) => window.__storyEvents.some((e) => e.type === t && (i === null || e.id === i)),
      [type, id ?? null] as const,
      { timeout: 60_000 },
    );
  }

  async waitForSettled(id: string) {
    await this.waitForEvent('step-settled', id);
  }

  async clearEvents() {
    await this.page.evaluate(() => (window.__storyEvents = []));
  }

  async stepIndex(): Promise<number> {
    return this.page.evaluate(() => document.querySelector('story-map')!.stepIndex);
  }

  async stepIds(): Promise<string[]> {
    return this.page.evaluate(() => document.querySelector('story-map')!.steps.map((s) => s.id));
  }

  async next() {
    await this.button('Next').click();
  }

  async prev() {
    await this.button('Previous').click();
  }

  async goTo(target: number | string) {
    await this.page.evaluate((t) => document.querySelector('story-map')!.goTo(t), target);
  }

  /** The map's state as the reader sees it: camera, visible story layers, highlights, year. */
  async mapState(): Promise<MapState> {
    return this.page.evaluate(() => {
      const map = document.querySelector('story-map')!.map!;
      const layers = map
        .getStyle()
        .layers.filter(
          (l) =>
            'source' in l &&
            String(l.source).startsWith('story-') &&
            /-(circle|line|fill)$/.test(l.id),
        );
      const visible = new Set(
        layers
          .filter((l) => map.getLayoutProperty(l.id, 'visibility') === 'visible')
          .map((l) => l.id.replace(/-(circle|line|fill)$/, '')),
      );
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
        center: [Number(c.lng.toFixed(4)), Number(c.lat.toFixed(4))] as [number, number],
        zoom: Number(map.getZoom().toFixed(2)),
        visibleLayers: [...visible].sort(),
        highlighted: highlighted.sort(),
        yearFilterYear: m ? Number(m[1]) : null,
      };
    });
  }

  /** Number of distinct colours in a sample of the map canvas: 1 means blank. */
  async canvasColours(): Promise<number> {
    return this.page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const map = document.querySelector('story-map')!.map!;
          map.once('render', () => {
            const src = map.getCanvas();
            const c = document.createElement('canvas');
            c.width = 64;
            c.height = 64;
            const ctx = c.getContext('2d')!;
            ctx.drawImage(src, 0, 0, 64, 64);
            const data = ctx.getImageData(0, 0, 64, 64).data;
            const colours = new Set<string>();
            for (let i = 0; i < data.length; i += 4)
              colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
            resolve(colours.size);
          });
          map.triggerRepaint();
        }),
    );
  }

  async expectUrlParam(key: string, value: string | null) {
    await expect.poll(() => new URL(this.page.url()).searchParams.get(key)).toBe(value);
  }
}
