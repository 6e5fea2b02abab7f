// A map a museum would hang (issue #25): true years at 1984, kiosk labels of at least 18 px,
// the timeline's ends whole at six form factors.
import { test, expect } from './support/app';
import { StoryDriver } from './support/story-driver';
import { FORM_FACTORS } from './support/form-factors';

test.use({ reducedMotion: 'reduce' });

test('at the 1984 step no road that opened later is drawn as a road of 1984', async ({ app }) => {
  const story = new StoryDriver(app.page);
  await story.open({ step: 'electronics-street' });
  await story.waitForEvent('step-settled', 'electronics-street');
  const drawn = await app.page.evaluate(() => {
    const map = document.querySelector('story-map')!.map!;
    const of = (layers: string[]) =>
      map.queryRenderedFeatures({ layers }).map((f) => ({
        id: String(f.properties.id),
        since: Number(f.properties.since ?? -1e9),
        until: Number(f.properties.until ?? 1e9),
      }));
    return {
      roads: of([
        'basemap-ring-road-casing',
        'basemap-ring-road',
        'basemap-ring-road-label',
        'basemap-road',
        'basemap-road-label',
        'basemap-subway-line',
      ]),
      ghosts: of(['basemap-ring-road-ghost']),
      story: of(['ring-roads-line']),
    };
  });
  for (const r of [...drawn.roads, ...drawn.story]) {
    expect(r.since, r.id).toBeLessThanOrEqual(1984);
    expect(r.until, r.id).toBeGreaterThanOrEqual(1984);
  }
  // today's rings are there for orientation, as ghosts
  expect(drawn.ghosts.map((g) => g.id)).toContain('basemap-ring-4');
});

for (const size of [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
]) {
  test(`kiosk labels are at least 18 px at ${size.width}x${size.height}`, async ({ app }) => {
    await app.page.setViewportSize(size);
    const story = new StoryDriver(app.page);
    await story.open({ mode: 'kiosk', dwell: '3600' });
    await story.waitForEvent('step-settled');
    const small = await app.page.evaluate(() => {
      const map = document.querySelector('story-map')!.map!;
      const zoom = map.getZoom();
      const out: string[] = [];
      for (const layer of map.getStyle().layers) {
        if (layer.type !== 'symbol') continue;
        const size = map.getLayoutProperty(layer.id, 'text-size') as unknown;
        const numbers: number[] = [];
        const walk = (v: unknown) => {
          if (typeof v === 'number') numbers.push(v);
          else if (Array.isArray(v)) {
            if (v[0] === 'interpolate') v.slice(4).forEach((x, i) => i % 2 === 0 && walk(x));
            else if (v[0] === 'max')
              numbers.push(
                Math.max(...(v.slice(1).filter((x) => typeof x === 'number') as number[])),
              );
            else v.slice(1).forEach(walk);
          }
        };
        walk(size);
        for (const n of numbers)
          if (n < 18) out.push(`${layer.id}: ${n} px at zoom ${zoom.toFixed(1)}`);
      }
      return out;
    });
    expect(small).toEqual([]);
  });
}

test('the timeline’s first and last labels and pills are whole at six form factors', async ({
  app,
}) => {
  test.setTimeout(300_000);
  const story = new StoryDriver(app.page);
  for (const form of FORM_FACTORS) {
    await app.page.setViewportSize({ width: form.width, height: form.height });
    await story.open({ mode: form.mode, ...(form.mode === 'kiosk' ? { dwell: '3600' } : {}) });
    for (const which of ['first', 'last'] as const) {
      await app.page.evaluate((w) => {
        const el = document.querySelector('story-map')!;
        el.goTo(w === 'first' ? 0 : el.steps.length - 1);
      }, which);
      await story.uiSettled();
      const bar = app.page.locator('story-map timeline-bar');
      await bar.locator('.pill').waitFor();
      const check = await bar.evaluate((el) => {
        const barBox = el.getBoundingClientRect();
        const root = el.shadowRoot!;
        const inside = (r: DOMRect) => r.left >= barBox.left - 0.5 && r.right <= barBox.right + 0.5;
        const pill = root.querySelector('.pill')!.getBoundingClientRect();
        const eras = [...root.querySelectorAll<HTMLElement>('.era')];
        const ends = [eras[0]!, eras.at(-1)!].map((era) => {
          const label = era.querySelector<HTMLElement>('.era-label')!;
          const narrow = era.classList.contains('narrow');
          return {
            text: label.textContent,
            narrow,
            // inline labels must not be cut: no ellipsis, no overflow
            clipped: !narrow && era.scrollWidth > era.clientWidth + 1,
            inside: narrow || inside(era.getBoundingClientRect()),
          };
        });
        return { pillInside: inside(pill), ends };
      });
      expect(check.pillInside, `${form.name}: ${which} pill inside the bar`).toBe(true);
      for (const e of check.ends) {
        expect(e.clipped, `${form.name}: era "${e.text}" clipped`).toBe(false);
        expect(e.inside, `${form.name}: era "${e.text}" inside`).toBe(true);
      }
    }
    // a narrow era's label opens whole, inside the bar, on hover
    const narrow = app.page.locator('story-map timeline-bar .era.narrow').last();
    if (await narrow.count()) {
      await narrow.hover();
      const shown = await narrow.evaluate((era) => {
        const bar = era.closest('nav')!.getBoundingClientRect();
        const label = era.querySelector('.era-label')!;
        const r = label.getBoundingClientRect();
        return {
          visible: getComputedStyle(label).visibility === 'visible',
          inside: r.left >= bar.left - 0.5 && r.right <= bar.right + 0.5,
        };
      });
      expect(shown, form.name).toEqual({ visible: true, inside: true });
    }
  }
});
