// What both importers share: the shape of an imported story, the report, ids, languages,
// years, cameras, media and the marker layer. Pure: no DOM, no Node APIs.
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { findSwappedPoints, formatLngLat, type LngLat } from '../swapped-points';
import { fitBounds } from '../../spatial/fit';
import { safeHref } from '../markdown';

export type Lang = 'en' | 'zh';
export type Text = Partial<Record<Lang, string>>;
export type YearValue = number | [number, number];

export interface CameraDraft {
  center?: [number, number];
  zoom?: number;
  bearing?: number;
  pitch?: number;
  fit?: string[];
  padding?: number;
  transition?: 'fly' | 'ease' | 'jump';
  duration?: number;
}

export interface MediaDraft {
  src: string;
  alt: Text;
  credit?: string;
}

export interface StepDraft {
  id: string;
  /** Absent in a story without dates: it has no timeline. */
  year?: YearValue;
  title: Text;
  body: Text;
  camera?: CameraDraft;
  layers?: string[];
  highlight?: string[];
  media?: MediaDraft[];
}

/** A story file as the importers write it (see src/story/schema.ts). */
export interface StoryDraft {
  $schema?: string;
  id: string;
  title: Text;
  subtitle?: Text;
  languages: Lang[];
  layers?: string;
  credits?: { text?: Text };
  defaults?: { camera?: CameraDraft; layers?: string[] };
  steps: StepDraft[];
}

export interface ManifestDraft {
  layers: {
    id: string;
    file: string;
    kind: 'point' | 'line';
    color: string;
    title: Text;
    legend?: Text;
    source: string;
    precision_m?: number;
  }[];
}

export interface ImportedLayers {
  manifest: ManifestDraft;
  /** The marker layer: one point per distinct place, written to `placesFile`. */
  places: FeatureCollection<Point>;
  /** A line layer (StoryMapJS `route`), written to `routeFile`. */
  route?: FeatureCollection<LineString>;
}

export interface ImportResult {
  format: 'mapbox-storytelling' | 'storymapjs';
  story: StoryDraft;
  layers?: ImportedLayers;
  /** What was not carried over, what was assumed, in the order the input was read. */
  report: string[];
}

export interface ImportOptions {
  /** The input's file name, for the report and each feature's `source`. */
  sourceName?: string;
  /** Path of the layer manifest relative to the story file (default `layers.json`). */
  layersFile?: string;
  /** Path of the marker GeoJSON relative to the manifest (default `places.geojson`). */
  placesFile?: string;
  /** Path of the route GeoJSON relative to the manifest (default `route.geojson`). */
  routeFile?: string;
  /**
   * The region a position is in, from real boundaries, when a note about it helps (the
   * command passes mainland China's provinces, where maps are often GCJ-02). Without it
   * the report says nothing about regions: a guess from a box would name wrong countries.
   */
  regionOf?: (lng: number, lat: number) => string | undefined;
  /** Rewrites a relative media path (relative to the input) to one relative to the story. */
  rebaseUrl?: (relative: string) => string;
  /** The story id (default: from the title). */
  storyId?: string;
}

export const PLACES_LAYER_ID = 'places';
export const ROUTE_LAYER_ID = 'route';

/** Collects the import report: one sentence per thing the author should know. */
export class Report {
  private readonly lines: string[] = [];
  private readonly summaries: string[] = [];

  /** What was imported, listed before everything else. */
  summary(message: string) {
    this.summaries.push(message);
  }

  /** Something in the input that the story does not have. */
  notCarried(message: string) {
    this.lines.push(`not carried: ${message}`);
  }

  /** Something the importer had to decide for the author. */
  assumed(message: string) {
    this.lines.push(`assumed: ${message}`);
  }

  /** Something changed on the way, for safety or to fit the format. */
  changed(message: string) {
    this.lines.push(`changed: ${message}`);
  }

  /** Something in the input that is probably a mistake, kept as written. */
  check(message: string) {
    this.lines.push(`check: ${message}`);
  }

  info(message: string) {
    this.lines.push(message);
  }

