// `npm run video -- --out FILE.mp4 [--story FILE] [--lang en|zh] [--size 1920x1080] [--fps 30]
// [--steps FROM-TO] [--format webm]`: renders the story as a video in headless Chromium, frame
// by frame (src/video/), and streams the encoded file back here. Options are checked, and the
// output path tried, before anything is built or rendered. See `--help`.
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './chromium-flags.ts';
import { parseVideoArgs, progressLine, USAGE, UsageError, type VideoArgs } from './video-args.ts';

const ROOT = resolve(import.meta.dirname, '..');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.webmanifest': 'application/manifest+json',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.pmtiles': 'application/octet-stream',
};

/** Where a story file outside the build is served from: `/__files/` + its path under `root`. */
const FILES = '/__files/';

/**
 * Serves `dist` and, under /__files/, the files below `filesRoot` (a story from the command
 * line, with the layers it points to), with byte ranges (a .pmtiles basemap reads ranges).
 */
function serve(dist: string, filesRoot: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [base, rel] = path.startsWith(FILES)
      ? [filesRoot, path.slice(FILES.length)]
      : [dist, path === '/' ? 'index.html' : path.slice(1)];
    const file = resolve(base, rel);
    if (
      (file !== base && !file.startsWith(base + sep)) ||
      !existsSync(file) ||
      !statSync(file).isFile()
    ) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const size = statSync(file).size;
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (range) {
      const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(size - 1, Number(range[2])) : size - 1;
      res.writeHead(206, {
        'content-type': type,
        'content-range': `bytes ${start}-${end}/${size}`,
        'content-length': end - start + 1,
        'accept-ranges': 'bytes',
      });
      createReadStream(file, { start, end }).pipe(res);
      return;
    }
    res.writeHead(200, { 'content-type': type, 'content-length': size, 'accept-ranges': 'bytes' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok(server));
  });
}

/** The newest modification time under these paths (files and folders, recursively). */
function newest(paths: string[]): number {
  let latest = 0;
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    latest = Math.max(latest, st.mtimeMs);
    if (st.isDirectory()) for (const name of readdirSync(p)) walk(join(p, name));
  };
  paths.forEach(walk);
  return latest;
}

function ensureBuild(args: VideoArgs): string {
  const dist = resolve(args.dist ?? join(ROOT, 'dist'));
  const page = join(dist, 'video.html');
  if (!args.build || args.dist) {
    if (!existsSync(page))
      throw new UsageError(
        `${dist} has no video.html: build it first (npx vite build${args.dist ? ` --outDir ${args.dist}` : ''})`,
      );
    return dist;
  }
  const sources = [
    'src',
    'stories',
    'geo',
    'public',
    'index.html',
    'video.html',
    'vite.config.ts',
  ].map((p) => join(ROOT, p));
  if (existsSync(page) && statSync(page).mtimeMs >= newest(sources)) return dist;
  console.error('Building the app (dist/ is missing or older than the sources)…');
  const build = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (build.status !== 0) throw new Error('the build failed (see above)');
  return dist;
}

