// `npm run import -- INPUT OUTPUT.yaml [--force]`: turns a mapbox/storytelling config.js or
// a Knight Lab StoryMapJS JSON into a story (OUTPUT.yaml, and with markers
// OUTPUT-places.geojson and OUTPUT-layers.json beside it), prints what was not carried over
// or was assumed, and checks the result with the same loader the app uses.
// The input is read as data: the config.js is parsed, never run.
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, normalize, relative, resolve, sep } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { regionLookup } from '../src/story/import/regions.ts';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ImportError, importStory, storyToYaml, type ImportResult } from '../src/story/import';
import { escapeControl } from '../src/story/terminal-text.ts';
import { formatReport, validateStoryFile } from './validate.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCHEMA = join(ROOT, 'stories', 'story.schema.json');
const MAX_INPUT_BYTES = 20 * 1024 * 1024;
/** Mainland China's provinces, the embedded basemap's (Natural Earth 10m admin-1). */
const PROVINCES = join(ROOT, 'public', 'basemap', 'china.geojson');

let provinceOf: ((lng: number, lat: number) => string | undefined) | undefined;
/** The province of mainland China holding a position, from real boundaries. */
function mainlandChina(lng: number, lat: number): string | undefined {
  provinceOf ??= regionLookup(
    JSON.parse(readFileSync(PROVINCES, 'utf8')) as FeatureCollection,
    (p) => (p.layer === 'province' && typeof p.name === 'string' ? p.name : undefined),
  );
  return provinceOf(lng, lat);
}

const USAGE = `usage: npm run import -- INPUT OUTPUT.yaml [--force]

  INPUT        a mapbox/storytelling config.js, or a Knight Lab StoryMapJS JSON file
  OUTPUT.yaml  the story to write; OUTPUT-places.geojson and OUTPUT-layers.json go beside it
               when the story has markers, OUTPUT-route.geojson when it has a route, and
               OUTPUT-media/ holds copies of the images given relative to the input
  --force      overwrite existing output files`;

export interface ImportRun {
  code: number;
  /** Everything printed, in order (the report included). */
  output: string[];
  result?: ImportResult;
  files: string[];
}

/** A path as written in a story: relative, with forward slashes. */
const posix = (p: string) => p.split(sep).join('/');

/** Outputs for OUTPUT.yaml. The layer files get names the manifest accepts (`[\w.-]`). */
export function outputPaths(output: string) {
  const dir = dirname(output);
  const stem = basename(output, extname(output));
  const safeStem = stem.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'story';
  return {
    story: output,
    manifest: join(dir, `${safeStem}-layers.json`),
    places: join(dir, `${safeStem}-places.geojson`),
    route: join(dir, `${safeStem}-route.geojson`),
    media: join(dir, `${safeStem}-media`),
    renamed: safeStem !== stem,
  };
}

async function readInput(path: string): Promise<string> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ImportError(
      code === 'ENOENT'
        ? `cannot read ${path}: no such file`
        : `cannot read ${path}: ${code ?? String(err)}`,
    );
  }
  if (info.isDirectory()) throw new ImportError(`cannot read ${path}: it is a folder, not a file`);
  if (info.size > MAX_INPUT_BYTES)
    throw new ImportError(`${path} is larger than 20 MB: not a story file`);
  const buffer = await readFile(path);
  if (buffer.includes(0)) throw new ImportError(`cannot read ${path}: it is not a text file`);
  return buffer.toString('utf8').replace(/^\uFEFF/, '');
}

