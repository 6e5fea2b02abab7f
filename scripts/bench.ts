// `npm run bench`: the app against bare MapLibre (bench/bare.html: the same MapLibre, basemap
// style and story layers, nothing else), in headless Chromium with SwiftShader, in one run:
//   1. frame rate while flying between steps (the app's own camera moves replayed on the bare
//      page), app and bare taking turns for several rounds;
//   2. input latency: key press / click on Next -> the camera's `movestart` and first frame;
//   3. first load: bytes fetched until the first step has settled, by kind, raw and gzip; the
//      app's own code (scripts/check-size.ts) against MapLibre's bundle as the floor;
//   4. time to the first idle map, app and bare, over several cold loads;
//   5. soak: thousands of step changes of a kiosk (attract loop, a visitor's Next, language,
//      Explore and Resume, the walk-away reset; bench/soak.ts), reduced motion; heap, DOM,
//      map layers, sources and listeners, always measured on the first step after a reset.
// Prints a table and writes bench-results/bench-<timestamp>.json and bench-results/latest.json.
// The machines are noisy: every figure is a median, and app and bare are compared as ratios.
//
// Environment (defaults in brackets):
//   BENCH_ROUNDS [3]   measured rounds of flights (after one unmeasured warm-up each); app
//                      and bare take turns flight by flight, the idle page frozen
//   BENCH_FLIGHTS [5]  flights per round: steps 1..N of the story
//   BENCH_PRESSES [8]  input-latency presses (alternately ArrowRight and a click on Next)
//   BENCH_LOADS [4]    cold loads of each page for the time to first idle
//   BENCH_SOAK_STEPS [2000]  step changes in the soak (rounded up to whole cycles); 0 skips it
//   BENCH_SOAK_MAX_S [1500]  the soak stops after the cycle that passes this many seconds
//   BENCH_SOAK_WARMUP_CYCLES [2]  cycles before the first sample (caches fill, fonts load)
//   BENCH_SOAK_SAMPLE_CYCLES [5]  a sample (heap after GC, counts) every so many cycles
//   BENCH_SOAK_VIEWPORT [800x500]  a smaller page draws faster; still the wide layout
//   BENCH_ONLY         comma-separated subset of: size,flights,latency,loads,soak
//   BENCH_PORT [4188]  port of the vite preview server
//   BENCH_SITE_DIR [node_modules/.cache/zgc-bench/site]  where the app and bare page are built
//   BENCH_SKIP_BUILD=1 reuse the last build in BENCH_SITE_DIR
//   CHROMIUM_PATH [the browser scripts/ensure-browser.ts found]
import { chromium, type Browser, type Page } from '@playwright/test';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { cdpMetrics, pageFigures } from '../tests/e2e/support/metrics';
import {
  compareSamples,
  soakProbe,
  soakQuery,
  SoakDriver,
  SOAK_KIOSK,
  type SoakButtons,
  type SoakSample,
} from '../bench/soak';
import { strings } from '../src/i18n/strings';
import {
  buildBasemapStyle,
  BASEMAP_DEFERRED_DATA_KEY,
  type DeferredData,
} from '../src/map/basemap-style';
import type {
  BareApi,
  BareInit,
  CameraSnapshot,
  LayerSnapshot,
  RecordedMove,
} from '../bench/protocol';
import { formatReport, measureAppCode, type SizeReport } from './check-size';
import { CHROMIUM_ARGS, chromiumPath } from './chromium-flags';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && process.env[name] !== '' && process.env[name] !== undefined
    ? v
    : fallback;
};
const CONFIG = {
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
  siteDir: process.env.BENCH_SITE_DIR ?? join(ROOT, 'node_modules/.cache/zgc-bench/site'),
  skipBuild: process.env.BENCH_SKIP_BUILD === '1',
  only: new Set((process.env.BENCH_ONLY ?? 'size,flights,latency,loads,soak').split(',')),
  chromium: chromiumPath(),
  viewport: { width: 1280, height: 800 },
};
const BASE = `http://127.0.0.1:${CONFIG.port}/`;
const BARE = `${BASE}bench/bare.html`;
const STEP_TIMEOUT_MS = 60_000;

// ---- page-side helpers ------------------------------------------------------------------

interface FlightSegment {
  start: number;
  end: number;
  frames: number;
  longestFrameMs: number;
}
interface FlightStats {
  ms: number;
  frames: number;
  rafs: number;
  fps: number;
  longestFrameMs: number;
  method?: string;
  declaredMs?: number;
}
interface LatencyProbe {
  kind: string;
  input: number;
  inputTimeStamp: number;
  move: number;
  frame: number;
}
interface BenchEvent {
  type: string;
  index?: number;
  t: number;
}

declare global {
  interface Window {
    bare: BareApi;
    __benchEvents: BenchEvent[];
    __benchRecording: boolean;
    __benchMoves: RecordedMove[];
    __benchCamera(map: MapLibreMap): CameraSnapshot;
    __benchSnapshot(map: MapLibreMap): LayerSnapshot;
    __benchSettled(index: number, timeoutMs: number): Promise<number>;
    __benchFlight(map: MapLibreMap): { stop(): { segment: FlightSegment; rafs: number } };
    __benchArmLatency(map: MapLibreMap): void;
    __benchLatency: LatencyProbe;
  }
}

// tsx (esbuild keepNames) wraps named functions in __name(); functions sent to the page need it.
const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f);';

