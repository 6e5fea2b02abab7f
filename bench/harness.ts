// What every measurement of `npm run bench` shares: the configuration (environment), the
// build of the app and the bare page, the preview server, the browser and its pages (with the
// probes of bench/probes.ts), opening the app and the bare page, statistics, the table, and
// `runStandalone`, which runs one measurement module on its own (`npx tsx bench/<name>.ts`).
// The module interface is documented at the top of scripts/bench.ts.
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium-flags.ts';
import { NAME_SHIM, pageInit } from './probes.ts';
import type { BareInit, CameraSnapshot, LayerSnapshot, RecordedMove } from './protocol.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && process.env[name] !== '' && process.env[name] !== undefined
    ? v
    : fallback;
};

/** Read once from the environment; the variables are listed at the top of scripts/bench.ts. */
export const CONFIG = {
  rounds: num('BENCH_ROUNDS', 3),
  flights: num('BENCH_FLIGHTS', 5),
  presses: num('BENCH_PRESSES', 8),
  loads: num('BENCH_LOADS', 4),
  soakSteps: num('BENCH_SOAK_STEPS', 2000),
  soakMaxS: num('BENCH_SOAK_MAX_S', 1500),
  soakWarmupCycles: Math.max(1, num('BENCH_SOAK_WARMUP_CYCLES', 2)),
  soakSampleCycles: Math.max(1, num('BENCH_SOAK_SAMPLE_CYCLES', 5)),
  soakViewport: (() => {
    const [w, h] = (process.env.BENCH_SOAK_VIEWPORT ?? '800x500').split('x').map(Number);
    return { width: w || 800, height: h || 500 };
  })(),
  port: num('BENCH_PORT', 4188),
  siteDir: resolve(process.env.BENCH_SITE_DIR ?? join(ROOT, 'node_modules/.cache/zgc-bench/site')),
  skipBuild: process.env.BENCH_SKIP_BUILD === '1',
  only: process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : undefined,
  chromium: chromiumPath(),
  viewport: { width: 1280, height: 800 },
};
export type BenchConfig = typeof CONFIG;

export const BASE = `http://127.0.0.1:${CONFIG.port}/`;
export const BARE = `${BASE}bench/bare.html`;
/** How long a step may take to settle, or a page to load (BENCH_STEP_TIMEOUT_S; busy machines need more). */
export const STEP_TIMEOUT_MS = num('BENCH_STEP_TIMEOUT_S', 60) * 1000;

// ---- what a measurement returns ------------------------------------------------------------

export type Row = [
  metric: string,
  app: string,
  bare: string,
  ratio: string,
  goal: string,
  met: string,
];

/** What one measurement module hands back to the runner. */
export interface Section {
  /** Rows of the printed table, in order. */
  rows: Row[];
  /** Written to bench-results/*.json, each key at the top level (e.g. `{ flights: ... }`). */
  results: Record<string, unknown>;
  /** Printed under the table. */
  notes?: string[];
  /** Errors the page reported; the run exits 1 when there are any. */
  errors?: string[];
}

/** Values one measurement leaves for the next, so they are not made twice in a run. */
export interface Shared {
  /** The app's camera moves for steps 1..N and its state at step 0 (bench/flights.ts). */
  recording: Recording;
}
export interface Recording {
  init: BareInit & { camera: CameraSnapshot; layers: LayerSnapshot; style: StyleSpecification };
  moves: RecordedMove[];
}

export interface BenchContext {
  config: BenchConfig;
  browser: Browser;
  /** The app's URL (the site's root) and the bare MapLibre page's. */
  base: string;
  bare: string;
  log(message: string): void;
  shared: Partial<Shared>;
}

export type Measure = (ctx: BenchContext) => Promise<Section>;

// ---- statistics and formatting -------------------------------------------------------------

export const median = (xs: number[]): number => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
export const round = (x: number, digits = 1) => Number(x.toFixed(digits));
export const kB = (b: number) => `${(b / 1000).toFixed(1)} kB`;
export const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;
export const n1 = (x: number | undefined, digits = 1) =>
  x === undefined || !Number.isFinite(x) ? 'n/a' : String(round(x, digits));
export const yes = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? 'yes' : 'NO');

const T0 = performance.now();
export function log(message: string) {
  const t = ((performance.now() - T0) / 1000).toFixed(0).padStart(4);
  console.log(`[${t}s] ${message}`);
}
export const elapsedS = () => round((performance.now() - T0) / 1000, 0);

/** The markdown table of these rows, columns padded. */
export function formatTable(rows: Row[]): string {
  const header: Row = ['metric', 'app', 'bare', 'app/bare', 'goal', 'met'];
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: Row) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

