// The kiosk soak: thousands of step changes of a kiosk (attract loop, a visitor's Next,
// language, Explore and Resume, the walk-away reset; the driver is bench/soak.ts, shared with
// tests/e2e/soak.spec.ts), reduced motion; heap after GC, DOM, map layers, sources and
// listeners, always sampled on the first step right after a reset.
//
//   npx tsx bench/soak-run.ts    (BENCH_SOAK_*; see scripts/bench.ts)
import type { Browser } from '@playwright/test';
import { loadavg } from 'node:os';
import { cdpMetrics, pageFigures } from '../tests/e2e/support/metrics.ts';
import { strings } from '../src/i18n/strings.ts';
import {
  compareSamples,
  soakProbe,
  soakQuery,
  SoakDriver,
  SOAK_KIOSK,
  type SoakButtons,
  type SoakSample,
} from './soak.ts';
import {
  CONFIG,
  isMain,
  log,
  newContext,
  openApp,
  round,
  runStandalone,
  STEP_TIMEOUT_MS,
  yes,
  type BenchContext,
  type Row,
  type Section,
} from './harness.ts';

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

export async function run(ctx: BenchContext): Promise<Section> {
  if (ctx.config.soakSteps <= 0) return { rows: [], results: {} };
  const so = await soak(ctx.browser);
  return { rows: rows(so), results: { soak: so }, errors: so.errors };
}

function rows(so: Awaited<ReturnType<typeof soak>>): Row[] {
  const rows: Row[] = [];
  {
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
  return rows;
}

if (isMain(import.meta.url)) await runStandalone('soak', run);
