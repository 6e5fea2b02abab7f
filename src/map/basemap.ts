// The basemap under the story: the embedded one (GeoJSON and fonts shipped with the app), a
// local PMTiles archive of the Protomaps basemap drawn with our own style, or an online
// MapLibre style a user configured. Anything that fails falls back to the embedded basemap
// with one warning that names the file and the reason.
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import {
  BASEMAP_DEFERRED_DATA_KEY,
  BASEMAP_FONT_FACES_FILE,
  BASEMAP_LABEL_LAYER_IDS,
  buildBasemapStyle,
  labelTextField,
  resolveUrl,
  type DeferredData,
  type FontFacesJson,
} from './basemap-style';
import { decodeFontFaces } from './compact-font-faces';
import type { ArchiveProblem } from './pmtiles-basemap';
import type { Lang } from './layer-styles';

export type BasemapKind = 'embedded' | 'style' | 'pmtiles';

export interface LoadedBasemap {
  style: StyleSpecification;
  /** Problems to show the reader (already in `lang`); the map still works. */
  warnings: string[];
  kind: BasemapKind;
}

/** Why a basemap could not be used: an archive's problem, or a style file's. */
export type BasemapProblem = ArchiveProblem | { reason: 'not-json' } | { reason: 'not-style' };

/** The archive code, loaded on first use: most pages never need it. */
type ArchiveModule = typeof import('./pmtiles-basemap');
let archiveModule: ArchiveModule | undefined;
async function archiveCode(): Promise<ArchiveModule> {
  return (archiveModule ??= await import('./pmtiles-basemap'));
}

/** True when the bytes begin like a PMTiles archive of any version ("PM"). */
export function startsLikePmtiles(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4d;
}

class StyleError extends Error {
  constructor(readonly problem: BasemapProblem) {
    super(`basemap: ${problem.reason}`);
  }
}

const MESSAGES = {
  en: {
    problem: (p: BasemapProblem): string => {
      switch (p.reason) {
        case 'missing':
          return p.status
            ? `not found (HTTP ${p.status})`
            : 'not found (the server answered with a web page)';
        case 'http':
          return `the server answered HTTP ${p.status}`;
        case 'unreachable':
          return `could not be loaded (${p.detail})`;
        case 'no-range':
          return 'the server does not answer HTTP range requests, which a PMTiles archive needs';
        case 'truncated':
          return `the archive is truncated: ${p.size} of ${p.expected} bytes`;
        case 'not-pmtiles':
          return 'not a PMTiles archive';
        case 'version':
          return `a PMTiles version ${p.version} archive; this app reads version 3 (convert it with "pmtiles convert")`;
        case 'not-vector':
          return 'it holds raster tiles, not the vector tiles of the Protomaps basemap';
        case 'compression':
          return 'its tiles are compressed with a method browsers cannot read (use gzip)';
        case 'metadata':
          return `its metadata could not be read (${p.detail})`;
        case 'old-schema':
          return 'it uses the older Protomaps schema (pmap:kind); cut a new extract from a current build';
        case 'no-protomaps-layers':
          return `it has no vector layers of the Protomaps basemap schema (found: ${p.layers.join(', ') || 'none'})`;
        case 'not-json':
          return 'not a MapLibre style (not JSON)';
        case 'not-style':
          return 'not a MapLibre style (version 8, with sources and layers)';
      }
    },
    fallback: (file: string, why: string) =>
      `Basemap ${file}: ${why}. Showing the embedded basemap.`,
    fonts: (file: string, why: string) =>
      `${file} could not be loaded (${why}); map labels use the system fonts.`,
  },
  zh: {
    problem: (p: BasemapProblem): string => {
      switch (p.reason) {
        case 'missing':
          return p.status ? `找不到文件（HTTP ${p.status}）` : '找不到文件（服务器返回的是网页）';
        case 'http':
          return `服务器返回 HTTP ${p.status}`;
        case 'unreachable':
          return `无法访问（${p.detail}）`;
        case 'no-range':
          return '服务器不支持 PMTiles 所需的 HTTP 范围请求';
        case 'truncated':
          return `归档文件不完整：只有 ${p.size} 字节，应为 ${p.expected} 字节`;
        case 'not-pmtiles':
          return '不是 PMTiles 归档文件';
        case 'version':
          return `这是第 ${p.version} 版 PMTiles 归档，本应用只读取第 3 版（可用 "pmtiles convert" 转换）`;
        case 'not-vector':
          return '其中是栅格瓦片，不是 Protomaps 底图的矢量瓦片';
        case 'compression':
          return '瓦片的压缩方式浏览器无法读取（请用 gzip）';
        case 'metadata':
          return `无法读取元数据（${p.detail}）`;
        case 'old-schema':
          return '使用的是旧版 Protomaps 结构（pmap:kind），请从新版构建重新截取';
        case 'no-protomaps-layers':
          return `没有 Protomaps 底图结构的矢量图层（找到的是：${p.layers.join(', ') || '无'}）`;
        case 'not-json':
          return '不是 MapLibre 样式（不是 JSON）';
        case 'not-style':
          return '不是 MapLibre 样式（需为第 8 版，含 sources 和 layers）';
      }
    },
    fallback: (file: string, why: string) => `底图 ${file}：${why}。已改用内置底图。`,
    fonts: (file: string, why: string) => `无法载入 ${file}（${why}），地图标注改用系统字体。`,
  },
} satisfies Record<Lang, unknown>;

