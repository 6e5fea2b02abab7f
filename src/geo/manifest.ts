// The layer manifest (geo/layers.json, or an author's own): which GeoJSON files make up a
// story's map, and the groups the explore panel lists them under. Nothing here knows any
// place: groups are declared by the manifest, with their titles.
import * as v from 'valibot';
import { formatPath, type DataError } from '../story/errors.ts';
import type { Result } from '../story/validate-story.ts';
import { didYouMean } from '../story/did-you-mean.ts';

const LocalText = v.record(v.picklist(['en', 'zh']), v.pipe(v.string(), v.minLength(1)));
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const kebab = v.pipe(v.string(), v.regex(KEBAB, 'must be kebab-case'));

/** The group the app gives a reader's own files; a manifest may not declare or use it. */
export const USER_GROUP = 'user';

function help<const T extends v.GenericSchema>(schema: T, description: string, example: unknown) {
  return v.pipe(schema, v.description(description), v.metadata({ examples: [example] }));
}

export const LayerGroupSchema = help(
  v.strictObject({
    id: help(kebab, 'The group\'s id, kebab-case; layers name it in their "group".', 'places'),
    title: help(
      LocalText,
      'The heading the explore panel shows over the group, in English and Chinese.',
      { en: 'Around the square', zh: '广场周边' },
    ),
  }),
  'A heading under which the explore panel lists layers.',
  { id: 'places', title: { en: 'Around the square', zh: '广场周边' } },
);

export const ManifestLayerSchema = help(
  v.strictObject({
    id: help(kebab, 'The layer\'s id, kebab-case; stories name it in "layers".', 'kendall-places'),
    file: help(
      v.pipe(v.string(), v.regex(/^[\w./-]+\.(geo)?json$/, 'must be a .geojson or .json file')),
      'The GeoJSON file, relative to this manifest.',
      'kendall-places.geojson',
    ),
    kind: help(
      v.picklist(['point', 'line', 'polygon']),
      'What the layer draws: point, line or polygon.',
      'point',
    ),
    group: v.optional(
      help(
        kebab,
        'The id of a group declared in "groups"; without one the layer is listed under a generic "Layers" heading.',
        'places',
      ),
    ),
    color: help(
      v.pipe(v.string(), v.hexColor('must be a colour like #1a2b3c')),
      "The layer's colour, as #rrggbb.",
      '#7c3aed',
    ),
    title: help(LocalText, "The layer's name in the explore panel and legend.", {
      en: 'Places',
      zh: '地点',
    }),
    legend: v.optional(
      help(LocalText, 'A short line under the title in the legend.', {
        en: 'Sites, by opening year',
        zh: '按启用年份显示的地点',
      }),
    ),
    source: v.optional(
      help(
        v.string(),
        "Where the layer's geometry comes from, as a whole.",
        'Wikipedia coordinates',
      ),
    ),
    precision_m: v.optional(help(v.number(), 'How precise the layer is, in metres.', 50)),
    labelMinzoom: v.optional(
      help(
        v.pipe(v.number(), v.minValue(0), v.maxValue(24)),
        "Show the layer's labels only from this zoom level on, so many small places do not crowd a world view.",
        10,
      ),
    ),
  }),
  'One GeoJSON layer.',
  {
    id: 'kendall-places',
    file: 'kendall-places.geojson',
    kind: 'point',
    group: 'places',
    color: '#7c3aed',
    title: { en: 'Places', zh: '地点' },
  },
);

export const ManifestSchema = v.strictObject({
  $schema: v.optional(
    help(v.string(), 'Where editors find this schema; ignored by the app.', './layers.schema.json'),
  ),
  groups: v.optional(
    help(
      v.array(LayerGroupSchema),
      'The headings the explore panel lists layers under, in this order. The id "user" is reserved for the reader\'s own files.',
      [{ id: 'places', title: { en: 'Around the square', zh: '广场周边' } }],
    ),
  ),
  layers: help(
    v.pipe(v.array(ManifestLayerSchema), v.minLength(1)),
    'The layers, in drawing order (later ones are drawn on top).',
    [
      {
        id: 'kendall-places',
        file: 'kendall-places.geojson',
        kind: 'point',
        color: '#7c3aed',
        title: { en: 'Places', zh: '地点' },
      },
    ],
  ),
});

