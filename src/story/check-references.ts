// Cross-checks a story against its layers: every layer, feature and animation target a step
// names must exist, so a typo is caught at build time rather than as a blank map. Reads the
// story defensively, so references are checked even when the story has schema errors
// elsewhere (one validation run reports everything).
import type { StoryFile } from './schema.ts';
import type { DataError } from './errors.ts';
import { didYouMean } from './did-you-mean.ts';

export interface Catalog {
  layerIds: ReadonlySet<string>;
  /** feature id -> id of the layer that holds it */
  featureLayer: ReadonlyMap<string, string>;
}

export interface ReferenceOptions {
  /**
   * False when some layer could not be read: its features are unknown, so a reference to a
   * feature that is not found may be one of them and is not reported.
   */
  featuresComplete?: boolean;
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  x !== null && typeof x === 'object' && !Array.isArray(x);
const asArray = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
/** Ids as written, keeping their index; entries that are not strings are the schema's business. */
const idsOf = (x: unknown): [string, number][] =>
  asArray(x).flatMap((s, i): [string, number][] => (typeof s === 'string' ? [[s, i]] : []));

/** Unknown ids that get a "did you mean"; the rest are listed plainly. */
const MAX_SUGGESTIONS = 50;

export function checkReferences(
  story: StoryFile | Record<string, unknown>,
  catalog: Catalog,
  file: string,
  { featuresComplete = true }: ReferenceOptions = {},
): DataError[] {
  const errors: DataError[] = [];
  const isLayer = (id: string) => catalog.layerIds.has(id);
  const isFeature = (id: string) => catalog.featureLayer.has(id);
  const layerOrFeature = (id: string) => isLayer(id) || isFeature(id);
  const layerIds = [...catalog.layerIds];
  const featureIds = [...catalog.featureLayer.keys()];

  type Kind = 'layer' | 'feature' | 'layer or feature';
  const accepts: Record<Kind, (id: string) => boolean> = {
    layer: isLayer,
    feature: isFeature,
    'layer or feature': layerOrFeature,
  };
  const candidates: Record<Kind, () => string[]> = {
    layer: () => layerIds,
    feature: () => featureIds,
    'layer or feature': () => (both ??= [...layerIds, ...featureIds]),
  };
  let both: string[] | undefined;
  // A suggestion compares the id with every candidate: past the first few unknown ids (a
  // generated or broken story can have thousands) they are reported without one.
  let suggestions = MAX_SUGGESTIONS;

  const check = (ids: unknown, path: string, stepId: string | undefined, what: Kind) => {
    for (const [id, i] of idsOf(ids)) {
      if (accepts[what](id)) continue;
      // An id that is not a layer may sit in a layer nobody could read.
      if (!featuresComplete && what !== 'layer') continue;
      errors.push({
        file,
        path: `${path}[${i}]`,
        ...(stepId ? { stepId } : {}),
        message: `unknown ${what} "${id}"${suggestions-- > 0 ? didYouMean(id, candidates[what]()) : ''}`,
      });
    }
  };

  const data = story as Record<string, unknown>;
  const defaults = isRecord(data.defaults) ? data.defaults : {};
  const defaultCamera = isRecord(defaults.camera) ? defaults.camera : {};
  check(defaults.layers, 'defaults.layers', undefined, 'layer');
  check(defaultCamera.fit, 'defaults.camera.fit', undefined, 'layer or feature');
  asArray(data.steps).forEach((step, s) => {
    if (!isRecord(step)) return;
    const base = `steps[${s}]`;
    const stepId = typeof step.id === 'string' ? step.id : `#${s + 1}`;
    const camera = isRecord(step.camera) ? step.camera : {};
    check(step.layers, `${base}.layers`, stepId, 'layer');
    check(step.highlight, `${base}.highlight`, stepId, 'feature');
    check(step.places, `${base}.places`, stepId, 'feature');
    check(camera.fit, `${base}.camera.fit`, stepId, 'layer or feature');
    asArray(step.animations).forEach((a, j) => {
      if (!isRecord(a)) return;
      const targets = typeof a.target === 'string' ? [a.target] : a.target;
      check(targets, `${base}.animations[${j}].target`, stepId, 'layer or feature');
    });
    // A highlighted feature on a hidden layer would be invisible: name the layer to show.
    const visible = new Set([...idsOf(defaults.layers), ...idsOf(step.layers)].map(([id]) => id));
    for (const [id, i] of idsOf(step.highlight)) {
      const layer = catalog.featureLayer.get(id);
      if (layer && !visible.has(layer)) {
        errors.push({
          file,
          path: `${base}.highlight[${i}]`,
          stepId,
          message: `feature "${id}" is on layer "${layer}", which this step does not show (add it to the step's layers)`,
        });
      }
    }
  });
  return errors;
}
