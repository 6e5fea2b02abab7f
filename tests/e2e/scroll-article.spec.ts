// The article page a newsroom would publish (examples/article.html, article.zh.html): the
// scroll reader between its paragraphs, through the embedding entry dist/story-map.js.
import { AxeBuilder } from '@axe-core/playwright';
import { test, expect } from './support/app';
import { ScrollReaderDriver } from './support/scroll-reader-driver';
import { wheel } from './support/scrolling';

test.describe('the article page', () => {
  test.describe.configure({ timeout: 300_000 });

  for (const [file, lang] of [
    ['article.html', 'en'],
    ['article.zh.html', 'zh-Hans'],
  ] as const) {
    test(`${file}: read to the end past the map, URL and language untouched, axe clean`, async ({
      app,
    }) => {
      await app.page.goto(`./examples/${file}`);
      const url = app.page.url();
      const reader = new ScrollReaderDriver(app.page);
      await app.page.locator('story-map').scrollIntoViewIfNeeded();
      await reader.waitForStep();
      await reader.record();
      await reader.jumpToBlock(2);
      await reader.waitForSettled(2);

      const results = await new AxeBuilder({ page: app.page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious).toEqual([]);

      const footer = app.page.locator('footer');
      await reader.jumpToBlock((await reader.stepCount()) - 1);
      for (
        let i = 0;
        i < 60 && !((await footer.isVisible()) && (await footer.boundingBox())!.y < 700);
        i++
      )
        await wheel(app.page, 500);
      await expect(footer).toBeInViewport();
      expect(app.page.url()).toBe(url);
      await expect(app.page.locator('html')).toHaveAttribute('lang', lang);
      expect(app.consoleErrors).toEqual([]);
      expect(app.outsideRequests).toEqual([]);
    });
  }
});