/** Installed in every page before its scripts: event log, camera/layer snapshots, counters. */
function pageInit() {
  window.__benchEvents = [];
  window.__benchRecording = false;
  window.__benchMoves = [];
  for (const type of ['story-ready', 'step-change', 'step-settled', 'story-error']) {
    document.addEventListener(
      type,
      (e) => {
        const detail = (e as CustomEvent<{ index?: number }>).detail ?? {};
        window.__benchEvents.push({ type, index: detail.index, t: performance.now() });
      },
      true,
    );
  }

  window.__benchCamera = (map) => {
    const c = map.getCenter();
    const p = map.getPadding();
    return {
      center: [c.lng, c.lat],
      zoom: map.getZoom(),
      bearing: map.getBearing(),
      pitch: map.getPitch(),
      padding: { top: p.top ?? 0, bottom: p.bottom ?? 0, left: p.left ?? 0, right: p.right ?? 0 },
    };
  };

  let featureIds: Map<string, string[]> | undefined;
  let sourcesSeen = '';
  window.__benchSnapshot = (map) => {
    const story = map
      .getLayersOrder()
      .map((id) => map.getLayer(id)!)
      .filter((l) => typeof l.source === 'string' && l.source.startsWith('story-'));
    // Layers arrive after the first step: read the features again when the sources change.
    const sources = [...new Set(story.map((l) => l.source as string))].sort().join();
    if (sources !== sourcesSeen) featureIds = undefined;
    sourcesSeen = sources;
    if (!featureIds) {
      featureIds = new Map();
      const sources = map.getStyle().sources;
      for (const [id, source] of Object.entries(sources)) {
        if (!id.startsWith('story-') || source.type !== 'geojson') continue;
        const data = source.data as { features?: { properties?: { id?: unknown } }[] };
        featureIds.set(
          id,
          (data.features ?? [])
            .map((f) => f.properties?.id)
            .filter((x): x is string => typeof x === 'string'),
        );
      }
    }
    const featureStates: LayerSnapshot['featureStates'] = [];
    for (const [source, ids] of featureIds) {
      for (const id of ids) {
        // `pulse` belongs to the animations, which start after a step settles.
        const state = { ...map.getFeatureState({ source, id }) };
        delete state.pulse;
        if (Object.keys(state).length) featureStates.push({ source, id, state });
      }
    }
    return {
      layers: story.map((l) => ({
        id: l.id,
        visible: map.getLayoutProperty(l.id, 'visibility') !== 'none',
        filter: map.getFilter(l.id) ?? null,
      })),
      featureStates,
    };
  };

  window.__benchSettled = (index, timeoutMs) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        document.removeEventListener('step-settled', on);
        reject(new Error(`step ${index} did not settle within ${timeoutMs} ms`));
      }, timeoutMs);
      const on = (e: Event) => {
        if ((e as CustomEvent<{ index: number }>).detail.index !== index) return;
        clearTimeout(timer);
        document.removeEventListener('step-settled', on);
        resolve(performance.now());
      };
      document.addEventListener('step-settled', on);
    });

  // Frames between movestart and moveend. A move can be preceded by a zero-length one
  // (setPadding is a jumpTo), so every move is a segment and the longest one is the flight.
  window.__benchFlight = (map) => {
    const segments: FlightSegment[] = [];
    let current: FlightSegment | undefined;
    let last = 0;
    let rafs = 0;
    let raf = 0;
    const onStart = () => {
      current = { start: performance.now(), end: 0, frames: 0, longestFrameMs: 0 };
      last = current.start;
    };
    const onRender = () => {
      if (!current) return;
      const now = performance.now();
      current.frames += 1;
      current.longestFrameMs = Math.max(current.longestFrameMs, now - last);
      last = now;
    };
    const onEnd = () => {
      if (!current) return;
      current.end = performance.now();
      segments.push(current);
      current = undefined;
    };
    const tick = () => {
      if (current) rafs += 1;
      raf = requestAnimationFrame(tick);
    };
    map.on('movestart', onStart);
    map.on('render', onRender);
    map.on('moveend', onEnd);
    raf = requestAnimationFrame(tick);
    return {
      stop() {
        map.off('movestart', onStart);
        map.off('render', onRender);
        map.off('moveend', onEnd);
        cancelAnimationFrame(raf);
        const segment = segments.reduce<FlightSegment>(
          (a, b) => (b.end - b.start > a.end - a.start ? b : a),
          { start: 0, end: 0, frames: 0, longestFrameMs: 0 },
        );
        return { segment, rafs };
      },
    };
  };

  window.__benchArmLatency = (map) => {
    const probe: LatencyProbe = { kind: '', input: 0, inputTimeStamp: 0, move: 0, frame: 0 };
    const onInput = (e: Event) => {
      removeEventListener('keydown', onInput, true);
      removeEventListener('click', onInput, true);
      probe.input = performance.now();
      probe.inputTimeStamp = e.timeStamp;
      probe.kind = e.type;
    };
    addEventListener('keydown', onInput, true);
    addEventListener('click', onInput, true);
    map.once('movestart', () => {
      probe.move = performance.now();
      map.once('render', () => (probe.frame = performance.now()));
    });
    window.__benchLatency = probe;
  };

  // Records the app's camera moves (as MapLibre receives them) while __benchRecording is set.
  document.addEventListener(
    'story-ready',
    (e) => {
      const el = e.target as HTMLElementTagNameMap['story-map'];
      const map = el.map;
      if (!map) return;
      const target = map as unknown as Record<string, (...args: unknown[]) => unknown>;
      let depth = 0;
      for (const method of ['flyTo', 'easeTo', 'jumpTo'] as const) {
        const original = target[method]!;
        target[method] = function (this: unknown, ...args: unknown[]) {
          if (window.__benchRecording && depth === 0) {
            window.__benchMoves.push({
              step: el.stepIndex,
              method,
              options: JSON.parse(JSON.stringify(args[0] ?? {})) as Record<string, unknown>,
              from: window.__benchCamera(map),
              layers: window.__benchSnapshot(map),
            });
          }
          depth += 1;
          try {
            return original.apply(this, args);
          } finally {
            depth -= 1;
          }
        };
      }
    },
    true,
  );
}

// ---- statistics and formatting -------------------------------------------------------------

const median = (xs: number[]): number => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number, digits = 1) => Number(x.toFixed(digits));
const kB = (b: number) => `${(b / 1000).toFixed(1)} kB`;
const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;

function log(message: string) {
  const t = ((performance.now() - T0) / 1000).toFixed(0).padStart(4);
  console.log(`[${t}s] ${message}`);
}
const T0 = performance.now();

// ---- build and serve -------------------------------------------------------------------------

