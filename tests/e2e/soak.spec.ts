// The kiosk runs for days: hundreds of step changes must leave memory, DOM and the map flat.
import { test, expect } from './support/app';
import { StoryDriver } from './support/story-driver';
import { pageFigures } from './support/metrics';

const STEP_CHANGES = Number(process.env.SOAK_STEPS ?? 300);

test.describe('soak', () => {
  test.use({ reducedMotion: 'reduce' });
  test.setTimeout(15 * 60_000);

  test(`${STEP_CHANGES} step changes in the attract loop leave heap, DOM and map layers flat`, async ({
    app,
  }) => {
    const story = new StoryDriver(app.page);
    await story.open({ mode: 'kiosk', dwell: '0.05' });
    const steps = (await story.stepIds()).length;
    // Settles of the first step; figures are compared at the same step, so the same card.
    const firstStepSettles = () =>
      app.page.evaluate(
        () => window.__storyEvents.filter((e) => e.type === 'step-settled' && e.index === 0).length,
      );
    const waitForFirstStep = async (n: number) =>
      app.page.waitForFunction(
        (count) =>
          window.__storyEvents.filter((e) => e.type === 'step-settled' && e.index === 0).length >=
          count,
        n,
        { timeout: 14 * 60_000, polling: 100 },
      );

    // Warm up for one whole loop, so caches and lazily made things exist before measuring.
    await waitForFirstStep(2);
    const before = await pageFigures(app.page);
    const loops = Math.ceil(STEP_CHANGES / steps);
    await waitForFirstStep((await firstStepSettles()) + loops);
    const after = await pageFigures(app.page);
    const settled = await app.page.evaluate(
      () => window.__storyEvents.filter((e) => e.type === 'step-settled').length,
    );
    console.log(
      `soak: ${settled} step changes; heap ${(before.heapBytes / 1e6).toFixed(2)} → ${(after.heapBytes / 1e6).toFixed(2)} MB; ` +
        `DOM ${before.domNodes} → ${after.domNodes}; layers ${before.mapLayers} → ${after.mapLayers}; sources ${before.mapSources} → ${after.mapSources}`,
    );
    expect(settled).toBeGreaterThanOrEqual(STEP_CHANGES);
    expect(after.domNodes).toBe(before.domNodes);
    expect(after.mapLayers).toBe(before.mapLayers);
    expect(after.mapSources).toBe(before.mapSources);
    expect(after.heapBytes - before.heapBytes).toBeLessThan(2 * 1024 * 1024);
    expect(app.consoleErrors).toEqual([]);
  });
});