/** The sentence a reader sees when `file` cannot be the basemap. */
export function basemapWarning(file: string, problem: BasemapProblem, lang: Lang): string {
  const m = MESSAGES[lang];
  return m.fallback(file, m.problem(problem));
}

/** A `.pmtiles` path, or a `pmtiles://` URL as MapLibre styles write them. */
export function isPmtilesUrl(url: string): boolean {
  if (url.startsWith('pmtiles://')) return true;
  const path = url.split(/[?#]/, 1)[0]!;
  return path.toLowerCase().endsWith('.pmtiles');
}

/** The archive's own URL, resolved against the app's base URL. */
function absoluteUrl(url: string, baseUrl: string): string {
  return resolveUrl(url.replace(/^pmtiles:\/\//, ''), baseUrl);
}

/** A style JSON's minimal shape; MapLibre validates the rest when it loads the style. */
export function isMapLibreStyle(value: unknown): value is StyleSpecification {
  if (!value || typeof value !== 'object') return false;
  const s = value as Partial<StyleSpecification>;
  return (
    s.version === 8 &&
    !!s.sources &&
    typeof s.sources === 'object' &&
    !Array.isArray(s.sources) &&
    Array.isArray(s.layers)
  );
}

/** The compact twin of font-faces.json (scripts/build-lazy-data.ts): a fifth of the bytes. */
export const COMPACT_FONT_FACES_FILE = BASEMAP_FONT_FACES_FILE.replace(/\.json$/, '.compact.json');

async function fetchJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  // single-page hosts answer unknown paths with the app's page
  if ((res.headers.get('Content-Type') ?? '').includes('text/html')) throw new Error('not found');
  return res.json();
}

async function loadFontFaces(baseUrl: string, lang: Lang, warnings: string[]) {
  try {
    return decodeFontFaces(await fetchJson(resolveUrl(COMPACT_FONT_FACES_FILE, baseUrl)));
  } catch {
    // a build without the compact file still has the full one
  }
  const url = resolveUrl(BASEMAP_FONT_FACES_FILE, baseUrl);
  try {
    return (await fetchJson(url)) as FontFacesJson;
  } catch (err) {
    // labels still draw, with the browser's fonts: worth a warning, not a blank map
    warnings.push(MESSAGES[lang].fonts(BASEMAP_FONT_FACES_FILE, (err as Error).message));
    return {};
  }
}

/** Fetches a style URL; a body that turns out to be a PMTiles archive is left unread. */
async function fetchStyleOrArchive(url: string): Promise<StyleSpecification | 'pmtiles'> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (err) {
    throw new StyleError({ reason: 'unreachable', detail: (err as Error).message });
  }
  if (res.status === 404 || res.status === 410)
    throw new StyleError({ reason: 'missing', status: res.status });
  if (!res.ok) throw new StyleError({ reason: 'http', status: res.status });
  // single-page hosts (vite preview among them) answer unknown paths with the app's page
  if ((res.headers.get('Content-Type') ?? '').includes('text/html'))
    throw new StyleError({ reason: 'missing' });
  const reader = res.body?.getReader();
  const chunks: Uint8Array[] = [];
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!chunks.length && startsLikePmtiles(value)) {
        await reader.cancel().catch(() => undefined);
        return 'pmtiles';
      }
      chunks.push(value);
    }
  }
  const text = new TextDecoder().decode(await new Blob(chunks as BlobPart[]).arrayBuffer());
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new StyleError({ reason: 'not-json' });
  }
  if (!isMapLibreStyle(json)) throw new StyleError({ reason: 'not-style' });
  return json;
}

/**
 * The basemap for `basemapUrl`: a `.pmtiles` archive (by its extension or its first bytes)
 * drawn with our style, an online MapLibre style as it is, or the embedded basemap when none
 * is set or the one set cannot be used. Never rejects for a bad basemap: the reason comes
 * back in `warnings`.
 */
