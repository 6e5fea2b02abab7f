// The app as a visitor first meets it: a map on our own basemap, offline, in every mode.
import { test, expect } from './support/app';
import { StoryDriver } from './support/story-driver';

test.describe('foundation', () => {
  test('the map renders on the embedded basemap with a clean console and no outside request', async ({
    app,
  }) => {
    const story = new StoryDriver(app.page);
    await story.open();
    await story.waitForEvent('step-settled');
    await expect(app.page.locator('story-map')).toHaveCount(1);
    expect(await story.canvasColours()).toBeGreaterThan(8);
    expect(app.consoleErrors).toEqual([]);
    expect(app.outsideRequests).toEqual([]);
  });

  for (const mode of ['story', 'explore', 'kiosk']) {
    test(`?mode=${mode} loads without errors`, async ({ app }) => {
      const story = new StoryDriver(app.page);
      await story.open({ mode });
      await expect(story.root).toHaveAttribute('mode', mode);
      await app.page.waitForFunction(() => document.querySelector('story-map')!.map?.loaded());
      expect(await story.canvasColours()).toBeGreaterThan(8);
      expect(app.consoleErrors).toEqual([]);
      expect(app.outsideRequests).toEqual([]);
    });
  }

  test('?lang=zh switches the interface and the map labels to Chinese', async ({ app }) => {
    const story = new StoryDriver(app.page);
    await story.open({ lang: 'zh' });
    await expect(app.page.getByRole('button', { name: '下一步' })).toBeVisible();
    await expect(app.page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    const field = await app.page.evaluate(() => {
      const map = document.querySelector('story-map')!.map!;
      const label = map.getStyle().layers.find((l) => l.type === 'symbol');
      return JSON.stringify(label && map.getLayoutProperty(label.id, 'text-field'));
    });
    expect(field).toContain('name_zh');
    expect(app.consoleErrors).toEqual([]);
  });

  test('an unreachable online basemap falls back to the embedded one and says so', async ({
    app,
  }) => {
    const story = new StoryDriver(app.page);
    await app.page.route('https://tiles.invalid/**', (route) => route.abort());
    await story.open({ basemap: 'https://tiles.invalid/style.json' });
    await expect(app.page.getByRole('alert')).toContainText('could not be loaded');
    await story.waitForEvent('step-settled');
    expect(await story.canvasColours()).toBeGreaterThan(8);
  });
});
