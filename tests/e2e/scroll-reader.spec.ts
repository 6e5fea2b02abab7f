// The scroll reader: <story-map mode="scroll"> read by scrolling the page it is in. The
// page's position picks the step and moves the map; nothing else does.
import { test, expect } from './support/app';
import { ScrollReaderDriver } from './support/scroll-reader-driver';
import { nextFrames, scrollY, wheel } from './support/scrolling';

const MINI = { story: 'fixtures/mini/story.yaml' };

test.describe('scroll reader', () => {
  // Each test loads a map story (twice for two embeds or a reload) in SwiftShader.
  test.describe.configure({ timeout: 240_000 });
  test('reading slowly with the wheel makes every step active, in order', async ({ app }) => {
    const reader = await ScrollReaderDriver.openApp(app.page, MINI);
    await reader.record();
    const count = await reader.stepCount();
    await reader.readOnByWheel(250, async () => (await reader.stepIndex()) === count - 1);
    await reader.waitForSettled(count - 1);
    expect(await reader.changes()).toEqual([...Array(count).keys()].slice(1));
    expect(app.consoleErrors).toEqual([]);
  });

  test('a jump to the last block settles the last step as goTo(last) leaves it', async ({
    app,
  }) => {
    const reader = await ScrollReaderDriver.openApp(app.page, MINI);
    await reader.record();
    const last = (await reader.stepCount()) - 1;
    await reader.jumpToBlock(last);
    await reader.waitForSettled(last);
    const jumped = await reader.state();
    // Steps between were skipped, not stacked: the last step's layers only.
    expect(await reader.changes()).toEqual([last]);

    await reader.jumpBy(-(await scrollY(app.page)));
    await reader.waitForSettled(0);
    await app.page.evaluate((i) => document.querySelector('story-map')!.goTo(i), last);
    await reader.waitForSettled(last);
    expect(await reader.state()).toEqual(jumped);
    expect(jumped.year).toBe(2010);
  });

  test('stopping half-way between two steps shows the camera between them', async ({ app }) => {
    const reader = await ScrollReaderDriver.openApp(app.page, MINI);
    await reader.record();
    await reader.jumpToBlock(1);
    await reader.waitForSettled(1);
    const to = (await reader.state()).camera;
    await reader.jumpBy(-(await scrollY(app.page)));
    await reader.waitForSettled(0);
    const from = (await reader.state()).camera;
    expect(to.zoom - from.zoom).toBeGreaterThan(5);

    await reader.jumpBetween(0, 0.5);
    await nextFrames(app.page, 3);
    const mid = await reader.state();
    expect(mid.step).toBe(0);
    // On the flight's path: zoomed out past both ends first, then in; at half-way strictly between.
    expect(mid.camera.zoom).toBeGreaterThan(Math.min(from.zoom, to.zoom));
    expect(mid.camera.zoom).toBeLessThan(Math.max(from.zoom, to.zoom));
    expect(mid.camera).not.toEqual(from);
    expect(mid.camera).not.toEqual(to);
  });

  test('with reduced motion, half-way shows one step whole', async ({ app }) => {
    await app.page.emulateMedia({ reducedMotion: 'reduce' });
    const reader = await ScrollReaderDriver.openApp(app.page, MINI);
    await reader.record();
    await reader.jumpToBlock(1);
    await reader.waitForSettled(1);
    const to = (await reader.state()).camera;
    await reader.jumpBy(-(await scrollY(app.page)));
    await reader.waitForSettled(0);
    const from = (await reader.state()).camera;

    await reader.jumpBetween(0, 0.5);
    await nextFrames(app.page, 3);
    expect((await reader.state()).camera).toEqual(from);
    await reader.jumpBetween(0, 0.95);
    await nextFrames(app.page, 3);
    expect((await reader.state()).camera).toEqual(from);
    await reader.jumpToBlock(1);
    await reader.waitForSettled(1);
    expect((await reader.state()).camera).toEqual(to);
  });

  test('a reload in mid-article opens on the block in view', async ({ app }) => {
    const reader = await ScrollReaderDriver.openApp(app.page, MINI);
    await reader.record();
    await reader.jumpToBlock(2);
    await reader.waitForSettled(2);
    await expect(app.page).toHaveURL(/[?&]step=street(&|$)/);
    await app.page.reload();
    const again = new ScrollReaderDriver(app.page);
    await again.waitForStep();
    await again.record();
    await again.expectStep(2);
    await expect.poll(() => again.blockAtReadingLine()).toBe(2);
    expect(await scrollY(app.page)).toBeGreaterThan(0);
  });

  test('an embed between paragraphs: the page scrolls past it and keeps its URL', async ({
    app,
  }) => {
    await app.page.goto('./?mode=scroll&story=fixtures/mini/story.yaml');
    await new ScrollReaderDriver(app.page).waitForStep();
    // The app's element makes way for an article with two embeds, neither syncing the URL.
    const url = await app.page.evaluate(() => {
      document.querySelector('story-map')!.remove();
      history.replaceState(null, '', `${location.pathname}?article=1#top`);
      document.documentElement.style.setProperty('height', 'auto');
      document.body.style.setProperty('height', 'auto');
      const para = (text: string) => {
        const p = document.createElement('p');
        p.textContent = text;
        p.style.setProperty('min-height', '60vh');
        return p;
      };
      const embed = () => {
        const el = document.createElement('story-map');
        el.setAttribute('mode', 'scroll');
        el.setAttribute('story', 'fixtures/mini/story.yaml');
        el.style.setProperty('position', 'static');
        return el;
      };
      const end = para('The end of the article.');
      end.id = 'article-end';
      document.body.append(para('Before.'), embed(), para('Between.'), embed(), end);
      return location.href;
    });
    const first = new ScrollReaderDriver(app.page, 0);
    const second = new ScrollReaderDriver(app.page, 1);
    await first.waitForStep();
    await second.waitForStep();
    await first.record();
    await second.record();
    const count = await first.stepCount();

    await first.jumpToBlock(count - 1);
    await first.waitForSettled(count - 1);
    expect(await second.stepIndex()).toBe(0);
    await second.jumpToBlock(2);
    await second.waitForSettled(2);
    // The first stays on its last step while the second is read.
    expect(await first.stepIndex()).toBe(count - 1);
    expect(await first.changes()).toEqual([count - 1]);

    // On to the end of the article with the wheel over the second map.
    const end = app.page.locator('#article-end');
    for (
      let i = 0;
      i < 200 && !((await end.isVisible()) && (await end.boundingBox())!.y < 600);
      i++
    )
      await wheel(app.page, 400);
    await expect(end).toBeInViewport();
    expect(await app.page.evaluate(() => location.href)).toBe(url);
    expect(app.consoleErrors).toEqual([]);
  });

  test('inside an iframe, the frame’s own scrolling drives it', async ({ app }) => {
    await app.page.goto('./examples/frame.html');
    await app.page.evaluate(() => {
      document.querySelector('iframe')!.src = '../?mode=scroll&story=fixtures/mini/story.yaml';
    });
    const frame = app.page.frameLocator('iframe');
    await frame.locator('story-map').waitFor();
    const inner = app.page.frames().find((f) => f !== app.page.mainFrame())!;
    const reader = new ScrollReaderDriver(inner);
    await reader.waitForStep();
    await reader.record();
    const box = (await app.page.locator('iframe').boundingBox())!;
    const topBefore = await scrollY(app.page);
    for (let i = 0; i < 60 && (await reader.stepIndex()) < 2; i++)
      await wheel(app.page, 200, { x: box.x + box.width * 0.75, y: box.y + box.height / 2 });
    await reader.waitForSettled(2);
    expect(await reader.changes()).toEqual([1, 2]);
    expect(await scrollY(app.page)).toBe(topBefore);
  });
});
