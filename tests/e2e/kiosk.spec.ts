// Kiosk mode: the attract loop, a visitor taking over, walking away, and an exhibit that
// cannot be broken out of and recovers by itself.
import { test, expect } from './support/app';
import { StoryDriver } from './support/story-driver';

const FIXTURE = 'fixtures/mini/story.yaml';

async function settledIds(story: StoryDriver) {
  return (await story.events()).filter((e) => e.type === 'step-settled').map((e) => e.id);
}

test.describe('kiosk', () => {
  test.use({ reducedMotion: 'reduce' });

  test('the attract loop plays the story by itself and starts over at the end', async ({ app }) => {
    const story = new StoryDriver(app.page);
    await story.open({ mode: 'kiosk', story: FIXTURE, dwell: '0.3' });
    await expect(app.page.getByText('Touch to explore')).toBeVisible();
    await app.page.waitForFunction(
      () => window.__storyEvents.filter((e) => e.type === 'step-settled').length >= 7,
      undefined,
      { timeout: 60_000 },
    );
    expect((await settledIds(story)).slice(0, 7)).toEqual([
      'start',
      'old-site',
      'street',
      'zone',
      'new-site',
      'start',
      'old-site',
    ]);
    expect(app.consoleErrors).toEqual([]);
  });

  test('a touch stops the loop at once; walking away brings a countdown, then a full reset', async ({
    app,
  }) => {
    const story = new StoryDriver(app.page);
    await story.open({
      mode: 'kiosk',
      story: FIXTURE,
      dwell: '0.3',
      idle: '2',
      countdown: '2',
      lang: 'en',
    });
    await story.waitForSettled('old-site');
    // The visitor picks Chinese on the attract screen (the loop plays on, in Chinese)…
    await app.page.getByRole('button', { name: '中文' }).click();
    await expect(app.page.getByText('触摸屏幕，开始探索')).toBeVisible();
    // …then touches Explore, which takes over.
    await app.page.getByRole('button', { name: '自由探索' }).click();
    const changesAtTakeover = (await story.events()).filter((e) => e.type === 'step-change').length;
    await expect(app.page.getByText('触摸屏幕，开始探索')).toBeHidden();
    await expect(app.page.locator('layer-panel')).toBeVisible();
    await expect(story.root).toHaveAttribute('mode', 'kiosk');

    // Walking away: the countdown appears…
    const dialog = app.page.getByRole('alertdialog');
    await expect(dialog).toContainText('还在看吗');
    // …and while the visitor was there the loop did not move on.
    expect((await story.events()).filter((e) => e.type === 'step-change').length).toBe(
      changesAtTakeover,
    );
    await story.clearEvents();
    // When it runs out, everything resets and the loop resumes from the start.
    await expect(dialog).toBeHidden();
    await story.waitForSettled('start');
    await expect(app.page.getByText('Touch to explore')).toBeVisible();
    await expect(story.root).toHaveAttribute('lang', 'en');
    await expect(app.page.locator('layer-panel')).toHaveCount(0);
    await story.waitForSettled('old-site');
  });

  test('any touch during the countdown cancels it', async ({ app }) => {
    const story = new StoryDriver(app.page);
    await story.open({ mode: 'kiosk', story: FIXTURE, dwell: '0.3', idle: '3', countdown: '30' });
    await story.waitForSettled('start');
    await app.page.mouse.click(640, 400);
    const dialog = app.page.getByRole('alertdialog');
    await expect(dialog).toBeVisible();
    // The touch itself cancels the countdown (a press anywhere, the button included).
    await app.page.mouse.click(640, 400);
    await expect(dialog).toBeHidden();
    await expect(app.page.getByText('Touch to explore')).toBeHidden();
  });

  test('lockdown: no context menu, no selection, no links away, large touch targets', async ({
    app,
  }) => {
    const story = new StoryDriver(app.page);
    await story.open({ mode: 'kiosk', story: FIXTURE, dwell: '30' });
    await story.waitForSettled('start');
    const prevented = await app.page.evaluate(() => {
      const e = new MouseEvent('contextmenu', { bubbles: true, cancelable: true, composed: true });
      document.querySelector('story-map')!.dispatchEvent(e);
      return e.defaultPrevented;
    });
    expect(prevented).toBe(true);
    const userSelect = await app.page.evaluate(() => [
      getComputedStyle(document.body).userSelect,
      getComputedStyle(document.querySelector('story-map')!).userSelect,
    ]);
    expect(userSelect).toEqual(['none', 'none']);
    // Story text links are shown as text, not links.
    await story.goTo('zone');
    await story.waitForSettled('zone');
    await expect(story.card()).toContainText('the article');
    await expect(story.card().locator('a')).toHaveCount(0);
    // Every visible button is at least 48 × 48 px.
    const small = await app.page.evaluate(() => {
      const out: string[] = [];
      const walk = (root: Document | ShadowRoot) => {
        for (const el of root.querySelectorAll<HTMLElement>('*')) {
          if (el.shadowRoot) walk(el.shadowRoot);
          if (el.tagName !== 'BUTTON') continue;
          const r = el.getBoundingClientRect();
          if (r.width === 0 || getComputedStyle(el).visibility === 'hidden') continue;
          if (el.closest('.maplibregl-ctrl')) continue;
          if (r.width < 48 || r.height < 48)
            out.push(
              `${el.getAttribute('aria-label') ?? el.textContent?.trim()}: ${r.width}×${r.height}`,
            );
        }
      };
      walk(document);
      return out;
    });
    expect(small).toEqual([]);
  });

  test('a lost WebGL context is recovered and the current step restored', async ({ app }) => {
    const story = new StoryDriver(app.page);
    await story.open({ mode: 'kiosk', story: FIXTURE, dwell: '60' });
    await story.waitForSettled('start');
    await story.goTo('old-site');
    await story.waitForSettled('old-site');
    const before = await story.canvasColours();
    await story.clearEvents();
    await app.page.evaluate(() => {
      const canvas = document.querySelector('story-map')!.map!.getCanvas();
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!;
      const ext = gl.getExtension('WEBGL_lose_context')!;
      ext.loseContext();
      setTimeout(() => ext.restoreContext(), 200);
    });
    await story.waitForSettled('old-site');
    expect((await story.mapState()).highlighted).toEqual(['site-old']);
    // The same state draws the same picture again.
    expect(await story.canvasColours()).toBe(before);
  });

  test('an uncaught error reloads the app, which lands back in the loop', async ({ app }) => {
    const story = new StoryDriver(app.page);
    await story.open({ mode: 'kiosk', story: FIXTURE, dwell: '0.3' });
    await story.waitForSettled('start');
    const reloaded = app.page.waitForEvent('framenavigated');
    await app.page.evaluate(() =>
      setTimeout(() => {
        throw new Error('simulated crash');
      }),
    );
    await reloaded;
    await story.waitForEvent('story-ready');
    await story.waitForSettled('old-site');
    await expect(story.root).toHaveAttribute('mode', 'kiosk');
    expect(app.consoleErrors.filter((e) => !e.includes('simulated crash'))).toEqual([]);
  });
});
