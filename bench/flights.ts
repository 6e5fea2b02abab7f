// Frame rate while flying between steps: the app against bare MapLibre showing the app's own
// map through the app's own camera moves.
//
// One warm-up pass of the app through steps 1..N records, for every camera move, the arguments
// MapLibre received (flyTo/easeTo/jumpTo wrapped on the map instance), the camera and padding
// it started from, and the app's whole style (`map.getStyle()`: projection, fonts, every
// source with its data, every filter and visibility) and story feature state, both as the
// move started and once the task that started it was over (the app changes the step's layers,
// year filters and highlights right after it starts the camera). The bare page (bench/bare.ts,
// exact mode) takes the step's style and feature state at the move's start camera (not
// measured), then makes the same move: the floor, MapLibre flying the very same map, so the
// ratio is what a reader feels. With BENCH_BARE_STEP_CHANGES=1 the bare page instead starts
// from the previous step's style and makes the app's style changes in the move's first task,
// as the app does: the two then differ only by what the app does besides MapLibre.
// App and bare take turns flight by flight (who goes first alternates), the page not measured
// frozen. Frames are MapLibre `render` events between the flight's `movestart` and `moveend`.
//
//   npx tsx bench/flights.ts    (BENCH_ROUNDS, BENCH_FLIGHTS; see scripts/bench.ts)
import type { Page } from '@playwright/test';
import { diff } from '@maplibre/maplibre-gl-style-spec';
import { loadavg } from 'node:os';
import {
  appJumpTo,
  appState,
  isMain,
  median,
  n1,
  newContext,
  openApp,
  openBareExact,
  round,
  runStandalone,
  STEP_TIMEOUT_MS,
  takingTurns,
  yes,
  type BenchContext,
  type Recording,
  type Row,
  type Section,
} from './harness.ts';
import type { FlightSegment, FlightStats } from './probes.ts';
import type { RecordedMove } from './protocol.ts';

