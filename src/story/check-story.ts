// One pass over a story and every file it uses: the story, its layer manifest and each
// GeoJSON layer are read, parsed and checked, and every independent problem is reported
// together, each with its file and line (and step and field where there is one). A file
// that cannot be read or parsed is reported and the others are still checked.
//
// `npm run validate`, the build and the app's loader all go through here; the app then runs
// the story when the story file itself is sound, even if some layer is not.
// Imports here (and in the modules this reaches) carry their `.ts` extension: the build's
// Vite config loads this code, and Vite's native config loader resolves no bare paths.
import type { FeatureCollection } from 'geojson';
import { DataErrors, type DataError } from './errors.ts';
import { parsePath, parseSource, withLines, type LineOf, type ParsedSource } from './parse-text.ts';
import { validateStory } from './validate-story.ts';
import { checkReferences, type Catalog } from './check-references.ts';
import { normalizeStory } from './normalize-story.ts';
import { lintStory, type LintLayer } from './lint-story.ts';
import type { LocalText, Story } from './model.ts';
import {
  checkManifest,
  manifestGroups,
  type Manifest,
  type ManifestLayer,
} from '../geo/manifest.ts';
import { validateFeatureCollection } from '../geo/validate-geojson.ts';
import {
  layerLimitErrors,
  manifestLimitErrors,
  maxBytesOf,
  storyLimitErrors,
  type FileKind,
} from './limits.ts';

/**
 * Reads a file as text. `limit` says how big the file may be: a fetcher that can tell
 * before reading it all (a Content-Length, a stream) refuses a bigger one; the parser checks
 * the text again anyway.
 */
export type FetchText = (
  url: string,
  limit?: { maxBytes: number; kind: FileKind },
) => Promise<string>;

export interface LoadedLayer {
  meta: ManifestLayer;
  data: FeatureCollection;
}

/** A heading of the explore panel, as the manifest declares it. */
export interface LayerGroupInfo {
  id: string;
  title: LocalText;
}

export interface LoadedStory {
  story: Story;
  layers: LoadedLayer[];
  /** The manifest's groups in its order; layers without a group go under a generic heading. */
  groups: LayerGroupInfo[];
  catalog: Catalog;
  /** Non-fatal problems: a layer that could not be loaded, a reference to it. */
  warnings: DataError[];
  /** Advice for the author (severity "warning"): see lint-story.ts. */
  lint: DataError[];
}

export interface StoryCheck {
  /** Every error in the story and the files it uses; `npm run validate` fails on any. */
  errors: DataError[];
  /** Advice (severity "warning"): things that run but are probably not meant. */
  warnings: DataError[];
  /** The story ready to run, when the story file and its manifest are sound. */
  loaded?: LoadedStory;
  /** Every file that was read, as messages name it (for a watcher). */
  files: string[];
}

/** Shortens absolute URLs on our own origin to paths, for messages. */
export function displayName(url: string, base: string): string {
  try {
    const u = new URL(url, base);
    const b = new URL('.', base);
    return u.href.startsWith(b.href) ? u.href.slice(b.href.length) : u.href;
  } catch {
    return url;
  }
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  x !== null && typeof x === 'object' && !Array.isArray(x);

/** Reads and parses one file; a failure to fetch becomes an error naming the file. */
async function readSource(
  url: string,
  name: string,
  fetch: FetchText,
  kind: FileKind,
): Promise<ParsedSource> {
  let text: string;
  try {
    text = await fetch(url, { maxBytes: maxBytesOf(kind), kind });
  } catch (err) {
    // Name the file as the author wrote it, not as a full URL.
    const errors =
      err instanceof DataErrors
        ? err.errors.map((e) => ({ ...e, file: name }))
        : [{ file: name, path: '', message: `could not be read (${String(err)})` }];
    return { value: undefined, errors, lineOf: () => undefined };
  }
  return parseSource(text, name, kind);
}

/**
 * Errors that a YAML syntax error caused rather than the author: the parser's recovered
 * document is wrong right where it stumbled (a misindented field ends up outside its step,
 * which then "lacks" it), so problems inside a value that holds a syntax error are noise.
 */
function dropEchoesOfSyntaxErrors(errors: DataError[], source: ParsedSource): DataError[] {
  const lines = source.errors.map((e) => e.line).filter((l): l is number => l !== undefined);
  if (!lines.length) return errors;
  return errors.filter((e) => {
    if (!e.path) return true;
    const span = source.spanOf?.(parsePath(e.path));
    const [first, last] = span ?? [e.line ?? -1, e.line ?? -1];
    return !lines.some((l) => l >= first - 1 && l <= last + 1);
  });
}

/** Story file first, then the others in the order they were read; by line within a file. */
function byFileAndLine(errors: DataError[], files: string[]): DataError[] {
  const rank = (e: DataError) => {
    const i = files.indexOf(e.file);
    return i < 0 ? files.length : i;
  };
  return errors
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        rank(a.e) - rank(b.e) || (a.e.line ?? Infinity) - (b.e.line ?? Infinity) || a.i - b.i,
    )
    .map(({ e }) => e);
}

