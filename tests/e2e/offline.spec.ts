// The exhibit without its server: after one visit the service worker has the whole kit
// (app, story, layers, basemap, fonts), so a reload with the server stopped and the network
// off starts the exhibit, and the watchdog's reload after an error lands back in the loop.
// New content reaches a kiosk at its next reset, never during a visit, and a reader at their
// next visit; a new version with a missing file never replaces the running one.
//
// Each test serves the build from its own small static server (on a port of its own, so every
// test is a fresh origin with no worker yet) whose folder can be switched or stopped, and
// "going offline" is all three of: stopping that server, context.setOffline(true), and
// aborting every request the browser still sends to the network (context.route does not see
// what the service worker answers, so whatever it sees is a request that would need a server).
//
// The second version a test switches to is the same build with its story edited and sw.js's
// revision for that file updated, which is what a rebuild with only the story changed gives.
import { createServer, type Server, type ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './support/app';
import { StoryDriver } from './support/story-driver';

const DIST = resolve(process.env.E2E_DIST ?? 'dist');
const STORY_FILE = 'stories/zhongguancun.json';

test.use({ serviceWorkers: 'allow', reducedMotion: 'reduce' });
test.describe.configure({ timeout: 120_000 });

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.yaml': 'text/yaml',
};

/** A static server over one folder at a time; `stop()` is the server gone. */
class Site {
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  /** Paths asked for, in order. */
  readonly requests: string[] = [];
  /** Files served beside the folder's, by path (answered with range requests too). */
  readonly extra = new Map<string, Buffer>();

  private constructor(public root: string) {
    this.#server = createServer(
      (req, res) => void this.#answer(req.url ?? '/', res, req.headers.range),
    );
    this.#server.on('connection', (s) => {
      this.#sockets.add(s);
      s.on('close', () => this.#sockets.delete(s));
    });
  }

  static async start(root: string): Promise<Site> {
    const site = new Site(root);
    await new Promise<void>((ok) => site.#server.listen(0, '127.0.0.1', ok));
    return site;
  }

  get origin(): string {
    const address = this.#server.address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  async #answer(url: string, res: ServerResponse, range: string | undefined) {
    const path = decodeURIComponent(url.split('?')[0]!);
    this.requests.push(path);
    const extra = this.extra.get(path);
    const bytes = range && /^bytes=(\d+)-(\d+)$/.exec(range);
    if (extra && bytes) {
      const [start, end] = [Number(bytes[1]), Math.min(Number(bytes[2]), extra.length - 1)];
      res
        .writeHead(206, {
          'Content-Range': `bytes ${start}-${end}/${extra.length}`,
          'Content-Type': 'application/octet-stream',
        })
        .end(extra.subarray(start, end + 1));
      return;
    }
    const file = normalize(join(this.root, path.endsWith('/') ? `${path}index.html` : path));
    const body =
      extra ??
      (file.startsWith(this.root) ? await readFile(file).catch(() => undefined) : undefined);
    if (!body) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    // no-cache: every request reaches this server, so switching folders is seen at once
    res
      .writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
      })
      .end(body);
  }

  async stop() {
    await new Promise<void>((ok) => {
      this.#server.close(() => ok());
      for (const s of this.#sockets) s.destroy();
    });
  }
}

const folders: string[] = [];
test.afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/**
 * A copy of the build with the story's titles changed, as a rebuild with an edited story
 * gives: the story file and its revision in sw.js. `missing` files are deleted from the copy
 * while sw.js is told they changed, so the new version cannot be fetched completely.
 */
function editedBuild(tag: string, { missing = [] as string[] } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), `offline-${tag}-`));
  folders.push(dir);
  cpSync(DIST, dir, { recursive: true });
  const storyPath = join(dir, STORY_FILE);
  const story = JSON.parse(readFileSync(storyPath, 'utf8')) as {
    title: { en: string };
    steps: { title: { en: string } }[];
  };
  story.title.en = `${story.title.en} (${tag})`;
  story.steps[0]!.title.en = `${story.steps[0]!.title.en} (${tag})`;
  writeFileSync(storyPath, `${JSON.stringify(story)}\n`);
  let sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  for (const file of [STORY_FILE, ...missing]) {
    const revision = missing.includes(file)
      ? `${tag}-changed`
      : createHash('md5')
          .update(readFileSync(join(dir, file)))
          .digest('hex');
    const entry = new RegExp(
      `(url:"${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}",revision:")[^"]+"`,
    );
    expect(sw, `sw.js precaches ${file}`).toMatch(entry);
    sw = sw.replace(entry, `$1${revision}"`);
    if (missing.includes(file)) unlinkSync(join(dir, file));
  }
  writeFileSync(join(dir, 'sw.js'), sw);
  return dir;
}

