// <story-map> as an embedder uses it: properties changed at run time, the element moved in
// the page, and the page (not the element) owning the document's language.
import { test, expect } from './support/app';
import { StoryDriver } from './support/story-driver';

const FIXTURE = 'mini/story.yaml';

test.describe('embedding', () => {
  test('changing only the basemap redraws the map on it, on the same step', async ({ app }) => {
    const story = new StoryDriver(app.page);
    await story.openFixture(FIXTURE, { step: 'street' });
    await story.waitForSettled('street');
    const before = await story.mapState();
    await story.clearEvents();
    await app.page.evaluate(() => {
      document.querySelector('story-map')!.basemap = 'fixtures/basemap/plain-style.json';
    });
    await story.waitForSettled('street');
    const layers = await app.page.evaluate(() =>
      document
        .querySelector('story-map')!
        .map!.getStyle()
        .layers.map((l) => l.id),
    );
    expect(layers[0]).toBe('plain-background');
    expect(layers).toContain('streets-line');
    expect(await story.mapState()).toEqual(before);
    await story.expectUrlParam('basemap', 'fixtures/basemap/plain-style.json');
    expect(app.consoleErrors).toEqual([]);
  });

  test('an element moved in the page shows its map again, on the same step', async ({ app }) => {
    const story = new StoryDriver(app.page);
    await story.openFixture(FIXTURE, { step: 'zone' });
    await story.waitForSettled('zone');
    const before = await story.mapState();
    await story.clearEvents();
    await app.page.evaluate(() => {
      const el = document.querySelector('story-map')!;
      el.remove();
      if (el.map) throw new Error('a detached element must remove its map');
      document.body.append(el);
    });
    await story.waitForSettled('zone');
    expect(await story.mapState()).toEqual(before);
    expect(await story.canvasColours()).toBeGreaterThan(8);
    expect(app.consoleErrors).toEqual([]);
  });

  test('the page follows the element’s language; the element leaves the document alone', async ({
    app,
  }) => {
    const story = new StoryDriver(app.page);
    await story.openFixture(FIXTURE);
    await expect(app.page.locator('html')).toHaveAttribute('lang', 'en');
    // An element the page did not set up (an embed) changes no document state.
    const docLang = await app.page.evaluate(async () => {
      const embed = document.createElement('story-map');
      embed.setAttribute('lang', 'zh');
      embed.style.height = '200px';
      document.body.append(embed);
      await embed.updateComplete;
      const lang = document.documentElement.lang;
      embed.remove();
      return lang;
    });
    expect(docLang).toBe('en');
    await app.page.getByRole('button', { name: /Switch to Chinese/ }).click();
    await expect(app.page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  });
});
