// What the service worker precaches besides the app's own code: the default story (its JSON
// twin), the layer manifest and every layer it lists, the embedded basemap, the font list and
// the font files the story's map labels can need. vite.config.ts turns the plan into Workbox
// glob patterns at build time; `npx tsx scripts/offline-precache.ts` prints it with sizes.
//
// Font subsets are chosen by character: a font file is precached when its `unicode-range`
// covers a character of any label the map can draw for this story (the names of every layer
// feature and basemap feature, in both languages), or of the story's own text and the layer
// manifest's titles. MapLibre fetches a `font-faces` file only for the characters it draws,
// so those are the only files an offline kiosk can ask for. The rest (other stories, a
// reader's own GeoJSON) are cached by the worker the first time they are used.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { parse } from 'yaml';

export type CodePointRange = readonly [from: number, to: number];

/**
 * One CSS `unicode-range` item: `U+4E00`, `U+4E00-9FFF` or the wildcard form `U+4??`.
 * Returns undefined for anything else, so a malformed item never selects a file by accident.
 */
export function parseUnicodeRange(item: string): CodePointRange | undefined {
  const m = /^\s*U\+([0-9A-F?]{1,6})(?:-([0-9A-F]{1,6}))?\s*$/i.exec(item);
  if (!m) return undefined;
  const [, start, end] = m;
  if (start!.includes('?')) {
    if (end !== undefined || !/^[0-9A-F]*\?+$/i.test(start!)) return undefined;
    return [parseInt(start!.replace(/\?/g, '0'), 16), parseInt(start!.replace(/\?/g, 'F'), 16)];
  }
  const from = parseInt(start!, 16);
  const to = end === undefined ? from : parseInt(end, 16);
  return to >= from ? [from, to] : undefined;
}

export interface FontFaceEntry {
  url: string;
  'unicode-range'?: string[];
}
export type FontFaces = Record<string, FontFaceEntry[]>;

/**
 * The font files (URLs as written in font-faces.json) whose ranges cover at least one
 * character of `text`. A face without a `unicode-range` covers everything, as in CSS.
 * Whitespace and control characters never select a file on their own.
 */
export function fontFilesForText(text: string, faces: FontFaces): string[] {
  const codePoints = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0x20 && !/\s/u.test(ch)) codePoints.add(cp);
  }
  const out = new Set<string>();
  for (const list of Object.values(faces)) {
    for (const face of list) {
      const ranges = face['unicode-range'];
      if (!ranges?.length) {
        out.add(face.url);
        continue;
      }
      const parsed = ranges.map(parseUnicodeRange).filter((r): r is CodePointRange => !!r);
      for (const cp of codePoints) {
        if (parsed.some(([from, to]) => cp >= from && cp <= to)) {
          out.add(face.url);
          break;
        }
      }
    }
  }
  return [...out].sort();
}

/** Every string inside a parsed YAML/JSON value, depth first. */
export function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (value && typeof value === 'object')
    for (const v of Object.values(value)) stringsOf(v, out);
  return out;
}

/** The label texts of a GeoJSON FeatureCollection: each feature's `name` and `name_zh`. */
export function labelNamesOf(geojson: unknown): string[] {
  const features = (geojson as { features?: { properties?: Record<string, unknown> }[] })?.features;
  if (!Array.isArray(features)) return [];
  const out: string[] = [];
  for (const f of features)
    for (const key of ['name', 'name_zh'] as const) {
      const v = f?.properties?.[key];
      if (typeof v === 'string') out.push(v);
    }
  return out;
}

export interface PrecachePlan {
  /** Story, manifest and layer files, relative to the build folder. */
  dataFiles: string[];
  /** The embedded basemap's data files. */
  basemapFiles: string[];
  /** The font lists (font-faces*.json) and the font files the labels and story text need. */
  fontFiles: string[];
  /** Distinct characters the font choice was made from. */
  characters: number;
}

export interface PlanOptions {
  /** The project root (where stories/, geo/ and public/ are). */
  root: string;
  /** The default story, relative to the root. */
  story?: string;
  /** Choose font subsets by the label names alone, without the story's own text. */
  namesOnly?: boolean;
}

const toPosix = (p: string) => p.split('\\').join('/');