export async function loadBasemap(opts: {
  basemapUrl?: string;
  baseUrl: string;
  lang: Lang;
}): Promise<LoadedBasemap> {
  const { basemapUrl, baseUrl, lang } = opts;
  const warnings: string[] = [];
  // our own styles need the font list; an online style brings its own fonts
  let fontList: Promise<FontFacesJson> | undefined;
  const fontFaces = () => (fontList ??= loadFontFaces(baseUrl, lang, warnings));
  if (basemapUrl) {
    try {
      const url = absoluteUrl(basemapUrl, baseUrl);
      if (isPmtilesUrl(basemapUrl)) void fontFaces(); // fetched while the archive is checked
      const fetched = isPmtilesUrl(basemapUrl) ? 'pmtiles' : await fetchStyleOrArchive(url);
      if (fetched !== 'pmtiles') return { style: fetched, warnings, kind: 'style' };
      const { loadPmtilesBasemap } = await archiveCode();
      const style = await loadPmtilesBasemap(url, { baseUrl, lang, fontFaces: fontFaces() });
      return { style, warnings, kind: 'pmtiles' };
    } catch (err) {
      // ArchiveError and StyleError say why; anything else is a failure to load at all
      const problem: BasemapProblem = (err as { problem?: BasemapProblem }).problem ?? {
        reason: 'unreachable',
        detail: (err as Error).message,
      };
      warnings.push(basemapWarning(basemapUrl, problem, lang));
    }
  }
  const style = buildBasemapStyle({
    baseUrl,
    lang,
    fontFaces: await fontFaces(),
    deferData: true,
  });
  return { style, warnings, kind: 'embedded' };
}

/** Deferred-data watchers by map, so wiring one twice does not fetch twice. */
const watchers = new WeakMap<MapLibreMap, () => void>();

/**
 * Gives the sources of a `deferData` style (see `deferredData` in basemap-style.ts) their
 * data when the camera first reaches the zooms that draw it: checked as the camera moves, so
 * a flight towards a city starts fetching on the way and the map's `idle` at arrival waits
 * for the data. With `placeholder` (the default), nothing is fetched for the camera the map
 * was made with until the camera first leaves it: the app shows that view only while the
 * story loads, and its first change of padding is a move that stays there. Returns the
 * function that removes the listeners; a style without deferred data costs nothing.
 */
export function loadDeferredData(
  map: MapLibreMap,
  { placeholder = true }: { placeholder?: boolean } = {},
): () => void {
  const existing = watchers.get(map);
  if (existing) return existing;
  const metadata = map.getStyle()?.metadata as Record<string, unknown> | undefined;
  const pending = new Map(
    Object.entries((metadata?.[BASEMAP_DEFERRED_DATA_KEY] ?? {}) as Record<string, DeferredData>),
  );
  if (!pending.size) return () => undefined;
  const start = { zoom: map.getZoom(), center: map.getCenter() };
  let moved = !placeholder;
  const check = () => {
    const zoom = map.getZoom();
    if (!moved) {
      const c = map.getCenter();
      // a change of padding "moves" the camera by rounding errors only
      const still = (a: number, b: number) => Math.abs(a - b) < 1e-6;
      if (
        still(zoom, start.zoom) &&
        still(c.lng, start.center.lng) &&
        still(c.lat, start.center.lat)
      )
        return;
      moved = true;
    }
    for (const [id, deferred] of pending) {
      if (zoom < deferred.minzoom || zoom >= deferred.maxzoom) continue;
      pending.delete(id);
      // a failure is the map's `error` event, which the map controller reports
      (map.getSource(id) as GeoJSONSource | undefined)
        ?.setData(deferred.url)
        .catch(() => undefined);
    }
    if (!pending.size) off();
  };
  const off = () => {
    map.off('move', check);
    map.off('moveend', check);
    map.off('remove', off);
  };
  map.on('move', check);
  map.on('moveend', check);
  map.once('remove', off);
  watchers.set(map, off);
  if (moved) check();
  return off;
}

/**
 * Switches our basemap labels (embedded or archive) to `lang`. An online style's labels are
 * its author's: they are left as they are.
 */
export function setBasemapLanguage(map: MapLibreMap, lang: Lang) {
  for (const id of BASEMAP_LABEL_LAYER_IDS) {
    if (map.getLayer(id)?.source?.startsWith('basemap-'))
      map.setLayoutProperty(id, 'text-field', labelTextField(lang));
  }
  // an archive style exists only once its code has loaded
  archiveModule?.setArchiveLanguage(map, lang);
}
