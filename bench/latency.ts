// Input latency: `performance.now()` in a capturing keydown/click listener on `window`, then
// at the map's `movestart`, then at its first `render` after it, pressed 300 ms after the
// previous step settled (while its animations play): alternately ArrowRight and a click on
// Next, at the steps after the flights' (BENCH_FLIGHTS + 1 ...). The floor: the bare page
// (the app's own style) starts the same recorded moves from its own keydown listener.
//
//   npx tsx bench/latency.ts    (BENCH_PRESSES; see scripts/bench.ts)
import {
  appJumpTo,
  isMain,
  median,
  n1,
  newContext,
  openApp,
  openBareExact,
  round,
  runStandalone,
  takingTurns,
  yes,
  type BenchContext,
  type Row,
  type Section,
} from './harness.ts';
import { recordMoves } from './flights.ts';
import type { LatencyProbe } from './probes.ts';

export interface LatencyResult {
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
    const presses = Math.min(config.presses, steps - 1 - flights);
    if (presses <= 0) return { rows: [], results: {}, errors };
    // The moves of the flights (recorded there, or here when this runs alone); the app
    // starts from the step the flights end on.
    let recording = ctx.shared.recording;
    if (recording && recording.moves.length === flights) await appJumpTo(app, flights);
    else {
      log(`latency: recording the app's moves to steps 1..${flights}`);
      recording = (await recordMoves(app, flights)).recording;
      ctx.shared.recording = recording;
    }
    const moves = recording.moves;
    await use(bare);
    await openBareExact(bare, recording.init);
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
      await app.evaluate(() => window.__benchArmLatency(document.querySelector('story-map')!.map!));
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
      // The style as JSON text: Playwright's types for an argument do not reach into it.
      await bare.evaluate(
        async ({ style, from, layers }) => {
          window.bare.setStyle(JSON.parse(style) as never);
          window.bare.map.jumpTo(from);
          window.bare.apply(layers);
          await window.bare.idle();
        },
        { style: JSON.stringify(move.style), from: move.from, layers: move.layers },
      );
      await bare.evaluate(
        ({ method, options }) => {
          const { map } = window.bare;
          window.__benchArmLatency(map);
          const onKey = (e: KeyboardEvent) => {
            if (e.key !== 'ArrowRight') return;
            removeEventListener('keydown', onKey);
            (map as unknown as Record<string, (o: unknown) => void>)[method]!(options);
          };
          addEventListener('keydown', onKey);
        },
        { method: move.method, options: move.options },
      );
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
    const l: LatencyResult = {
      app: appLat,
      bare: bareLat,
      appKeyToMoveMs: median(appLat.filter((p) => p.kind === 'keydown').map((p) => p.toMoveMs)),
      appClickToMoveMs: median(appLat.filter((p) => p.kind === 'click').map((p) => p.toMoveMs)),
      appToMoveMs: median(appLat.map((p) => p.toMoveMs)),
      appToFrameMs: median(appLat.map((p) => p.toFrameMs)),
      bareToMoveMs: median(bareLat.map((p) => p.toMoveMs)),
      bareToFrameMs: median(bareLat.map((p) => p.toFrameMs)),
    };
    return { rows: rows(l), results: { latency: l }, errors };
  } finally {
    await context.close();
  }
}

function rows(l: LatencyResult): Row[] {
  const rows: Row[] = [];
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

  return rows;
}

if (isMain(import.meta.url)) await runStandalone('latency', run);