/** The JSON twin the app loads for a YAML story (scripts/vite-story-data.ts makes it). */
const twinOf = (rel: string) => rel.replace(/\.ya?ml$/, '.json');

export function planPrecache({
  root,
  story = 'stories/zhongguancun.yaml',
  namesOnly = false,
}: PlanOptions): PrecachePlan {
  const read = (rel: string) => readFileSync(join(root, rel), 'utf8');
  const storyDoc = parse(read(story), { maxAliasCount: 100 }) as Record<string, unknown>;
  const texts: string[] = namesOnly ? [] : stringsOf(storyDoc);

  const dataFiles = [twinOf(story)];
  const manifestRef = storyDoc['layers'];
  if (typeof manifestRef === 'string') {
    const manifest = posix.normalize(posix.join(posix.dirname(toPosix(story)), manifestRef));
    dataFiles.push(manifest);
    const manifestDoc = JSON.parse(read(manifest)) as {
      layers?: { file?: unknown }[];
    };
    if (!namesOnly) texts.push(...stringsOf(manifestDoc));
    for (const layer of manifestDoc.layers ?? []) {
      if (typeof layer.file !== 'string') continue;
      const file = posix.normalize(posix.join(posix.dirname(manifest), layer.file));
      dataFiles.push(file);
      texts.push(...labelNamesOf(JSON.parse(read(file))));
    }
  }

  const basemapDir = join(root, 'public', 'basemap');
  const basemapFiles = existsSync(basemapDir)
    ? readdirSync(basemapDir)
        .filter((f) => f.endsWith('.geojson') && statSync(join(basemapDir, f)).isFile())
        .sort()
        .map((f) => `basemap/${f}`)
    : [];
  for (const file of basemapFiles) texts.push(...labelNamesOf(JSON.parse(read(`public/${file}`))));

  // Every font list the app may read (font-faces.json and its compact twin, which lists the
  // same files and ranges); the choice of files is made from the full one.
  const facesFile = 'fonts/font-faces.json';
  const faces = JSON.parse(read(`public/${facesFile}`)) as FontFaces;
  const fontLists = readdirSync(join(root, 'public', 'fonts'))
    .filter((f) => /^font-faces.*\.json$/.test(f))
    .sort()
    .map((f) => `fonts/${f}`);
  const text = texts.join('\n');
  const fontFiles = [
    ...fontLists,
    ...fontFilesForText(text, faces).map((url) =>
      posix.normalize(posix.join(posix.dirname(facesFile), url)),
    ),
  ];
  const characters = new Set(text.replace(/\s/gu, '')).size;
  return { dataFiles, basemapFiles, fontFiles, characters };
}

/** Every file of the plan, for Workbox's `globPatterns` (exact names are valid globs). */
export function planFiles(plan: PrecachePlan): string[] {
  return [...plan.dataFiles, ...plan.basemapFiles, ...plan.fontFiles];
}

// `npx tsx scripts/offline-precache.ts`: the plan, with sizes from the sources.
if (process.argv[1] && import.meta.url.endsWith(toPosix(process.argv[1]))) {
  const root = join(dirname(new URL(import.meta.url).pathname), '..');
  const size = (rel: string) => {
    for (const base of [root, join(root, 'public')]) {
      const p = join(base, rel);
      if (existsSync(p)) return statSync(p).size;
    }
    // The story's JSON twin exists only in a build: count its YAML source instead.
    return statSync(join(root, rel.replace(/\.json$/, '.yaml'))).size;
  };
  for (const namesOnly of [false, true]) {
    const plan = planPrecache({ root, namesOnly });
    const kb = (files: string[]) => (files.reduce((s, f) => s + size(f), 0) / 1024).toFixed(0);
    const fonts = plan.fontFiles.filter((f) => f.endsWith('.woff2'));
    console.log(
      `${namesOnly ? 'label names only' : 'names + story text'}: ${plan.characters} characters; ` +
        `${plan.dataFiles.length} data files (${kb(plan.dataFiles)} KB), ` +
        `${plan.basemapFiles.length} basemap files (${kb(plan.basemapFiles)} KB), ` +
        `${fonts.length} font files (${kb(fonts)} KB) + the font lists`,
    );
  }
}
