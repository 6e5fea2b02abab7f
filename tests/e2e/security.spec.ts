// Hardening: story and layer text can never become markup or script, the built page carries
// a strict Content-Security-Policy and runs under it, and broken layers are reported while
// the rest of the story keeps working.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './support/app';
import { StoryDriver } from './support/story-driver';

const XSS_STORY = 'fixtures/xss/story.yaml';

const P1 = '<img src=x onerror="window.__xss=1">';
const P2 = '<script>window.__xss=2</script>';
const P3 = '[click](javascript:window.__xss=3)';
const P4 = '<svg onload="window.__xss=4">';
const P5 = '<a href="javascript:window.__xss=5">x</a>';
const PAYLOAD = `${P1} ${P2} ${P3} ${P4} ${P5}`;
/** Plain (non-Markdown) fields show the payload exactly. */
const plain = (prefix: string) => `${prefix} ${PAYLOAD}`;
/** Markdown fields: the raw HTML stays text; `_…_` may become emphasis, so compare without underscores. */
const RAW_HTML_FRAGMENTS = [P1, P2, P4, P5].map((p) => p.replace(/_/g, ''));

declare global {
  interface Window {
    __xss?: unknown;
    __csp: string[];
  }
}

interface Scan {
  scripts: string[];
  handlers: string[];
  svgHandlers: string[];
  jsUrls: string[];
  embeds: string[];
  anchors: { href: string; rel: string; text: string }[];
}

/** Everything in the document and in every (open) shadow root that could run script. */
function scanPage(page: Page): Promise<Scan> {
  return page.evaluate(() => {
    const out: Scan = {
      scripts: [],
      handlers: [],
      svgHandlers: [],
      jsUrls: [],
      embeds: [],
      anchors: [],
    };
    const describe = (el: Element) => el.outerHTML.slice(0, 160);
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) visit(el.shadowRoot);
        const tag = el.localName;
        if (tag === 'script') {
          // The app's own bundle: an external module script in the document's <head>.
          const own =
            root === document &&
            el.parentElement === document.head &&
            (el as HTMLScriptElement).src.startsWith(`${location.origin}/`) &&
            !el.textContent?.trim();
          if (!own) out.scripts.push(describe(el));
        }
        if (['iframe', 'object', 'embed', 'frame'].includes(tag)) out.embeds.push(describe(el));
        for (const attr of el.attributes) {
          const name = attr.name.toLowerCase();
          if (name.startsWith('on')) {
            out.handlers.push(`${tag}[${name}=${attr.value}]`);
            if (tag === 'svg' || el.closest('svg')) out.svgHandlers.push(describe(el));
          }
          if (
            ['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(name) &&
            /^\s*(javascript|vbscript|data:text\/html)/i.test(
              attr.value.replace(/\s/g, '').replaceAll(String.fromCharCode(0), ''),
            )
          )
            out.jsUrls.push(describe(el));
        }
        if (tag === 'a' || tag === 'area') {
          out.anchors.push({
            href: el.getAttribute('href') ?? '',
            rel: el.getAttribute('rel') ?? '',
            text: (el.textContent ?? '').trim().slice(0, 80),
          });
        }
      }
    };
    visit(document);
    return out;
  });
}