/** Fails now, before any rendering, if the video cannot be written where asked. */
function openOutput(out: string): number {
  const path = resolve(out);
  if (existsSync(path) && statSync(path).isDirectory())
    throw new UsageError(`--out ${out}: is a folder`);
  if (!existsSync(dirname(path)))
    throw new UsageError(`--out ${out}: the folder ${dirname(path)} does not exist`);
  try {
    return openSync(path, 'w');
  } catch (err) {
    throw new UsageError(
      `--out ${out}: cannot be written (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    );
  }
}

function storyUrl(args: VideoArgs): { url: string; filesRoot: string } {
  if (!args.story) return { url: 'stories/zhongguancun.json', filesRoot: ROOT };
  if (/^https?:\/\//.test(args.story)) return { url: args.story, filesRoot: ROOT };
  const file = resolve(args.story);
  if (!existsSync(file)) throw new UsageError(`--story ${args.story}: no such file`);
  // The story's folder and its parent (where a story's ../geo/ usually is), or the project.
  const parent = dirname(dirname(file));
  const filesRoot = file.startsWith(ROOT + sep) ? ROOT : parent;
  return { url: FILES + relative(filesRoot, file).split(sep).join('/'), filesRoot };
}

async function main(): Promise<number> {
  let args: VideoArgs;
  try {
    args = parseVideoArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`npm run video: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const out = resolve(args.out);
  let fd: number | undefined;
  let server: Server | undefined;
  let ok = false;
  const browser = { close: async () => undefined } as { close: () => Promise<unknown> };
  try {
    const { url, filesRoot } = storyUrl(args);
    fd = openOutput(args.out);
    const dist = ensureBuild(args);
    server = await serve(dist, filesRoot);
    const port = (server.address() as AddressInfo).port;
    const launched = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    browser.close = () => launched.close();
    const page = await launched.newPage({
      viewport: { width: args.width, height: args.height },
      deviceScaleFactor: 1,
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    let written = 0;
    await page.exposeFunction('__videoWrite', (position: number, data: string) => {
      const bytes = Buffer.from(data, 'base64');
      writeSync(fd!, bytes, 0, bytes.length, position);
      written = Math.max(written, position + bytes.length);
    });
    const started = Date.now();
    const tty = process.stderr.isTTY;
    let lastTenth = -1;
    await page.exposeFunction('__videoProgress', (done: number, total: number) => {
      const line = progressLine(done, total, Date.now() - started);
      if (tty) process.stderr.write(`\r${line}`);
      else if (Math.floor((done / total) * 10) !== lastTenth || done === total) {
        lastTenth = Math.floor((done / total) * 10);
        process.stderr.write(`${line}\n`);
      }
    });
    await page.goto(`http://127.0.0.1:${port}/video.html`);
    await page.waitForFunction(() => 'zgcVideo' in window);
    const result = await page.evaluate((req) => window.zgcVideo.render(req), {
      story: url,
      lang: args.lang,
      width: args.width,
      height: args.height,
      fps: args.fps,
      format: args.format,
      ...(args.steps ? { steps: args.steps } : {}),
      ...(args.basemap ? { basemap: args.basemap } : {}),
    });
    if (tty) process.stderr.write('\n');
    if (result.error) {
      console.error(`npm run video: ${result.error}`);
      return result.kind === 'VideoRequestError' ? 2 : 1;
    }
    if (result.format !== args.format)
      console.error(
        `note: this browser has no H.264 encoder; the file is ${result.format.toUpperCase()} (${result.codec})`,
      );
    for (const w of [...result.warnings, ...pageErrors]) console.error(`warning: ${w}`);
    const seconds = (Date.now() - started) / 1000;
    const mb = (written / 1e6).toFixed(1);
    const s = result.stats;
    console.error(
      `the map drew ${s.mapFrames} of ${result.frames} frames (${(s.mapMs / 1000).toFixed(0)} s); encoding took ${(s.encodeMs / 1000).toFixed(0)} s`,
    );
    console.log(
      `${args.out}: ${result.width}x${result.height}, ${result.frames} frames at ${result.fps} fps (${(result.durationMs / 1000).toFixed(1)} s), ${result.codec}, ${mb} MB; rendered in ${seconds.toFixed(0)} s (${(result.frames / seconds).toFixed(1)} frames/s)`,
    );
    ok = true;
    return 0;
  } catch (err) {
    console.error(`npm run video: ${(err as Error).message}`);
    return err instanceof UsageError ? 2 : 1;
  } finally {
    await browser.close().catch(() => undefined);
    server?.close();
    if (fd !== undefined) closeSync(fd);
    // A half-written video is no video.
    if (!ok && fd !== undefined && existsSync(out)) unlinkSync(out);
  }
}

process.exitCode = await main();
