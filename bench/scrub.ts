// The scroll reader's benchmark row (issue #22), standalone: `npx tsx bench/scrub.ts`.
//   1. frames per second while the page scrolls through five steps of the story in scroll
//      mode (the camera scrubbed along each flight), against bare MapLibre (bench/bare.html)
//      jumping through the very cameras the app showed, frame by frame, in the same run;
//   2. the time from a scroll event to the camera's change, and the share of scroll events
//      whose camera change came before the next animation frame (the same frame).
// Prints a markdown table. Environment: SCRUB_PORT [4288], SCRUB_SITE_DIR
// [bench-results/scrub-site], SCRUB_SKIP_BUILD=1 (reuse the build), SCRUB_ROUNDS [3],
// SCRUB_PX_PER_FRAME [12], CHROMIUM_PATH.
import { chromium, type Page } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium-flags.ts';
import type { BareApi, BareInit } from './protocol';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PORT = Number(process.env.SCRUB_PORT ?? 4288);
const SITE = process.env.SCRUB_SITE_DIR ?? join(ROOT, 'bench-results/scrub-site');
const ROUNDS = Number(process.env.SCRUB_ROUNDS ?? 3);
const PX_PER_FRAME = Number(process.env.SCRUB_PX_PER_FRAME ?? 12);
const STEPS = 5;
const BASE = `http://127.0.0.1:${PORT}/`;
const VIEWPORT = { width: 1280, height: 800 };

interface Cam {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}
interface Run {
  frames: number;
  ms: number;
  cameras: Cam[];
  padding: { top: number; bottom: number; left: number; right: number };
  latencies: { ms: number; frames: number }[];
}

declare global {
  interface Window {
    bare: BareApi;
    __scrub: {
      pending?: { t: number; frames: number };
      latencies: { ms: number; frames: number }[];
    };
  }
}

const out = (line: string) => process.stdout.write(`${line}\n`);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length
    ? (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2
    : NaN;
};

function build() {
  execFileSync('npx', ['vite', 'build', '--outDir', SITE, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  execFileSync('npx', ['vite', 'build', '--config', 'bench/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, BENCH_OUT_DIR: SITE, BENCH_EMPTY_OUT_DIR: '0' },
  });
}

async function serve(): Promise<ChildProcess> {
  const server = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--outDir',
      SITE,
      '--port',
      String(PORT),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    { cwd: ROOT, stdio: 'ignore', detached: true },
  );
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(BASE)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`vite preview did not answer on ${BASE}`);
}