function build() {
  const rel = relative(ROOT, CONFIG.siteDir);
  log(`building the app and the bare page into ${rel}/`);
  execFileSync(
    'npx',
    ['vite', 'build', '--outDir', CONFIG.siteDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  execFileSync('npx', ['vite', 'build', '--config', 'bench/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, BENCH_OUT_DIR: CONFIG.siteDir, BENCH_EMPTY_OUT_DIR: '0' },
  });
}

async function serve(): Promise<ChildProcess> {
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

function stopServer(server: ChildProcess | undefined) {
  if (!server?.pid || server.exitCode !== null) return;
  try {
    process.kill(-server.pid, 'SIGTERM'); // its own process group: npx and vite
  } catch {
    server.kill('SIGTERM');
  }
}

async function newContext(
  browser: Browser,
  reducedMotion: 'reduce' | 'no-preference',
  viewport = CONFIG.viewport,
) {
  const context = await browser.newContext({
    viewport,
    reducedMotion,
    serviceWorkers: 'block',
  });
  await context.addInitScript({ content: NAME_SHIM });
  await context.addInitScript(pageInit);
  return context;
}

async function waitForAppEvent(page: Page, type: string, index?: number) {
  await page.waitForFunction(
    ([t, i]) => window.__benchEvents.some((e) => e.type === t && (i === null || e.index === i)),
    [type, index ?? null] as const,
    { timeout: STEP_TIMEOUT_MS, polling: 50 },
  );
}

async function openApp(page: Page, query = '') {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${BASE}${query}`);
  await waitForAppEvent(page, 'story-ready');
  await waitForAppEvent(page, 'step-settled', 0);
  return errors;
}

async function openBare(page: Page, init: BareInit) {
  await page.goto(`${BARE}#${encodeURIComponent(JSON.stringify(init))}`);
  await page.waitForFunction(() => window.bare !== undefined, null, { timeout: STEP_TIMEOUT_MS });
  await page.evaluate(() => window.bare.ready);
}

/** goTo(index) in the app, counting frames of its camera move; resolves when it settled. */
async function appFlight(page: Page, index: number): Promise<FlightStats> {
  const r = await page.evaluate(
    async ({ index, timeout }) => {
      const el = document.querySelector('story-map')!;
      const counter = window.__benchFlight(el.map!);
      const settled = window.__benchSettled(index, timeout);
      el.goTo(index);
      await settled;
      return counter.stop();
    },
    { index, timeout: STEP_TIMEOUT_MS },
  );
  return flightStats(r.segment, r.rafs);
}

/** The bare page makes the app's recorded move with the app's layer state; waits for idle. */
async function bareFlight(page: Page, move: RecordedMove): Promise<FlightStats> {
  const r = await page.evaluate(async (move) => {
    const { map } = window.bare;
    map.jumpTo(move.from);
    const counter = window.__benchFlight(map);
    window.bare.apply(move.layers);
    (map as unknown as Record<string, (o: unknown) => void>)[move.method]!(move.options);
    await new Promise<void>((resolve) =>
      map.isMoving() ? map.once('moveend', () => resolve()) : resolve(),
    );
    await window.bare.idle();
    return counter.stop();
  }, move);
  return flightStats(r.segment, r.rafs);
}

function flightStats(s: FlightSegment, rafs: number): FlightStats {
  const ms = s.end - s.start;
  return {
    ms: round(ms),
    frames: s.frames,
    rafs,
    fps: ms > 0 ? round((s.frames * 1000) / ms, 2) : NaN,
    longestFrameMs: round(s.longestFrameMs),
  };
}

/** Back to step 0 without a flight (reduced motion makes the app jump). */
async function appToFirstStep(page: Page) {
  if ((await page.evaluate(() => document.querySelector('story-map')!.stepIndex)) === 0) return;
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.evaluate(async (timeout) => {
    const settled = window.__benchSettled(0, timeout);
    document.querySelector('story-map')!.goTo(0);
    await settled;
  }, STEP_TIMEOUT_MS);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
}

async function bareToStart(page: Page, camera: CameraSnapshot, layers: LayerSnapshot) {
  await page.evaluate(
    async ({ camera, layers }) => {
      window.bare.map.jumpTo(camera);
      window.bare.apply(layers);
      await window.bare.idle();
    },
    { camera, layers },
  );
}

const sumFlights = (flights: FlightStats[]) => {
  const frames = flights.reduce((n, f) => n + f.frames, 0);
  const ms = flights.reduce((n, f) => n + f.ms, 0);
  return { frames, ms: round(ms), fps: ms > 0 ? round((frames * 1000) / ms, 2) : NaN };
};

// ---- 1. flights and 2. latency ------------------------------------------------------------

interface FlightsResult {
  steps: { index: number; method: string; durationMs: unknown }[];
  rounds: {
    app: FlightStats[];
    bare: FlightStats[];
    appFps: number;
    bareFps: number;
    ratio: number;
    loadavg: number;
  }[];
  warmup: { app: FlightStats[]; bare: FlightStats[] };
  appFps: number;
  bareFps: number;
  ratio: number;
  /** Median over every (app flight, bare flight) pair of the ratio of their fps. */
  pairRatio: number;
  pairRatios: number[];
  appLongestFrameMs: number;
  bareLongestFrameMs: number;
  canvas: { app: number[]; bare: number[] };
}
interface LatencyResult {
  app: (LatencyProbe & {
    step: number;
    toStepChangeMs: number;
    yearChanged: boolean;
    toMoveMs: number;
    toFrameMs: number;
    fromTimeStampMs: number;
  })[];
  bare: { toMoveMs: number; toFrameMs: number }[];
  appKeyToMoveMs: number;
  appClickToMoveMs: number;
  appToMoveMs: number;
  appToFrameMs: number;
  bareToMoveMs: number;
  bareToFrameMs: number;
}

async function flightsAndLatency(browser: Browser) {
  const context = await newContext(browser, 'no-preference');
  const app = await context.newPage();
  const bare = await context.newPage();
  const out: {
    flights?: FlightsResult;
    latency?: LatencyResult;
    init: BareInit;
    appErrors: string[];
  } = {
    init: {},
    appErrors: [],
  };
  // The page not being measured is frozen (no frames, timers or animations), so the app's
  // step animations never run behind the bare page's flights, nor the other way round.
  const sessions = new Map<Page, import('@playwright/test').CDPSession>();
  for (const page of [app, bare]) sessions.set(page, await context.newCDPSession(page));
  const frozen = new Set<Page>();
  const use = async (page: Page) => {
    for (const [other, cdp] of sessions) {
      if (other === page || frozen.has(other)) continue;
      await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
      frozen.add(other);
    }
    if (frozen.delete(page))
      await sessions.get(page)!.send('Page.setWebLifecycleState', { state: 'active' });
    await page.bringToFront();
  };
  try {
    await use(app);
    out.appErrors = await openApp(app);
    const steps = await app.evaluate(() => document.querySelector('story-map')!.steps.length);
    const flights = Math.min(CONFIG.flights, steps - 1);
    const presses = Math.min(CONFIG.presses, steps - 1 - flights);

    // Warm-up pass of the app, recording its moves and the state at step 0.
    const init: BareInit = await app.evaluate(() => {
      const map = document.querySelector('story-map')!.map!;
      return { camera: window.__benchCamera(map), layers: window.__benchSnapshot(map) };
    });
    out.init = init;
    log(`flights: warm-up and recording, app steps 1..${flights}`);
    await app.evaluate(() => (window.__benchRecording = true));
    const warmApp: FlightStats[] = [];
    for (let i = 1; i <= flights; i++) warmApp.push(await appFlight(app, i));
    await app.evaluate(() => (window.__benchRecording = false));
    const recorded = await app.evaluate(() => window.__benchMoves);
    const moves: RecordedMove[] = [];
    for (let i = 1; i <= flights; i++) {
      const forStep = recorded.filter((m) => m.step === i);
      const move = forStep.filter((m) => m.method !== 'jumpTo').pop() ?? forStep.pop();
      if (!move) throw new Error(`no camera move was recorded for step ${i}`);
      moves.push(move);
    }

    const appCanvas = await app.evaluate(() => {
      const c = document.querySelector('story-map')!.map!.getCanvas();
      return [c.width, c.height];
    });
    await use(bare);
    await openBare(bare, init);
    log('flights: warm-up, bare');
    const warmBare: FlightStats[] = [];
    for (const move of moves) warmBare.push(await bareFlight(bare, move));

    const canvas = {
      app: appCanvas,
      bare: await bare.evaluate(() => [
        window.bare.map.getCanvas().width,
        window.bare.map.getCanvas().height,
      ]),
    };

    const rounds: FlightsResult['rounds'] = [];
    const pairRatios: number[] = [];
    const isFlight = (i: number) => moves[i]!.method !== 'jumpTo';
    for (let r = 1; r <= CONFIG.rounds; r++) {
      await use(app);
      await appToFirstStep(app);
      await use(bare);
      await bareToStart(bare, init.camera!, init.layers!);
      const appRound: FlightStats[] = [];
      const bareRound: FlightStats[] = [];
      // Turns flight by flight, so both see the same machine load; who goes first alternates.
      for (let i = 1; i <= flights; i++) {
        const appFirst = (r + i) % 2 === 0;
        for (const side of appFirst ? ['app', 'bare'] : ['bare', 'app']) {
          if (side === 'app') {
            await use(app);
            appRound.push(await appFlight(app, i));
          } else {
            await use(bare);
            bareRound.push(await bareFlight(bare, moves[i - 1]!));
          }
        }
        if (isFlight(i - 1)) pairRatios.push(appRound.at(-1)!.fps / bareRound.at(-1)!.fps);
      }
      const a = sumFlights(appRound.filter((_, i) => isFlight(i)));
      const b = sumFlights(bareRound.filter((_, i) => isFlight(i)));
      rounds.push({
        app: appRound,
        bare: bareRound,
        appFps: a.fps,
        bareFps: b.fps,
        ratio: round(a.fps / b.fps, 3),
        loadavg: round(loadavg()[0]!, 2),
      });
      log(
        `flights: round ${r}/${CONFIG.rounds}: app ${a.fps} fps, bare ${b.fps} fps, ratio ${round(a.fps / b.fps, 3)} (load average ${round(loadavg()[0]!, 2)})`,
      );
    }
    out.flights = {
      steps: moves.map((m) => ({
        index: m.step,
        method: m.method,
        durationMs: m.options.duration,
      })),
      rounds,
      warmup: { app: warmApp, bare: warmBare },
      appFps: median(rounds.map((r) => r.appFps)),
      bareFps: median(rounds.map((r) => r.bareFps)),
      ratio: median(rounds.map((r) => r.ratio)),
      pairRatio: round(median(pairRatios), 3),
      pairRatios: pairRatios.map((x) => round(x, 3)),
      appLongestFrameMs: median(rounds.flatMap((r) => r.app.map((f) => f.longestFrameMs))),
      bareLongestFrameMs: median(rounds.flatMap((r) => r.bare.map((f) => f.longestFrameMs))),
      canvas,
    };

    if (CONFIG.only.has('latency') && presses > 0) {
      log(`latency: ${presses} presses in the app, steps ${flights + 1}..${flights + presses}`);
      await use(app);
      const appLat: LatencyResult['app'] = [];
      // The year filter of one story layer tells whether a press changed the year.
      const yearFilter = () =>
        app.evaluate(() => {
          const map = document.querySelector('story-map')!.map!;
          const id = map.getLayersOrder().find((l) => l.endsWith('-circle'));
          return JSON.stringify(id ? map.getFilter(id) : null);
        });
      for (let k = 0; k < presses; k++) {
        const step = flights + 1 + k;
        // A reader presses while the settled step's animations play.
        await app.waitForTimeout(300);
        const filterBefore = await yearFilter();
        await app.evaluate(() =>
          window.__benchArmLatency(document.querySelector('story-map')!.map!),
        );
        const settled = app.evaluate((i) => window.__benchSettled(i, 60_000), step);
        if (k % 2 === 0) await app.keyboard.press('ArrowRight');
        else await app.getByRole('button', { name: 'Next', exact: true }).click();
        await settled;
        const p = await app.evaluate(() => window.__benchLatency);
        const change = await app.evaluate(
          (i) => window.__benchEvents.findLast((e) => e.type === 'step-change' && e.index === i)?.t,
          step,
        );
        appLat.push({
          ...p,
          step,
          // when the app announces the step (before or after it starts the camera)
          toStepChangeMs: change ? round(change - p.input, 2) : NaN,
          // a new year re-filters every story layer (MapController.setYear)
          yearChanged: (await yearFilter()) !== filterBefore,
          toMoveMs: round(p.move - p.input, 2),
          toFrameMs: round(p.frame - p.input, 2),
          fromTimeStampMs: round(p.move - p.inputTimeStamp, 2),
        });
      }
      // The floor: the bare page starts the same moves from its own keydown listener.
      await use(bare);
      const bareLat: LatencyResult['bare'] = [];
      for (let k = 0; k < presses; k++) {
        const move = moves[k % moves.length]!;
        await bare.evaluate((move) => {
          const { map } = window.bare;
          map.jumpTo(move.from);
          window.bare.apply(move.layers);
          window.__benchArmLatency(map);
          const onKey = (e: KeyboardEvent) => {
            if (e.key !== 'ArrowRight') return;
            removeEventListener('keydown', onKey);
            (map as unknown as Record<string, (o: unknown) => void>)[move.method]!(move.options);
          };
          addEventListener('keydown', onKey);
        }, move);
        await bare.keyboard.press('ArrowRight');
        await bare.waitForFunction(() => window.__benchLatency.frame > 0, null, {
          timeout: 30_000,
        });
        const p = await bare.evaluate(async () => {
          window.bare.map.stop();
          await window.bare.idle();
          return window.__benchLatency;
        });
        bareLat.push({
          toMoveMs: round(p.move - p.input, 2),
          toFrameMs: round(p.frame - p.input, 2),
        });
      }
      out.latency = {
        app: appLat,
        bare: bareLat,
        appKeyToMoveMs: median(appLat.filter((p) => p.kind === 'keydown').map((p) => p.toMoveMs)),
        appClickToMoveMs: median(appLat.filter((p) => p.kind === 'click').map((p) => p.toMoveMs)),
        appToMoveMs: median(appLat.map((p) => p.toMoveMs)),
        appToFrameMs: median(appLat.map((p) => p.toFrameMs)),
        bareToMoveMs: median(bareLat.map((p) => p.toMoveMs)),
        bareToFrameMs: median(bareLat.map((p) => p.toFrameMs)),
      };
    }
  } finally {
    await context.close();
  }
  return out;
}

// ---- 3. first load and 4. time to first idle ----------------------------------------------

type Kind = 'html' | 'code' | 'styles' | 'fonts' | 'data' | 'other';
interface Fetched {
  path: string;
  kind: Kind;
  status: number;
  raw: number;
  gzip: number;
}
interface LoadResult {
  page: 'app' | 'bare';
  reducedMotion: boolean;
  /** performance.now() (from navigation start) when the first view was settled and idle. */
  readyMs: number;
  storyReadyMs?: number;
  fetched: Fetched[];
}

function kindOf(path: string): Kind {
  if (/\.(m?js)$/.test(path)) return 'code';
  if (/\.css$/.test(path)) return 'styles';
  if (/\.(woff2?|ttf|otf)$/.test(path) || /font-faces(\.compact)?\.json$/.test(path))
    return 'fonts';
  if (/\.(geojson|json|ya?ml)$/.test(path)) return 'data';
  if (path.endsWith('/') || /\.html$/.test(path)) return 'html';
  return 'other';
}

async function coldLoad(
  browser: Browser,
  page: 'app' | 'bare',
  reducedMotion: boolean,
  init: BareInit,
): Promise<LoadResult> {
  const context = await newContext(browser, reducedMotion ? 'reduce' : 'no-preference');
  try {
    const tab = await context.newPage();
    const responses: import('@playwright/test').Response[] = [];
    let recording = true;
    tab.on('response', (r) => {
      if (recording && r.url().startsWith(BASE)) responses.push(r);
    });
    let readyMs: number;
    let storyReadyMs: number | undefined;
    if (page === 'app') {
      await tab.goto(BASE);
      await waitForAppEvent(tab, 'step-settled', 0);
      const events = await tab.evaluate(() => window.__benchEvents);
      readyMs = events.find((e) => e.type === 'step-settled')!.t;
      storyReadyMs = events.find((e) => e.type === 'story-ready')?.t;
    } else {
      await openBare(tab, init);
      readyMs = await tab.evaluate(() => window.bare.firstIdle!);
    }
    recording = false;
    // Only what was asked for before the first view was ready: the app reads the rest of its
    // layers right after, and those answers can arrive before this script hears of the event.
    const readyEpoch = (await tab.evaluate(() => performance.timeOrigin)) + readyMs;
    const fetched: Fetched[] = [];
    for (const r of responses) {
      if (r.request().timing().startTime > readyEpoch) continue;
      const body = await r.body().catch(() => undefined);
      const path = new URL(r.url()).pathname;
      fetched.push({
        path,
        kind: kindOf(path),
        status: r.status(),
        raw: body?.length ?? 0,
        gzip: body ? gz(body) : 0,
      });
    }
    return {
      page,
      reducedMotion,
      readyMs: round(readyMs),
      ...(storyReadyMs ? { storyReadyMs: round(storyReadyMs) } : {}),
      fetched,
    };
  } finally {
    await context.close();
  }
}

function census(fetched: Fetched[]) {
  const byKind: Record<string, { files: number; raw: number; gzip: number }> = {};
  for (const f of fetched) {
    const k = (byKind[f.kind] ??= { files: 0, raw: 0, gzip: 0 });
    k.files += 1;
    k.raw += f.raw;
    k.gzip += f.gzip;
  }
  const total = fetched.reduce(
    (t, f) => ({ files: t.files + 1, raw: t.raw + f.raw, gzip: t.gzip + f.gzip }),
    { files: 0, raw: 0, gzip: 0 },
  );
  return { byKind, total };
}

/** The story layer files the first step draws: those of its visible layers. */
function firstStepStoryFiles(init: BareInit): Set<string> {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'geo/layers.json'), 'utf8')) as {
    layers: { id: string; file: string }[];
  };
  const visibleSources = new Set(
    (init.layers?.layers ?? [])
      .filter((l) => l.visible)
      .map((l) => l.id.replace(/-(fill|outline|line|anim|halo|circle|label)$/, '')),
  );
  const needed = new Set<string>();
  for (const l of manifest.layers) if (visibleSources.has(l.id)) needed.add(`/geo/${l.file}`);
  return needed;
}

