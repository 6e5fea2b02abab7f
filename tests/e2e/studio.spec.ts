// The studio (`npm run studio`): the live preview on the dev server and the authoring panel.
// Unlike the other specs this one runs against the Vite dev server, which it starts itself
// (on a free port, or STUDIO_E2E_PORT), because the live preview is a dev-server feature: a
// saved story file reaches the page as the `story-data:changed` HMR event.
//
// The story is a copy of tests/fixtures/mini in a folder of its own under stories/ (the dev
// server serves data and sends HMR events for stories/ and geo/ only), removed afterwards
// whatever happens. The story file is named `story.yaml.txt`: the app reads YAML whatever
// the name, while `npm run validate` and the build's story check (scripts/validate.ts
// findStoryFiles: *.yaml, *.yml, *.json with steps) pass it by, so a build or validation
// run by someone else while this spec has the file broken is not failed by it.
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { createServer, type ViteDevServer } from 'vite';
import { parse } from 'yaml';
import { CameraSchema } from '../../src/story/schema';
import { recordStoryEvents } from './support/app';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = join(ROOT, 'tests/fixtures/mini');
const FOLDER = `stories/.studio-test-${process.pid}`;
const STORY = `${FOLDER}/story.yaml.txt`;
const STORY_PATH = join(ROOT, STORY);
/** The brief's promise: an edit shows in the open page within 2 s. */
const LIVE_MS = 2000;

const original = readFileSync(join(FIXTURE, 'story.yaml'), 'utf8');
const TITLE = 'title: { en: A street, zh: 一条街 }';
const RENAMED = 'title: { en: A renamed street, zh: 改名的街 }';
const STREET_LAYERS = 'layers: [sites, streets]';
const edited = original.replace(TITLE, RENAMED);
const broken = edited.replace(STREET_LAYERS, 'layers: [sites, streetz]');

let server: ViteDevServer | undefined;
let cacheDir: string | undefined;
let context: BrowserContext | undefined;
let page: Page;
let base = '';
/** Files named by each `story-data:changed` event the page received. */
const hmrFiles: string[][] = [];

function removeCopies() {
  rmSync(join(ROOT, FOLDER), { recursive: true, force: true });
  if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
}

/** The page's identity: a reload gives a new time origin and loses the window marker. */
const pageIdentity = () =>
  page.evaluate(() => ({
    origin: performance.timeOrigin,
    marker: (window as unknown as { __studioMarker?: number }).__studioMarker,
  }));

const storyMap = () =>
  page.evaluate(() => {
    const root = document.querySelector('story-map')!;
    return { index: root.stepIndex, step: new URL(location.href).searchParams.get('step') };
  });

/** Resolves once the map has stopped moving (a re-applied step may still be easing). */
const mapAtRest = () =>
  page.waitForFunction(() => {
    const map = document.querySelector('story-map')?.map;
    return map !== undefined && !map.isMoving() && map.loaded();
  });

const panel = () => page.locator('studio-panel');

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  // A copy left by a run that was killed before its afterAll is gone with this process too.
  process.once('exit', removeCopies);
  mkdirSync(join(ROOT, FOLDER), { recursive: true });
  for (const file of ['layers.json', 'sites.geojson', 'streets.geojson', 'areas.geojson'])
    copyFileSync(join(FIXTURE, file), join(ROOT, FOLDER, file));
  writeFileSync(STORY_PATH, original);

  // Its own dependency cache, so it never rewrites the one a developer's `npm run dev` uses.
  cacheDir = mkdtempSync(join(tmpdir(), 'studio-e2e-vite-'));
  server = await createServer({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    cacheDir,
    logLevel: 'warn',
    clearScreen: false,
    server: {
      port: Number(process.env.STUDIO_E2E_PORT ?? 0),
      strictPort: true,
      host: '127.0.0.1',
    },
  });
  await server.listen();
  base = server.resolvedUrls!.local[0]!;

  context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    permissions: ['clipboard-read', 'clipboard-write'],
    serviceWorkers: 'block',
  });
  page = await context.newPage();
  page.on('websocket', (ws) =>
    ws.on('framereceived', ({ payload }) => {
      if (typeof payload !== 'string' || !payload.includes('story-data:changed')) return;
      const message = JSON.parse(payload) as { data?: { files?: string[] } };
      hmrFiles.push(message.data?.files ?? []);
    }),
  );
  await recordStoryEvents(page);
  await page.goto(`${base}?studio&story=${STORY}&step=street`);
  await page.waitForFunction(
    () => window.__storyEvents.some((e) => e.type === 'step-settled' && e.id === 'street'),
    undefined,
    { timeout: 90_000 },
  );
  await expect(panel()).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { __studioMarker: number }).__studioMarker = Math.random();
  });
});

