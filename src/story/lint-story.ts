// Warnings: things that run, but are probably not what the author meant. Pure; reads the
// story and its layers defensively, so it can run beside the validator on broken files.
//
// - a Markdown list with no empty line before it (it would render as "text - a - b");
// - a highlighted feature that does not exist in the year the step's map shows;
// - a camera or a feature far from every other place of the story (a likely lat/lon swap).
import type { DataError } from './errors.ts';
import { existsIn } from './timeline.ts';
import { findSwappedPoints, formatLngLat } from './swapped-points.ts';

export interface LintLayer {
  id: string;
  /** The layer file's name, as messages show it. */
  file: string;
  /** The parsed GeoJSON; anything that is not a FeatureCollection is skipped. */
  data: unknown;
}

type Rec = Record<string, unknown>;
const isRecord = (x: unknown): x is Rec => x !== null && typeof x === 'object' && !Array.isArray(x);
const asArray = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const isYear = (y: unknown): y is number => typeof y === 'number' && Number.isInteger(y);

const warning = (e: Omit<DataError, 'severity'>): DataError => ({ ...e, severity: 'warning' });

// ---- Markdown lists -------------------------------------------------------------------------

const LIST_ITEM = /^[-*]\s+/;

/**
 * The problem with a list in this Markdown, if any. The subset only knows a list as a block
 * of "- " lines on its own, between empty lines; anything else is joined into one paragraph.
 */
export function listWithoutBlankLine(markdown: string): string | undefined {
  for (const chunk of markdown.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const items = lines.filter((l) => LIST_ITEM.test(l));
    if (!items.length || items.length === lines.length) continue;
    const first = items[0]!;
    // Show how it will read around the first item, where the list melts into the text.
    const shown = lines.join(' ');
    const at = shown.indexOf(first);
    const from = Math.max(0, at - 30);
    const to = Math.min(shown.length, at + 40);
    const preview = `${from > 0 ? '…' : ''}${shown.slice(from, to)}${to < shown.length ? '…' : ''}`;
    return LIST_ITEM.test(lines[0]!)
      ? `text follows the list without an empty line, so it all shows as one paragraph ("${preview}"); leave an empty line after the list`
      : `the list item "${first}" has no empty line before it, so it shows inside the paragraph ("${preview}"); leave an empty line before the list`;
  }
  return undefined;
}

function markdownWarnings(story: Rec, file: string): DataError[] {
  const out: DataError[] = [];
  const check = (text: unknown, path: string, stepId?: string) => {
    if (!isRecord(text)) return;
    for (const [lang, value] of Object.entries(text)) {
      if (typeof value !== 'string') continue;
      const problem = listWithoutBlankLine(value);
      if (problem)
        out.push(
          warning({
            file,
            path: `${path}.${lang}`,
            ...(stepId ? { stepId } : {}),
            message: problem,
          }),
        );
    }
  };
  check(isRecord(story.credits) ? story.credits.text : undefined, 'credits.text');
  asArray(story.steps).forEach((step, i) => {
    if (isRecord(step)) check(step.body, `steps[${i}].body`, stepIdOf(step, i));
  });
  return out;
}

const stepIdOf = (step: Rec, i: number) => (typeof step.id === 'string' ? step.id : `#${i + 1}`);

// ---- highlights out of their time -------------------------------------------------------------

/** The year a step's map shows, as the normaliser computes it. */
function mapYearOf(step: Rec): number | undefined {
  if (isYear(step.mapYear)) return step.mapYear;
  if (Array.isArray(step.year) && isYear(step.year[1])) return step.year[1];
  return isYear(step.year) ? step.year : undefined;
}

function yearWarnings(story: Rec, file: string, props: ReadonlyMap<string, Rec>): DataError[] {
  const out: DataError[] = [];
  asArray(story.steps).forEach((step, i) => {
    if (!isRecord(step)) return;
    const year = mapYearOf(step);
    if (year === undefined) return;
    asArray(step.highlight).forEach((id, j) => {
      if (typeof id !== 'string') return;
      const p = props.get(id);
      if (!p || existsIn(p, year)) return;
      const span =
        isYear(p.since) && year < p.since
          ? `only from ${p.since} ("since")`
          : `only until ${String(p.until)} ("until")`;
      out.push(
        warning({
          file,
          path: `steps[${i}].highlight[${j}]`,
          stepId: stepIdOf(step, i),
          message: `feature "${id}" exists ${span}, but this step's map shows ${year}, so it is not drawn; change the step's "mapYear" or the feature's years`,
        }),
      );
    });
  });
  return out;
}

// ---- places far from all others -----------------------------------------------------------------

type LngLat = [number, number];