function catalogOf(
  layers: { meta: { id: string; file: string }; data: unknown }[],
  declaredIds: Iterable<string>,
): { catalog: Catalog; errors: DataError[] } {
  const featureLayer = new Map<string, string>();
  const errors: DataError[] = [];
  for (const { meta, data } of layers) {
    const features = isRecord(data) && Array.isArray(data.features) ? data.features : [];
    features.forEach((f: unknown, i) => {
      const id = isRecord(f) && isRecord(f.properties) ? f.properties.id : undefined;
      if (typeof id !== 'string') return;
      const other = featureLayer.get(id);
      if (other !== undefined && other !== meta.id) {
        errors.push({
          file: meta.file,
          path: `features[${i}].properties.id`,
          message: `id "${id}" is also used in layer "${other}"`,
        });
      } else featureLayer.set(id, meta.id);
    });
  }
  return { catalog: { layerIds: new Set(declaredIds), featureLayer }, errors };
}

/** Builds the catalog of loaded layers; duplicate feature ids across layers are errors. */
export function buildCatalog(layers: LoadedLayer[]): { catalog: Catalog; errors: DataError[] } {
  return catalogOf(
    layers.map((l) => ({ meta: l.meta, data: l.data })),
    layers.map((l) => l.meta.id),
  );
}

export interface ReadLayer {
  meta: { id: string; file: string };
  /** The manifest entry, when it is valid. */
  entry?: ManifestLayer;
  name: string;
  source: ParsedSource;
  /** The layer as the app would run it: only when its file is valid. */
  valid?: FeatureCollection;
  errors: DataError[];
}

/** A layer file the manifest names: its id and file as written, and its manifest entry. */
export interface LayerToRead {
  meta: { id: string; file: string };
  /** Position in the manifest's `layers`. */
  index: number;
}

/**
 * The story file and its manifest, checked, before any layer is read: what `readLayer` and
 * `finishCheck` continue from. The app can start the story as soon as `runnable` is true.
 */
export interface StoryFileCheck {
  storyName: string;
  storyUrl: string;
  /** The story file and the manifest, as messages name them. */
  files: string[];
  /** Problems of the story file and of the manifest. */
  errors: DataError[];
  storySource: ParsedSource;
  /** The story as read, when it is an object (references are checked even when it is invalid). */
  story?: Record<string, unknown>;
  /** The normalised story, when the story file is sound. */
  normalized?: Story;
  manifestUrl?: string;
  manifest?: Manifest;
  /** Every layer file the manifest names (one per id), in its order. */
  toRead: LayerToRead[];
  /** The story file and its manifest are sound: the app can run it. */
  runnable: boolean;
}

