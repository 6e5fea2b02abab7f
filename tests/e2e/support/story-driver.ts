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

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What a screen shows, measured: the overlays, the card's text, the step's subjects. */
export interface Layout {
  viewport: { width: number; height: number };
  /** The map's own box and the boxes of everything drawn over or beside it. */
  map: Box;
  overlays: Record<string, Box>;
  timelineHeight: number;
  card: {
    /** Pixels of text hidden below the card's fold (0: it all shows). */
    hidden: number;
    bodyPx: number;
    lineHeight: number;
    /** Average characters per full line of the step's text. */
    charsPerLine: number;
  } | null;
  /** Each highlighted feature's centre on screen (undefined: not drawn in view). */
  subjects: { id: string; x: number; y: number }[];
}

export class StoryDriver {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.locator('story-map');
  }

  card(): Locator {
    return this.page.locator('step-card');
  }

  /** The element's own announcer: what a screen reader hears at each step change. */
  announcer(): Locator {
    return this.root.locator('.sr-only[aria-live=polite]');
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

  /** Resolves once the element and its card have rendered the current state. */
  async uiSettled() {
    await this.page.evaluate(async () => {
      const root = document.querySelector('story-map')!;
      await root.updateComplete;
      await root.shadowRoot!.querySelector('step-card')?.updateComplete;
      await new Promise(requestAnimationFrame);
    });
  }

  /** Measures the screen as it is now (see Layout). */
  async layout(): Promise<Layout> {
    return this.page.evaluate(() => {
      const host = document.querySelector('story-map')!;
      const root = host.shadowRoot!;
      const box = (el: Element | null | undefined) => {
        if (!el) return undefined;
        const r = el.getBoundingClientRect();
        return r.width && r.height
          ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom }
          : undefined;
      };
      const overlays: Record<string, { left: number; top: number; right: number; bottom: number }> =
        {};
      for (const sel of ['story-header', 'step-card', 'timeline-bar', '.explore']) {
        const b = box(root.querySelector(sel));
        if (b) overlays[sel] = b;
      }
      const kiosk = root.querySelector('kiosk-overlay')?.shadowRoot;
      const invite = box(kiosk?.querySelector('.attract'));
      if (invite) overlays['kiosk-invite'] = invite;
      const qr = box(kiosk?.querySelector('.qr-corner'));
      if (qr) overlays['kiosk-qr'] = qr;
      const controls = box(root.querySelector('step-card')?.shadowRoot?.querySelector('.controls'));
      if (controls) overlays['card-controls'] = controls;

      const cardRoot = root.querySelector('step-card')?.shadowRoot;
      const scroll = cardRoot?.querySelector<HTMLElement>('.scroll');
      const body = cardRoot?.querySelector<HTMLElement>('.body');
      let card = null;
      if (scroll && body) {
        const style = getComputedStyle(body);
        const bodyPx = parseFloat(style.fontSize);
        const range = document.createRange();
        let chars = 0;
        let lines = 0;
        for (const p of body.querySelectorAll('p')) {
          range.selectNodeContents(p);
          const rects = [...range.getClientRects()];
          const tops = new Set(rects.map((r) => Math.round(r.top)));
          // The last line of a paragraph is short: count full lines only.
          if (tops.size > 1) {
            chars += ((p.textContent ?? '').length * (tops.size - 1)) / tops.size;
            lines += tops.size - 1;
          }
        }
        card = {
          hidden: Math.max(0, scroll.scrollHeight - scroll.clientHeight),
          bodyPx,
          lineHeight: parseFloat(style.lineHeight) / bodyPx,
          charsPerLine: lines ? chars / lines : 0,
        };
      }

      const map = host.map!;
      const canvas = map.getCanvas().getBoundingClientRect();
      const subjects: { id: string; x: number; y: number }[] = [];
      const style = map.getStyle();
      for (const [sourceId, source] of Object.entries(style.sources)) {
        if (!sourceId.startsWith('story-') || source.type !== 'geojson') continue;
        const data = source.data as {
          features?: { properties?: { id?: string }; geometry?: { coordinates: unknown } }[];
        };
        for (const f of data.features ?? []) {
          const id = f.properties?.id;
          if (!id || !map.getFeatureState({ source: sourceId, id }).highlight) continue;
          const flat: number[][] = [];
          const walk = (c: unknown) => {
            if (Array.isArray(c) && typeof c[0] === 'number') flat.push(c as number[]);
            else if (Array.isArray(c)) c.forEach(walk);
          };
          walk(f.geometry?.coordinates);
          // The centre of what is on screen of the feature: its projected vertices' mean.
          const pts = flat.map((c) => map.project([c[0]!, c[1]!]));
          const x = pts.reduce((a, p) => a + p.x, 0) / pts.length;
          const y = pts.reduce((a, p) => a + p.y, 0) / pts.length;
          subjects.push({ id, x: canvas.left + x, y: canvas.top + y });
        }
      }
      const timeline = root.querySelector('timeline-bar')?.getBoundingClientRect();
      return {
        viewport: { width: innerWidth, height: innerHeight },
        map: { left: canvas.left, top: canvas.top, right: canvas.right, bottom: canvas.bottom },
        overlays,
        timelineHeight: timeline?.height ?? 0,
        card,
        subjects,
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