async function loadsAndSizes(browser: Browser, init: BareInit) {
  // Basemap files the first step draws: a source with a layer whose zoom range includes the
  // step's zoom, and of its data the file the map holds at that zoom (the app's style defers
  // data by zoom; buildBasemapStyle is pure, so the ranges come from the real style).
  const style = buildBasemapStyle({ baseUrl: BASE, lang: 'en', fontFaces: {}, deferData: true });
  const deferred = ((style.metadata as Record<string, unknown> | undefined)?.[
    BASEMAP_DEFERRED_DATA_KEY
  ] ?? {}) as Record<string, DeferredData>;
  const zoom = init.camera?.zoom ?? 3;
  const drawnBasemap = new Set<string>();
  for (const layer of style.layers) {
    if (!('source' in layer) || typeof layer.source !== 'string') continue;
    if ((layer.minzoom ?? 0) <= zoom && zoom < (layer.maxzoom ?? 99)) {
      const later = deferred[layer.source];
      const data =
        later && later.minzoom <= zoom && zoom < later.maxzoom
          ? later.url
          : (style.sources[layer.source] as { data?: unknown }).data;
      if (typeof data === 'string') drawnBasemap.add(new URL(data).pathname);
    }
  }
  const needed = firstStepStoryFiles(init);
  for (const p of drawnBasemap) needed.add(p);

  log('first load: the app as a reader gets it (with its first flight)');
  const real = await coldLoad(browser, 'app', false, init);
  const runs: { app: LoadResult; bare: LoadResult }[] = [];
  for (let k = 1; k <= CONFIG.loads; k++) {
    const app = await coldLoad(browser, 'app', true, init);
    const bare = await coldLoad(browser, 'bare', true, init);
    runs.push({ app, bare });
    log(
      `time to first idle: load ${k}/${CONFIG.loads}: app ${app.readyMs} ms, bare ${bare.readyMs} ms`,
    );
  }
  const appMs = median(runs.map((r) => r.app.readyMs));
  const bareMs = median(runs.map((r) => r.bare.readyMs));
  const dataFiles = real.fetched.filter((f) => f.kind === 'data');
  const notNeeded = dataFiles.filter(
    (f) =>
      (f.path.startsWith('/geo/') || f.path.startsWith('/basemap/')) &&
      !f.path.endsWith('layers.json') &&
      !needed.has(f.path),
  );
  const appCensus = census(real.fetched);
  const floor = maplibreFloor();
  const floorGzip = floor.js.gzip + floor.worker.gzip + floor.css.gzip;
  return {
    firstLoad: {
      app: { ...appCensus, readyMs: real.readyMs, files: real.fetched },
      /** The goal's figure: everything the app fetched, over MapLibre's own three files. */
      maplibreFloorGzip: floorGzip,
      floorRatio: round(appCensus.total.gzip / floorGzip, 3),
      bare: { ...census(runs[0]?.bare.fetched ?? []), files: runs[0]?.bare.fetched ?? [] },
      appReducedMotion: census(runs[0]?.app.fetched ?? []),
      notNeededForFirstStep: {
        files: notNeeded.map((f) => f.path),
        raw: notNeeded.reduce((n, f) => n + f.raw, 0),
        gzip: notNeeded.reduce((n, f) => n + f.gzip, 0),
      },
    },
    firstIdle: {
      runs: runs.map((r) => ({
        appMs: r.app.readyMs,
        appStoryReadyMs: r.app.storyReadyMs,
        bareMs: r.bare.readyMs,
      })),
      appMs,
      bareMs,
      ratio: round(median(runs.map((r) => r.app.readyMs / r.bare.readyMs)), 3),
      appWithFirstFlightMs: real.readyMs,
    },
  };
}