/** Reads and checks the story file and its manifest; layers are read by `readLayer`. */
export async function checkStoryFile(
  url: string,
  base: string,
  fetch: FetchText,
): Promise<StoryFileCheck> {
  const storyName = displayName(url, base);
  const storyUrl = new URL(url, base).href;
  const files = [storyName];
  const errors: DataError[] = [];

  // ---- the story file --------------------------------------------------------------------
  const storySource = await readSource(storyUrl, storyName, fetch, 'story');
  // A story over the limits is refused with those alone: it is not validated at all.
  const overLimits = storyLimitErrors(storySource.value, storyName);
  if (overLimits.length) storySource.errors.push(...withLines(overLimits, storySource.lineOf));
  const raw = overLimits.length ? undefined : storySource.value;
  const validated = raw === undefined ? undefined : validateStory(raw, storyName);
  const storyErrors = [
    ...storySource.errors,
    ...dropEchoesOfSyntaxErrors(
      withLines(validated && !validated.ok ? validated.errors : [], storySource.lineOf),
      storySource,
    ),
  ];
  for (const e of storyErrors) errors.push(e);
  const story = isRecord(raw) ? raw : undefined;

  // ---- the manifest ----------------------------------------------------------------------
  let manifestUrl: string | undefined;
  if (story && typeof story.layers === 'string' && story.layers.trim()) {
    try {
      manifestUrl = new URL(story.layers, storyUrl).href;
    } catch {
      manifestUrl = undefined; // the schema has said so
    }
  }
  let manifest: Manifest | undefined;
  let manifestOk = true;
  const toRead: LayerToRead[] = [];
  if (manifestUrl) {
    const manifestName = displayName(manifestUrl, base);
    files.push(manifestName);
    const source = await readSource(manifestUrl, manifestName, fetch, 'manifest');
    // Too many layers: none of them is read.
    const overLimits = manifestLimitErrors(source.value, manifestName);
    if (overLimits.length) {
      source.errors.push(...withLines(overLimits, source.lineOf));
      source.value = undefined;
    }
    const manifestRaw = source.value;
    const checked =
      source.value === undefined ? undefined : checkManifest(source.value, manifestName);
    const problems = [
      ...source.errors,
      ...withLines(checked && !checked.ok ? checked.errors : [], source.lineOf),
    ];
    for (const e of problems) errors.push(e);
    manifestOk = problems.length === 0 && checked !== undefined && checked.ok;
    if (checked?.ok) manifest = checked.value;

    // Every entry that names an id and a file is read, even when another entry is broken.
    const entries =
      isRecord(manifestRaw) && Array.isArray(manifestRaw.layers) ? manifestRaw.layers : [];
    const seenIds = new Set<string>();
    toRead.push(
      ...entries.flatMap((e: unknown, i): LayerToRead[] =>
        isRecord(e) && typeof e.id === 'string' && typeof e.file === 'string' && !seenIds.has(e.id)
          ? (seenIds.add(e.id), [{ meta: { id: e.id, file: e.file }, index: i }])
          : [],
      ),
    );
  }
  const runnable = !!validated?.ok && storySource.errors.length === 0 && manifestOk;
  return {
    storyName,
    storyUrl,
    files,
    errors,
    storySource,
    ...(story ? { story } : {}),
    ...(runnable && validated?.ok ? { normalized: normalizeStory(validated.value, storyUrl) } : {}),
    ...(manifestUrl ? { manifestUrl } : {}),
    ...(manifest ? { manifest } : {}),
    toRead,
    runnable,
  };
}

/**
 * Reads, parses and checks one layer file the manifest names. `winding: false` skips the
 * check of polygon ring directions (MapLibre draws either way; `npm run validate` keeps it).
 */
export async function readLayer(
  file: StoryFileCheck,
  { meta, index }: LayerToRead,
  base: string,
  fetch: FetchText,
  { winding = true }: { winding?: boolean } = {},
): Promise<ReadLayer> {
  let fileUrl: string;
  try {
    fileUrl = new URL(meta.file, file.manifestUrl).href;
  } catch {
    fileUrl = meta.file;
  }
  const name = displayName(fileUrl, base);
  const layerSource = await readSource(fileUrl, name, fetch, 'layer');
  const overLimits = layerLimitErrors(layerSource.value, name);
  if (overLimits.length) {
    layerSource.errors.push(...overLimits);
    layerSource.value = undefined;
  }
  const layerErrors = [...layerSource.errors];
  let valid: FeatureCollection | undefined;
  if (layerSource.value !== undefined) {
    const geo = validateFeatureCollection(layerSource.value, name, { contract: true, winding });
    if (geo.ok) valid = geo.value;
    else for (const e of withLines(geo.errors, layerSource.lineOf)) layerErrors.push(e);
  }
  const entry = file.manifest?.layers[index];
  return {
    meta: { id: meta.id, file: name },
    ...(entry ? { entry } : {}),
    name,
    source: layerSource,
    ...(valid ? { valid } : {}),
    errors: layerErrors,
  };
}