  list(): string[] {
    return [...this.summaries, ...this.lines];
  }
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Hands out kebab-case ids that are unique within one story. */
export class IdPool {
  private readonly used = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const id of reserved) this.used.add(id);
  }

  /** `wanted` if it is free and kebab-case, else a slug of it, else `fallback`, made unique. */
  take(wanted: string | undefined, fallback: string): string {
    const base =
      wanted && KEBAB.test(wanted) ? wanted : slugify(wanted ?? '') || slugify(fallback) || 'step';
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/gu;
const LATIN = /[A-Za-z\u00c0-\u024f]/g;

/**
 * `zh` when the text is mostly Chinese. A Chinese character carries about as much as a short
 * English word, so two Latin letters weigh as much as one character.
 */
export function detectLanguage(texts: readonly string[]): Lang {
  const all = texts.join(' ');
  const han = all.match(HAN)?.length ?? 0;
  const latin = all.match(LATIN)?.length ?? 0;
  return han > 0 && han * 2 >= latin ? 'zh' : 'en';
}

/** Every plausible year (1000–2999, as four digits on their own) in a text, in order. */
export function yearsIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/(?<![\d.,])([12]\d{3})(?!\d|[.,]\d)/g)) out.push(Number(m[1]));
  return out;
}

/** A date field: one year, or a range when it names two (`1790-2010`, `1941 – 1945`). */
export function yearOfDate(date: string): YearValue | undefined {
  const years = yearsIn(date);
  if (!years.length) return undefined;
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return lo === hi ? lo : [lo, hi];
}

export interface FoundYear {
  value: YearValue;
  /** Where it came from, for the report: `its date "1790"`, `its title`. */
  from: string;
  /** Read from prose (a number in a title), not from a date field: a guess. */
  guessed?: boolean;
}

export interface YearCandidate {
  /** How the report names the step: `chapter "intro"`. */
  label: string;
  found?: FoundYear;
}

const startOf = (y: YearValue) => (Array.isArray(y) ? y[0] : y);
const endOf = (y: YearValue) => (Array.isArray(y) ? y[1] : y);
const show = (y: YearValue) => (Array.isArray(y) ? y.join('–') : String(y));

/**
 * A year for every step, or for none: the story format dates every step or none (a story
 * without dates has no timeline). Dates the input states are kept. Years guessed from prose
 * are kept only when, with the stated dates, they run in order: "1920, 1900, 1984" is a
 * story's numbers, not its chronology. Steps between dated ones take the year of the step
 * before (or, before the first, the first dated step's). Every guess and every borrowed
 * year is listed in the report; no year is ever invented.
 */
export function resolveYears(
  steps: readonly YearCandidate[],
  report: Report,
): (YearValue | undefined)[] {
  const guesses = steps.filter((s) => s.found?.guessed);
  let kept = steps.map((s) => s.found);
  if (guesses.length) {
    const sequence = kept.filter((f): f is FoundYear => f !== undefined);
    const inOrder = sequence.every(
      (f, i) => i === 0 || startOf(f.value) >= startOf(sequence[i - 1]!.value),
    );
    const listed = guesses
      .map((s) => `${s.label} → ${show(s.found!.value)} (${s.found!.from})`)
      .join('; ');
    if (inOrder) report.assumed(`years read from the text (they run in order): ${listed}`);
    else {
      kept = kept.map((f) => (f?.guessed ? undefined : f));
      report.notCarried(
        `years read from the text, as they run out of order (${sequence.map((f) => show(f.value)).join(', ')}): they are numbers in the text, not the story's chronology: ${listed}`,
      );
    }
  }
  const firstDated = kept.findIndex((f) => f !== undefined);
  if (firstDated < 0) {
    report.assumed(
      'no step has a date: the story has no timeline (steps without `year`); give every step a `year` to add one',
    );
    return steps.map(() => undefined);
  }
  const out: YearValue[] = [];
  let previous: { year: number; label: string } | undefined;
  const borrowed: string[] = [];
  const first = { year: startOf(kept[firstDated]!.value), label: steps[firstDated]!.label };
  kept.forEach((found, i) => {
    if (found) {
      out.push(found.value);
      previous = { year: endOf(found.value), label: steps[i]!.label };
      return;
    }
    const from = previous ?? first;
    out.push(from.year);
    borrowed.push(`${steps[i]!.label} → ${from.year} (from ${from.label})`);
  });
  if (borrowed.length) {
    report.assumed(
      `${borrowed.length} step${borrowed.length > 1 ? 's have' : ' has'} no date of ${borrowed.length > 1 ? 'their' : 'its'} own and took the year of the step before (or the first dated step), since a story dates every step or none: ${borrowed.join('; ')}`,
    );
  }
  return out;
}

