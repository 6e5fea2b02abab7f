// The size budget: the app's own code and styles (dist/assets without MapLibre's bundle and
// its worker) that the page loads (index.html's script and stylesheet and what they import
// statically) must stay under SIZE_BUDGET_KB kB gzip (default 90; 1 kB = 1000 B, as Vite
// prints it; gzip level 9, as a host's pre-compressed files would be). The budget was 70 until
// the third round added the scroll reader, the subject marks and per-screen cartography and
// split the app for the embedding entry (87 kB measured): bringing it back down means making
// those parts lazy, which is listed as open work. Chunks loaded by
// import() (the YAML parser, for YAML stories only) are listed and counted separately; --all
// puts them under the budget too.
//
//   npx tsx scripts/check-size.ts [distDir] [--all] [--no-build] [--json]
//
// Run after `vite build`. MapLibre is recognised by its content (its version string and
// messages only it contains), not by file name. When MapLibre shares a chunk with the app
// (the default build), the figures come from a second build of the same config with
// maplibre-gl split into its own chunk, in a temporary folder; with --no-build they are
// estimated instead (mixed chunk minus MapLibre's own dist files: an underestimate, since
// MapLibre shrinks when re-bundled). Exit 1 over budget, 2 when there is nothing to measure.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAPLIBRE_DIST = join(ROOT, 'node_modules/maplibre-gl/dist');

export const gzipBytes = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;

export type ChunkKind = 'app' | 'maplibre' | 'maplibre-worker' | 'mixed';

export interface ChunkFigure {
  file: string;
  raw: number;
  gzip: number;
  kind: ChunkKind;
  /** Loaded by the page itself (entry, its static imports, stylesheets), not by import(). */
  eager: boolean;
}

export interface SizeReport {
  dir: string;
  /** How the app's share was found. */
  method: 'separate-chunk' | 'split-build' | 'estimate';
  chunks: ChunkFigure[];
  app: { raw: number; gzip: number; eagerGzip: number; lazyGzip: number };
  maplibre: { raw: number; gzip: number };
  budgetBytes: number;
  /** What the budget counts: the page's own load ('eager') or every app chunk ('all'). */
  counts: 'eager' | 'all';
  /** The figure the budget applies to. */
  budgetedGzip: number;
}

