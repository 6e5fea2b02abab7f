// Loads a story and its layers: fetch, parse, validate, cross-check, normalise.
// Fatal problems (the story itself is unreadable) reject with DataErrors; problems with
// single layers are returned as warnings so the rest of the story still runs.
import type { FeatureCollection } from 'geojson';
import { DataErrors, type DataError } from './errors';
import { addLineNumbers, parseDataText } from './parse-text';
import { validateStory } from './validate-story';
import { checkReferences, type Catalog } from './check-references';
import { normalizeStory } from './normalize-story';
import type { Story } from './model';
import { validateManifest, type ManifestLayer } from '../geo/manifest';
import { validateFeatureCollection } from '../geo/validate-geojson';

export type FetchText = (url: string) => Promise<string>;

export interface LoadedLayer {
  meta: ManifestLayer;
  data: FeatureCollection;
}

export interface LoadedStory {
  story: Story;
  layers: LoadedLayer[];
  catalog: Catalog;
  /** Non-fatal problems: a layer that could not be loaded, a reference to it. */
  warnings: DataError[];
}

export const fetchText: FetchText = async (url) => {
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
  return res.text();
};

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

async function loadData(url: string, name: string, fetch: FetchText) {
  let text: string;
  try {
    text = await fetch(url);
  } catch (err) {
    // Name the file as the author wrote it, not as a full URL.
    if (err instanceof DataErrors)
      throw new DataErrors(err.errors.map((e) => ({ ...e, file: name })));
    throw err;
  }
  const parsed = await parseDataText(text, name);
  if (!parsed.ok) throw new DataErrors(parsed.errors);
  return { text, data: parsed.value };
}

export function buildCatalog(layers: LoadedLayer[]): { catalog: Catalog; errors: DataError[] } {
  const featureLayer = new Map<string, string>();
  const errors: DataError[] = [];
  for (const { meta, data } of layers) {
    data.features.forEach((f, i) => {
      const id = f.properties?.id;
      if (typeof id !== 'string') return;
      const other = featureLayer.get(id);
      if (other !== undefined) {
        errors.push({
          file: meta.file,
          path: `features[${i}].properties.id`,
          message: `id "${id}" is also used in layer "${other}"`,
        });
      } else featureLayer.set(id, meta.id);
    });
  }
  return { catalog: { layerIds: new Set(layers.map((l) => l.meta.id)), featureLayer }, errors };
}

export async function loadStory(
  url: string,
  base: string,
  fetch: FetchText = fetchText,
): Promise<LoadedStory> {
  const storyName = displayName(url, base);
  const { text, data } = await loadData(url, storyName, fetch);
  const validated = validateStory(data, storyName);
  if (!validated.ok) throw new DataErrors(await addLineNumbers(text, validated.errors));
  const story = normalizeStory(validated.value, new URL(url, base).href);

  const manifestName = displayName(story.layersUrl, base);
  const manifestData = await loadData(story.layersUrl, manifestName, fetch);
  const manifest = validateManifest(manifestData.data, manifestName);
  if (!manifest.ok) throw new DataErrors(await addLineNumbers(manifestData.text, manifest.errors));

  const warnings: DataError[] = [];
  const results = await Promise.all(
    manifest.value.layers.map(async (meta): Promise<LoadedLayer | undefined> => {
      const fileUrl = new URL(meta.file, story.layersUrl).href;
      const name = displayName(fileUrl, base);
      try {
        const { data: geo } = await loadData(fileUrl, name, fetch);
        const checked = validateFeatureCollection(geo, name, { contract: true, winding: true });
        if (!checked.ok) {
          warnings.push(...checked.errors);
          return undefined;
        }
        return { meta, data: checked.value };
      } catch (err) {
        if (err instanceof DataErrors) warnings.push(...err.errors);
        else warnings.push({ file: name, path: '', message: String(err) });
        return undefined;
      }
    }),
  );
  const layers = results.filter((l): l is LoadedLayer => l !== undefined);
  const { catalog, errors: idErrors } = buildCatalog(layers);
  warnings.push(...idErrors);
  // References to layers that failed to load are already explained by that layer's warning.
  const failedIds = new Set(
    manifest.value.layers.map((l) => l.id).filter((id) => !catalog.layerIds.has(id)),
  );
  const refErrors = checkReferences(validated.value, catalog, storyName).filter(
    (e) => failedIds.size === 0 || !/unknown (layer|feature|layer or feature)/.test(e.message),
  );
  warnings.push(...(await addLineNumbers(text, refErrors)));
  return { story, layers, catalog, warnings };
}