/** The app in scroll mode, scrolled by the page from step 0's block through five steps. */
async function appRun(page: Page): Promise<Run> {
  await page.goto(`${BASE}?mode=scroll`);
  await page.waitForFunction(
    () => (document.querySelector('story-map')?.stepIndex ?? -1) >= 0,
    null,
    {
      timeout: 180_000,
    },
  );
  await page.waitForFunction(() => document.querySelector('story-map')?.map?.loaded(), null, {
    timeout: 180_000,
  });
  return page.evaluate(
    async ({ steps, pxPerFrame }) => {
      const el = document.querySelector('story-map')!;
      const map = el.map!;
      const reader = el.shadowRoot!.querySelector('scroll-reader')!;
      // Start with step 0's block at the top of the viewport, the map idle.
      const first = reader.blockBoxes()[0]!;
      window.scrollBy({ top: first.top - innerHeight * 0.2, behavior: 'instant' });
      await new Promise<void>((r) => {
        map.once('idle', () => r());
        map.triggerRepaint();
      });
      const end = reader.blockBoxes()[steps]!.top - innerHeight * 0.55 + 2;
      let left = end;
      const cameras: Cam[] = [];
      const latencies = window.__scrub.latencies;
      latencies.length = 0;
      const onMove = () => {
        const p = window.__scrub.pending;
        if (p) latencies.push({ ms: performance.now() - p.t, frames: p.frames });
        window.__scrub.pending = undefined;
      };
      map.on('move', onMove);
      let frames = 0;
      const t0 = performance.now();
      await new Promise<void>((resolve) => {
        const tick = () => {
          frames += 1;
          const c = map.getCenter();
          cameras.push({
            center: [c.lng, c.lat],
            zoom: map.getZoom(),
            bearing: map.getBearing(),
            pitch: map.getPitch(),
          });
          if (left <= 0) return resolve();
          const dy = Math.min(pxPerFrame, left);
          left -= dy;
          window.scrollBy(0, dy);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      const ms = performance.now() - t0;
      map.off('move', onMove);
      const p = map.getPadding();
      return {
        frames,
        ms,
        cameras,
        padding: { top: p.top ?? 0, bottom: p.bottom ?? 0, left: p.left ?? 0, right: p.right ?? 0 },
        latencies: [...latencies],
      };
    },
    { steps: STEPS, pxPerFrame: PX_PER_FRAME },
  );
}

/** Bare MapLibre jumping through the same cameras, one a frame. */
async function bareRun(page: Page, app: Run): Promise<{ frames: number; ms: number }> {
  const init: BareInit = { camera: { ...app.cameras[0]!, padding: app.padding } };
  await page.goto(`${BASE}bench/bare.html#${encodeURIComponent(JSON.stringify(init))}`);
  await page.waitForFunction(() => window.bare !== undefined, null, { timeout: 180_000 });
  await page.evaluate(() => window.bare.ready);
  return page.evaluate(async (cameras) => {
    const map = window.bare.map;
    let i = 0;
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      const tick = () => {
        const cam = cameras[i++];
        if (!cam) return resolve();
        map.jumpTo(cam);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    return { frames: cameras.length, ms: performance.now() - t0 };
  }, app.cameras);
}

async function main() {
  if (process.env.SCRUB_SKIP_BUILD !== '1') build();
  const server = await serve();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const appFps: number[] = [];
    const bareFps: number[] = [];
    const latencies: { ms: number; frames: number }[] = [];
    for (let round = 0; round <= ROUNDS; round++) {
      const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
      const page = await context.newPage();
      // Before any of the app's listeners: when each scroll event arrives, and frames since.
      await page.addInitScript(() => {
        window.__scrub = { latencies: [] };
        addEventListener(
          'scroll',
          () => (window.__scrub.pending = { t: performance.now(), frames: 0 }),
          { passive: true },
        );
        const count = () => {
          if (window.__scrub.pending) window.__scrub.pending.frames += 1;
          requestAnimationFrame(count);
        };
        requestAnimationFrame(count);
      });
      const app = await appRun(page);
      const bare = await bareRun(page, app);
      await context.close();
      if (round === 0) continue; // warm-up: caches, shaders
      appFps.push((app.frames / app.ms) * 1000);
      bareFps.push((bare.frames / bare.ms) * 1000);
      latencies.push(...app.latencies);
      console.error(
        `round ${round}: app ${appFps.at(-1)!.toFixed(1)} fps, bare ${bareFps.at(-1)!.toFixed(1)} fps, ${app.cameras.length} frames`,
      );
    }
    const a = median(appFps);
    const b = median(bareFps);
    const sameFrame =
      latencies.filter((l) => l.frames === 0).length / Math.max(1, latencies.length);
    out('| scrub (scroll mode, 5 steps, 1280x800) | app | bare MapLibre | ratio | goal |');
    out('| --- | --- | --- | --- | --- |');
    out(
      `| frames per second | ${a.toFixed(1)} | ${b.toFixed(1)} | ${(a / b).toFixed(2)} | ≥ 0.9 |`,
    );
    out(
      `| scroll event → camera change | median ${median(latencies.map((l) => l.ms)).toFixed(1)} ms; ${(sameFrame * 100).toFixed(0)} % in the same frame (${latencies.length} changes) | | | same frame |`,
    );
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  }
}

await main();