export interface FlightsResult {
  steps: { index: number; method: string; durationMs: unknown; styleChanges: number }[];
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

/** goTo(index) in the app, counting frames of its camera move; resolves when it settled. */
export async function appFlight(page: Page, index: number): Promise<FlightStats> {
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

/**
 * Whether the bare page makes the app's style changes at the start of the move, as the app
 * does (BENCH_BARE_STEP_CHANGES=1: the two then differ only by what the app does besides
 * MapLibre), rather than flying with the step's style already in place (the floor).
 */
const STEP_CHANGES_IN_FLIGHT = process.env.BENCH_BARE_STEP_CHANGES === '1';

/**
 * The bare page makes the app's recorded move: first (`bareBefore`, not measured) the style,
 * feature state and camera of the step the move goes to, at the camera the move starts from;
 * then (`bareMove`) the move alone, and waits for idle as the app does before `step-settled`.
 */
export async function bareFlight(page: Page, move: RecordedMove): Promise<FlightStats> {
  await bareBefore(page, move);
  return bareMove(page, move);
}

export async function bareBefore(page: Page, move: RecordedMove) {
  const inFlight = STEP_CHANGES_IN_FLIGHT;
  // The style as JSON text: Playwright's types for a serializable argument do not reach into it.
  await page.evaluate(
    async ({ style, layers, from }) => {
      window.bare.setStyle(JSON.parse(style) as never);
      window.bare.apply(layers);
      window.bare.map.jumpTo(from);
      await window.bare.idle();
    },
    {
      style: JSON.stringify(inFlight ? move.style : move.styleAfter),
      layers: inFlight ? move.layers : move.layersAfter,
      from: move.from,
    },
  );
}

export async function bareMove(page: Page, move: RecordedMove): Promise<FlightStats> {
  const inFlight = STEP_CHANGES_IN_FLIGHT;
  const r = await page.evaluate(
    async ({ method, options, changes, layersAfter }) => {
      const { map } = window.bare;
      const counter = window.__benchFlight(map);
      (map as unknown as Record<string, (o: unknown) => void>)[method]!(options);
      if (changes) window.bare.run(changes);
      if (layersAfter) window.bare.apply(layersAfter);
      await new Promise<void>((resolve) =>
        map.isMoving() ? map.once('moveend', () => resolve()) : resolve(),
      );
      await window.bare.idle();
      return counter.stop();
    },
    {
      method: move.method,
      options: move.options,
      changes: inFlight ? move.changes : undefined,
      layersAfter: inFlight ? move.layersAfter : undefined,
    },
  );
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

const sumFlights = (flights: FlightStats[]) => {
  const frames = flights.reduce((n, f) => n + f.frames, 0);
  const ms = flights.reduce((n, f) => n + f.ms, 0);
  return { frames, ms: round(ms), fps: ms > 0 ? round((frames * 1000) / ms, 2) : NaN };
};

/**
 * The app's state at step 0 and its moves to steps 1..flights, recorded while the app flies
 * them (the app's warm-up); the app is left at step `flights`.
 */
export async function recordMoves(
  app: Page,
  flights: number,
): Promise<{ recording: Recording; warmup: FlightStats[] }> {
  await appJumpTo(app, 0);
  const init = await appState(app);
  await app.evaluate(() => (window.__benchRecording = true));
  const warmup: FlightStats[] = [];
  for (let i = 1; i <= flights; i++) warmup.push(await appFlight(app, i));
  await app.evaluate(() => (window.__benchRecording = false));
  const recorded = await app.evaluate(() => window.__benchMoves.splice(0));
  const moves: RecordedMove[] = [];
  for (let i = 1; i <= flights; i++) {
    const forStep = recorded.filter((m) => m.step === i);
    const move = forStep.filter((m) => m.method !== 'jumpTo').pop() ?? forStep.pop();
    if (!move) throw new Error(`no camera move was recorded for step ${i}`);
    moves.push({ ...move, changes: diff(move.style, move.styleAfter) });
  }
  return { recording: { init, moves }, warmup };
}

export async function run(ctx: BenchContext): Promise<Section> {
  const { config, log } = ctx;
  const context = await newContext(ctx.browser, 'no-preference');
  try {
    const app = await context.newPage();
    const bare = await context.newPage();
    const use = await takingTurns(context, [app, bare]);
    await use(app);
    const errors = await openApp(app);
    const steps = await app.evaluate(() => document.querySelector('story-map')!.steps.length);
    const flights = Math.min(config.flights, steps - 1);

    log(`flights: warm-up and recording, app steps 1..${flights}`);
    const { recording, warmup: warmApp } = await recordMoves(app, flights);
    ctx.shared.recording = recording;
    const { init, moves } = recording;
    const appCanvas = await app.evaluate(() => {
      const c = document.querySelector('story-map')!.map!.getCanvas();
      return [c.width, c.height];
    });

    await use(bare);
    await openBareExact(bare, init);
    log("flights: warm-up, bare (the app's own style)");
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
    for (let r = 1; r <= config.rounds; r++) {
      await use(app);
      await appJumpTo(app, 0);
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
        `flights: round ${r}/${config.rounds}: app ${a.fps} fps, bare ${b.fps} fps, ratio ${round(a.fps / b.fps, 3)} (load average ${round(loadavg()[0]!, 2)})`,
      );
    }
    const f: FlightsResult = {
      steps: moves.map((m) => ({
        index: m.step,
        method: m.method,
        durationMs: m.options.duration,
        styleChanges: m.changes.length,
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
    return { rows: rows(f), results: { flights: f }, errors };
  } finally {
    await context.close();
  }
}

function rows(f: FlightsResult): Row[] {
  return [
    [
      `flight frame rate, steps 1→${f.steps.length}, ${f.rounds.length} rounds (fps; ratio: median of ${f.pairRatios.length} flight pairs)`,
      n1(f.appFps, 2),
      n1(f.bareFps, 2),
      n1(f.pairRatio, 2),
      '≥ 0.95 of bare',
      yes(f.pairRatio >= 0.95),
    ],
    [
      '  same, ratio of whole rounds (median, min–max)',
      '',
      '',
      `${n1(f.ratio, 2)} (${n1(Math.min(...f.rounds.map((r) => r.ratio)), 2)}–${n1(Math.max(...f.rounds.map((r) => r.ratio)), 2)})`,
      '',
      '',
    ],
    [
      'longest frame in a flight (ms, median)',
      n1(f.appLongestFrameMs, 0),
      n1(f.bareLongestFrameMs, 0),
      n1(f.appLongestFrameMs / f.bareLongestFrameMs, 2),
      '',
      '',
    ],
  ];
}

if (isMain(import.meta.url)) await runStandalone('flights', run);
