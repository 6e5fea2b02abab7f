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
    // A visitor's touch pauses the loop for `idle` seconds; after the countdown it resets and
    // the loop plays on. The figures are taken in such a pause, on the first step, so the
    // same card is on screen both times.
    await story.open({ mode: 'kiosk', dwell: '0.05', idle: '8', countdown: '1' });
    const steps = (await story.stepIds()).length;
    const settlesOf = (index: number) =>
      app.page.evaluate(
        (i) =>
          window.__storyEvents.filter((e) => e.type === 'step-settled' && e.index === i).length,
        index,
      );
    const waitForSettles = (count: number, index?: number) =>
      app.page.waitForFunction(
        ([n, i]) =>
          window.__storyEvents.filter(
            (e) => e.type === 'step-settled' && (i === null || e.index === i),
          ).length >= n,
        [count, index ?? null] as const,
        { timeout: 14 * 60_000, polling: 250 },
      );
    const figuresOnFirstStep = async () => {
      await app.page.evaluate(() => window.dispatchEvent(new PointerEvent('pointerdown')));
      const firstSettles = await settlesOf(0);
      await story.goTo(1);
      await story.goTo(0);
      await waitForSettles(firstSettles + 1, 0);
      return pageFigures(app.page);
    };

    // Warm up for one whole loop, so caches and lazily made things exist before measuring.
    await waitForSettles(steps + 1);
    const before = await figuresOnFirstStep();
    const start = await app.page.evaluate(
      () => window.__storyEvents.filter((e) => e.type === 'step-settled').length,
    );
    await waitForSettles(start + STEP_CHANGES);
    const after = await figuresOnFirstStep();
    const settled = await app.page.evaluate(
      () => window.__storyEvents.filter((e) => e.type === 'step-settled').length,
    );
    console.log(
      `soak: ${settled} step changes; heap ${(before.heapBytes / 1e6).toFixed(2)} → ${(after.heapBytes / 1e6).toFixed(2)} MB; ` +
        `DOM ${before.domNodes} → ${after.domNodes}; layers ${before.mapLayers} → ${after.mapLayers}; sources ${before.mapSources} → ${after.mapSources}`,
    );
    expect(settled - start).toBeGreaterThanOrEqual(STEP_CHANGES);
    expect(after.domNodes).toBe(before.domNodes);
    expect(after.mapLayers).toBe(before.mapLayers);
    expect(after.mapSources).toBe(before.mapSources);
    expect(after.heapBytes - before.heapBytes).toBeLessThan(2 * 1024 * 1024);
    expect(app.consoleErrors).toEqual([]);
  });
});
