// What a step adds so that its subjects are seen at the camera's zoom: a marker with a label
// for a highlighted feature too small to see (a polygon at its pole of inaccessibility, a
// line at its midpoint), a label for every highlighted line (lines have no label of their
// own), the two ends of a journey labelled, and points inside and along each subject that
// keep other labels off it. Pure: features in, GeoJSON out; src/map/subject-layer.ts draws it.
import type { Feature, FeatureCollection, Point, Position } from 'geojson';
import { coordAll } from '@turf/meta';
import { anchorOf, extentPx, inPolygon } from '../spatial/anchor';
import { angularDistance } from '../spatial/sphere';

/** Below this size on screen a subject is drawn as a marker. */
export const SMALL_SUBJECT_PX = 14;
/** Blocker points are about this far apart on screen. */
export const BLOCKER_SPACING_PX = 22;
const MAX_BLOCKERS = 600;
/** A journey's end within this many km of a labelled highlighted place takes its label. */
const SAME_PLACE_KM = 60;

export interface Subject {
  feature: Feature;
  color: string;
}

export type SubjectRole = 'marker' | 'label' | 'end' | 'blocker';

export interface SubjectMarkProps {
  role: SubjectRole;
  name?: string;
  name_zh?: string;
  color?: string;
  /** The highlighted feature the mark stands for. */
  subject: string;
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

function mark(at: Position, props: SubjectMarkProps): Feature<Point, SubjectMarkProps> {
  const clean = Object.fromEntries(
    Object.entries(props).filter(([, v]) => v !== undefined),
  ) as SubjectMarkProps;
  return {
    type: 'Feature',
    properties: clean,
    geometry: { type: 'Point', coordinates: [at[0]!, at[1]!] },
  };
}

const isPoint = (f: Feature) => f.geometry?.type === 'Point' || f.geometry?.type === 'MultiPoint';
const isLine = (f: Feature) =>
  f.geometry?.type === 'LineString' || f.geometry?.type === 'MultiLineString';
const isJourney = (f: Feature) =>
  isLine(f) && typeof f.properties?.from === 'string' && typeof f.properties?.to === 'string';

function lines(f: Feature): Position[][] {
  const g = f.geometry;
  if (g?.type === 'LineString') return [g.coordinates];
  if (g?.type === 'MultiLineString') return g.coordinates;
  return [];
}

function polygons(f: Feature): Position[][][] {
  const g = f.geometry;
  if (g?.type === 'Polygon') return [g.coordinates];
  if (g?.type === 'MultiPolygon') return g.coordinates;
  return [];
}

/** Points `step` degrees apart inside each polygon and along each line of a subject. */
function blockerPoints(f: Feature, step: number): Position[] {
  const out: Position[] = [];
  for (const rings of polygons(f)) {
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [x, y] of rings[0]!) {
      w = Math.min(w, x!);
      e = Math.max(e, x!);
      s = Math.min(s, y!);
      n = Math.max(n, y!);
    }
    for (let x = w + step / 2; x < e; x += step)
      for (let y = s + step / 2; y < n; y += step) if (inPolygon([x, y], rings)) out.push([x, y]);
    for (const p of rings[0]!) out.push(p);
  }
  for (const line of lines(f))
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1]!;
      const b = line[i]!;
      const n = Math.max(1, Math.ceil(Math.hypot(b[0]! - a[0]!, b[1]! - a[1]!) / step));
      for (let k = 0; k < n; k++)
        out.push([a[0]! + ((b[0]! - a[0]!) * k) / n, a[1]! + ((b[1]! - a[1]!) * k) / n]);
      out.push(b);
    }
  if (f.geometry?.type === 'Point') out.push(f.geometry.coordinates);
  return out;
}

/**
 * The marks for a step's highlighted `subjects` seen at `zoom`. Journeys' ends take the
 * journey's `from_name` / `to_name` (or the named end feature's name, without its bracket)
 * unless a highlighted place already labels that end.
 */
export function subjectMarks(
  subjects: readonly Subject[],
  zoom: number,
  featureById: (id: string) => Feature | undefined = () => undefined,
  { blockers = true }: { blockers?: boolean } = {},
): FeatureCollection<Point, SubjectMarkProps> {
  const out: Feature<Point, SubjectMarkProps>[] = [];
  // every highlighted place but a journey carries its own name (points and polygons in the
  // highlight label layer, lines and small subjects here), at its anchor
  const labelledPoints = subjects.flatMap((s) =>
    isJourney(s.feature) || !s.feature.geometry
      ? []
      : isPoint(s.feature)
        ? coordAll(s.feature)
        : [anchorOf(s.feature.geometry)].filter((a): a is [number, number] => !!a),
  );
  const ends = new Set<string>();
  for (const { feature: f, color } of subjects) {
    const p = f.properties ?? {};
    const subject = String(p.id ?? '');
    const names = { name: str(p.name), name_zh: str(p.name_zh) };
    if (!f.geometry || isPoint(f)) continue;
    if (isJourney(f)) {
      const parts = lines(f);
      const first = parts[0]?.[0];
      const last = parts.at(-1)?.at(-1);
      for (const [at, side] of [
        [first, 'from'],
        [last, 'to'],
      ] as const) {
        if (!at) continue;
        const end = featureById(String(p[side]));
        const name = str(p[`${side}_name`]) ?? str(end?.properties?.name)?.replace(/\s*\(.*$/, '');
        const nameZh =
          str(p[`${side}_name_zh`]) ?? str(end?.properties?.name_zh)?.replace(/[（(].*$/, '');
        const labelled = labelledPoints.some((q) => angularDistance(q, at) * 111.2 < SAME_PLACE_KM);
        const key = `${at[0]!.toFixed(2)},${at[1]!.toFixed(2)}`;
        if (ends.has(key)) continue;
        ends.add(key);
        out.push(
          mark(at, {
            role: 'end',
            subject,
            color,
            ...(labelled ? {} : { name, name_zh: nameZh }),
          }),
        );
      }
      continue;
    }
    const at = anchorOf(f.geometry);
    if (!at) continue;
    const small = extentPx(coordAll(f), zoom) < SMALL_SUBJECT_PX;
    if (small) out.push(mark(at, { role: 'marker', subject, color, ...names }));
    else if (isLine(f)) out.push(mark(at, { role: 'label', subject, color, ...names }));
  }
  if (blockers) {
    // degrees of longitude per blocker spacing at this zoom
    const step = (BLOCKER_SPACING_PX / (512 * 2 ** zoom)) * 360;
    const points = subjects
      .filter((s) => !isJourney(s.feature))
      .flatMap((s) =>
        blockerPoints(s.feature, step).map((at) => ({
          at,
          subject: String(s.feature.properties?.id),
        })),
      );
    const every = Math.max(1, Math.ceil(points.length / MAX_BLOCKERS));
    points
      .filter((_, i) => i % every === 0)
      .forEach(({ at, subject }) => out.push(mark(at, { role: 'blocker', subject })));
  }
  return { type: 'FeatureCollection', features: out };
}