/** The first year a text names, with where it was found: a guess. */
export function yearInTexts(texts: readonly [string | undefined, string][]): FoundYear | undefined {
  for (const [text, where] of texts) {
    if (!text) continue;
    const year = yearsIn(text)[0];
    if (year !== undefined) return { value: year, from: where, guessed: true };
  }
  return undefined;
}

/** Degrees to the range the schema takes, keeping the same heading. */
export function normalizeBearing(bearing: number): number {
  const b = ((((bearing + 180) % 360) + 360) % 360) - 180;
  return Number((b === -180 ? 180 : b).toFixed(2));
}

export const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
export const round = (n: number, digits: number) => Number(n.toFixed(digits));

export function isFiniteNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

export function validLngLat(lng: unknown, lat: unknown): lng is number {
  return (
    isFiniteNumber(lng) &&
    isFiniteNumber(lat) &&
    lng >= -180 &&
    lng <= 180 &&
    (lat as number) >= -90 &&
    (lat as number) <= 90
  );
}

/**
 * How far a position picked by centring a map may be from what the author meant: about
 * 25 screen pixels at the view's zoom (MapLibre's 512-px scale), rounded to two figures.
 */
export function precisionAtZoom(lat: number, zoom: number): number {
  const metresPerPixel = (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
  const m = Math.max(1, metresPerPixel * 25);
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(m)) - 1);
  return Math.round(m / magnitude) * magnitude;
}

/**
 * The regions of these places, from real boundaries (ImportOptions.regionOf), as a report
 * line about coordinates copied from Chinese map services; undefined when none is in one.
 */
export function regionNote(
  places: readonly { label: string; lngLat: [number, number] }[],
  regionOf: ImportOptions['regionOf'],
): string | undefined {
  if (!regionOf) return undefined;
  const byRegion = new Map<string, number>();
  const seen = new Set<string>();
  for (const p of places) {
    const key = p.lngLat.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    const region = regionOf(p.lngLat[0], p.lngLat[1]);
    if (region) byRegion.set(region, (byRegion.get(region) ?? 0) + 1);
  }
  const n = [...byRegion.values()].reduce((a, b) => a + b, 0);
  if (!n) return undefined;
  const where = [...byRegion.keys()].join(', ');
  return `${n} place${n > 1 ? 's are' : ' is'} in mainland China (${where}): the coordinates were kept as WGS84; if they were copied from a Chinese map service (GCJ-02), they are about 500 m off`;
}

export interface Located {
  /** How the report names it: `chapter "intro"`, `slide 4`. */
  label: string;
  /** How the input wrote it, for the report: `lat -75.14, lon 40.03`. */
  written: string;
  lngLat: [number, number];
}

/**
 * Reports places written [latitude, longitude] (see swapped-points.ts). They are kept as
 * written: the original tool put them there too, and the author should decide.
 */
export function reportSwapped(places: readonly Located[], report: Report, fix: string): void {
  for (const s of findSwappedPoints(places.map((p) => p.lngLat as LngLat))) {
    const p = places[s.index]!;
    report.check(
      `${p.label}: ${p.written} is ${Math.round(s.awayKm).toLocaleString('en-US')} km from the story's other places, but swapped, ${formatLngLat(s.swapped)} (longitude, latitude), it is among them: latitude and longitude are probably the wrong way round in the original; kept as written: ${fix} ${formatLngLat(s.swapped)}`,
    );
  }
}

/**
 * A camera that frames every one of these positions on a laptop-sized screen, for a step
 * that names no place of its own and has no step before it.
 */