export async function runImport(argv: readonly string[]): Promise<ImportRun> {
  const output: string[] = [];
  // Reports quote the input: nothing from it may reach the terminal as a control sequence.
  const say = (line: string) => output.push(escapeControl(line));
  const force = argv.includes('--force');
  const unknown = argv.filter((a) => a.startsWith('--') && a !== '--force');
  const positional = argv.filter((a) => !a.startsWith('--'));
  if (unknown.length || positional.length !== 2) {
    if (unknown.length) say(`unknown option ${unknown.join(', ')}`);
    say(USAGE);
    return { code: 1, output, files: [] };
  }
  const [input, target] = positional.map((p) => resolve(p!)) as [string, string];
  if (!/\.ya?ml$/i.test(target)) {
    say(`the output must be a .yaml file (got ${positional[1]})`);
    return { code: 1, output, files: [] };
  }
  const paths = outputPaths(target);
  try {
    const text = await readInput(input);
    const inputDir = dirname(input);
    const outDir = dirname(target);
    // Images beside the input are copied beside the story (OUTPUT-media/), where the app
    // serves them from; a path outside the served folders would show as a broken image.
    const copies = new Map<string, { from: string; to: string; written: string }>();
    const result = importStory(text, {
      sourceName: basename(input),
      layersFile: basename(paths.manifest),
      placesFile: basename(paths.places),
      routeFile: basename(paths.route),
      regionOf: mainlandChina,
      rebaseUrl: (rel) => {
        const [path = '', suffix = ''] = rel.split(/(?=[?#])/, 2);
        let file = path;
        try {
          file = decodeURI(path);
        } catch {
          // a stray % is part of the name
        }
        const inside = normalize(file).replace(/^(\.\/)+/, '');
        const kept = inside.startsWith('..') || inside.startsWith(sep) ? basename(file) : inside;
        const to = join(paths.media, kept);
        copies.set(to, { from: resolve(inputDir, file), to, written: rel });
        return posix(relative(outDir, to)) + suffix;
      },
    });
    const report = [...result.report];
    const copied: { from: string; to: string }[] = [];
    for (const c of copies.values()) {
      const beside = posix(relative(outDir, c.to));
      if (existsSync(c.from)) {
        copied.push(c);
        report.push(`changed: image ${c.written} is copied to ${beside}, beside the story`);
      } else
        report.push(
          `not found: image ${c.written} (looked for ${relative(process.cwd(), c.from) || c.from}): put it at ${beside}, beside the story, where the story looks for it`,
        );
    }
    if (paths.renamed && result.layers)
      report.push(
        `changed: the layer files are named ${basename(paths.manifest)} and ${basename(paths.places)} (letters, digits, . _ - only)`,
      );

    const files = [
      paths.story,
      ...(result.layers ? [paths.manifest, paths.places] : []),
      ...(result.layers?.route ? [paths.route] : []),
      ...copied.map((c) => c.to),
    ];
    const existing = files.filter((f) => existsSync(f));
    if (existing.length && !force) {
      say(
        `not overwriting ${existing.map((f) => relative(process.cwd(), f)).join(', ')}: add --force to replace`,
      );
      return { code: 1, output, result, files: [] };
    }

    const story = { $schema: posix(relative(outDir, SCHEMA)), ...result.story };
    const header = [
      `Imported from ${basename(input)} (${result.format}) by npm run import. What the import did:`,
      ...report.map((line) => `- ${escapeControl(line)}`),
    ];
    await mkdir(outDir, { recursive: true });
    await writeFile(paths.story, storyToYaml(story, header));
    if (result.layers) {
      await writeFile(paths.manifest, `${JSON.stringify(result.layers.manifest, null, 2)}\n`);
      await writeFile(paths.places, `${JSON.stringify(result.layers.places, null, 2)}\n`);
      if (result.layers.route)
        await writeFile(paths.route, `${JSON.stringify(result.layers.route, null, 2)}\n`);
    }
    for (const c of copied) {
      await mkdir(dirname(c.to), { recursive: true });
      await copyFile(c.from, c.to);
    }

    say(`Imported ${relative(process.cwd(), input)} (${result.format}):`);
    for (const line of report) say(`  - ${line}`);
    say(`Wrote ${files.map((f) => relative(process.cwd(), f)).join(', ')}`);

    // The same checks as `npm run validate`, so a story that imports also plays.
    const validation = await validateStoryFile(pathToFileURL(paths.story).href);
    for (const line of formatReport(validation)) say(line);
    const code = validation.errors.length ? 1 : 0;
    return { code, output, result: { ...result, report }, files };
  } catch (err) {
    if (err instanceof ImportError) {
      say(`cannot import ${relative(process.cwd(), input) || input}: ${err.message}`);
      return { code: 1, output, files: [] };
    }
    throw err;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  void runImport(process.argv.slice(2)).then(({ code, output }) => {
    for (const line of output) (code ? console.error : console.log)(line);
    process.exit(code);
  });
}
