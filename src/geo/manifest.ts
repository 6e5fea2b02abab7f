// The layer manifest (geo/layers.json): which GeoJSON files make up a story's map.
import * as v from 'valibot';
import { formatPath, type DataError } from '../story/errors';
import type { Result } from '../story/validate-story';

const LocalText = v.record(v.picklist(['en', 'zh']), v.pipe(v.string(), v.minLength(1)));

export const LayerGroups = ['beijing', 'regions', 'world', 'user'] as const;
export type LayerGroup = (typeof LayerGroups)[number];

export const ManifestLayerSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case')),
  file: v.pipe(v.string(), v.regex(/^[\w./-]+\.(geo)?json$/, 'must be a .geojson or .json file')),
  kind: v.picklist(['point', 'line', 'polygon']),
  group: v.picklist(LayerGroups),
  color: v.pipe(v.string(), v.hexColor('must be a colour like #1a2b3c')),
  title: LocalText,
  legend: v.optional(LocalText),
  source: v.optional(v.string()),
  precision_m: v.optional(v.number()),
});

export const ManifestSchema = v.strictObject({
  $schema: v.optional(v.string()),
  layers: v.pipe(v.array(ManifestLayerSchema), v.minLength(1)),
});

export type ManifestLayer = v.InferOutput<typeof ManifestLayerSchema>;
export type Manifest = v.InferOutput<typeof ManifestSchema>;

export function validateManifest(data: unknown, file: string): Result<Manifest> {
  const parsed = v.safeParse(ManifestSchema, data, { abortEarly: false });
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.issues.map((issue) => ({
        file,
        path: formatPath((issue.path ?? []).map((p) => p.key as string | number)),
        message:
          issue.kind === 'schema' && issue.received === 'undefined'
            ? 'is required'
            : issue.message,
      })),
    };
  }
  const errors: DataError[] = [];
  const ids = new Set<string>();
  parsed.output.layers.forEach((layer, i) => {
    if (ids.has(layer.id)) errors.push({ file, path: `layers[${i}].id`, message: `duplicate layer id "${layer.id}"` });
    ids.add(layer.id);
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: parsed.output };
}