test.afterAll(async () => {
  try {
    await context?.close();
    await server?.close();
  } finally {
    removeCopies();
  }
});

test('a saved edit shows on the same step within 2 s, without a reload', async () => {
  const before = await pageIdentity();
  expect(before.marker).toBeDefined();
  const started = Date.now();
  writeFileSync(STORY_PATH, edited);
  // The dev server saw the save and told the page (if this fails, the app is not to blame).
  await expect
    .poll(() => hmrFiles.some((files) => files.includes(STORY)), { timeout: LIVE_MS })
    .toBe(true);
  await expect(page.locator('step-card h2')).toHaveText('A renamed street', {
    timeout: Math.max(1, LIVE_MS - (Date.now() - started)),
  });
  console.log(`studio: the edit showed ${Date.now() - started} ms after the save`);
  expect(await pageIdentity()).toEqual(before);
  expect(await storyMap()).toEqual({ index: 2, step: 'street' });
  await expect(panel()).toContainText('street');
});

test('the panel reads the camera as the map moves, and copies it as a step’s YAML', async () => {
  await mapAtRest();
  const target = {
    center: [116.3205, 39.9883] as [number, number],
    zoom: 14.37,
    bearing: -32.5,
    pitch: 41,
  };
  await page.evaluate((c) => document.querySelector('story-map')!.map!.jumpTo(c), target);
  await expect(panel()).toContainText('116.32050, 39.98830');
  await expect(panel()).toContainText('14.37');
  await expect(panel()).toContainText('-32.5°');
  await expect(panel()).toContainText('41.0°');

  await panel().getByRole('button', { name: 'Copy camera' }).click();
  await expect(panel().getByRole('status')).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const { camera } = parse(copied) as { camera: unknown };
  expect(v.safeParse(CameraSchema, camera).success).toBe(true);
  expect(camera).toEqual(target);
});

test('a broken save is listed in the panel while the last good version plays; fixing it clears it', async () => {
  const before = await pageIdentity();
  expect(original.split(STREET_LAYERS)).toHaveLength(2); // the edit below changes one step
  writeFileSync(STORY_PATH, broken);
  const problem = panel().getByRole('listitem').filter({ hasText: 'unknown layer "streetz"' });
  await expect(problem).toBeVisible({ timeout: 10_000 });
  await expect(problem).toContainText('step "street"');
  await expect(page.getByRole('alert').first()).toBeVisible();

  // Still the edited story of the previous save, on its step, with its layers drawn.
  await expect(page.locator('step-card h2')).toHaveText('A renamed street');
  expect(await storyMap()).toEqual({ index: 2, step: 'street' });
  const streetsShown = await page.evaluate(
    () =>
      document.querySelector('story-map')!.map!.getLayoutProperty('streets-line', 'visibility') ===
      'visible',
  );
  expect(streetsShown).toBe(true);

  writeFileSync(STORY_PATH, edited);
  await expect(problem).toHaveCount(0, { timeout: 10_000 });
  await expect(panel()).toContainText('No problems');
  await expect(panel().getByRole('alert')).toHaveCount(0);
  expect(await pageIdentity()).toEqual(before);
});
