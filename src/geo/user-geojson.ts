// A reader's own GeoJSON file, made into a layer: parsed, checked, given ids. Pure.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { USER_GROUP, type ManifestLayer } from './manifest';
import { validateFeatureCollection } from './validate-geojson';
import { formatError } from '../story/errors';
import { jsonErrorLine, jsonLineOf, withLines } from '../story/parse-text';
import { LIMITS, jsonDepth, layerLimitErrors, tooDeep, tooManyBytes } from '../story/limits';

const USER_COLOURS = ['#9333ea', '#0891b2', '#65a30d', '#db2777', '#ca8a04'];
const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

export type UserLayerResult =
  { ok: true; meta: ManifestLayer; data: FeatureCollection } | { ok: false; messages: string[] };

function asFeatureCollection(data: unknown): unknown {
  const d = data as { type?: unknown } | null;
  if (d && typeof d === 'object' && d.type === 'Feature')
    return { type: 'FeatureCollection', features: [d] };
  if (d && typeof d === 'object' && typeof d.type === 'string' && GEOMETRY_TYPES.has(d.type)) {
    return {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: d, properties: {} }],
    };
  }
  return data;
}

function dominantKind(features: Feature[]): ManifestLayer['kind'] {
  const count = { point: 0, line: 0, polygon: 0 };
  for (const f of features) {
    const t = (f.geometry as Geometry | null)?.type ?? '';
    if (t.includes('Point')) count.point += 1;
    else if (t.includes('LineString')) count.line += 1;
    else if (t.includes('Polygon')) count.polygon += 1;
  }
  return (
    (Object.entries(count).sort((a, b) => b[1] - a[1])[0]![0] as ManifestLayer['kind']) ?? 'point'
  );
}

/** The ids of a reader's own layers start with this: the app tells them from the story's by it. */
export const USER_LAYER_PREFIX = 'user-';

/**
 * `n` numbers the reader's layers (user-1, user-2…); feature ids are prefixed with the layer
 * id so they never collide with the story's. Original ids stay in `source_id`.
 */
export function userLayerFromText(text: string, fileName: string, n: number): UserLayerResult {
  // Minified files are one line: a line number would say nothing there.
  const multiline = text.trim().includes('\n');
  if (text.length > LIMITS.layerBytes)
    return { ok: false, messages: [`${fileName}: ${tooManyBytes('layer', text.length)}`] };
  if (jsonDepth(text) > LIMITS.depth)
    return { ok: false, messages: [`${fileName}: ${tooDeep(LIMITS.depth, true)}`] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    const line = multiline ? jsonErrorLine(text, err) : undefined;
    const where = line !== undefined ? `${fileName}:${line}` : fileName;
    return { ok: false, messages: [`${where}: not valid JSON (${(err as Error).message})`] };
  }
  const tooMany = layerLimitErrors(asFeatureCollection(parsed), fileName);
  if (tooMany.length) return { ok: false, messages: tooMany.map(formatError) };
  const checked = validateFeatureCollection(asFeatureCollection(parsed), fileName, {
    contract: false,
    winding: false,
  });
  if (!checked.ok) {
    // A bare Feature or geometry was wrapped: its paths are not the file's, so no lines.
    const wrapped = asFeatureCollection(parsed) !== parsed;
    const errors =
      wrapped || !multiline ? checked.errors : withLines(checked.errors, jsonLineOf(text));
    return { ok: false, messages: errors.map(formatError) };
  }
  const layerId = `${USER_LAYER_PREFIX}${n}`;
  const features = checked.value.features.filter((f) => f.geometry !== null);
  if (!features.length)
    return { ok: false, messages: [`${fileName}: has no features with a geometry`] };
  const data: FeatureCollection = {
    type: 'FeatureCollection',
    features: features.map((f, i) => {
      const props = { ...(f.properties ?? {}) } as Record<string, unknown>;
      const original = props.id ?? f.id;
      return {
        type: 'Feature',
        geometry: f.geometry,
        properties: {
          ...props,
          ...(original !== undefined ? { source_id: String(original) } : {}),
          id: `${layerId}-${i + 1}`,
          name: typeof props.name === 'string' && props.name ? props.name : `${fileName} #${i + 1}`,
        },
      };
    }),
  };
  const meta: ManifestLayer = {
    id: layerId,
    file: fileName.replace(/[^\w.-]/g, '_').replace(/^(?!.*\.(geo)?json$)(.*)$/, '$2.geojson'),
    kind: dominantKind(data.features),
    group: USER_GROUP,
    color: USER_COLOURS[(n - 1) % USER_COLOURS.length]!,
    title: { en: fileName, zh: fileName },
  };
  return { ok: true, meta, data };
}

/**
 * A reader's file: refused unread when it is over the size limit (its size is known before
 * it is read), else as `userLayerFromText`, numbered once it is read.
 */
export async function userLayerFromFile(
  file: Pick<File, 'name' | 'size' | 'text'>,
  nextNumber: () => number,
): Promise<UserLayerResult> {
  if (file.size > LIMITS.layerBytes)
    return { ok: false, messages: [`${file.name}: ${tooManyBytes('layer', file.size)}`] };
  const text = await file.text();
  return userLayerFromText(text, file.name, nextNumber());
}
