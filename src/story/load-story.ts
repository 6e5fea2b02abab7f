// Loads a story and its layers for the app: fetch, parse, validate, cross-check, normalise.
// Fatal problems (the story or its manifest is unreadable or invalid) reject with DataErrors
// naming every problem found in one pass; problems with single layers come back as
// warnings, so the rest of the story still runs.
//
// `openStory` is the app's way in: it resolves once the story, its manifest and the layers
// the first view needs are loaded, and reads the others on request (`StoryLayers`), so the
// first step is drawn without waiting for data it does not show. Once the last layer has
// arrived, the full cross-check runs and what it finds comes back as warnings; `loadStory`
// and `checkStory` (the build and `npm run validate`) read everything at once, as before.
import { DataErrors, formatError, type DataError } from './errors';
import {
  buildCatalog,
  checkErrors,
  checkStory,
  checkStoryFile,
  crossCheck,
  readLayer,
  runnableLayers,
  type FetchText,
  type LoadedLayer,
  type LoadedStory,
  type ReadLayer,
  type StoryFileCheck,
} from './check-story';
import type { Catalog } from './check-references';
import type { Step, Story } from './model';
import { manifestGroups } from '../geo/manifest';
import { storyAddressProblem, tooManyBytes } from './limits';

export {
  buildCatalog,
  checkStory,
  displayName,
  type FetchText,
  type LayerGroupInfo,
  type LoadedLayer,
  type LoadedStory,
  type StoryCheck,
} from './check-story';

export const fetchText: FetchText = async (url, limit) => {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (err) {
    throw new DataErrors([
      { file: url, path: '', message: `could not be fetched (${(err as Error).message})` },
    ]);
  }
  const fail = (message: string) => new DataErrors([{ file: url, path: '', message }]);
  if (!res.ok) throw fail(`could not be loaded (HTTP ${res.status})`);
  // Single-page hosts answer unknown paths with the app's own page instead of a 404.
  if ((res.headers.get('content-type') ?? '').includes('text/html')) {
    throw fail('could not be loaded (the server sent a web page: is the path right?)');
  }
  if (!limit) return res.text();
  // Over the limit: refused as soon as that is known, without reading the rest.
  const declared = Number(res.headers.get('content-length'));
  if (declared > limit.maxBytes) throw fail(tooManyBytes(limit.kind, declared));
  return readAtMost(res, limit.maxBytes, (bytes) => fail(tooManyBytes(limit.kind, bytes)));
};

