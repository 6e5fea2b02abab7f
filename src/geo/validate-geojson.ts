// RFC 7946 and data-contract checks for GeoJSON layers. Pure: used by `npm run validate`,
// by the app when it loads a layer and by explore mode for a reader's own file.
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { DataError } from '../story/errors.ts';
import type { Result } from '../story/validate-story.ts';
import { closest } from '../story/did-you-mean.ts';

export interface GeoJsonCheckOptions {
  /** Require our data contract (id, name, kind, description, source, precision_m, years). */
  contract: boolean;
  /** Require right-hand winding (RFC 7946 §3.1.6); readers' own files are forgiven. */
  winding: boolean;
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CONTRACT_KEYS = new Set([
  'id',
  'name',
  'name_zh',
  'name_pinyin',
  'kind',
  'description',
  'description_zh',
  'source',
  'precision_m',
  'since',
  'until',
]);
const MAX_ERRORS = 50;

type Push = (path: string, message: string) => void;

function isPosition(p: unknown): p is Position {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    p.length <= 3 &&
    p.every((n) => typeof n === 'number' && Number.isFinite(n))
  );
}

function checkPosition(p: unknown, path: string, push: Push): boolean {
  if (!isPosition(p)) {
    push(path, 'a position must be [longitude, latitude] numbers');
    return false;
  }
  const [lng, lat] = p as [number, number];
  if (lng < -180 || lng > 180) push(path, `longitude ${lng} is outside -180…180`);
  if (lat < -90 || lat > 90) {
    // Coordinates copied from a map site come as "latitude, longitude".
    const swapped = Math.abs(lng) <= 90 && Math.abs(lat) <= 180;
    push(
      path,
      `latitude ${lat} is outside -90…90${swapped ? ` (this looks like [latitude, longitude]; GeoJSON wants [${lat}, ${lng}]: longitude first)` : ''}`,
    );
  }
  return true;
}

/** Twice the signed area (shoelace); positive means counter-clockwise. */
export function ringSignedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    sum += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return sum;
}

function checkPositions(
  coords: unknown,
  path: string,
  min: number,
  push: Push,
): coords is Position[] {
  if (!Array.isArray(coords)) {
    push(path, 'coordinates must be an array');
    return false;
  }
  if (coords.length < min) push(path, `needs at least ${min} positions, has ${coords.length}`);
  return coords.every((p, i) => checkPosition(p, `${path}[${i}]`, push));
}

function checkPolygon(rings: unknown, path: string, opts: GeoJsonCheckOptions, push: Push) {
  if (!Array.isArray(rings) || rings.length === 0) {
    push(path, 'a polygon needs at least one ring');
    return;
  }
  rings.forEach((ring, r) => {
    const rp = `${path}[${r}]`;
    if (!checkPositions(ring, rp, 4, push)) return;
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first && last && (first[0] !== last[0] || first[1] !== last[1])) {
      push(rp, 'ring is not closed (first and last positions differ)');
      return;
    }
    if (opts.winding && ring.length >= 4) {
      const area = ringSignedArea(ring);
      if (r === 0 && area < 0)
        push(rp, 'exterior ring must be counter-clockwise (RFC 7946 right-hand rule)');
      if (r > 0 && area > 0) push(rp, 'hole must be clockwise (RFC 7946 right-hand rule)');
    }
  });
}

function checkGeometry(g: unknown, path: string, opts: GeoJsonCheckOptions, push: Push) {
  if (g === null) return; // RFC 7946 allows unlocated features.
  if (typeof g !== 'object' || Array.isArray(g)) {
    push(path, 'geometry must be an object or null');
    return;
  }
  const geom = g as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  const c = geom.coordinates;
  const cp = `${path}.coordinates`;
  switch (geom.type) {
    case 'Point':
      checkPosition(c, cp, push);
      break;
    case 'MultiPoint':
      checkPositions(c, cp, 1, push);
      break;
    case 'LineString':
      checkPositions(c, cp, 2, push);
      break;
    case 'MultiLineString':
      if (!Array.isArray(c)) push(cp, 'coordinates must be an array of lines');
      else c.forEach((line, i) => checkPositions(line, `${cp}[${i}]`, 2, push));
      break;
    case 'Polygon':
      checkPolygon(c, cp, opts, push);
      break;
    case 'MultiPolygon':
      if (!Array.isArray(c)) push(cp, 'coordinates must be an array of polygons');
      else c.forEach((poly, i) => checkPolygon(poly, `${cp}[${i}]`, opts, push));
      break;
    case 'GeometryCollection':
      if (!Array.isArray(geom.geometries)) push(`${path}.geometries`, 'must be an array');
      else
        geom.geometries.forEach((sub, i) =>
          checkGeometry(sub, `${path}.geometries[${i}]`, opts, push),
        );
      break;
    default:
      push(`${path}.type`, `unknown geometry type ${JSON.stringify(geom.type)}`);
  }
}

