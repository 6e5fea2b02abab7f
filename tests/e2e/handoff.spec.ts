// The kiosk's hand-off to a phone: with `handoff`, a QR code that a scanner reads (jsqr on a
// screenshot, as a camera sees the screen) as the public address + the step on screen + the
// language, clear of the text, the map's subject and the controls, following every step
// and the visitor's language; its link opens that step in story mode. Without `handoff`,
// no code at all.
import type { Page } from '@playwright/test';
import jsQRModule from 'jsqr';
import { test, expect } from './support/app';
import { StoryDriver, type Box } from './support/story-driver';

// jsqr is a CommonJS bundle: its function is the module's default, once or twice wrapped.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ??
  jsQRModule) as typeof jsQRModule;

const PUBLIC = 'https://museum.example/zgc/';
const KIOSK = { mode: 'kiosk', dwell: '3600', handoff: PUBLIC, lang: 'en' };

test.use({ reducedMotion: 'reduce' });

function qr(page: Page) {
  return page.locator('handoff-qr svg');
}

/** What a phone's camera reads from the screen: the code cut from a screenshot, decoded. */
async function readQr(page: Page): Promise<string | undefined> {
  const box = await qr(page).boundingBox();
  if (!box) return undefined;
  const view = page.viewportSize()!;
  // A little of what surrounds the code, as a camera would frame it.
  const x = Math.max(0, Math.floor(box.x - 12));
  const y = Math.max(0, Math.floor(box.y - 12));
  const clip = {
    x,
    y,
    width: Math.min(view.width, Math.ceil(box.x + box.width + 12)) - x,
    height: Math.min(view.height, Math.ceil(box.y + box.height + 12)) - y,
  };
  const png = await page.screenshot({ clip });
  // No PNG decoder in Node here: the page decodes the screenshot into pixels.
  const pixels = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const g = canvas.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const { data } = g.getImageData(0, 0, canvas.width, canvas.height);
    let bytes = '';
    for (let i = 0; i < data.length; i += 0x8000)
      bytes += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return { width: canvas.width, height: canvas.height, rgba: btoa(bytes) };
  }, png.toString('base64'));
  const rgba = new Uint8ClampedArray(Buffer.from(pixels.rgba, 'base64'));
  return jsQR(rgba, pixels.width, pixels.height)?.data;
}

/** The id of the step on screen, after checking the card shows that step's title. */
async function stepOnScreen(story: StoryDriver): Promise<string> {
  const { id, title } = await story.page.evaluate(() => {
    const root = document.querySelector('story-map')!;
    return root.steps[root.stepIndex]!;
  });
  await expect(story.card().locator('h2')).toHaveText(title);
  return id;
}

const expectedLink = (id: string, lang: string) => `${PUBLIC}?step=${id}&lang=${lang}`;

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

async function boxOf(page: Page, selector: string): Promise<Box[]> {
  const boxes: Box[] = [];
  for (const el of await page.locator(selector).all()) {
    const b = await el.boundingBox();
    if (b && b.width && b.height)
      boxes.push({ left: b.x, top: b.y, right: b.x + b.width, bottom: b.y + b.height });
  }
  return boxes;
}

/** The code's size and place: large enough, on screen, over nothing a visitor needs. */
async function expectClearAndLarge(page: Page, story: StoryDriver) {
  const b = (await qr(page).boundingBox())!;
  expect(b.width).toBeGreaterThanOrEqual(120);
  expect(b.height).toBeGreaterThanOrEqual(120);
  const code: Box = { left: b.x, top: b.y, right: b.x + b.width, bottom: b.y + b.height };
  const view = page.viewportSize()!;
  expect(code.left).toBeGreaterThanOrEqual(0);
  expect(code.top).toBeGreaterThanOrEqual(0);
  expect(code.right).toBeLessThanOrEqual(view.width);
  expect(code.bottom).toBeLessThanOrEqual(view.height);

  const layout = await story.layout();
  const others: Record<string, Box[]> = {
    'step card': layout.overlays['step-card'] ? [layout.overlays['step-card']] : [],
    'card controls': layout.overlays['card-controls'] ? [layout.overlays['card-controls']] : [],
    header: layout.overlays['story-header'] ? [layout.overlays['story-header']] : [],
    timeline: layout.overlays['timeline-bar'] ? [layout.overlays['timeline-bar']] : [],
    'language buttons': [
      ...(await boxOf(page, 'kiosk-overlay button:text-is("English")')),
      ...(await boxOf(page, 'kiosk-overlay button:text-is("中文")')),
    ],
    invitation: await boxOf(page, 'kiosk-overlay :text-matches("Touch to explore|触摸屏幕")'),
    'map controls': await boxOf(page, '.maplibregl-ctrl'),
  };
  expect(others['step card']).toHaveLength(1);
  for (const [name, boxes] of Object.entries(others))
    for (const box of boxes) expect(overlaps(code, box), `the code covers the ${name}`).toBe(false);
  // The step's subject: none of its features is drawn under the code (with a finger's margin).
  for (const s of layout.subjects) {
    const under =
      s.x > code.left - 24 &&
      s.x < code.right + 24 &&
      s.y > code.top - 24 &&
      s.y < code.bottom + 24;
    expect(under, `the code covers ${s.id}`).toBe(false);
  }
}