export interface Place {
  /** How a message names it: `feature "x"` or `the camera`. */
  label: string;
  /** What a "swapped it would be near …" message names. */
  name: string;
  file: string;
  path: string;
  stepId?: string;
  camera: boolean;
  /** Sampled positions; one for a camera or a point. */
  points: LngLat[];
  /** A camera's zoom: a wide view may legitimately show nothing in particular. */
  zoom?: number;
}

const EARTH_RADIUS_KM = 6371;
const rad = (d: number) => (d * Math.PI) / 180;

export function distanceKm(a: LngLat, b: LngLat): number {
  const dLat = rad(b[1] - a[1]);
  const dLng = rad(b[0] - a[0]);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Below this distance from its nearest neighbour no place is ever "far". */
export const FAR_KM = 2000;
/** A swapped position this close to another place makes the swap the likely story. */
const SWAP_NEAR_KM = 200;
/** More isolated places than this share (a story spread round the world) and none is odd. */
const ISOLATED_SHARE = 0.2;
const MAX_SAMPLES = 48;

/** Half the width of the view at this zoom, roughly, on a 1280-pixel-wide screen. */
function viewRadiusKm(zoom: number | undefined): number {
  return zoom === undefined ? 0 : ((40075 / 2 ** zoom) * (1280 / 512)) / 2;
}

function positionsOf(geometry: unknown, out: LngLat[] = []): LngLat[] {
  if (!isRecord(geometry)) return out;
  if (geometry.type === 'GeometryCollection') {
    asArray(geometry.geometries).forEach((g) => positionsOf(g, out));
    return out;
  }
  const walk = (c: unknown, depth: number) => {
    if (depth > 4 || !Array.isArray(c)) return;
    if (c.length >= 2 && typeof c[0] === 'number' && typeof c[1] === 'number') {
      const [lng, lat] = c as number[];
      if (
        Number.isFinite(lng) &&
        Number.isFinite(lat) &&
        Math.abs(lat!) <= 90 &&
        Math.abs(lng!) <= 180
      )
        out.push([lng!, lat!]);
      return;
    }
    for (const x of c) walk(x, depth + 1);
  };
  walk(geometry.coordinates, 0);
  return out;
}

function sample(points: LngLat[]): LngLat[] {
  if (points.length <= MAX_SAMPLES) return points;
  const step = (points.length - 1) / (MAX_SAMPLES - 1);
  return Array.from({ length: MAX_SAMPLES }, (_, k) => points[Math.round(k * step)]!);
}

/** The nearest of `others` to any of `points`: its distance and which place it is. */
function nearest(
  points: readonly LngLat[],
  others: readonly Place[],
  stopBelowKm = 0,
): { km: number; place?: Place } {
  let best: { km: number; place?: Place } = { km: Infinity };
  for (const other of others) {
    for (const q of other.points) {
      for (const p of points) {
        const km = distanceKm(p, q);
        if (km < best.km) {
          best = { km, place: other };
          if (km <= stopBelowKm) return best;
        }
      }
    }
  }
  return best;
}

const km = (d: number) => (d < 1 ? 'under 1 km' : `${Math.round(d).toLocaleString('en-US')} km`);

/**
 * Places with no other place of the story near them. "Near" is measured to the nearest
 * neighbour rather than to a centre, so a story that spans California and Beijing, with
 * places clustered at both ends, gives no warning; a place alone on its side of the world
 * does, and when swapping its numbers would put it next to the others, the message says so.
 */
export function farPlaces(places: readonly Place[]): DataError[] {
  const features = places.filter((p) => !p.camera);
  const neighboursOf = (p: Place) =>
    p.camera
      ? features.length
        ? features
        : places.filter((o) => o.camera && o !== p)
      : places.filter((o) => o !== p);
  const limitOf = (p: Place) => Math.max(FAR_KM, p.camera ? viewRadiusKm(p.zoom) : 0);

  const isolated = places.filter((p) => {
    const others = neighboursOf(p);
    return others.length > 0 && nearest(p.points, others, limitOf(p)).km > limitOf(p);
  });
  const oddOnesOut = isolated.length <= Math.max(1, Math.floor(places.length * ISOLATED_SHARE));

  const out: DataError[] = [];
  for (const p of isolated) {
    const others = neighboursOf(p);
    const far = nearest(p.points, others);
    const [lng, lat] = p.points[0]!;
    const swapped: LngLat | undefined =
      Math.abs(lng) <= 90 && Math.abs(lat) <= 180 ? [lat, lng] : undefined;
    const near = swapped && nearest([swapped], others, 0);
    const where = { file: p.file, path: p.path, ...(p.stepId ? { stepId: p.stepId } : {}) };
    if (near && near.km <= SWAP_NEAR_KM && near.place) {
      out.push(
        warning({
          ...where,
          message: `${p.label} is ${km(far.km)} from every other place of the story, but [${lat}, ${lng}] would be ${km(near.km)} from ${near.place.name}: are latitude and longitude the wrong way round? Positions are [longitude, latitude]`,
        }),
      );
    } else if (oddOnesOut) {
      out.push(
        warning({
          ...where,
          message: `${p.label} is ${km(far.km)} from every other place of the story${far.place ? ` (nearest: ${far.place.name})` : ''}; check its coordinates (a swapped or mistyped number?), and ignore this if it really is that far`,
        }),
      );
    }
  }
  return out;
}

/** The story's places: every feature of its layers and every camera with a center. */
export function storyPlaces(story: Rec, file: string, layers: readonly LintLayer[]): Place[] {
  const places: Place[] = [];
  for (const layer of layers) {
    if (!isRecord(layer.data)) continue;
    asArray(layer.data.features).forEach((f, i) => {
      if (!isRecord(f)) return;
      const points = sample(positionsOf(f.geometry));
      if (!points.length) return;
      const id =
        isRecord(f.properties) && typeof f.properties.id === 'string' ? f.properties.id : undefined;
      places.push({
        label: id ? `feature "${id}"` : `feature #${i + 1} of layer "${layer.id}"`,
        name: id ? `"${id}"` : `feature #${i + 1} of layer "${layer.id}"`,
        file: layer.file,
        path: `features[${i}]${id ? ` (${id})` : ''}.geometry.coordinates`,
        camera: false,
        points,
      });
    });
  }
  const camera = (c: unknown, path: string, stepId?: string) => {
    if (!isRecord(c) || !Array.isArray(c.center)) return;
    const points = positionsOf({ type: 'Point', coordinates: c.center });
    if (!points.length) return;
    places.push({
      label: `the camera center [${points[0]!.join(', ')}]`,
      name: `the camera of ${stepId ? `step "${stepId}"` : 'the defaults'}`,
      file,
      path: `${path}.center`,
      ...(stepId ? { stepId } : {}),
      camera: true,
      points,
      ...(typeof c.zoom === 'number' ? { zoom: c.zoom } : {}),
    });
  };
  camera(isRecord(story.defaults) ? story.defaults.camera : undefined, 'defaults.camera');
  asArray(story.steps).forEach((step, i) => {
    if (isRecord(step)) camera(step.camera, `steps[${i}].camera`, stepIdOf(step, i));
  });
  return places;
}

/**
 * Places written [latitude, longitude] among the story's others: far outside their cluster,
 * inside it once swapped (swapped-points.ts). Catches a few swapped places that sit
 * together, which the nearest-neighbour test of farPlaces cannot.
 */
export function swappedPlaces(places: readonly Place[]): {
  warnings: DataError[];
  found: Set<Place>;
} {
  const suspects = findSwappedPoints(places.map((p) => p.points[0]!));
  const found = new Set<Place>();
  const warnings = suspects.map((s) => {
    const p = places[s.index]!;
    found.add(p);
    const fix =
      p.points.length > 1
        ? 'exchange the two numbers of each position'
        : `write ${formatLngLat(s.swapped)}`;
    return warning({
      file: p.file,
      path: p.path,
      ...(p.stepId ? { stepId: p.stepId } : {}),
      message: `${p.label} is ${km(s.awayKm)} from the middle of the story's other places, but with its numbers swapped, ${formatLngLat(s.swapped)}, it is ${km(s.swappedKm)} from it: latitude and longitude are probably the wrong way round (positions are [longitude, latitude]): ${fix}`,
    });
  });
  return { warnings, found };
}

const SWAP_MESSAGE = /wrong way round/;

/** Every warning for a story and its layers. */
export function lintStory(story: unknown, file: string, layers: readonly LintLayer[]): DataError[] {
  if (!isRecord(story)) return [];
  const props = new Map<string, Rec>();
  for (const layer of layers) {
    if (!isRecord(layer.data)) continue;
    for (const f of asArray(layer.data.features)) {
      if (isRecord(f) && isRecord(f.properties) && typeof f.properties.id === 'string')
        props.set(f.properties.id, f.properties);
    }
  }
  const places = storyPlaces(story, file, layers);
  const far = farPlaces(places);
  const at = (p: { file: string; path: string }) => `${p.file}\u0000${p.path}`;
  // The nearest-neighbour test names the place a swap lands next to: keep its message where
  // it found the swap, and let the cluster test speak for the places it missed.
  const swapNamed = new Set(far.filter((w) => SWAP_MESSAGE.test(w.message)).map(at));
  const swapped = swappedPlaces(places.filter((p) => !swapNamed.has(at(p))));
  const swappedAt = new Set([...swapped.found].map(at));
  return [
    ...markdownWarnings(story, file),
    ...yearWarnings(story, file, props),
    ...swapped.warnings,
    ...far.filter((w) => !swappedAt.has(at(w))),
  ];
}
