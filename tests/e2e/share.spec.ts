// Share: in story mode the step card's Share button hands the current step's deep link to
// the system share sheet where the browser has one, and otherwise copies it with a quiet
// confirmation; the link opens that step. A kiosk has no Share button.
import type { Page } from '@playwright/test';
import { test, expect } from './support/app';
import { StoryDriver } from './support/story-driver';

test.use({ reducedMotion: 'reduce' });

declare global {
  interface Window {
    __shared?: { url?: string; title?: string }[];
  }
}

/** The link a reader gets must open the step in story mode, in their language, here. */
function expectDeepLink(link: string, page: Page, step: string, lang: string) {
  const url = new URL(link);
  const here = new URL(page.url());
  expect(url.origin + url.pathname).toBe(here.origin + here.pathname);
  expect(url.searchParams.get('step')).toBe(step);
  expect(url.searchParams.get('lang')).toBe(lang);
  expect(url.searchParams.get('mode') ?? 'story').toBe('story');
}

test.describe('share', () => {
  test('without a share sheet, Share copies the step’s link and says so; the link opens the step', async ({
    app,
    context,
    baseURL,
  }) => {
    const { page } = app;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(baseURL!).origin,
    });
    const story = new StoryDriver(page);
    await story.open({ step: 'electronics-street' });
    await story.waitForSettled('electronics-street');
    expect(await page.evaluate(() => typeof navigator.share)).toBe('undefined');

    const share = story.card().getByRole('button', { name: 'Share' });
    await share.click();
    await expect(page.getByText('Link copied')).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expectDeepLink(copied, page, 'electronics-street', 'en');
    // The confirmation is quiet: announced politely, and gone after a few seconds.
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toHaveCount(1);
    await expect(page.getByText('Link copied')).toBeHidden({ timeout: 6_000 });

    // The next step has its own link.
    await story.next();
    const next = (await story.stepIds())[await story.stepIndex()]!;
    await story.waitForSettled(next);
    await share.click();
    await expect(page.getByText('Link copied')).toBeVisible();
    const copiedNext = await page.evaluate(() => navigator.clipboard.readText());
    expectDeepLink(copiedNext, page, next, 'en');

    // Whoever receives the link lands on the same step.
    await page.goto(copiedNext);
    await story.waitForSettled(next);
    expect((await story.stepIds())[await story.stepIndex()]).toBe(next);
    expect(app.consoleErrors).toEqual([]);
  });

  test('with a share sheet, Share hands it the link and a title; in Chinese too', async ({
    app,
  }) => {
    const { page } = app;
    await page.addInitScript(() => {
      window.__shared = [];
      Object.defineProperty(navigator, 'share', {
        configurable: true,
        value: async (data: { url?: string; title?: string }) => {
          window.__shared!.push({ url: data.url, title: data.title });
        },
      });
    });
    const story = new StoryDriver(page);
    await story.open({ step: 'experimental-zone', lang: 'zh' });
    await story.waitForSettled('experimental-zone');
    await story.card().getByRole('button', { name: '分享' }).click();
    await expect.poll(() => page.evaluate(() => window.__shared!.length)).toBe(1);
    const [shared] = await page.evaluate(() => window.__shared!);
    expectDeepLink(shared!.url!, page, 'experimental-zone', 'zh');
    expect(shared!.title).toBeTruthy();
    // The share sheet is its own confirmation: no "copied" note.
    await expect(page.getByText('链接已复制')).toHaveCount(0);
  });

  test('a cancelled share sheet is no error and copies nothing', async ({ app }) => {
    const { page } = app;
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'share', {
        configurable: true,
        value: () => Promise.reject(new DOMException('Share canceled', 'AbortError')),
      });
    });
    const story = new StoryDriver(page);
    await story.open({ step: 'experimental-zone' });
    await story.waitForSettled('experimental-zone');
    await story.card().getByRole('button', { name: 'Share' }).click();
    await expect(page.getByText('Link copied')).toHaveCount(0);
    expect(app.consoleErrors).toEqual([]);
  });

  test('a kiosk has no Share button', async ({ app }) => {
    const { page } = app;
    const story = new StoryDriver(page);
    await story.open({ mode: 'kiosk', dwell: '3600' });
    await story.waitForEvent('step-settled');
    await expect(story.card()).toBeVisible();
    await expect(page.locator('share-button')).toHaveCount(0);
    // Nor once a visitor has taken over.
    await story.clearEvents();
    await story.button('Next').click();
    await story.waitForEvent('step-change');
    await expect(page.locator('share-button')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Share' })).toHaveCount(0);
  });
});
