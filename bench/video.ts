// Video render speed: `npm run video` at 1280x720, 30 frames a second, on the story's first
// steps, timed end to end (the page's load, every frame drawn, encoded and written). Prints
// a markdown table: frames rendered per second, and seconds of video per minute of rendering.
// Standalone: `npx tsx bench/video.ts` (uses dist/, built when missing; BENCH_VIDEO_STEPS=1-3
// for other steps, BENCH_VIDEO_DIST for another build).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const steps = process.env.BENCH_VIDEO_STEPS ?? '1-2';
const dir = mkdtempSync(join(tmpdir(), 'zgc-bench-video-'));
try {
  const out = join(dir, 'bench.mp4');
  const args = [
    join(ROOT, 'scripts/video.ts'),
    '--out',
    out,
    '--size',
    '1280x720',
    '--fps',
    '30',
    '--steps',
    steps,
    ...(process.env.BENCH_VIDEO_DIST ? ['--dist', process.env.BENCH_VIDEO_DIST] : []),
  ];
  const run = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  // "<file>: 1280x720, 412 frames at 30 fps (13.7 s), avc1.640028, 9.1 MB; rendered in 220 s (1.9 frames/s)"
  const m = /(\d+) frames at (\d+) fps \(([\d.]+) s\).*rendered in (\d+) s/.exec(line);
  if (run.status !== 0 || !m) {
    console.error(`bench/video: the render failed (exit ${run.status}): ${line}`);
    process.exitCode = 1;
  } else {
    const frames = Number(m[1]);
    const videoS = Number(m[3]);
    const wallS = Number(m[4]);
    const rows = [
      `| video (1280x720, 30 fps, steps ${steps}) | value |`,
      '| --- | --- |',
      `| frames | ${frames} (${videoS.toFixed(1)} s of video) |`,
      `| render time | ${wallS} s |`,
      `| frames rendered per second | ${(frames / wallS).toFixed(2)} |`,
      `| seconds of video per minute of rendering | ${((videoS / wallS) * 60).toFixed(1)} |`,
    ];
    process.stdout.write(`${rows.join('\n')}\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