function checkYear(value: unknown, path: string, push: Push): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    push(path, 'must be a whole year');
    return undefined;
  }
  return value;
}

function checkContract(props: Record<string, unknown>, path: string, push: Push) {
  const requiredText = ['id', 'name', 'kind', 'description', 'description_zh', 'source'];
  // Only names that are not contract properties themselves can be misspellings of one.
  const present = Object.keys(props).filter((k) => !CONTRACT_KEYS.has(k));
  /** A required property that is missing may be there under a misspelt name. */
  const misspelt = (key: string) => {
    if (key in props) return '';
    const near = closest(key, present);
    return near !== undefined ? ` (found "${near}": a typo?)` : '';
  };
  for (const key of requiredText) {
    const value = props[key];
    if (typeof value !== 'string' || value.trim() === '')
      push(`${path}.${key}`, `is required (text)${misspelt(key)}`);
  }
  if (typeof props.id === 'string' && !KEBAB.test(props.id))
    push(`${path}.id`, 'must be kebab-case');
  for (const key of ['name_zh', 'name_pinyin']) {
    if (props[key] !== undefined && typeof props[key] !== 'string')
      push(`${path}.${key}`, 'must be text');
  }
  if (typeof props.precision_m !== 'number' || !(props.precision_m >= 0)) {
    push(`${path}.precision_m`, `is required (metres, a number ≥ 0)${misspelt('precision_m')}`);
  }
}

export function validateFeatureCollection(
  data: unknown,
  file: string,
  opts: GeoJsonCheckOptions,
): Result<FeatureCollection> {
  const errors: DataError[] = [];
  const push: Push = (path, message) => {
    if (errors.length < MAX_ERRORS) errors.push({ file, path, message });
  };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, errors: [{ file, path: '', message: 'not a GeoJSON object' }] };
  }
  const fc = data as { type?: unknown; features?: unknown };
  if (fc.type !== 'FeatureCollection') {
    push('type', `expected "FeatureCollection", got ${JSON.stringify(fc.type)}`);
  }
  if (!Array.isArray(fc.features)) {
    push('features', 'must be an array of features');
    return { ok: false, errors };
  }
  const ids = new Map<string, number>();
  fc.features.forEach((f: unknown, i: number) => {
    const feature = f as Partial<Feature> | null;
    const idLabel =
      typeof (feature?.properties as { id?: unknown } | null | undefined)?.id === 'string'
        ? ` (${(feature!.properties as { id: string }).id})`
        : '';
    const fp = `features[${i}]${idLabel}`;
    if (!feature || typeof feature !== 'object' || feature.type !== 'Feature') {
      push(fp, 'must be an object with "type": "Feature"');
      return;
    }
    if (!('geometry' in feature)) push(`${fp}.geometry`, 'is required (may be null)');
    else checkGeometry(feature.geometry as Geometry | null, `${fp}.geometry`, opts, push);
    const props = feature.properties;
    if (
      props !== null &&
      props !== undefined &&
      (typeof props !== 'object' || Array.isArray(props))
    ) {
      push(`${fp}.properties`, 'must be an object or null');
      return;
    }
    const p = (props ?? {}) as Record<string, unknown>;
    if (opts.contract) checkContract(p, `${fp}.properties`, push);
    const since = checkYear(p.since, `${fp}.properties.since`, push);
    const until = checkYear(p.until, `${fp}.properties.until`, push);
    if (since !== undefined && until !== undefined && since > until) {
      push(`${fp}.properties.until`, `until (${until}) is before since (${since})`);
    }
    if (typeof p.id === 'string') {
      const prev = ids.get(p.id);
      if (prev !== undefined) push(`${fp}.properties.id`, `duplicate id (also features[${prev}])`);
      else ids.set(p.id, i);
    }
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: data as FeatureCollection };
}
