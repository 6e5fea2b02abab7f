// First load and time to the first idle map.
//   First load: every response (Playwright `response` events, the worker's fetches too) to a
//   request made between navigation and the first `step-settled`, gzipped (level 9) by kind;
//   the goal's figure is the app's total over MapLibre's own three files (the floor).
//   Time to first idle: navigation start -> the app's first `step-settled` against -> the
//   bare page's first `idle` after its story layers are added (the bare page builds its own
//   map here, a cold load like the app's), both with reduced motion; a fresh context each load.
//
//   npx tsx bench/loads.ts    (BENCH_LOADS; see scripts/bench.ts)
import type { Browser } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildBasemapStyle,
  BASEMAP_DEFERRED_DATA_KEY,
  type DeferredData,
} from '../src/map/basemap-style.ts';
import {
  BASE,
  CONFIG,
  gz,
  isMain,
  kB,
  log,
  median,
  n1,
  newContext,
  openApp,
  openBare,
  ROOT,
  round,
  runStandalone,
  waitForAppEvent,
  yes,
  type BenchContext,
  type Row,
  type Section,
} from './harness.ts';
import type { BareInit } from './protocol.ts';

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

export function maplibreFloor() {
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

export async function run(ctx: BenchContext): Promise<Section> {
  let init: BareInit;
  const recorded = ctx.shared.recording?.init;
  if (recorded) init = { camera: recorded.camera, layers: recorded.layers };
  else {
    // The state the app settles on at step 0, for the bare page to start from.
    const context = await newContext(ctx.browser, 'reduce');
    const page = await context.newPage();
    await openApp(page);
    init = await page.evaluate(() => {
      const map = document.querySelector('story-map')!.map!;
      return { camera: window.__benchCamera(map), layers: window.__benchSnapshot(map) };
    });
    await context.close();
  }
  const r = { ...(await loadsAndSizes(ctx.browser, init)), maplibre: maplibreFloor() };
  const notes = r.firstLoad.notNeededForFirstStep.files.length
    ? [
        `Fetched at first load but not drawn by the first step: ${r.firstLoad.notNeededForFirstStep.files.join(', ')}`,
      ]
    : [];
  return {
    rows: rows(r),
    results: { firstLoad: r.firstLoad, firstIdle: r.firstIdle, maplibre: r.maplibre },
    notes,
  };
}

type LoadFigures = Awaited<ReturnType<typeof loadsAndSizes>> & {
  maplibre: ReturnType<typeof maplibreFloor>;
};

function rows(r: LoadFigures): Row[] {
  const rows: Row[] = [];
  const fl = r.firstLoad;
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
  {
    const m = r.maplibre;
    rows.push([
      'MapLibre floor: maplibre-gl.mjs + worker + css (gzip)',
      '',
      `${kB(m.js.gzip)} + ${kB(m.worker.gzip)} + ${kB(m.css.gzip)}`,
      '',
      '',
      '',
    ]);
  }
  const fi = r.firstIdle;
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
  return rows;
}

if (isMain(import.meta.url)) await runStandalone('loads', run);
