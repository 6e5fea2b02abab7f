// `npm run bench`: the app against bare MapLibre, in headless Chromium with SwiftShader, one
// measurement module after another, in one run (build, server and browser shared):
//   flights   frame rate while flying between steps: the bare page draws the app's own style
//             (`map.getStyle()`) through the app's own recorded camera moves, app and bare
//             taking turns flight by flight for several rounds (bench/flights.ts)
//   latency   key press / click on Next -> the camera's `movestart` and first frame
//   size      the app's own code (scripts/check-size.ts) against its budget
//   loads     first load: bytes fetched until the first step has settled, by kind, raw and
//             gzip, against MapLibre's bundle as the floor; time to the first idle map, app
//             and bare, over several cold loads
//   precache  what the service worker precaches
//   soak      thousands of step changes of a kiosk; heap, DOM, map layers, sources and
//             listeners, always measured on the first step after a reset (bench/soak-run.ts)
// Prints a table and writes bench-results/bench-<timestamp>.json and bench-results/latest.json.
// The machines are noisy: every figure is a median, and app and bare are compared as ratios.
//
// A measurement module (bench/<name>.ts) stands on its own:
//   export async function run(ctx: BenchContext): Promise<Section>
//   if (isMain(import.meta.url)) await runStandalone('<name>', run);   // npx tsx bench/<name>.ts
// `ctx` (bench/harness.ts) holds the configuration, the launched browser, the app's and the
// bare page's URLs (the server runs), `log`, and `shared` (what an earlier module left, e.g.
// the flights' recording of the app's moves). `Section` is its table rows (metric, app, bare,
// app/bare, goal, met), the figures for the JSON (each key at its top level), notes printed
// under the table and the page errors. The harness also has the browser contexts with the
// probes (newContext), openApp, openBareExact, takingTurns (the page not measured frozen),
// median and friends. Read the app only through `<story-map>`'s public contract: `map`,
// `steps`, `stepIndex`, `goTo`/`next`/`prev` and its events. To add one to `npm run bench`,
// add a line to MEASUREMENTS below (the order is the table's).
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
//   BENCH_ONLY         comma-separated subset of the names below (size also runs precache)
//   BENCH_STEP_TIMEOUT_S [60]  how long a page may take to load or a step to settle
//   BENCH_PORT [4188]  port of the vite preview server
//   BENCH_SITE_DIR [node_modules/.cache/zgc-bench/site]  where the app and bare page are built
//   BENCH_SKIP_BUILD=1 reuse the last build in BENCH_SITE_DIR
//   CHROMIUM_PATH [the browser scripts/ensure-browser.ts found]
import { CONFIG, runBench, type Measure } from '../bench/harness.ts';

interface Entry {
  name: string;
  /** BENCH_ONLY names that select it (its own name by default). */
  selectedBy?: string[];
  run: () => Promise<Measure>;
}

const MEASUREMENTS: Entry[] = [
  { name: 'flights', run: async () => (await import('../bench/flights.ts')).run },
  { name: 'latency', run: async () => (await import('../bench/latency.ts')).run },
  { name: 'size', run: async () => (await import('../bench/size.ts')).run },
  { name: 'loads', run: async () => (await import('../bench/loads.ts')).run },
  {
    name: 'precache',
    selectedBy: ['precache', 'size'],
    run: async () => (await import('../bench/precache.ts')).run,
  },
  { name: 'soak', run: async () => (await import('../bench/soak-run.ts')).run },
];

const only = CONFIG.only;
const unknown = [...(only ?? [])].filter(
  (n) => !MEASUREMENTS.some((m) => (m.selectedBy ?? [m.name]).includes(n)),
);
if (unknown.length) {
  console.error(
    `BENCH_ONLY: unknown ${unknown.join(', ')}; known: ${MEASUREMENTS.map((m) => m.name).join(', ')}`,
  );
  process.exit(2);
}
await runBench(
  MEASUREMENTS.filter((m) => !only || (m.selectedBy ?? [m.name]).some((n) => only.has(n))),
);