/** The worker has installed (every precache entry fetched) and controls the page. */
async function waitForOfflineKit(page: Page) {
  await page.waitForFunction(
    async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return (
        !!registration?.active && !registration.installing && !!navigator.serviceWorker.controller
      );
    },
    undefined,
    { timeout: 60_000, polling: 250 },
  );
}

async function goOffline(context: BrowserContext, site: Site) {
  await site.stop();
  await context.setOffline(true);
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
}

/** The manifest the page links (what "Install" would use), read as the page reads it. */
const linkedManifest = (page: Page) =>
  page.evaluate(async () => {
    const href = document.querySelector('link[rel="manifest"]')!.getAttribute('href')!;
    return { href, ...((await (await fetch(href)).json()) as Record<string, unknown>) };
  });

const firstTitle = (page: Page) =>
  page.evaluate(() => document.querySelector('story-map')!.steps[0]?.title ?? '');

const workerSlots = (page: Page) =>
  page.evaluate(async () => {
    const r = await navigator.serviceWorker.getRegistration();
    return { waiting: !!r?.waiting, installing: !!r?.installing };
  });

/** What the browser does on its own from time to time, done now: look for a new sw.js. */
const checkForUpdate = (page: Page) =>
  page.evaluate(async () => {
    await (await navigator.serviceWorker.getRegistration())?.update();
  });

function countNavigations(page: Page) {
  const seen = { count: 0 };
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) seen.count += 1;
  });
  return seen;
}

/** A kiosk opened on a site of its own, on its first step, settled. */
async function openKioskOnSite(page: Page, query: string) {
  const story = new StoryDriver(page);
  const site = await Site.start(DIST);
  await page.goto(`${site.origin}/?mode=kiosk&${query}`);
  await story.waitForEvent('story-ready');
  const ids = await story.stepIds();
  await story.waitForSettled(ids[0]!);
  return { story, site, ids };
}

test('after one visit the kiosk starts with no server and no network, on its first step with the map drawn', async ({
  app,
  context,
}) => {
  const { page } = app;
  const { story, site, ids } = await openKioskOnSite(page, 'dwell=60&lang=en');
  const first = ids[0];
  await waitForOfflineKit(page);

  // With the worker in charge, a PMTiles archive still goes to the server as a range request
  // and is never cached.
  site.extra.set('/city.pmtiles', Buffer.alloc(4096, 7));
  const archive = await page.evaluate(async () => {
    const r = await fetch('city.pmtiles', { headers: { Range: 'bytes=0-126' } });
    return { status: r.status, bytes: (await r.arrayBuffer()).byteLength };
  });
  expect(archive).toEqual({ status: 206, bytes: 127 });
  expect(site.requests).toContain('/city.pmtiles');
  expect(await page.evaluate(() => caches.match('city.pmtiles').then(Boolean))).toBe(false);

  await goOffline(context, site);
  const served = site.requests.length;
  await page.reload();
  await story.waitForEvent('story-ready');
  await story.waitForSettled(first!);
  expect(await story.stepIndex()).toBe(0);
  await expect(story.root).toHaveAttribute('mode', 'kiosk');
  await expect(page.getByText('Touch to explore')).toBeVisible();
  // The map is drawn: the basemap and the step's layers give many colours, a blank canvas one.
  expect(await story.canvasColours()).toBeGreaterThan(20);
  // An exhibition installs as a full-screen kiosk (the manifest is in the offline kit too).
  expect(await linkedManifest(page)).toMatchObject({
    href: './manifest-kiosk.webmanifest',
    display: 'fullscreen',
    start_url: './?mode=kiosk',
  });
  // Nothing reached the (stopped) server, and nothing failed for want of it.
  expect(site.requests.length).toBe(served);
  expect(app.consoleErrors.filter((e) => !/sw\.js|ServiceWorker/i.test(e))).toEqual([]);
});