function maplibreFloor() {
  const dist = join(ROOT, 'node_modules/maplibre-gl/dist');
  const file = (name: string) => {
    const body = readFileSync(join(dist, name));
    return { raw: body.length, gzip: gz(body) };
  };
  return {
    js: file('maplibre-gl.mjs'),
    worker: file('maplibre-gl-worker.mjs'),
    css: file('maplibre-gl.css'),
  };
}

// ---- 5. soak ---------------------------------------------------------------------------------

/** The buttons a visitor presses, by their accessible names in each language. */
function soakButtons(): SoakButtons {
  const by = (pick: (t: ReturnType<typeof strings>) => string) => ({
    en: pick(strings('en')),
    zh: pick(strings('zh')),
  });
  return {
    next: by((t) => t.next),
    explore: by((t) => t.explore),
    resume: by((t) => t.resume),
    switchTo: by((t) => t.switchTo),
  };
}

async function soak(browser: Browser) {
  const context = await newContext(browser, 'reduce', CONFIG.soakViewport);
  await context.addInitScript(soakProbe);
  try {
    const page = await context.newPage();
    const errors = await openApp(page, soakQuery());
    const driver = new SoakDriver(page, soakButtons(), { timeoutMs: STEP_TIMEOUT_MS });
    const sample = async (changes: number): Promise<SoakSample> => {
      // The benchmark's event log is not the app's memory: emptied before each sample.
      await page.evaluate(() => (window.__benchEvents.length = 0));
      const where = await driver.where();
      return {
        changes,
        step: where.step,
        phase: where.phase,
        lang: where.lang,
        ...(await pageFigures(page)),
        ...(await cdpMetrics(page)),
      };
    };
    log(
      `soak: ${CONFIG.soakWarmupCycles} warm-up cycles (kiosk: attract loop, visitor, language, explore, reset; reduced motion, ${CONFIG.soakViewport.width}×${CONFIG.soakViewport.height})`,
    );
    const warm = await driver.cycle();
    for (let i = 1; i < CONFIG.soakWarmupCycles; i++) await driver.cycle();
    const perCycle = warm.changes;
    const cycles = Math.max(1, Math.ceil(CONFIG.soakSteps / perCycle));
    const samples: SoakSample[] = [await sample(0)];
    const skipped = new Set(warm.skipped);
    const t = performance.now();
    let paused = 0;
    let changes = 0;
    let done = 0;
    log(
      `soak: ${cycles} cycles of ${perCycle} step changes (${cycles * perCycle}), at most ~${CONFIG.soakMaxS} s`,
    );
    while (done < cycles) {
      const r = await driver.cycle();
      r.skipped.forEach((x) => skipped.add(x));
      changes += r.changes;
      done += 1;
      const last = done === cycles || (performance.now() - t - paused) / 1000 > CONFIG.soakMaxS;
      if (last || done % CONFIG.soakSampleCycles === 0) {
        const p0 = performance.now();
        samples.push(await sample(changes));
        paused += performance.now() - p0;
        const s = samples.at(-1)!;
        log(
          `soak: ${changes} changes, heap ${(s.heapBytes / 1e6).toFixed(2)} MB, DOM ${s.domNodes}, layers ${s.mapLayers}, sources ${s.mapSources}, listeners ${s.jsEventListeners} (load average ${round(loadavg()[0]!, 2)})`,
        );
      }
      if (last) break;
    }
    const seconds = (performance.now() - t - paused) / 1000;
    if (done < cycles) log(`soak: stopped by the time limit after ${changes} step changes`);
    return {
      kiosk: SOAK_KIOSK,
      warmupCycles: CONFIG.soakWarmupCycles,
      viewport: CONFIG.soakViewport,
      requested: cycles * perCycle,
      cycles: done,
      changesPerCycle: perCycle,
      stoppedByTimeLimit: done < cycles,
      changes,
      msPerChange: round((seconds * 1000) / changes),
      skipped: [...skipped],
      samples,
      comparison: compareSamples(samples),
      errors,
    };
  } finally {
    await context.close();
  }
}

