// The kiosk runs for weeks: its cycle (the attract loop, a visitor's Next, language, Explore
// and Resume, the walk-away reset; bench/soak.ts) must leave heap, DOM, map layers, sources
// and listeners as they were, measured at the same place each time (the first step in the
// attract loop, right after a reset). `npm run bench` runs 2,000 step changes of it; here a
// few cycles (SOAK_CYCLES) keep `npm test` short.
import { test, expect } from './support/app';
import { cdpMetrics, pageFigures } from './support/metrics';
import {
  compareSamples,
  soakProbe,
  soakQuery,
  SoakDriver,
  type SoakSample,
} from '../../bench/soak';
import { strings } from '../../src/i18n/strings';

const CYCLES = Number(process.env.SOAK_CYCLES ?? 2);

const both = (pick: (t: ReturnType<typeof strings>) => string) => ({
  en: pick(strings('en')),
  zh: pick(strings('zh')),
});

test.describe('soak', () => {
  test.use({ reducedMotion: 'reduce' });
  test.setTimeout(10 * 60_000);

  test(`${CYCLES} kiosk cycles leave heap, DOM, map layers, sources and listeners as they were`, async ({
    app,
  }) => {
    const { page } = app;
    await page.addInitScript(soakProbe);
    await page.goto(`./${soakQuery()}`);
    const driver = new SoakDriver(page, {
      next: both((t) => t.next),
      explore: both((t) => t.explore),
      resume: both((t) => t.resume),
      switchTo: both((t) => t.switchTo),
    });
    await page.waitForFunction(() => window.__soakSettles.includes(0), null, { timeout: 60_000 });
    const sample = async (changes: number): Promise<SoakSample> => ({
      changes,
      ...(await driver.where()),
      ...(await pageFigures(page)),
      ...(await cdpMetrics(page)),
    });

    // One cycle first, so caches and lazily made things exist before the first sample.
    const warm = await driver.cycle();
    expect(warm.skipped).toEqual([]);
    const samples = [await sample(0)];
    let changes = 0;
    for (let i = 0; i < CYCLES; i++) {
      changes += (await driver.cycle()).changes;
      samples.push(await sample(changes));
    }
    const c = compareSamples(samples);
    console.log(
      `soak: ${changes} step changes; heap +${(c.heapGrowthBytes / 1e6).toFixed(2)} MB; ` +
        Object.entries(c.counts)
          .map(([k, v]) => `${k} ${v.first} → ${v.last}`)
          .join(', '),
    );
    expect(samples[0]).toMatchObject({ step: 0, phase: 'kiosk-attract', lang: 'en' });
    expect(c.samePlace).toBe(true);
    expect(c.counts.domNodes.equal).toBe(true);
    expect(c.counts.mapLayers.equal).toBe(true);
    expect(c.counts.mapSources.equal).toBe(true);
    expect(c.counts.jsEventListeners.equal).toBe(true);
    expect(c.heapGrowthBytes).toBeLessThan(2 * 1024 * 1024);
    expect(app.consoleErrors).toEqual([]);
  });
});
