// What the element adds to a page, measured on a build (gzip level 9, 1 kB = 1000 B), written
// into docs/PACKAGE.md between the size-table markers (and printed):
//   npx tsx scripts/package-size.ts [distDir]     (default dist/; run `npm run build` first)
// The script tag's figures: the loader alone (what an article pays before the reader comes
// near the element), then what loads when the element comes near (its code with Lit and
// MapLibre: every static import of the element's chunk), MapLibre's worker, and the embedded
// basemap's files. The npm package adds the same code to a consumer's bundle (minified there).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOC = join(ROOT, 'docs/PACKAGE.md');
const START = '<!-- size-table:start (scripts/package-size.ts writes this table) -->';
const END = '<!-- size-table:end -->';

const gzip = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** A module and every module it imports statically (not through import()). */
export function staticGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(
      /(?:^|[;\s}])(?:import|export)\s*(?:[^'"`()]*?from\s*)?["'`](\.[^"'`]+)["'`]/g,
    ))
      visit(resolve(dirname(file), m[1]!));
  };
  visit(entry);
  return [...seen];
}

/** The chunk the loader imports with import(): the element. */
function elementChunk(dist: string): string {
  const loader = readFileSync(join(dist, 'story-map.js'), 'utf8');
  const m = /import\(\s*["'`](\.\/assets\/element-[^"'`]+\.js)["'`]\s*\)/.exec(loader);
  if (!m) throw new Error(`${dist}/story-map.js: no import() of the element's chunk found`);
  return resolve(dist, m[1]!);
}

export function measure(dist: string) {
  const loader = staticGraph(join(dist, 'story-map.js'));
  const element = staticGraph(elementChunk(dist)).filter((f) => !loader.includes(f));
  const maplibre = element.filter((f) => /maplibre-gl/.test(f));
  const worker = readdirSync(join(dist, 'assets')).find((f) =>
    /^maplibre-gl-worker.*\.mjs$/.test(f),
  );
  const basemap = readdirSync(join(dist, 'basemap'))
    .filter((f) => f.endsWith('.geojson'))
    .sort();
  const sum = (files: string[]) => files.reduce((a, f) => a + gzip(f), 0);
  return {
    loader: { files: loader.length, gzip: sum(loader) },
    element: { files: element.length, gzip: sum(element), maplibre: sum(maplibre) },
    worker: worker ? gzip(join(dist, 'assets', worker)) : 0,
    basemap: basemap.map((f) => ({ file: `basemap/${f}`, gzip: gzip(join(dist, 'basemap', f)) })),
    fontList: gzip(join(dist, 'fonts/font-faces.compact.json')),
  };
}

export function table(m: ReturnType<typeof measure>): string {
  const basemapTotal = m.basemap.reduce((a, b) => a + b.gzip, 0);
  const rows = [
    ['what', 'when', 'gzip'],
    ['---', '---', '---:'],
    [
      '`story-map.js`, the loader (' + m.loader.files + ' files)',
      'on the page’s load',
      kB(m.loader.gzip),
    ],
    [
      `the element: its code, Lit and MapLibre (${m.element.files} files; MapLibre ${kB(m.element.maplibre)})`,
      'when it comes within a screen of the viewport',
      kB(m.element.gzip),
    ],
    ['MapLibre’s worker', 'with the first map', kB(m.worker)],
    [
      '**JS in all, MapLibre included**',
      '',
      `**${kB(m.loader.gzip + m.element.gzip + m.worker)}**`,
    ],
    ['the font list (`fonts/font-faces.compact.json`)', 'with the first map', kB(m.fontList)],
    ...m.basemap.map((b) => [`\`${b.file}\``, 'as the camera needs it', kB(b.gzip)]),
    ['**the embedded basemap in all**', '', `**${kB(basemapTotal)}**`],
  ];
  return rows.map((r) => `| ${r.join(' | ')} |`).join('\n');
}

function main() {
  const dist = resolve(ROOT, process.argv[2] ?? 'dist');
  if (!existsSync(join(dist, 'story-map.js'))) {
    console.error(`${relative(ROOT, dist)}/story-map.js not found: run \`npm run build\` first`);
    process.exit(2);
  }
  const text = table(measure(dist));
  console.log(text);
  const doc = readFileSync(DOC, 'utf8');
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/PACKAGE.md: the size-table markers are missing`);
  writeFileSync(DOC, `${doc.slice(0, a + START.length)}\n\n${text}\n\n${doc.slice(b)}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