test('with the server gone, an error reloads the kiosk back into its loop, and the technician sees it', async ({
  app,
  context,
}) => {
  const { page } = app;
  const { story, site } = await openKioskOnSite(page, 'dwell=1&lang=en&status');
  await waitForOfflineKit(page);
  await goOffline(context, site);

  const reloaded = page.waitForEvent('framenavigated');
  await page.evaluate(() =>
    setTimeout(() => {
      throw new Error('simulated crash');
    }),
  );
  await reloaded;
  await story.waitForEvent('story-ready');
  await expect(story.root).toHaveAttribute('mode', 'kiosk');
  // Back in the loop: it moves on by itself, step after step.
  await page.waitForFunction(
    () => window.__storyEvents.filter((e) => e.type === 'step-settled').length >= 2,
    undefined,
    { timeout: 60_000 },
  );
  const panel = page.locator('kiosk-status');
  await expect(panel).toContainText('Uncaught Error: simulated crash');
  await expect(panel).toContainText('serving this page: starts offline');
  await expect(panel).toContainText(/precache \d+ files/);
  await expect(panel).toContainText(/Reloads\s*1/);
  await expect(panel).toContainText(/Starts\s*2/);
});

test('a changed story reaches the kiosk at the next reset, not while a visitor is there', async ({
  app,
}) => {
  const { page } = app;
  const story = new StoryDriver(page);
  const site = await Site.start(DIST);
  const navigations = countNavigations(page);
  await page.goto(`${site.origin}/?mode=kiosk&dwell=60&idle=10&countdown=3&lang=en`);
  await story.waitForEvent('story-ready');
  const before = await firstTitle(page);
  await waitForOfflineKit(page);
  const start = navigations.count;

  // A visitor takes over; meanwhile the new story is put on the server and found.
  await page.mouse.click(900, 400);
  await expect(page.getByText('Touch to explore')).toBeHidden();
  site.root = editedBuild('B');
  await checkForUpdate(page);
  await expect
    .poll(() => workerSlots(page), { timeout: 30_000 })
    .toEqual({
      waiting: true,
      installing: false,
    });
  // Ready and waiting, but not taken: the visit goes on with the story as it was…
  expect(await firstTitle(page)).toBe(before);
  // …through the walk-away countdown too.
  await expect(page.getByRole('alertdialog')).toBeVisible({ timeout: 20_000 });
  expect(await firstTitle(page)).toBe(before);
  expect(navigations.count).toBe(start);

  // The countdown ends: the reset reloads into the new version, back in the attract loop.
  await page.waitForEvent('framenavigated', { timeout: 20_000 });
  await story.waitForEvent('story-ready');
  expect(await firstTitle(page)).toBe(`${before} (B)`);
  await expect(page.getByText('Touch to explore')).toBeVisible();
  expect(navigations.count).toBe(start + 1);
});

test('a reader gets a new version at the next visit, with a note; a new version with a missing file is never used', async ({
  app,
}) => {
  const { page } = app;
  const story = new StoryDriver(page);
  const site = await Site.start(DIST);
  await page.goto(`${site.origin}/?lang=en`);
  await story.waitForEvent('story-ready');
  const before = await firstTitle(page);
  await waitForOfflineKit(page);
  expect(await linkedManifest(page)).toMatchObject({
    href: './manifest.webmanifest',
    display: 'standalone',
    name: 'Zhongguancun Map Story · 中关村地图故事',
  });

  // Half-arrived: the new story is there but one file of the new version is missing.
  site.root = editedBuild('broken', { missing: ['geo/journeys.geojson'] });
  await checkForUpdate(page);
  await expect
    .poll(() => workerSlots(page), { timeout: 30_000 })
    .toEqual({
      waiting: false,
      installing: false,
    });
  await page.reload();
  await story.waitForEvent('story-ready');
  expect(await firstTitle(page)).toBe(before);
  await expect(page.locator('update-note')).toHaveCount(0);

  // A complete new version arrives while the reader reads: nothing changes under them…
  site.root = editedBuild('C');
  await checkForUpdate(page);
  await expect.poll(() => workerSlots(page), { timeout: 30_000 }).toMatchObject({ waiting: true });
  expect(await firstTitle(page)).toBe(before);
  await expect(page.locator('update-note')).toHaveCount(0);
  // …until their next visit, which opens the new version and says so, once.
  await page.reload();
  await expect
    .poll(() => firstTitle(page).catch(() => ''), { timeout: 30_000 })
    .toBe(`${before} (C)`);
  const note = page.getByRole('status').filter({ hasText: 'Updated to the latest version' });
  await expect(note).toBeVisible();
  await note.getByRole('button').click();
  await expect(page.locator('update-note')).toHaveCount(0);
  await page.reload();
  await story.waitForEvent('story-ready');
  expect(await firstTitle(page)).toBe(`${before} (C)`);
  await expect(page.locator('update-note')).toHaveCount(0);
});
