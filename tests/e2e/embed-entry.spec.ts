// dist/story-map.js as a newsroom uses it: one script tag on an article in another folder of
// the site. The page pays for a small loader only until the element comes near the
// viewport; then the element finds its code, worker, fonts, basemap and default story from
// the module's own URL, and behaves as a guest (no service worker, no document language, no
// keys it was not given, the wheel scrolls the page).
import { gzipSync } from 'node:zlib';
import { test, expect } from './support/app';

/** The loader's budget (issue #22): at most 30 KiB gzip of script before the element is near. */
const LOADER_BUDGET = 30 * 1024;

const CSP =
  "default-src 'self'; script-src 'self'; worker-src 'self' blob:; child-src 'self' blob:; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' data: blob:";

/** An article two screens of text above the element, in a folder of its own. */
const article = (element: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="${CSP}" />
    <title>An article</title>
    <script type="module" src="../../story-map.js"></script>
  </head>
  <body>
    <h1>An article</h1>
    ${'<p>Paragraph of the article before the map.</p>'.repeat(3)}
    <div id="spacer"></div>
    ${element}
    ${'<p>Paragraph of the article after the map.</p>'.repeat(3)}
    <div id="after"></div>
  </body>
</html>`;

/** Two animation frames: an IntersectionObserver has delivered what it saw on load. */
const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

test('an article in another folder: a small loader until the element is near, then the story', async ({
  app,
}) => {
  const { page } = app;
  await page.route('**/news/2026/article.html', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      // The story is the page's (relative to the article); the rest is the element's.
      body: article('<story-map story="../../fixtures/mini/story.yaml"></story-map>'),
    }),
  );
  // The spacers are sized in the page's own terms, so the element starts two screens down.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      document.getElementById('spacer')!.style.setProperty('height', '200vh');
      document.getElementById('after')!.style.setProperty('height', '150vh');
    });
  });
  const scripts = new Map<string, number>();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  page.on('response', async (res) => {
    const path = new URL(res.url()).pathname;
    if (/\.m?js$/.test(path)) scripts.set(path, gzipSync(await res.body()).length);
  });

  await page.goto('news/2026/article.html');
  await page.waitForLoadState('load');
  await page.evaluate(frames);

  // Before the reader comes near: the loader only.
  expect(await page.evaluate(() => customElements.get('story-map') === undefined)).toBe(true);
  const early = [...requests];
  expect(early.filter((p) => /\/(stories|geo|basemap|fonts)\//.test(p))).toEqual([]);
  expect(early.some((p) => p.includes('maplibre'))).toBe(false);
  const loaderBytes = [...scripts.values()].reduce((a, b) => a + b, 0);
  console.log(`loader before the element is near: ${scripts.size} scripts, ${loaderBytes} B gzip`);
  expect(scripts.has('/story-map.js')).toBe(true);
  expect(loaderBytes).toBeLessThanOrEqual(LOADER_BUDGET);

  // The reader scrolls down: the element loads, and its files come from beside the module.
  await page.locator('story-map').scrollIntoViewIfNeeded();
  await expect
    .poll(
      () => page.evaluate(() => window.__storyEvents.filter((e) => e.type === 'step-settled')),
      { timeout: 60_000 },
    )
    .toEqual([expect.objectContaining({ index: 0 })]);
  expect(requests).toContain('/fixtures/mini/story.yaml');
  expect(requests.some((p) => p.startsWith('/basemap/'))).toBe(true);
  expect(requests.some((p) => p.startsWith('/fonts/'))).toBe(true);
  expect(requests.some((p) => p.includes('maplibre-gl-worker'))).toBe(true);
  expect(requests.filter((p) => p.startsWith('/news/') && !p.endsWith('article.html'))).toEqual([]);
  expect(requests).not.toContain('/sw.js');

  // A guest: keys aimed at nothing in particular are the page's, not the element's.
  await page.keyboard.press('End');
  await page.keyboard.press('PageDown');
  expect(await page.evaluate(() => document.querySelector('story-map')!.stepIndex)).toBe(0);
  // ...keys aimed at it are its own.
  await page.locator('story-map').getByRole('button', { name: 'Next' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect
    .poll(() =>
      page.evaluate(() => window.__storyEvents.filter((e) => e.type === 'step-settled').length),
    )
    .toBe(2);
  expect(await page.evaluate(() => document.querySelector('story-map')!.stepIndex)).toBe(1);

  // Its language is its own, not the article's.
  await page.evaluate(() => (document.querySelector('story-map')!.lang = 'zh'));
  await expect(page.locator('story-map')).toHaveAttribute('lang', 'zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // The wheel over the map scrolls the article; the map stays where the story put it.
  await page.locator('story-map').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const zoom = await page.evaluate(() => document.querySelector('story-map')!.map!.getZoom());
  const scrolled = await page.evaluate(() => scrollY);
  const box = (await page.locator('story-map').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.4);
  await page.mouse.wheel(0, 300);
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(scrolled);
  expect(await page.evaluate(() => document.querySelector('story-map')!.map!.getZoom())).toBe(zoom);
  expect(app.outsideRequests).toEqual([]);
  expect(app.consoleErrors).toEqual([]);
});

test('without a story attribute the element opens its own default story, from beside the module', async ({
  app,
}) => {
  const { page } = app;
  await page.route('**/news/2026/default.html', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: article('<story-map></story-map>'),
    }),
  );
  const story = page.waitForResponse((res) =>
    new URL(res.url()).pathname.endsWith('/zhongguancun.json'),
  );
  await page.goto('news/2026/default.html');
  await page.locator('story-map').scrollIntoViewIfNeeded();
  const res = await story;
  expect(new URL(res.url()).pathname).toBe('/stories/zhongguancun.json');
  expect(res.status()).toBe(200);
  expect(app.consoleErrors).toEqual([]);
});