export function cameraForAll(positions: readonly [number, number][]): CameraDraft {
  if (!positions.length) return { center: [0, 20], zoom: 1 };
  let [west, south, east, north] = [180, 90, -180, -90];
  for (const [lng, lat] of positions) {
    west = Math.min(west, lng);
    east = Math.max(east, lng);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  const { center, zoom } = fitBounds({
    bbox: [west, south, east, north],
    width: 1280,
    height: 800,
    insets: { top: 0, bottom: 0, left: 0, right: 0 },
    padding: 80,
    maxZoom: 14,
  });
  return { center: [round(center[0], 6), round(center[1], 6)], zoom: round(Math.max(0, zoom), 2) };
}

export interface MediaCheck {
  src?: string;
  reason?: string;
}

/**
 * A media source we can carry: an http(s) URL (protocol-relative becomes https) or a
 * relative path, rebased to the story file. Other schemes (data:, javascript:, file:) are not.
 */
export function mediaSource(raw: string, rebase?: (relative: string) => string): MediaCheck {
  const src = raw.trim();
  if (!src) return { reason: 'empty' };
  if (src.startsWith('//')) return mediaSource(`https:${src}`);
  if (/^[a-z][a-z0-9+.-]*:/i.test(src)) {
    const safe = safeHref(src);
    return safe ? { src: safe } : { reason: `"${src.slice(0, 30)}…" is not an http(s) URL` };
  }
  if (/[\s<>"]/.test(src)) return { reason: `"${src.slice(0, 40)}" is not a path` };
  return { src: rebase ? rebase(src) : src };
}

export const isRemote = (src: string) => /^https?:/i.test(src);

/** Whether a URL names an image file (the test StoryMapJS itself uses, on the path only). */
export function looksLikeImage(src: string): boolean {
  const path = src.split(/[?#]/)[0] ?? '';
  return /\.(jpe?g|png|gif|webp|avif|svg)$/i.test(path) || /upload\.wikimedia\.org/i.test(src);
}

export interface MarkerInput {
  stepId: string;
  name: string;
  /** The name is a placeholder: a later step at the same place names the marker instead. */
  weakName?: boolean;
  lngLat: [number, number];
  zoom: number;
  source: string;
}

/**
 * One point per distinct position (several steps at one place share a marker, named after
 * the first), and for each step the id of its marker.
 */
export function buildMarkers(
  inputs: readonly MarkerInput[],
  lang: Lang,
  describe: (name: string) => { en: string; zh: string },
): { places: FeatureCollection<Point>; markerOf: Map<string, string> } {
  const byPosition = new Map<string, Feature<Point>>();
  const weak = new Set<Feature<Point>>();
  const markerOf = new Map<string, string>();
  const nameIt = (feature: Feature<Point>, name: string) => {
    const text = describe(name);
    Object.assign(feature.properties!, {
      name,
      ...(lang === 'zh' ? { name_zh: name } : {}),
      description: text.en,
      description_zh: text.zh,
    });
  };
  for (const m of inputs) {
    const key = `${m.lngLat[0].toFixed(6)},${m.lngLat[1].toFixed(6)}`;
    let feature = byPosition.get(key);
    if (feature && weak.has(feature) && !m.weakName) {
      nameIt(feature, m.name);
      weak.delete(feature);
    }
    if (!feature) {
      const text = describe(m.name);
      feature = {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [m.lngLat[0], m.lngLat[1]] },
        properties: {
          id: `${m.stepId}-place`,
          name: m.name,
          ...(lang === 'zh' ? { name_zh: m.name } : {}),
          kind: 'story-place',
          description: text.en,
          description_zh: text.zh,
          source: m.source,
          precision_m: precisionAtZoom(m.lngLat[1], m.zoom),
        },
      };
      byPosition.set(key, feature);
      if (m.weakName) weak.add(feature);
    }
    markerOf.set(m.stepId, feature.properties!.id as string);
  }
  return { places: { type: 'FeatureCollection', features: [...byPosition.values()] }, markerOf };
}

/** A CSS colour as `#rrggbb` for the manifest, or undefined when it is not one we can read. */
export function hexColor(css: unknown): string | undefined {
  if (typeof css !== 'string') return undefined;
  const c = css.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(c)) return c;
  if (/^#[0-9a-f]{3}$/.test(c)) return `#${[...c.slice(1)].map((d) => d + d).join('')}`;
  const rgb = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*[\d.]+\s*)?\)$/.exec(
    c,
  );
  if (rgb) {
    const parts = rgb.slice(1, 4).map(Number);
    if (parts.every((n) => n <= 255))
      return `#${parts.map((n) => n.toString(16).padStart(2, '0')).join('')}`;
  }
  const named: Record<string, string> = {
    red: '#ff0000',
    blue: '#0000ff',
    green: '#008000',
    black: '#000000',
    white: '#ffffff',
    orange: '#ffa500',
    purple: '#800080',
    yellow: '#ffff00',
    gray: '#808080',
    grey: '#808080',
  };
  return named[c];
}

export const text = (lang: Lang, value: string): Text => ({ [lang]: value });

/** Texts the importer writes itself, in the story's language. */
export const PLACEHOLDER = {
  body: {
    en: 'No text in the original: this step shows the map view.',
    zh: '原文此处没有文字，本步骤只显示地图。',
  },
  placesTitle: { en: 'Places', zh: '地点' },
  placesLegend: { en: 'Places in the story', zh: '故事中的地点' },
} as const;