export type ManifestLayer = v.InferOutput<typeof ManifestLayerSchema>;
export type LayerGroup = v.InferOutput<typeof LayerGroupSchema>;
export type Manifest = v.InferOutput<typeof ManifestSchema>;

const FIELDS = {
  root: Object.keys(ManifestSchema.entries),
  layer: Object.keys(ManifestLayerSchema.entries),
  group: Object.keys(LayerGroupSchema.entries),
};

const isRecord = (x: unknown): x is Record<string, unknown> =>
  x !== null && typeof x === 'object' && !Array.isArray(x);

function fieldsFor(path: readonly (string | number)[]): string[] {
  if (path.length === 0) return FIELDS.root;
  if (path.length === 2 && path[0] === 'layers') return FIELDS.layer;
  if (path.length === 2 && path[0] === 'groups') return FIELDS.group;
  return [];
}

function schemaMessage(issue: v.BaseIssue<unknown>): string {
  const path = (issue.path ?? []).map((p) => p.key as string | number);
  if (issue.kind === 'schema' && issue.received === 'undefined') return 'is required';
  if (issue.type === 'strict_object' && issue.kind === 'schema') {
    const key = String(path[path.length - 1]);
    return `unknown field "${key}"${didYouMean(key, fieldsFor(path.slice(0, -1)))}`;
  }
  return issue.message;
}

/** Checks across entries, on raw data so they run even when the schema fails elsewhere. */
function crossErrors(data: unknown, file: string): DataError[] {
  if (!isRecord(data)) return [];
  const errors: DataError[] = [];
  const groupIds: string[] = [];
  (Array.isArray(data.groups) ? data.groups : []).forEach((g: unknown, i) => {
    if (!isRecord(g) || typeof g.id !== 'string') return;
    if (g.id === USER_GROUP)
      errors.push({
        file,
        path: `groups[${i}].id`,
        message: `the group id "${USER_GROUP}" is reserved for the reader's own files`,
      });
    else if (groupIds.includes(g.id))
      errors.push({ file, path: `groups[${i}].id`, message: `duplicate group id "${g.id}"` });
    groupIds.push(g.id);
  });
  const declared = groupIds.filter((g) => g !== USER_GROUP);
  const layerIds = new Set<string>();
  (Array.isArray(data.layers) ? data.layers : []).forEach((layer: unknown, i) => {
    if (!isRecord(layer)) return;
    if (typeof layer.id === 'string') {
      if (layerIds.has(layer.id))
        errors.push({ file, path: `layers[${i}].id`, message: `duplicate layer id "${layer.id}"` });
      layerIds.add(layer.id);
    }
    const group = layer.group;
    if (typeof group !== 'string' || declared.includes(group)) return;
    errors.push({
      file,
      path: `layers[${i}].group`,
      message:
        group === USER_GROUP
          ? `the group "${USER_GROUP}" is reserved for the reader's own files`
          : declared.length
            ? `unknown group "${group}"${didYouMean(group, declared)}; declared: ${declared.join(', ')}`
            : `unknown group "${group}": declare it in "groups" ({ id: "${group}", title: { en: …, zh: … } }) or leave "group" out`,
    });
  });
  return errors;
}

function schemaErrors(data: unknown, file: string): DataError[] {
  const parsed = v.safeParse(ManifestSchema, data, { abortEarly: false });
  if (parsed.success) return [];
  return parsed.issues.map((issue) => ({
    file,
    path: formatPath((issue.path ?? []).map((p) => p.key as string | number)),
    message: schemaMessage(issue),
  }));
}

/** Every problem of a manifest at once: its fields, duplicate ids, undeclared groups. */
export function checkManifest(data: unknown, file: string): Result<Manifest> {
  const errors = [...schemaErrors(data, file), ...crossErrors(data, file)];
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: v.parse(ManifestSchema, data) };
}

/**
 * The manifest's field problems or, when its fields are right, the problems across its
 * entries. The loader uses checkManifest, which reports both at once.
 */
export function validateManifest(data: unknown, file: string): Result<Manifest> {
  const fieldProblems = schemaErrors(data, file);
  if (fieldProblems.length) return { ok: false, errors: fieldProblems };
  return checkManifest(data, file);
}

/** The groups of a valid manifest, in the order the panel lists them. */
export function manifestGroups(manifest: Manifest): LayerGroup[] {
  return (manifest.groups ?? []).map((g) => ({ id: g.id, title: g.title }));
}