const maplibreVersion = (): string =>
  (
    JSON.parse(readFileSync(join(ROOT, 'node_modules/maplibre-gl/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

/** Strings only MapLibre's bundle contains; a chunk with two of them holds MapLibre. */
function isMapLibre(text: string): boolean {
  const markers = [
    `\`${maplibreVersion()}\``,
    `"${maplibreVersion()}"`,
    'SubdivisionGranularitySetting',
    'Custom layers cannot be serialized',
    'Last placement time for previous placement',
  ];
  return markers.filter((m) => text.includes(m)).length >= 2;
}

/** The app's code registers <story-map>. */
const isApp = (text: string) => /customElements\.define\(\s*["'`]story-map["'`]/.test(text);

function listAssets(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (['.js', '.mjs', '.css'].includes(extname(name))) out.push(path);
    }
  };
  walk(join(dir, 'assets'));
  return out.sort();
}

/** Files index.html loads, and what they import statically, transitively. */
function eagerFiles(dir: string, files: string[]): Set<string> {
  const html = existsSync(join(dir, 'index.html'))
    ? readFileSync(join(dir, 'index.html'), 'utf8')
    : '';
  const eager = new Set<string>();
  const queue = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:m?js|css))"/g)].map((m) =>
    join(dir, m[1]!),
  );
  while (queue.length) {
    const file = queue.pop()!;
    if (eager.has(file) || !files.includes(file)) continue;
    eager.add(file);
    if (extname(file) === '.css') continue;
    const text = readFileSync(file, 'utf8');
    // static imports: `import{a as b}from"./x.js"`, `import"./x.js"`; not `import("./x.js")`
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*)["'`](\.\/[^"'`]+\.m?js)["'`]/g)) {
      queue.push(join(file, '..', m[1]!));
    }
  }
  return eager;
}

function figures(dir: string): ChunkFigure[] {
  const files = listAssets(dir);
  const eager = eagerFiles(dir, files);
  const worker = readFileSync(join(MAPLIBRE_DIST, 'maplibre-gl-worker.mjs'));
  return files.map((path) => {
    const body = readFileSync(path);
    const text = body.toString('utf8');
    let kind: ChunkKind = 'app';
    if (
      body.equals(worker) ||
      (basename(path).startsWith('maplibre-gl-worker') && isMapLibre(text))
    )
      kind = 'maplibre-worker';
    else if (extname(path) !== '.css' && isMapLibre(text))
      kind = isApp(text) ? 'mixed' : 'maplibre';
    return {
      file: relative(dir, path),
      raw: body.length,
      gzip: gzipBytes(body),
      kind,
      eager: eager.has(path),
    };
  });
}

/** The Vite config option that puts maplibre-gl (and its CSS, when imported) in its own chunk. */
export const SPLIT_MAPLIBRE = {
  codeSplitting: {
    groups: [{ name: 'maplibre-gl', test: /[\\/]node_modules[\\/]maplibre-gl[\\/]/ }],
  },
};

async function splitBuild(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'size-split-'));
  const { build } = await import('vite');
  await build({
    configFile: join(ROOT, 'vite.config.ts'),
    root: ROOT,
    logLevel: 'error',
    build: { outDir: out, emptyOutDir: true, rolldownOptions: { output: SPLIT_MAPLIBRE } },
  });
  return out;
}

function summarise(
  dir: string,
  method: SizeReport['method'],
  chunks: ChunkFigure[],
  budget: { bytes: number; counts: 'eager' | 'all' },
  appOverride?: { raw: number; gzip: number; eagerGzip: number },
): SizeReport {
  const sum = (list: ChunkFigure[], key: 'raw' | 'gzip') => list.reduce((n, c) => n + c[key], 0);
  const app = chunks.filter((c) => c.kind === 'app');
  const ml = chunks.filter((c) => c.kind === 'maplibre' || c.kind === 'maplibre-worker');
  const appFig = appOverride ?? {
    raw: sum(app, 'raw'),
    gzip: sum(app, 'gzip'),
    eagerGzip: sum(
      app.filter((c) => c.eager),
      'gzip',
    ),
  };
  return {
    dir,
    method,
    chunks,
    app: { ...appFig, lazyGzip: appFig.gzip - appFig.eagerGzip },
    maplibre: { raw: sum(ml, 'raw'), gzip: sum(ml, 'gzip') },
    budgetBytes: budget.bytes,
    counts: budget.counts,
    budgetedGzip: budget.counts === 'all' ? appFig.gzip : appFig.eagerGzip,
  };
}

/** Measures a built app; see the file comment. */
export async function measureAppCode(
  dir: string,
  opts: { allowBuild?: boolean; budgetKb?: number; all?: boolean } = {},
): Promise<SizeReport> {
  const budgetBytes = {
    bytes: Math.round((opts.budgetKb ?? Number(process.env.SIZE_BUDGET_KB ?? 90)) * 1000),
    counts: opts.all ? ('all' as const) : ('eager' as const),
  };
  const chunks = figures(dir);
  if (!chunks.some((c) => c.kind === 'mixed'))
    return summarise(dir, 'separate-chunk', chunks, budgetBytes);
  if (opts.allowBuild !== false) {
    let out: string | undefined;
    try {
      out = await splitBuild();
      const split = figures(out);
      if (!split.some((c) => c.kind === 'mixed')) {
        const report = summarise(dir, 'split-build', split, budgetBytes);
        // keep the real build's chunk list for display, with the split build's app figures
        return { ...report, chunks };
      }
    } catch (err) {
      console.warn(`check-size: the split build failed (${(err as Error).message}); estimating`);
    } finally {
      if (out) rmSync(out, { recursive: true, force: true });
    }
  }
  // Estimate: the mixed chunk minus MapLibre's own files (MapLibre's CSS is inlined in the app).
  const mlJs = readFileSync(join(MAPLIBRE_DIST, 'maplibre-gl.mjs'));
  const mlCss = readFileSync(join(MAPLIBRE_DIST, 'maplibre-gl.css'));
  let raw = 0;
  let gzip = 0;
  let eagerGzip = 0;
  for (const c of chunks) {
    if (c.kind === 'maplibre' || c.kind === 'maplibre-worker') continue;
    const r = c.kind === 'mixed' ? c.raw - mlJs.length - mlCss.length : c.raw;
    const g = c.kind === 'mixed' ? c.gzip - gzipBytes(mlJs) - gzipBytes(mlCss) : c.gzip;
    raw += r;
    gzip += g;
    if (c.eager) eagerGzip += g;
  }
  return summarise(dir, 'estimate', chunks, budgetBytes, { raw, gzip, eagerGzip });
}

export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export function formatReport(r: SizeReport): string {
  const lines = [
    `Size budget: the app's own code and styles, gzip level 9 (${relative(process.cwd(), r.dir) || '.'})`,
  ];
  for (const c of r.chunks) {
    lines.push(
      `  ${c.file.padEnd(48)} ${kB(c.raw).padStart(10)} raw ${kB(c.gzip).padStart(10)} gzip  ${c.kind}${c.eager ? '' : ' (lazy)'}`,
    );
  }
  const how = {
    'separate-chunk': 'MapLibre is in its own chunk',
    'split-build':
      'MapLibre shares a chunk with the app; measured with a second build that splits it out',
    estimate:
      'MapLibre shares a chunk with the app; ESTIMATED as that chunk minus MapLibre dist files',
  }[r.method];
  lines.push(`  ${how}`);
  lines.push(
    `  MapLibre (bundle + worker): ${kB(r.maplibre.raw)} raw, ${kB(r.maplibre.gzip)} gzip`,
    `  app's own code + styles:    ${kB(r.app.raw)} raw, ${kB(r.app.gzip)} gzip ` +
      `(loaded by the page ${kB(r.app.eagerGzip)}, by import() ${kB(r.app.lazyGzip)})`,
    `  budget (${r.counts === 'all' ? 'every app chunk' : 'what the page loads'}): ${kB(r.budgetedGzip)} of ${kB(r.budgetBytes)} gzip -> ${r.budgetedGzip <= r.budgetBytes ? 'OK' : 'OVER BUDGET'}`,
  );
  return lines.join('\n');
}

async function main() {
  const args = process.argv.slice(2);
  const dir = resolve(args.find((a) => !a.startsWith('--')) ?? join(ROOT, 'dist'));
  if (!existsSync(join(dir, 'assets'))) {
    console.error(`check-size: ${dir}/assets not found; run \`npx vite build\` first`);
    process.exit(2);
  }
  const report = await measureAppCode(dir, {
    allowBuild: !args.includes('--no-build'),
    all: args.includes('--all'),
  });
  console.log(args.includes('--json') ? JSON.stringify(report, null, 2) : formatReport(report));
  if (report.budgetedGzip > report.budgetBytes) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