test.describe('kiosk hand-off', () => {
  test('landscape 1920×1080: a code for the step on screen, following steps and language; its link opens that step', async ({
    app,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const { page } = app;
    await page.setViewportSize({ width: 1920, height: 1080 });
    const story = new StoryDriver(page);
    await story.open(KIOSK);
    const first = (await story.stepIds())[0]!;
    await story.waitForSettled(first);
    await expect(qr(page)).toBeVisible();
    expect(await stepOnScreen(story)).toBe(first);
    await expect.poll(() => readQr(page)).toBe(expectedLink(first, 'en'));
    // Only what a phone needs: never a kiosk, never the kiosk's tuning.
    const link = new URL((await readQr(page))!);
    expect(link.searchParams.has('mode')).toBe(false);
    expect(link.searchParams.has('handoff')).toBe(false);
    expect(link.searchParams.has('dwell')).toBe(false);

    // The loop moves on (here by goTo, as the loop's dwell is an hour): the code follows.
    await story.goTo('electronics-street');
    await story.waitForSettled('electronics-street');
    expect(await stepOnScreen(story)).toBe('electronics-street');
    await expect.poll(() => readQr(page)).toBe(expectedLink('electronics-street', 'en'));
    await expectClearAndLarge(page, story);

    // The visitor picks Chinese: the code says so.
    await page.getByRole('button', { name: '中文' }).click();
    await expect(story.root).toHaveAttribute('lang', 'zh');
    await expect(page.getByText('在手机上继续阅读').first()).toBeVisible();
    await expect.poll(() => readQr(page)).toBe(expectedLink('electronics-street', 'zh'));
    await expectClearAndLarge(page, story);

    // A visitor takes over and moves on: the code stays, for the step they are reading.
    await story.clearEvents();
    await page.getByRole('button', { name: '下一步' }).click();
    await story.waitForEvent('step-settled');
    const visited = await stepOnScreen(story);
    expect(visited).not.toBe('electronics-street');
    const zhLink = expectedLink(visited, 'zh');
    await expect.poll(() => readQr(page)).toBe(zhLink);
    await expectClearAndLarge(page, story);

    // The phone opens the link (here on the test server instead of the public host).
    await page.goto(zhLink.replace(PUBLIC, baseURL!));
    await story.waitForEvent('story-ready');
    await story.waitForSettled(visited);
    await expect(story.root).toHaveAttribute('mode', 'story');
    await expect(story.root).toHaveAttribute('lang', 'zh');
    expect(await stepOnScreen(story)).toBe(visited);
    // A phone is no kiosk: no code there.
    await expect(qr(page)).toHaveCount(0);
    expect(app.consoleErrors).toEqual([]);
    expect(app.outsideRequests).toEqual([]);
  });

  test('portrait 1080×1920: the code is large, readable and clear of the text and the map', async ({
    app,
  }) => {
    test.setTimeout(120_000);
    const { page } = app;
    await page.setViewportSize({ width: 1080, height: 1920 });
    const story = new StoryDriver(page);
    await story.open(KIOSK);
    await story.waitForEvent('step-settled');
    await story.goTo('experimental-zone');
    await story.waitForSettled('experimental-zone');
    expect(await stepOnScreen(story)).toBe('experimental-zone');
    await expect.poll(() => readQr(page)).toBe(expectedLink('experimental-zone', 'en'));
    await expectClearAndLarge(page, story);
    expect(app.consoleErrors).toEqual([]);
  });

  test('without handoff the kiosk shows no code (it never guesses its public address)', async ({
    app,
  }) => {
    const { page } = app;
    await page.setViewportSize({ width: 1920, height: 1080 });
    const story = new StoryDriver(page);
    await story.open({ mode: 'kiosk', dwell: '3600' });
    await story.waitForEvent('step-settled');
    await expect(page.getByText('Touch to explore')).toBeVisible();
    await expect(qr(page)).toHaveCount(0);
    await expect(page.getByText('Continue on your phone')).toHaveCount(0);
  });

  test('a handoff that is not an absolute http(s) address gives no code', async ({ app }) => {
    const { page } = app;
    const story = new StoryDriver(page);
    await story.open({ mode: 'kiosk', dwell: '3600', handoff: 'javascript:alert(1)' });
    await story.waitForEvent('step-settled');
    await expect(qr(page)).toHaveCount(0);
    expect(app.consoleErrors).toEqual([]);
  });
});