// ---- build and serve -----------------------------------------------------------------------

/** Builds the app and the bare page into CONFIG.siteDir (unless BENCH_SKIP_BUILD=1 and built). */
export function build() {
  if (CONFIG.skipBuild && existsSync(join(CONFIG.siteDir, 'bench/bare.html'))) return;
  const rel = relative(ROOT, CONFIG.siteDir);
  log(`building the app and the bare page into ${rel}/`);
  execFileSync(
    'npx',
    ['vite', 'build', '--outDir', CONFIG.siteDir, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  execFileSync('npx', ['vite', 'build', '--config', 'bench/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, BENCH_OUT_DIR: CONFIG.siteDir, BENCH_EMPTY_OUT_DIR: '0' },
  });
}

/** `vite preview` of the built site on CONFIG.port; resolves once it answers. */
export async function serve(): Promise<ChildProcess> {
  const server = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--outDir',
      CONFIG.siteDir,
      '--port',
      String(CONFIG.port),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  server.stdout?.on('data', (d) => (output += String(d)));
  server.stderr?.on('data', (d) => (output += String(d)));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`vite preview exited:\n${output}`);
    try {
      const res = await fetch(BASE);
      if (res.ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`vite preview did not answer on ${BASE}:\n${output}`);
}

export function stopServer(server: ChildProcess | undefined) {
  if (!server?.pid || server.exitCode !== null) return;
  try {
    process.kill(-server.pid, 'SIGTERM'); // its own process group: npx and vite
  } catch {
    server.kill('SIGTERM');
  }
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CONFIG.chromium, args: CHROMIUM_ARGS });
}

// ---- pages ---------------------------------------------------------------------------------

/** A fresh context at the bench's viewport, service workers blocked, the probes installed. */
export async function newContext(
  browser: Browser,
  reducedMotion: 'reduce' | 'no-preference',
  viewport = CONFIG.viewport,
) {
  const context = await browser.newContext({ viewport, reducedMotion, serviceWorkers: 'block' });
  await context.addInitScript({ content: NAME_SHIM });
  await context.addInitScript(pageInit);
  return context;
}

export async function waitForAppEvent(page: Page, type: string, index?: number) {
  await page.waitForFunction(
    ([t, i]) => window.__benchEvents.some((e) => e.type === t && (i === null || e.index === i)),
    [type, index ?? null] as const,
    { timeout: STEP_TIMEOUT_MS, polling: 50 },
  );
}

/** Opens the app and waits until its first step has settled; returns the page's errors. */
export async function openApp(page: Page, query = '') {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${BASE}${query}`);
  await waitForAppEvent(page, 'story-ready');
  await waitForAppEvent(page, 'step-settled', 0);
  return errors;
}

/** The bare page as it builds its own map (basemap style and story layers): a cold load. */
export async function openBare(page: Page, init: BareInit) {
  await page.goto(`${BARE}#${encodeURIComponent(JSON.stringify(init))}`);
  await page.waitForFunction(() => window.bare !== undefined, null, { timeout: STEP_TIMEOUT_MS });
  await page.evaluate(() => window.bare.ready);
}

/** The bare page drawing the app's own style (`map.getStyle()` of the running app). */
export async function openBareExact(page: Page, init: Recording['init']) {
  await page.goto(`${BARE}#${encodeURIComponent(JSON.stringify({ exact: true }))}`);
  await page.waitForFunction(() => typeof window.bareStart === 'function', null, {
    timeout: STEP_TIMEOUT_MS,
  });
  // As JSON text: Playwright's types for a serializable argument do not reach into a style.
  await page.evaluate((json) => window.bareStart(JSON.parse(json) as never), JSON.stringify(init));
}

/** The app's state at the step it has settled on: camera, story layers, whole style. */
export function appState(page: Page): Promise<Recording['init']> {
  return page.evaluate(() => {
    const map = document.querySelector('story-map')!.map!;
    return {
      camera: window.__benchCamera(map),
      layers: window.__benchSnapshot(map),
      style: map.getStyle(),
    };
  });
}

/** goTo(index) with reduced motion (a jump, no flight), back to motion afterwards. */
export async function appJumpTo(page: Page, index: number) {
  if ((await page.evaluate(() => document.querySelector('story-map')!.stepIndex)) === index) return;
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.evaluate(
    async ({ index, timeout }) => {
      const settled = window.__benchSettled(index, timeout);
      document.querySelector('story-map')!.goTo(index);
      await settled;
    },
    { index, timeout: STEP_TIMEOUT_MS },
  );
  await page.emulateMedia({ reducedMotion: 'no-preference' });
}