/**
 * What a service worker precaches, when the build has one (sw.js with Workbox's manifest):
 * the bytes a kiosk holds to start offline.
 */
function precacheFigures(siteDir: string) {
  const sw = join(siteDir, 'sw.js');
  if (!existsSync(sw)) return undefined;
  const urls = [
    ...new Set(
      [...readFileSync(sw, 'utf8').matchAll(/["']?url["']?\s*:\s*["']([^"']+)["']/g)].map(
        (m) => m[1]!,
      ),
    ),
  ];
  let raw = 0;
  let gzip = 0;
  let missing = 0;
  for (const url of urls) {
    const file = join(siteDir, decodeURIComponent(url.split(/[?#]/)[0]!));
    if (!existsSync(file)) {
      missing += 1;
      continue;
    }
    const body = readFileSync(file);
    raw += body.length;
    gzip += gz(body);
  }
  return { files: urls.length, missing, raw, gzip };
}

// ---- the table -------------------------------------------------------------------------------

type Row = [metric: string, app: string, bare: string, ratio: string, goal: string, met: string];
const n1 = (x: number | undefined, digits = 1) =>
  x === undefined || !Number.isFinite(x) ? 'n/a' : String(round(x, digits));

function table(results: BenchResults): string {
  const rows: Row[] = [];
  const yes = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? 'yes' : 'NO');
  const f = results.flights;
  if (f) {
    rows.push([
      `flight frame rate, steps 1→${f.steps.length}, ${f.rounds.length} rounds (fps; ratio: median of ${f.pairRatios.length} flight pairs)`,
      n1(f.appFps, 2),
      n1(f.bareFps, 2),
      n1(f.pairRatio, 2),
      '≥ 0.95 of bare',
      yes(f.pairRatio >= 0.95),
    ]);
    rows.push([
      '  same, ratio of whole rounds (median, min–max)',
      '',
      '',
      `${n1(f.ratio, 2)} (${n1(Math.min(...f.rounds.map((r) => r.ratio)), 2)}–${n1(Math.max(...f.rounds.map((r) => r.ratio)), 2)})`,
      '',
      '',
    ]);
    rows.push([
      'longest frame in a flight (ms, median)',
      n1(f.appLongestFrameMs, 0),
      n1(f.bareLongestFrameMs, 0),
      n1(f.appLongestFrameMs / f.bareLongestFrameMs, 2),
      '',
      '',
    ]);
  }
  const l = results.latency;
  if (l) {
    rows.push([
      'input → step-change event (ms, median)',
      n1(median(l.app.map((p) => p.toStepChangeMs)), 1),
      '',
      '',
      '',
      '',
    ]);
    rows.push([
      'key press → movestart (ms, median)',
      n1(l.appKeyToMoveMs),
      n1(l.bareToMoveMs),
      '',
      '≤ ~16 ms',
      Number.isFinite(l.appKeyToMoveMs) ? yes(l.appKeyToMoveMs <= 16) : '',
    ]);
    rows.push([
      'click Next → movestart (ms, median)',
      n1(l.appClickToMoveMs),
      '',
      '',
      '≤ ~16 ms',
      Number.isFinite(l.appClickToMoveMs) ? yes(l.appClickToMoveMs <= 16) : '',
    ]);
    const byYear = (changed: boolean) =>
      median(l.app.filter((p) => p.yearChanged === changed).map((p) => p.toMoveMs));
    rows.push([
      '  input → movestart, steps with a new year / same year',
      `${n1(byYear(true))} / ${n1(byYear(false))}`,
      '',
      '',
      '',
      '',
    ]);
    rows.push([
      'input → first frame of the move (ms, median)',
      n1(l.appToFrameMs),
      n1(l.bareToFrameMs),
      '',
      '',
      '',
    ]);
  }
  const s = results.size;
  if (s) {
    rows.push([
      `app's own code + styles the page loads, gzip (${s.method})`,
      kB(s.app.eagerGzip),
      '',
      '',
      `< ${kB(s.budgetBytes)}`,
      yes(s.app.eagerGzip < s.budgetBytes),
    ]);
    rows.push([
      "app's chunks loaded by import() (YAML parser), gzip",
      kB(s.app.lazyGzip),
      '',
      '',
      '',
      '',
    ]);
  }
  const fl = results.firstLoad;
  if (fl) {
    for (const kind of ['code', 'styles', 'fonts', 'data', 'html'] as const) {
      const a = fl.app.byKind[kind];
      const b = fl.bare.byKind[kind];
      if (!a && !b) continue;
      rows.push([
        `first load: ${kind} (files, gzip)`,
        a ? `${a.files}, ${kB(a.gzip)}` : '0',
        b ? `${b.files}, ${kB(b.gzip)}` : '0',
        a && b ? n1(a.gzip / b.gzip, 2) : '',
        '',
        '',
      ]);
    }
    rows.push([
      'first load: total (files, raw / gzip)',
      `${fl.app.total.files}, ${kB(fl.app.total.raw)} / ${kB(fl.app.total.gzip)}`,
      `${fl.bare.total.files}, ${kB(fl.bare.total.raw)} / ${kB(fl.bare.total.gzip)}`,
      n1(fl.app.total.gzip / fl.bare.total.gzip, 2),
      '',
      '',
    ]);
    rows.push([
      "first load ÷ MapLibre's own gzip: app total ÷ (maplibre-gl.mjs + worker + css)",
      `${kB(fl.app.total.gzip)} ÷ ${kB(fl.maplibreFloorGzip)} = ${n1(fl.floorRatio, 2)}`,
      '',
      '',
      '≤ 1.5',
      yes(fl.floorRatio <= 1.5),
    ]);
    rows.push([
      'first load: data the first step does not draw (gzip)',
      `${fl.notNeededForFirstStep.files.length} files, ${kB(fl.notNeededForFirstStep.gzip)}`,
      '',
      '',
      'only what step 1 needs',
      yes(fl.notNeededForFirstStep.files.length === 0),
    ]);
  }
  if (results.maplibre) {
    const m = results.maplibre;
    rows.push([
      'MapLibre floor: maplibre-gl.mjs + worker + css (gzip)',
      '',
      `${kB(m.js.gzip)} + ${kB(m.worker.gzip)} + ${kB(m.css.gzip)}`,
      '',
      '',
      '',
    ]);
  }
  const fi = results.firstIdle;
  if (fi) {
    rows.push([
      `time to first idle map, reduced motion (ms, median of ${fi.runs.length})`,
      n1(fi.appMs, 0),
      n1(fi.bareMs, 0),
      n1(fi.ratio, 2),
      '≤ 1.2× bare',
      yes(fi.ratio <= 1.2),
    ]);
    rows.push([
      'time to first step settled, with its flight (ms, 1 load)',
      n1(fi.appWithFirstFlightMs, 0),
      '',
      '',
      '',
      '',
    ]);
  }
  const pc = results.precache;
  if (pc)
    rows.push([
      'service worker precache: what a kiosk holds to start offline (files, raw / gzip)',
      `${pc.files}, ${kB(pc.raw)} / ${kB(pc.gzip)}${pc.missing ? ` (${pc.missing} not in the build)` : ''}`,
      '',
      '',
      '',
      '',
    ]);
  const so = results.soak;
  if (so) {
    const c = so.comparison;
    const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
    const first = so.samples[0]!;
    const count = (name: keyof typeof c.counts) => {
      const k = c.counts[name];
      return `${k.first} → ${k.last}${k.equal ? '' : ` (${k.min}–${k.max})`}`;
    };
    rows.push([
      `soak: ${so.changes} step changes in ${so.cycles} kiosk cycles (loop, visitor, language, explore, reset)${so.skipped.length ? `; not done: ${so.skipped.join(', ')}` : ''}`,
      `${so.msPerChange} ms per change`,
      '',
      '',
      '≥ 2000 changes',
      yes(so.changes >= 2000),
    ]);
    rows.push([
      `soak: every sample on step ${first.step + 1}, ${first.phase}, ${first.lang} (${c.samples} samples)`,
      c.samePlace ? 'yes' : `no: ${c.elsewhere.length} elsewhere`,
      '',
      '',
      'same place',
      yes(c.samePlace),
    ]);
    rows.push([
      'soak: heap after GC, first → last sample (growth; over the second half)',
      `${mb(first.heapBytes)} → ${mb(first.heapBytes + c.heapGrowthBytes)} (+${mb(c.heapGrowthBytes)}; +${mb(c.heapGrowthSecondHalfBytes)})`,
      '',
      '',
      '< 2 MB',
      yes(c.heapGrowthBytes < 2 * 1024 * 1024),
    ]);
    rows.push([
      'soak: heap after GC along the run (MB at step changes)',
      so.samples.map((p) => `${(p.heapBytes / 1e6).toFixed(2)}@${p.changes}`).join(' '),
      '',
      '',
      '',
      '',
    ]);
    rows.push([
      'soak: DOM nodes (incl. shadow roots), first → last (range)',
      count('domNodes'),
      '',
      '',
      'equal',
      yes(c.counts.domNodes.equal),
    ]);
    rows.push([
      'soak: map layers / sources',
      `${count('mapLayers')} / ${count('mapSources')}`,
      '',
      '',
      'equal',
      yes(c.counts.mapLayers.equal && c.counts.mapSources.equal),
    ]);
    rows.push([
      'soak: JS event listeners (CDP)',
      count('jsEventListeners'),
      '',
      '',
      'equal',
      yes(c.counts.jsEventListeners.equal),
    ]);
    rows.push(['soak: all DOM nodes, detached ones too (CDP)', count('nodes'), '', '', '', '']);
  }
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

interface BenchResults {
  date: string;
  machine: Record<string, unknown>;
  config: Record<string, unknown>;
  size?: SizeReport;
  maplibre?: ReturnType<typeof maplibreFloor>;
  flights?: FlightsResult;
  latency?: LatencyResult;
  firstLoad?: Awaited<ReturnType<typeof loadsAndSizes>>['firstLoad'];
  firstIdle?: Awaited<ReturnType<typeof loadsAndSizes>>['firstIdle'];
  soak?: Awaited<ReturnType<typeof soak>>;
  precache?: ReturnType<typeof precacheFigures>;
  errors: string[];
  durationS?: number;
}

function machine(browserVersion: string) {
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

async function main() {
  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: {},
    config: { ...CONFIG, only: [...CONFIG.only] },
    errors: [],
  };
  if (!CONFIG.skipBuild || !existsSync(join(CONFIG.siteDir, 'bench/bare.html'))) build();
  if (CONFIG.only.has('size')) {
    log("size: the app's own code (scripts/check-size.ts)");
    results.size = await measureAppCode(CONFIG.siteDir);
    results.maplibre = maplibreFloor();
    results.precache = precacheFigures(CONFIG.siteDir);
    console.log(formatReport(results.size));
  }
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  const cleanup = () => stopServer(server);
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
    server = await serve();
    browser = await chromium.launch({ executablePath: CONFIG.chromium, args: CHROMIUM_ARGS });
    results.machine = machine(browser.version());
    let init: BareInit = {};
    if (CONFIG.only.has('flights') || CONFIG.only.has('latency')) {
      const r = await flightsAndLatency(browser);
      results.flights = r.flights;
      results.latency = r.latency;
      init = r.init;
      results.errors.push(...r.appErrors);
    }
    if (CONFIG.only.has('loads')) {
      if (!init.camera) {
        // The state the app settles on at step 0, for the bare page to start from.
        const context = await newContext(browser, 'reduce');
        const page = await context.newPage();
        await openApp(page);
        init = await page.evaluate(() => {
          const map = document.querySelector('story-map')!.map!;
          return { camera: window.__benchCamera(map), layers: window.__benchSnapshot(map) };
        });
        await context.close();
      }
      const r = await loadsAndSizes(browser, init);
      results.firstLoad = r.firstLoad;
      results.firstIdle = r.firstIdle;
    }
    if (CONFIG.only.has('soak') && CONFIG.soakSteps > 0) {
      results.soak = await soak(browser);
      results.errors.push(...results.soak.errors);
    }
  } catch (err) {
    results.errors.push(String((err as Error).stack ?? err));
    console.error(err);
  } finally {
    await browser?.close();
    cleanup();
  }
  (results.machine as Record<string, unknown>).loadavgAtEnd = loadavg().map((x) => round(x, 2));
  results.durationS = round((performance.now() - T0) / 1000, 0);

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
  console.log(table(results));
  if (results.firstLoad?.notNeededForFirstStep.files.length)
    console.log(
      `\nFetched at first load but not drawn by the first step: ${results.firstLoad.notNeededForFirstStep.files.join(', ')}`,
    );
  console.log(
    `\nWritten: ${relative(process.cwd(), join(out, `bench-${stamp}.json`))} and bench-results/latest.json`,
  );
  if (results.errors.length) {
    console.error(`\n${results.errors.length} error(s):\n${results.errors.join('\n')}`);
    process.exitCode = 1;
  }
}

await main();
