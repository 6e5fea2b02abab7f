// `npm run video`'s options, read and checked before anything is built or rendered. Pure.
import { extname } from 'node:path';

export interface VideoArgs {
  out: string;
  story?: string;
  lang: 'en' | 'zh';
  width: number;
  height: number;
  fps: number;
  steps?: { from: number; to: number };
  format: 'mp4' | 'webm';
  dist?: string;
  build: boolean;
  basemap?: string;
  help: boolean;
}

export const USAGE = `Usage: npm run video -- --out FILE.mp4 [options]

  --out FILE          the video to write (.mp4, or .webm)
  --story FILE        a story file (YAML or JSON; default: the Zhongguancun story)
  --lang en|zh        the language (default en)
  --size WxH          frame size in pixels (default 1920x1080; also 1080x1920, 1080x1080, ...)
  --fps N             frames per second, 1-60 (default 30)
  --steps FROM-TO     only these steps, 1-based and inclusive (e.g. 3-5, or 4)
  --format mp4|webm   H.264 in MP4 (default) or VP9 in WebM (default: from the file's name)
  --dist DIR          serve this build (default dist/, built when missing or out of date)
  --no-build          never build; use --dist (or dist/) as it is
  --basemap URL       another basemap (a style URL or a .pmtiles archive beside the app)`;

export class UsageError extends Error {}

const VALUE_OPTIONS = new Set([
  '--out',
  '--story',
  '--lang',
  '--size',
  '--fps',
  '--steps',
  '--format',
  '--dist',
  '--basemap',
]);

export function parseVideoArgs(argv: readonly string[]): VideoArgs {
  const values = new Map<string, string>();
  let build = true;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg];
    if (name === '--help' || name === '-h') help = true;
    else if (name === '--no-build') build = false;
    else if (VALUE_OPTIONS.has(name!)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--')))
        throw new UsageError(`${name} needs a value`);
      values.set(name!, value);
    } else throw new UsageError(`unknown option "${arg}"`);
  }
  if (help) return { out: '', lang: 'en', width: 0, height: 0, fps: 0, format: 'mp4', build, help };
  const out = values.get('--out');
  if (!out) throw new UsageError('--out FILE is required');
  const lang = values.get('--lang') ?? 'en';
  if (lang !== 'en' && lang !== 'zh') throw new UsageError(`--lang "${lang}": use en or zh`);
  const size = values.get('--size') ?? '1920x1080';
  const m = /^(\d+)x(\d+)$/.exec(size);
  if (!m) throw new UsageError(`--size "${size}": give WIDTHxHEIGHT, e.g. 1920x1080`);
  const width = Number(m[1]);
  const height = Number(m[2]);
  for (const [what, n] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (n < 128 || n > 3840)
      throw new UsageError(`--size ${size}: the ${what} must be 128 to 3840 pixels`);
    // H.264 and VP9 with 4:2:0 colour want even sizes.
    if (n % 2) throw new UsageError(`--size ${size}: the ${what} must be an even number`);
  }
  const fpsText = values.get('--fps') ?? '30';
  const fps = Number(fpsText);
  if (!/^\d+$/.test(fpsText) || fps < 1 || fps > 60)
    throw new UsageError(`--fps "${fpsText}": a whole number from 1 to 60`);
  let steps: VideoArgs['steps'];
  const stepsText = values.get('--steps');
  if (stepsText !== undefined) {
    const r = /^(\d+)(?:-(\d+))?$/.exec(stepsText);
    if (!r) throw new UsageError(`--steps "${stepsText}": give FROM-TO (1-based), e.g. 2-5`);
    const from = Number(r[1]);
    const to = Number(r[2] ?? r[1]);
    if (from < 1 || to < from)
      throw new UsageError(`--steps "${stepsText}": FROM must be at least 1 and not after TO`);
    steps = { from, to };
  }
  const ext = extname(out).toLowerCase();
  const formatText = values.get('--format') ?? (ext === '.webm' ? 'webm' : 'mp4');
  if (formatText !== 'mp4' && formatText !== 'webm')
    throw new UsageError(`--format "${formatText}": use mp4 or webm`);
  if (ext !== `.${formatText}`)
    throw new UsageError(`--out ${out}: a ${formatText} video's name ends in .${formatText}`);
  return {
    out,
    ...(values.has('--story') ? { story: values.get('--story')! } : {}),
    lang,
    width,
    height,
    fps,
    ...(steps ? { steps } : {}),
    format: formatText,
    ...(values.has('--dist') ? { dist: values.get('--dist')! } : {}),
    build,
    ...(values.has('--basemap') ? { basemap: values.get('--basemap')! } : {}),
    help,
  };
}

/** "[#####.....] 120/900 frames · 4.1 fps · 3:10 left". */
export function progressLine(done: number, total: number, elapsedMs: number, width = 28): string {
  const share = total ? done / total : 0;
  const filled = Math.round(share * width);
  const fps = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const leftS = fps > 0 ? Math.round((total - done) / fps) : undefined;
  const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  return (
    `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} frames` +
    ` · ${fps.toFixed(1)} fps · ${leftS === undefined ? '--:--' : clock(leftS)} left`
  );
}