/**
 * Pages that take turns: the one not being measured is frozen (no frames, timers or
 * animations), so the app's step animations never run behind the bare page's flights, nor the
 * other way round. `use(page)` freezes the others and brings that one to the front.
 */
export async function takingTurns(context: BrowserContext, pages: Page[]) {
  const sessions = new Map<Page, import('@playwright/test').CDPSession>();
  for (const page of pages) sessions.set(page, await context.newCDPSession(page));
  const frozen = new Set<Page>();
  return async (page: Page) => {
    for (const [other, cdp] of sessions) {
      if (other === page || frozen.has(other)) continue;
      await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
      frozen.add(other);
    }
    if (frozen.delete(page))
      await sessions.get(page)!.send('Page.setWebLifecycleState', { state: 'active' });
    await page.bringToFront();
  };
}

// ---- the machine and the run ---------------------------------------------------------------

export function machine(browserVersion: string) {
  const sh = (cmd: string, args: string[]) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  return {
    nproc: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    freeGiB: round(freemem() / 2 ** 30, 1),
    freeH: sh('free', ['-h']),
    loadavgAtStart: loadavg().map((x) => round(x, 2)),
    chromium: browserVersion,
    chromiumPath: CONFIG.chromium,
    node: process.version,
    git: sh('git', ['-C', ROOT, 'describe', '--always', '--dirty']),
  };
}

export interface BenchResults {
  date: string;
  machine: Record<string, unknown>;
  config: Record<string, unknown>;
  errors: string[];
  durationS?: number;
  [section: string]: unknown;
}

/**
 * Builds, serves, launches the browser, runs `measures` in order, prints the table and
 * writes bench-results/bench-<timestamp>.json and bench-results/latest.json.
 */
export async function runBench(measures: { name: string; run: () => Promise<Measure> }[]) {
  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: {},
    config: { ...CONFIG, only: CONFIG.only ? [...CONFIG.only] : 'all' },
    errors: [],
  };
  const rows: Row[] = [];
  const notes: string[] = [];
  build();
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  const cleanup = () => stopServer(server);
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
    server = await serve();
    browser = await launch();
    results.machine = machine(browser.version());
    const ctx: BenchContext = { config: CONFIG, browser, base: BASE, bare: BARE, log, shared: {} };
    for (const m of measures) {
      try {
        const section = await (await m.run())(ctx);
        Object.assign(results, section.results);
        rows.push(...section.rows);
        notes.push(...(section.notes ?? []));
        results.errors.push(...(section.errors ?? []));
      } catch (err) {
        results.errors.push(`${m.name}: ${String((err as Error).stack ?? err)}`);
        console.error(err);
      }
    }
  } catch (err) {
    results.errors.push(String((err as Error).stack ?? err));
    console.error(err);
  } finally {
    await browser?.close();
    cleanup();
  }
  results.machine.loadavgAtEnd = loadavg().map((x) => round(x, 2));
  results.durationS = elapsedS();

  const out = join(ROOT, 'bench-results');
  mkdirSync(out, { recursive: true });
  const stamp = results.date.replace(/[:.]/g, '-');
  const json = JSON.stringify(results, null, 2);
  writeFileSync(join(out, `bench-${stamp}.json`), json);
  writeFileSync(join(out, 'latest.json'), json);

  const m = results.machine;
  console.log(
    `\nBenchmark: app vs bare MapLibre — ${results.date}, ${String(m.nproc)} cores, ` +
      `Chromium ${String(m.chromium)} (SwiftShader), load average ${JSON.stringify(m.loadavgAtStart)} → ${JSON.stringify(m.loadavgAtEnd)}, ${results.durationS} s\n`,
  );
  console.log(formatTable(rows));
  for (const note of notes) console.log(`\n${note}`);
  console.log(
    `\nWritten: ${relative(process.cwd(), join(out, `bench-${stamp}.json`))} and bench-results/latest.json`,
  );
  if (results.errors.length) {
    console.error(`\n${results.errors.length} error(s):\n${results.errors.join('\n')}`);
    process.exitCode = 1;
  }
}

/** True when `moduleUrl` is the script node was started with (`npx tsx bench/<name>.ts`). */
export function isMain(moduleUrl: string): boolean {
  return !!process.argv[1] && resolve(process.argv[1]) === fileURLToPath(moduleUrl);
}

/** Runs one measurement module on its own: build, serve, measure, print its table. */
export function runStandalone(name: string, run: Measure) {
  return runBench([{ name, run: () => Promise.resolve(run) }]);
}