/** The body as text, or `tooBig(bytes read so far)` once it passes `maxBytes`. */
async function readAtMost(
  res: Response,
  maxBytes: number,
  tooBig: (bytes: number) => Error,
): Promise<string> {
  if (!res.body) return res.text();
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      void reader.cancel();
      throw tooBig(bytes);
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

export async function loadStory(
  url: string,
  base: string,
  fetch: FetchText = fetchText,
): Promise<LoadedStory> {
  const check = await checkStory(url, base, fetch);
  if (!check.loaded)
    throw new DataErrors(
      check.errors.length
        ? check.errors
        : [{ file: url, path: '', message: 'could not be loaded' }],
    );
  return check.loaded;
}

// ---- what a step needs ---------------------------------------------------------------------

/** Every layer or feature id a step names: what it shows, highlights, frames, animates, lists. */
export function stepReferences(step: Step): string[] {
  return [
    ...new Set([
      ...step.layers,
      ...step.highlight,
      ...(step.camera.fit ?? []),
      ...step.animations.flatMap((a) => a.targets),
      ...step.places,
    ]),
  ];
}

/**
 * The layers `ids` stand for, given the manifest's layer ids and the features known so far:
 * `layers` to load, and `unresolved` ids that are neither a layer nor a known feature (they
 * may be features of a layer not read yet, or nothing at all).
 */
export function layersFor(
  ids: readonly string[],
  declared: ReadonlySet<string>,
  featureLayer: ReadonlyMap<string, string>,
): { layers: string[]; unresolved: string[] } {
  const layers = new Set<string>();
  const unresolved: string[] = [];
  for (const id of ids) {
    if (declared.has(id)) layers.add(id);
    else {
      const layer = featureLayer.get(id);
      if (layer !== undefined) layers.add(layer);
      else unresolved.push(id);
    }
  }
  return { layers: [...layers], unresolved };
}

// ---- the app's loader ------------------------------------------------------------------------

export interface OpenStoryOptions {
  fetch?: FetchText;
  /**
   * The ids (layers or features) the first view needs, e.g. `stepReferences` of the step a
   * deep link opens; `openStory` resolves once they are loaded. Default: the first step's.
   */
  first?: (story: Story, layerIds: readonly string[]) => readonly string[];
}

/** What the full cross-check found once every layer was read. */
export interface LayersComplete {
  /** Every runnable layer, in manifest order. */
  layers: LoadedLayer[];
  catalog: Catalog;
  /** Every problem with a layer or a reference to one, as `loadStory` gives them. */
  warnings: DataError[];
  /** Those not reported when the story opened. */
  newWarnings: DataError[];
}

export interface OpenedStory {
  /** The story, with the layers loaded so far (the first view's) in manifest order. */
  loaded: LoadedStory;
  /** Every layer id the manifest declares, in its order. */
  layerIds: string[];
  /** The other layers: read on request, delivered one by one. */
  layers: StoryLayers;
}

/**
 * The story's layers after the first ones. `loadRest` reads all the others at once; each is
 * handed to `onLayer` in manifest order (a layer that arrives early waits for those before
 * it, so the map stacks them and explore lists them as the manifest says), and `complete`
 * resolves with the full check once the last one is in.
 */
export class StoryLayers {
  /** Called with each runnable layer as it is delivered. */
  onLayer: ((layer: LoadedLayer) => void) | undefined;
  /** The full cross-check, once every layer was read. */
  readonly complete: Promise<LayersComplete>;
  readonly #file: StoryFileCheck;
  readonly #base: string;
  readonly #fetch: FetchText;
  readonly #reads = new Map<string, ReadLayer>();
  readonly #started = new Set<string>();
  readonly #delivered = new Set<string>();
  readonly #declared: ReadonlySet<string>;
  readonly #featureLayer = new Map<string, string>();
  readonly #reported: ReadonlySet<string>;
  #waiting: { ids: readonly string[]; resolve: () => void }[] = [];
  #stopped = false;
  #finish!: (result: LayersComplete) => void;

  constructor(
    file: StoryFileCheck,
    base: string,
    fetch: FetchText,
    first: readonly ReadLayer[],
    reported: readonly DataError[],
  ) {
    this.#file = file;
    this.#base = base;
    this.#fetch = fetch;
    this.#declared = new Set(file.toRead.map((l) => l.meta.id));
    this.#reported = new Set(reported.map(formatError));
    this.complete = new Promise((resolve) => (this.#finish = resolve));
    for (const read of first) {
      this.#started.add(read.meta.id);
      this.#reads.set(read.meta.id, read);
      this.#deliver(read, false);
    }
    this.#maybeComplete();
  }

  /** Every layer has been read (or failed to be). */
  get done(): boolean {
    return this.#delivered.size === this.#declared.size;
  }

  /** True when everything `ids` name is loaded, or can no longer be (see `layersFor`). */
  has(ids: readonly string[]): boolean {
    if (this.done) return true;
    const { layers, unresolved } = layersFor(ids, this.#declared, this.#featureLayer);
    return unresolved.length === 0 && layers.every((id) => this.#delivered.has(id));
  }

  /** Resolves when `has(ids)`; reads the other layers if it is not so yet. */
  whenLoaded(ids: readonly string[]): Promise<void> {
    if (this.has(ids)) return Promise.resolve();
    this.loadRest();
    return new Promise((resolve) => this.#waiting.push({ ids, resolve }));
  }

  /** Reads every layer not read yet, all at once. */
  loadRest() {
    for (const item of this.#file.toRead) {
      if (this.#started.has(item.meta.id)) continue;
      this.#started.add(item.meta.id);
      void readLayer(this.#file, item, this.#base, this.#fetch)
        .catch((err: unknown): ReadLayer => unreadable(item.meta, err))
        .then((read) => {
          this.#reads.set(item.meta.id, read);
          this.#flush();
        });
    }
  }

  /** No more callbacks (a newer story replaced this one); reads under way are dropped. */
  stop() {
    this.#stopped = true;
    this.onLayer = undefined;
    this.#waiting = [];
  }

  /** Delivers the layers read so far that no earlier unread layer holds back. */
  #flush() {
    if (this.#stopped) return;
    for (const { meta } of this.#file.toRead) {
      if (this.#delivered.has(meta.id)) continue;
      const read = this.#reads.get(meta.id);
      if (!read) break;
      this.#deliver(read, true);
    }
    const waiting = this.#waiting;
    this.#waiting = waiting.filter((w) => !this.has(w.ids));
    for (const w of waiting) if (!this.#waiting.includes(w)) w.resolve();
    this.#maybeComplete();
  }

  #deliver(read: ReadLayer, announce: boolean) {
    this.#delivered.add(read.meta.id);
    const [layer] = runnableLayers([read]);
    if (!layer) return;
    for (const f of layer.data.features) {
      const id = f.properties?.id;
      if (typeof id === 'string' && !this.#featureLayer.has(id))
        this.#featureLayer.set(id, layer.meta.id);
    }
    if (announce) this.onLayer?.(layer);
  }

  #maybeComplete() {
    if (!this.done || this.#stopped) return;
    const reads = this.#file.toRead.map((l) => this.#reads.get(l.meta.id)!);
    const { idErrors, referenceErrors } = crossCheck(this.#file, reads);
    const layers = runnableLayers(reads);
    const warnings = [...reads.flatMap((r) => r.errors), ...idErrors, ...referenceErrors];
    this.#finish({
      layers,
      catalog: buildCatalog(layers).catalog,
      warnings,
      newWarnings: warnings.filter((w) => !this.#reported.has(formatError(w))),
    });
  }
}

/** A layer whose reading failed in a way `readLayer` does not foresee: reported, not waited for. */
function unreadable(meta: { id: string; file: string }, err: unknown): ReadLayer {
  return {
    meta,
    name: meta.file,
    source: { value: undefined, errors: [], lineOf: () => undefined },
    errors: [{ file: meta.file, path: '', message: `could not be read (${String(err)})` }],
  };
}

/**
 * Opens a story for the app: resolves once the story, its manifest and the layers the first
 * view needs are loaded (see `OpenStoryOptions.first`); the other layers are `layers`.
 * Rejects with DataErrors, every problem of every file named, when the story cannot run.
 */
export async function openStory(
  url: string,
  base: string,
  { fetch = fetchText, first }: OpenStoryOptions = {},
): Promise<OpenedStory> {
  const refused = storyAddressProblem(new URL(url, base).href);
  if (refused) throw new DataErrors([{ file: '?story=', path: '', message: refused }]);
  const file = await checkStoryFile(url, base, fetch);
  const story = file.normalized;
  if (!file.runnable || !story) {
    // The author hears about every file at once, as from `npm run validate`.
    const reads = await Promise.all(file.toRead.map((l) => readLayer(file, l, base, fetch)));
    const { errors } = checkErrors(file, reads);
    throw new DataErrors(
      errors.length ? errors : [{ file: url, path: '', message: 'could not be loaded' }],
    );
  }
  const declared = new Set(file.toRead.map((l) => l.meta.id));
  const order = file.toRead.map((l) => l.meta.id);
  const wanted = first ? first(story, order) : story.steps[0] ? stepReferences(story.steps[0]) : [];
  const read = (ids: ReadonlySet<string>) =>
    Promise.all(
      file.toRead.filter((l) => ids.has(l.meta.id)).map((l) => readLayer(file, l, base, fetch)),
    );
  let reads = await read(new Set(layersFor(wanted, declared, new Map()).layers));
  const known = buildCatalog(runnableLayers(reads)).catalog.featureLayer;
  if (layersFor(wanted, declared, known).unresolved.length) {
    // A feature the first view names is in none of its layers: it can be in any of the
    // others, and a manifest does not say which, so the first view waits for them all.
    const have = new Set(reads.map((r) => r.meta.id));
    reads = [...reads, ...(await read(new Set([...declared].filter((id) => !have.has(id)))))];
  }
  // Manifest order, whatever the order of the reads.
  reads.sort((a, b) => order.indexOf(a.meta.id) - order.indexOf(b.meta.id));

  const layers = runnableLayers(reads);
  const { catalog } = buildCatalog(layers);
  const { idErrors, referenceErrors } = crossCheck(file, reads, {
    complete: reads.length === file.toRead.length,
  });
  const warnings = [...reads.flatMap((r) => r.errors), ...idErrors, ...referenceErrors];
  return {
    loaded: {
      story,
      layers,
      groups: file.manifest ? manifestGroups(file.manifest) : [],
      catalog,
      warnings,
      lint: [],
    },
    layerIds: order,
    layers: new StoryLayers(file, base, fetch, reads, warnings),
  };
}
