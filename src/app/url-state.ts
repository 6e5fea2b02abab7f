// The URL is the deep link: it always says where the reader is. Pure parse/format helpers.
import { LANGUAGES, type Lang } from '../story/schema';
import { MODES, type Mode } from './app-state';

export interface UrlState {
  mode?: Mode;
  step?: string;
  lang?: Lang;
  story?: string;
  basemap?: string;
  /** Explore mode: the year shown, visible layers and camera. */
  year?: number;
  layers?: string[];
  camera?: { center: [number, number]; zoom: number; bearing: number; pitch: number };
  /** Kiosk tuning, in seconds. */
  idle?: number;
  dwell?: number;
  countdown?: number;
  /** Kiosk: show the technician's status panel (`?status`). Read only: the URL keeps it. */
  status?: boolean;
  /** The dev server's authoring panel (`?studio`); ignored by a production build. */
  studio?: boolean;
  /** Kiosk: the public address a QR code sends phones to (`?handoff=`). */
  handoff?: string;
}

const isMode = (v: string | null): v is Mode => MODES.includes(v as Mode);
const isLang = (v: string | null): v is Lang => LANGUAGES.includes(v as Lang);

function positiveNumber(v: string | null): number | undefined {
  if (v === null || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** Reads `?mode&step&lang&story&basemap&year&layers&camera&idle&dwell`, ignoring bad values. */
export function parseUrlState(search: string): UrlState {
  const q = new URLSearchParams(search);
  const state: UrlState = {};
  const mode = q.get('mode');
  if (isMode(mode)) state.mode = mode;
  const lang = q.get('lang');
  if (isLang(lang)) state.lang = lang;
  const step = q.get('step');
  if (step) state.step = step;
  const story = q.get('story');
  if (story) state.story = story;
  const basemap = q.get('basemap');
  if (basemap) state.basemap = basemap;
  const year = Number(q.get('year'));
  if (q.has('year') && Number.isInteger(year)) state.year = year;
  if (q.has('layers')) state.layers = (q.get('layers') ?? '').split(',').filter(Boolean);
  const camera = parseCamera(q.get('camera'));
  if (camera) state.camera = camera;
  const idle = positiveNumber(q.get('idle'));
  if (idle !== undefined) state.idle = idle;
  const dwell = positiveNumber(q.get('dwell'));
  if (dwell !== undefined) state.dwell = dwell;
  const countdown = positiveNumber(q.get('countdown'));
  if (countdown !== undefined) state.countdown = countdown;
  if (q.has('status') && !['0', 'false'].includes(q.get('status') ?? '')) state.status = true;
  if (q.has('studio') && !['0', 'false'].includes(q.get('studio') ?? '')) state.studio = true;
  const handoff = q.get('handoff');
  if (handoff) state.handoff = handoff;
  return state;
}

/** `lng,lat,zoom[,bearing,pitch]` */
export function parseCamera(value: string | null): UrlState['camera'] {
  if (!value) return undefined;
  const [lng, lat, zoom, bearing = 0, pitch = 0] = value.split(',').map(Number);
  if ([lng, lat, zoom, bearing, pitch].some((n) => n === undefined || !Number.isFinite(n)))
    return undefined;
  if (Math.abs(lat!) > 90 || zoom! < 0 || zoom! > 24) return undefined;
  return { center: [lng!, lat!], zoom: zoom!, bearing, pitch };
}

export function formatCamera(c: NonNullable<UrlState['camera']>): string {
  const parts = [c.center[0].toFixed(5), c.center[1].toFixed(5), c.zoom.toFixed(2)];
  if (c.bearing || c.pitch) parts.push(c.bearing.toFixed(1), c.pitch.toFixed(1));
  return parts.join(',');
}

/**
 * Writes the state into `search`, keeping parameters this module does not own (an
 * embedder's own, kiosk tuning). Keys set to undefined are removed.
 */
export function formatUrlState(search: string, state: UrlState): string {
  const q = new URLSearchParams(search);
  const set = (key: string, value: string | undefined) => {
    if (value === undefined || value === '') q.delete(key);
    else q.set(key, value);
  };
  set('mode', state.mode);
  set('step', state.step);
  set('lang', state.lang);
  set('story', state.story);
  set('basemap', state.basemap);
  set('year', state.year?.toString());
  set('layers', state.layers?.join(','));
  set('camera', state.camera ? formatCamera(state.camera) : undefined);
  if (state.idle !== undefined) set('idle', String(state.idle));
  if (state.dwell !== undefined) set('dwell', String(state.dwell));
  const out = q.toString().replace(/%2C/gi, ',');
  return out ? `?${out}` : '';
}