async function expectNothingExecutable(page: Page, where: string) {
  const scan = await scanPage(page);
  expect(scan.scripts, `${where}: <script> elements`).toEqual([]);
  expect(scan.handlers, `${where}: inline event-handler attributes (img onerror, …)`).toEqual([]);
  expect(scan.svgHandlers, `${where}: <svg> with onload`).toEqual([]);
  expect(scan.jsUrls, `${where}: javascript: URLs`).toEqual([]);
  expect(scan.embeds, `${where}: frames and embeds`).toEqual([]);
  for (const a of scan.anchors) {
    expect(a.href, `${where}: <a> "${a.text}" must link over http(s)`).toMatch(/^https?:\/\//i);
    expect(a.rel.split(/\s+/), `${where}: <a> "${a.text}" rel`).toContain('noopener');
  }
  expect(await page.evaluate(() => window.__xss), `${where}: window.__xss`).toBeUndefined();
}

async function recordCsp(page: Page, consoleCsp: string[]) {
  page.on('console', (msg) => {
    if (/Content[- ]Security[- ]Policy/i.test(msg.text())) consoleCsp.push(msg.text());
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener(
      'securitypolicyviolation',
      (e) =>
        window.__csp.push(
          `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
        ),
      true,
    );
  });
}

/** Text of the Markdown container without underscores (see RAW_HTML_FRAGMENTS). */
async function markdownText(page: Page, selector: string): Promise<string> {
  const text = await page.locator(selector).first().textContent();
  return (text ?? '').replace(/_/g, '');
}

test.describe('story text cannot inject markup or script', () => {
  test('every step, the About panel and a feature card show payloads as text, in both languages', async ({
    app,
  }) => {
    const { page } = app;
    const consoleCsp: string[] = [];
    await recordCsp(page, consoleCsp);
    const story = new StoryDriver(page);
    await story.open({ story: XSS_STORY });
    const ids = await story.stepIds();
    expect(ids).toEqual(['first', 'second', 'third']);
    const titles = ['First', 'Second', 'Third'];
    const zhTitles = ['第一', '第二', '第三'];

    // English, forwards through every step.
    for (const [i, id] of ids.entries()) {
      if (i > 0) await story.next();
      await story.waitForSettled(id);
      await expect(story.card().locator('h2')).toHaveText(plain(titles[i]!));
      const body = await markdownText(page, 'step-card .body');
      for (const fragment of RAW_HTML_FRAGMENTS) expect(body).toContain(fragment);
      if (id === 'first') {
        await expect(story.card().locator('img')).toHaveAttribute('alt', plain('Alt'));
        await expect(story.card().locator('figcaption')).toContainText(plain('Credit'));
      }
      if (id === 'second')
        await expect(story.card().locator('.places li')).toHaveText(plain('Place'));
      await expect(story.announcer()).toContainText(plain(titles[i]!));
      await expectNothingExecutable(page, `step "${id}" (en)`);
    }

    // Chinese, backwards.
    await page.getByRole('button', { name: 'Switch to Chinese' }).click();
    for (let i = ids.length - 1; i >= 0; i--) {
      if (i < ids.length - 1) {
        await story.clearEvents();
        await page.getByRole('button', { name: '上一步', exact: true }).click();
        await story.waitForSettled(ids[i]!);
      }
      await expect(story.card().locator('h2')).toHaveText(plain(zhTitles[i]!));
      const body = await markdownText(page, 'step-card .body');
      for (const fragment of RAW_HTML_FRAGMENTS) expect(body).toContain(fragment);
      await expectNothingExecutable(page, `step "${ids[i]}" (zh)`);
    }
    await page.getByRole('button', { name: '切换到英文' }).click();

    // The About dialog: title, subtitle, article and credits.
    await page.getByRole('button', { name: 'About', exact: true }).click();
    const dialog = page.locator('about-panel dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('h2')).toHaveText(plain('Story'));
    await expect(dialog.locator('.subtitle')).toHaveText(plain('Subtitle'));
    await expect(dialog.locator('cite')).toHaveText(plain('Article'));
    await expect(dialog.locator('.article')).toContainText(plain('Author'));
    await expect(dialog.locator('.article')).toContainText(plain('Publication'));
    const credits = await markdownText(page, 'about-panel .credits');
    for (const fragment of RAW_HTML_FRAGMENTS) expect(credits).toContain(fragment);
    await expectNothingExecutable(page, 'About dialog');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();

    // Explore: the layer list, search, and the feature card.
    await page.getByRole('button', { name: 'Explore', exact: true }).click();
    await expect(page.locator('explore-panel')).toBeVisible();
    await expect(page.locator('layer-panel')).toContainText(plain('Layer'));
    const search = page.getByRole('combobox');
    await search.fill('Place');
    await expect(page.getByRole('option').first()).toContainText(plain('Place'));
    await expectNothingExecutable(page, 'search results');
    await search.press('Enter');
    const card = page.locator('feature-card');
    await expect(card).toBeVisible();
    await expect(card.locator('h2 span[lang=en]')).toHaveText(plain('Place'));
    await expect(card.locator('h2 .zh')).toHaveText(plain('地点'));
    await expect(card.locator('dd').first()).toHaveText(plain('Kind'));
    await expect(card.locator('.description')).toHaveText(plain('Description'));
    await expect(card.locator('.source')).toContainText(plain('Source'));
    await expectNothingExecutable(page, 'feature card (en)');
    await page.getByRole('button', { name: 'Switch to Chinese' }).click();
    await expect(card.locator('.description')).toHaveText(plain('描述'));
    await expectNothingExecutable(page, 'feature card (zh)');

    // Images that failed to load (an injected <img src=x> would) have had time to fire.
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => window.__xss)).toBeUndefined();
    expect(await page.evaluate(() => window.__csp)).toEqual([]);
    expect(consoleCsp).toEqual([]);
  });

  test('a javascript: article URL is rejected or never becomes a link', async ({ app }) => {
    const { page } = app;
    const story = new StoryDriver(page);
    await story.open({ story: 'fixtures/xss/javascript-url.yaml' }, { waitForReady: false });
    await page.waitForFunction(() =>
      window.__storyEvents.some((e) => e.type === 'story-ready' || e.type === 'story-error'),
    );
    const events = await story.events();
    if (events.some((e) => e.type === 'story-error')) {
      await expect(page.getByRole('alert')).toContainText('credits.article.url');
    } else {
      await page.getByRole('button', { name: 'About', exact: true }).click();
      await expect(page.locator('about-panel dialog')).toBeVisible();
      await expect(page.locator('about-panel dialog')).toContainText('Click me');
    }
    await expectNothingExecutable(page, 'story with a javascript: article URL');
  });
});

test.describe('Content-Security-Policy', () => {
  const csp = () => {
    const html = readFileSync(new URL('../../dist/index.html', import.meta.url), 'utf8');
    const meta = /<meta[^>]+http-equiv=["']Content-Security-Policy["'][^>]*>/i.exec(html)?.[0];
    const content = meta && /content=(["'])(.*?)\1/is.exec(meta)?.[2];
    const directives = new Map<string, string[]>();
    for (const part of (content ?? '').split(';')) {
      const [name, ...values] = part.trim().split(/\s+/);
      if (name) directives.set(name.toLowerCase(), values);
    }
    return { meta, directives };
  };

  test('the built page declares a strict policy', () => {
    const { meta, directives } = csp();
    expect(meta, 'dist/index.html has a Content-Security-Policy <meta>').toBeTruthy();
    expect(directives.has('default-src')).toBe(true);
    for (const name of ['script-src', 'default-src']) {
      const values = directives.get(name) ?? [];
      expect(values, name).not.toContain("'unsafe-eval'");
      expect(values, name).not.toContain("'unsafe-inline'");
      expect(values, name).not.toContain('*');
      expect(values, name).not.toContain('data:');
    }
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });

  const MODES: [string, Record<string, string>][] = [
    ['story', {}],
    ['explore', { mode: 'explore' }],
    ['kiosk', { mode: 'kiosk', dwell: '60' }],
  ];
  for (const [mode, params] of MODES) {
    test(`the app runs under it with no violation: ${mode} mode`, async ({ app }) => {
      const { page } = app;
      const consoleCsp: string[] = [];
      await recordCsp(page, consoleCsp);
      const story = new StoryDriver(page);
      await story.open(params);
      expect(
        await page.evaluate(() =>
          document
            .querySelector('meta[http-equiv="Content-Security-Policy"]')
            ?.getAttribute('content'),
        ),
      ).toContain("script-src 'self'");
      if (mode === 'explore') {
        await expect(page.locator('explore-panel')).toBeVisible();
        await page.waitForFunction(() => document.querySelector('story-map')!.map?.loaded());
        await page.getByRole('combobox').fill('a');
        await page.getByRole('combobox').press('Enter');
        await expect(page.locator('feature-card')).toBeVisible();
      } else {
        const ids = await story.stepIds();
        await story.waitForSettled(ids[0]!);
        await page.getByRole('button', { name: 'About', exact: true }).click();
        await expect(page.locator('about-panel dialog')).toBeVisible();
        await page.keyboard.press('Escape');
      }
      await page.waitForTimeout(500);
      await expectNothingExecutable(page, `default story, ${mode} mode`);
      expect(await page.evaluate(() => window.__csp)).toEqual([]);
      expect(consoleCsp).toEqual([]);
    });
  }
});

test.describe('broken layers are reported; the story still runs', () => {
  test('a missing layer file', async ({ app }) => {
    const { page } = app;
    const story = new StoryDriver(page);
    await story.open({ story: 'fixtures/bad-layers/missing/story.yaml' });
    const alert = page.getByRole('alert');
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('fixtures/bad-layers/missing/nowhere.geojson');
    await expect(alert).toContainText('could not be loaded (HTTP 404)');
    await story.waitForSettled('one');
    await story.next();
    await story.waitForSettled('two');
    expect((await story.mapState()).visibleLayers).toEqual(['sites']);
    expect((await story.mapState()).highlighted).toEqual(['site-new']);
    await story.prev();
    await story.waitForSettled('one');
  });

  test('malformed GeoJSON: rule and contract breaches, and a file that is not JSON', async ({
    app,
  }) => {
    const { page } = app;
    const story = new StoryDriver(page);
    await story.open({ story: 'fixtures/bad-layers/malformed/story.yaml' });
    const alert = page.getByRole('alert');
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('fixtures/bad-layers/malformed/broken.geojson');
    await expect(alert).toContainText('features[0] (bad-point).geometry.coordinates');
    await expect(alert).toContainText('features[0] (bad-point).properties.precision_m');
    await expect(alert).toContainText('fixtures/bad-layers/malformed/garbled.geojson');
    await expect(alert).toContainText('not valid JSON');
    await story.waitForSettled('one');
    expect((await story.mapState()).visibleLayers).toEqual(['sites']);
    await story.next();
    await story.waitForSettled('two');
    expect((await story.mapState()).highlighted).toEqual(['site-new']);
    expect(await story.canvasColours()).toBeGreaterThan(8);
  });
});