/** What the checks across files found: duplicate feature ids and unresolved references. */
export interface CrossCheck {
  idErrors: DataError[];
  referenceErrors: DataError[];
  /** Gives each error its line, from the file it names. */
  located: (list: DataError[]) => DataError[];
}

/**
 * Cross-checks the story against the layers read so far. With `complete: false` (some of the
 * manifest's layers not read yet) a feature that is not found is not judged: it may be in one
 * of them; unknown layer ids are still reported, since the manifest lists them all.
 */
export function crossCheck(
  file: StoryFileCheck,
  readLayers: readonly ReadLayer[],
  { complete = true }: { complete?: boolean } = {},
): CrossCheck {
  const lineOfFile = new Map<string, LineOf>([[file.storyName, file.storySource.lineOf]]);
  for (const l of readLayers) lineOfFile.set(l.name, l.source.lineOf);
  const located = (list: DataError[]) =>
    list.map((e) => withLines([e], lineOfFile.get(e.file) ?? (() => undefined))[0]!);

  const parsedLayers = readLayers.filter((l) => l.source.value !== undefined);
  const declaredIds = file.toRead.map((l) => l.meta.id);
  // Checking uses every layer that parsed, so a feature in a layer with some other problem
  // is still found; references cannot be judged for features of a layer that did not parse.
  const { catalog: checkCatalog, errors: idErrors } = catalogOf(
    parsedLayers.map((l) => ({ meta: l.meta, data: l.source.value })),
    declaredIds,
  );
  const referenceErrors = file.story
    ? located(
        checkReferences(file.story, checkCatalog, file.storyName, {
          featuresComplete: complete && parsedLayers.length === readLayers.length,
        }),
      )
    : [];
  return { idErrors: located(idErrors), referenceErrors, located };
}

/** The layers the app runs on: those whose file and manifest entry are valid. */
export function runnableLayers(readLayers: readonly ReadLayer[]): LoadedLayer[] {
  return readLayers.flatMap((l) => (l.valid && l.entry ? [{ meta: l.entry, data: l.valid }] : []));
}

/**
 * Every error of the story file and the layers read, sorted as `checkStory` reports them
 * (no advice: that is `lintStory`'s, which the app does not need to load).
 */
export function checkErrors(
  file: StoryFileCheck,
  readLayers: readonly ReadLayer[],
): { errors: DataError[]; files: string[]; cross: CrossCheck } {
  const files = [...file.files, ...readLayers.map((l) => l.name)];
  const cross = crossCheck(file, readLayers);
  const errors = [
    ...file.errors,
    ...readLayers.flatMap((l) => l.errors),
    ...cross.idErrors,
    ...cross.referenceErrors,
  ];
  return { errors: byFileAndLine(errors, files), files, cross };
}

/** Everything checked: the report of `checkStory`, from the story file and every layer read. */
export function finishCheck(file: StoryFileCheck, readLayers: readonly ReadLayer[]): StoryCheck {
  const { errors, files, cross } = checkErrors(file, readLayers);
  const { idErrors, referenceErrors, located } = cross;
  const warnings: DataError[] = [];

  if (file.story) {
    const lintLayers: LintLayer[] = readLayers
      .filter((l) => l.source.value !== undefined)
      .map((l) => ({ id: l.meta.id, file: l.name, data: l.source.value }));
    for (const w of located(lintStory(file.story, file.storyName, lintLayers))) warnings.push(w);
  }

  // ---- what the app runs -----------------------------------------------------------------
  let loaded: LoadedStory | undefined;
  if (file.runnable && file.normalized) {
    const layers = runnableLayers(readLayers);
    const { catalog } = buildCatalog(layers);
    const layerProblems = readLayers.flatMap((l) => l.errors);
    loaded = {
      story: file.normalized,
      layers,
      groups: file.manifest ? manifestGroups(file.manifest) : [],
      catalog,
      warnings: [...layerProblems, ...idErrors, ...referenceErrors],
      lint: warnings,
    };
  }
  return {
    errors,
    warnings: byFileAndLine(warnings, files),
    files,
    ...(loaded ? { loaded } : {}),
  };
}

export async function checkStory(url: string, base: string, fetch: FetchText): Promise<StoryCheck> {
  const file = await checkStoryFile(url, base, fetch);
  const readLayers = await Promise.all(file.toRead.map((l) => readLayer(file, l, base, fetch)));
  return finishCheck(file, readLayers);
}
