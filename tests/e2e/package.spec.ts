// The npm package as a newsroom's developer uses it: `npm pack` (its prepack builds it), the
// tarball installed into a fresh Vite app in a temporary folder (from the npm registry as
// usual, npm's cache first), the consumer's own TypeScript checked against the package's
// types (typed events), the app built with Vite and served, and its own story played.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './support/app';

/** What the consumer's page (tests/fixtures/consumer/main.ts) puts on `window`. */
type Consumer = { consumer: { isStoryMap: boolean; next: () => boolean } };

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONSUMER = join(ROOT, 'tests/fixtures/consumer');
const STORY = join(ROOT, 'tests/fixtures/mini');
const PORT = Number(process.env.E2E_PORT ?? 4179) + 50;
const ORIGIN = `http://127.0.0.1:${PORT}`;

let dir: string;
let server: ChildProcess | undefined;

const sh = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: process.env })
    .toString()
    .trim();

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(12 * 60_000);
  dir = mkdtempSync(join(tmpdir(), 'story-map-consumer-'));
  // The package, as `npm publish` would make it.
  sh('npm', ['pack', '--pack-destination', dir, '--silent'], ROOT);
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
  // A fresh Vite app with its own story (the package's example is not required).
  const app = join(dir, 'app');
  cpSync(CONSUMER, app, { recursive: true });
  cpSync(STORY, join(app, 'public/story'), { recursive: true });
  const own = JSON.parse(sh('npm', ['pkg', 'get', 'devDependencies'], ROOT)) as Record<
    string,
    string
  >;
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify(
      {
        name: 'newsroom-page',
        private: true,
        type: 'module',
        dependencies: { 'zhongguancun-map-story': `file:../${tarball}` },
        devDependencies: { vite: own['vite'], typescript: own['typescript'] },
      },
      null,
      2,
    ),
  );
  sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], app);
  // The type test: the consumer's main.ts uses the typed events and members.
  sh('npx', ['tsc', '-p', 'tsconfig.json'], app);
  sh('npx', ['vite', 'build', '--logLevel', 'warn'], app);
  server = spawn(
    'npx',
    ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
    { cwd: app, stdio: 'ignore', detached: true },
  );
  for (let i = 0; i < 120; i++) {
    const up = await fetch(`${ORIGIN}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the consumer's preview server did not start on ${ORIGIN}`);
});

test.afterAll(() => {
  // The server's process group (npx and vite under it); the folder with it.
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a Vite app that installed the package plays its own story', async ({ app }) => {
  test.setTimeout(6 * 60_000);
  const { page } = app;
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${ORIGIN}/index.html`);
  await expect(page.locator('#status')).toHaveText(/^settled 0 start$/, { timeout: 150_000 });
  expect(await page.evaluate(() => (window as unknown as Consumer).consumer.isStoryMap)).toBe(true);
  expect(await page.evaluate(() => (window as unknown as Consumer).consumer.next())).toBe(true);
  await expect(page.locator('#status')).toHaveText(/^settled 1 old-site$/, { timeout: 150_000 });
  // The element's own files came with the package, renamed by the consumer's build.
  expect(requests.some((p) => /maplibre-gl-worker.*\.mjs$/.test(p))).toBe(true);
  expect(requests.some((p) => /\/assets\/font-faces.*\.json$/.test(p))).toBe(true);
  expect(requests.some((p) => /\/assets\/world.*\.geojson$/.test(p))).toBe(true);
  // The theme reached inside: the accent the page set.
  const accent = await page
    .locator('story-map')
    .evaluate((el) => getComputedStyle(el).getPropertyValue('--story-map-accent').trim());
  expect(accent).toBe('#005f73');
  // Nothing left the consumer's origin (the fixture counts it as "outside": another port).
  expect(app.outsideRequests.filter((u) => !u.startsWith(`${ORIGIN}/`))).toEqual([]);
  expect(app.consoleErrors).toEqual([]);
});

test('a missing story gets the element’s usual clear error', async ({ app }) => {
  test.setTimeout(4 * 60_000);
  const { page } = app;
  await page.goto(`${ORIGIN}/missing.html`);
  await expect(page.locator('#status')).toHaveText(/^error .*no-such-story\.yaml/, {
    timeout: 150_000,
  });
  await expect(page.locator('story-map').getByRole('alert')).toContainText('no-such-story.yaml');
  // The 404 itself is the console's only complaint.
  expect(app.consoleErrors.filter((e) => !/404|Not Found/i.test(e))).toEqual([]);
});
