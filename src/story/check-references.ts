// Cross-checks a story against its layers: every layer, feature and animation target a step
// names must exist, so a typo is caught at build time rather than as a blank map.
import type { StoryFile } from './schema';
import type { DataError } from './errors';

export interface Catalog {
  layerIds: ReadonlySet<string>;
  /** feature id -> id of the layer that holds it */
  featureLayer: ReadonlyMap<string, string>;
}

export function checkReferences(story: StoryFile, catalog: Catalog, file: string): DataError[] {
  const errors: DataError[] = [];
  const isLayer = (id: string) => catalog.layerIds.has(id);
  const isFeature = (id: string) => catalog.featureLayer.has(id);

  const check = (
    ids: readonly string[] | undefined,
    path: string,
    stepId: string | undefined,
    accept: (id: string) => boolean,
    what: string,
  ) => {
    ids?.forEach((id, i) => {
      if (!accept(id)) {
        errors.push({
          file,
          path: `${path}[${i}]`,
          ...(stepId ? { stepId } : {}),
          message: `unknown ${what} "${id}"`,
        });
      }
    });
  };
  const layerOrFeature = (id: string) => isLayer(id) || isFeature(id);

  check(story.defaults?.layers, 'defaults.layers', undefined, isLayer, 'layer');
  check(
    story.defaults?.camera?.fit,
    'defaults.camera.fit',
    undefined,
    layerOrFeature,
    'layer or feature',
  );
  story.steps.forEach((step, s) => {
    const base = `steps[${s}]`;
    check(step.layers, `${base}.layers`, step.id, isLayer, 'layer');
    check(step.highlight, `${base}.highlight`, step.id, isFeature, 'feature');
    check(step.places, `${base}.places`, step.id, isFeature, 'feature');
    check(step.camera?.fit, `${base}.camera.fit`, step.id, layerOrFeature, 'layer or feature');
    step.animations?.forEach((a, j) => {
      const targets = typeof a.target === 'string' ? [a.target] : a.target;
      check(
        targets,
        `${base}.animations[${j}].target`,
        step.id,
        layerOrFeature,
        'layer or feature',
      );
    });
    // A highlighted feature on a hidden layer would be invisible: name the layer to show.
    const visible = new Set([...(story.defaults?.layers ?? []), ...(step.layers ?? [])]);
    step.highlight?.forEach((id, i) => {
      const layer = catalog.featureLayer.get(id);
      if (layer && !visible.has(layer)) {
        errors.push({
          file,
          path: `${base}.highlight[${i}]`,
          stepId: step.id,
          message: `feature "${id}" is on layer "${layer}", which this step does not show`,
        });
      }
    });
  });
  return errors;
}
