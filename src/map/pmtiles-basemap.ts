// A PMTiles archive as the basemap: checks the archive before the map ever asks it for a tile
// (a truncated or foreign file gives one clear reason, not a storm of tile errors), then
// registers it with the `pmtiles://` protocol and describes it for our own style
// (protomaps-style.ts). Tiles come over HTTP range requests from wherever the archive is
// served; the default is beside the app, so no request leaves the origin.
//
// basemap.ts loads this module with import() only when an archive is the basemap, so the
// pmtiles client and the archive style cost the default app nothing.
import { addProtocol, type Map as MapLibreMap } from 'maplibre-gl';
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { PMTiles, Protocol, TileType, Compression, bytesToHeader, type Header } from 'pmtiles';
import type { BasemapLang, FontFacesJson } from './basemap-style';
import { startsLikePmtiles } from './basemap';
import {
  PROTOMAPS_LABEL_LAYER_IDS,
  PROTOMAPS_SOURCE_ID,
  archiveAttribution,
  buildProtomapsStyle,
  isProtomapsSchema,
  protomapsLabelText,
  vectorLayerIds,
  type ArchiveSourceInfo,
} from './protomaps-style';

/** Why an archive cannot be the basemap; basemap.ts turns these into sentences. */
export type ArchiveProblem =
  | { reason: 'missing'; status?: number }
  | { reason: 'http'; status: number }
  | { reason: 'unreachable'; detail: string }
  | { reason: 'no-range' }
  | { reason: 'truncated'; size: number; expected: number }
  | { reason: 'not-pmtiles' }
  | { reason: 'version'; version: number }
  | { reason: 'not-vector'; tileType: number }
  | { reason: 'compression'; compression: number }
  | { reason: 'metadata'; detail: string }
  | { reason: 'old-schema' }
  | { reason: 'no-protomaps-layers'; layers: string[] };

export class ArchiveError extends Error {
  constructor(readonly problem: ArchiveProblem) {
    super(`PMTiles archive: ${problem.reason}`);
    this.name = 'ArchiveError';
  }
}

/** The PMTiles client reads the header and root directory in one request of this size. */
export const FIRST_READ_BYTES = 16384;
const HEADER_BYTES = 127;
const MAGIC = 'PMTiles';

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

/**
 * Checks the first bytes of an archive (at most FIRST_READ_BYTES) against the PMTiles v3 layout
 * and returns its header. `totalSize` is the whole file's length when the server said it; an
 * archive shorter than its header's sections is truncated.
 */
export function inspectArchiveStart(bytes: Uint8Array, totalSize: number | undefined): Header {
  // fewer bytes than asked for: the file ended there, whatever the server said of its size
  const size = totalSize ?? (bytes.length < FIRST_READ_BYTES ? bytes.length : undefined);
  if (bytes.length < MAGIC.length + 1 || ascii(bytes, 0, MAGIC.length) !== MAGIC) {
    // Versions 1 and 2 began with "PM" and a little-endian uint16 version
    if (startsLikePmtiles(bytes) && bytes.length >= 4 && bytes[2]! + (bytes[3]! << 8) < 3) {
      throw new ArchiveError({ reason: 'version', version: bytes[2]! + (bytes[3]! << 8) });
    }
    if (MAGIC.startsWith(ascii(bytes, 0, Math.min(bytes.length, MAGIC.length))))
      throw new ArchiveError({ reason: 'truncated', size: bytes.length, expected: HEADER_BYTES });
    throw new ArchiveError({ reason: 'not-pmtiles' });
  }
  const version = bytes[MAGIC.length]!;
  if (version !== 3) throw new ArchiveError({ reason: 'version', version });
  if (bytes.length < HEADER_BYTES)
    throw new ArchiveError({ reason: 'truncated', size: bytes.length, expected: HEADER_BYTES });
  const header = bytesToHeader(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + HEADER_BYTES) as ArrayBuffer,
  );
  if (header.tileType !== TileType.Mvt)
    throw new ArchiveError({ reason: 'not-vector', tileType: header.tileType });
  // The browser's DecompressionStream speaks gzip only
  for (const compression of [header.tileCompression, header.internalCompression]) {
    if (![Compression.Unknown, Compression.None, Compression.Gzip].includes(compression))
      throw new ArchiveError({ reason: 'compression', compression });
  }
  const expected = Math.max(
    header.rootDirectoryOffset + header.rootDirectoryLength,
    header.jsonMetadataOffset + header.jsonMetadataLength,
    header.leafDirectoryOffset + (header.leafDirectoryLength ?? 0),
    header.tileDataOffset + (header.tileDataLength ?? 0),
  );
  const rootEnd = header.rootDirectoryOffset + header.rootDirectoryLength;
  if ((size !== undefined && size < expected) || Math.min(size ?? Infinity, bytes.length) < rootEnd)
    throw new ArchiveError({ reason: 'truncated', size: size ?? bytes.length, expected });
  return header;
}

/** Reads at most `limit` bytes of a response body, then lets the rest go. */
async function readUpTo(res: Response, limit: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(await res.arrayBuffer()).subarray(0, limit);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  while (length < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  if (length >= limit) await reader.cancel().catch(() => undefined);
  const out = new Uint8Array(Math.min(length, limit));
  let at = 0;
  for (const c of chunks) {
    out.set(c.subarray(0, out.length - at), at);
    at += Math.min(c.length, out.length - at);
    if (at >= out.length) break;
  }
  return out;
}

/** The first FIRST_READ_BYTES of the archive by a range request, and the file's size. */
export async function readArchiveStart(
  url: string,
): Promise<{ bytes: Uint8Array; totalSize: number | undefined }> {
  const get = async (last: number) => {
    try {
      return await fetch(url, { headers: { Range: `bytes=0-${last}` } });
    } catch (err) {
      throw new ArchiveError({ reason: 'unreachable', detail: (err as Error).message });
    }
  };
  let res = await get(FIRST_READ_BYTES - 1);
  if (res.status === 416) {
    // some hosts refuse a range that runs past the end of a small file, and say its size
    const size = Number(/^bytes \*\/(\d+)/.exec(res.headers.get('Content-Range') ?? '')?.[1] ?? 0);
    if (!size) throw new ArchiveError({ reason: 'truncated', size: 0, expected: 127 });
    res = await get(size - 1);
  }
  if (res.status === 404 || res.status === 410)
    throw new ArchiveError({ reason: 'missing', status: res.status });
  if (!res.ok) throw new ArchiveError({ reason: 'http', status: res.status });
  // single-page hosts (vite preview among them) answer unknown paths with the app's page
  if ((res.headers.get('Content-Type') ?? '').includes('text/html')) {
    await res.body?.cancel().catch(() => undefined);
    throw new ArchiveError({ reason: 'missing' });
  }
  if (res.status === 206) {
    const total = /\/(\d+)\s*$/.exec(res.headers.get('Content-Range') ?? '')?.[1];
    return {
      bytes: await readUpTo(res, FIRST_READ_BYTES),
      totalSize: total ? Number(total) : undefined,
    };
  }
  // 200: some hosts send exactly the bytes asked for with a 200; any other length is the whole
  // file, and the client's later range requests (metadata, every tile) would fail one by one.
  const bytes = await readUpTo(res, FIRST_READ_BYTES + 1);
  if (bytes.length !== FIRST_READ_BYTES) throw new ArchiveError({ reason: 'no-range' });
  return { bytes, totalSize: undefined };
}

let protocol: Protocol | undefined;

/** The one `pmtiles://` protocol of the page, registered with MapLibre on first use. */
export function pmtilesProtocol(): Protocol {
  if (!protocol) {
    protocol = new Protocol();
    addProtocol('pmtiles', protocol.tile);
  }
  return protocol;
}

export interface LoadedArchive extends ArchiveSourceInfo {
  header: Header;
  layers: string[];
}

/**
 * Checks the archive at `url` (absolute) and registers it for the `pmtiles://` protocol.
 * Throws an ArchiveError naming the reason when it cannot be the basemap.
 */
export async function loadPmtilesArchive(url: string): Promise<LoadedArchive> {
  const { bytes, totalSize } = await readArchiveStart(url);
  const header = inspectArchiveStart(bytes, totalSize);
  const archive = new PMTiles(url);
  let metadata: unknown;
  try {
    metadata = await archive.getMetadata();
  } catch (err) {
    const detail = (err as Error).message;
    // the client's own words for a host that ignores ranges past the first request
    if (/byte serving/i.test(detail)) throw new ArchiveError({ reason: 'no-range' });
    throw new ArchiveError({ reason: 'metadata', detail });
  }
  const layers = vectorLayerIds(metadata);
  // Protomaps v2 archives name their fields pmap:kind, which this style does not read
  if (JSON.stringify(metadata).includes('"pmap:kind"'))
    throw new ArchiveError({ reason: 'old-schema' });
  const protomaps = isProtomapsSchema(layers);
  if (!protomaps) throw new ArchiveError({ reason: 'no-protomaps-layers', layers });
  pmtilesProtocol().add(archive);
  return {
    url,
    header,
    layers,
    minZoom: header.minZoom,
    maxZoom: header.maxZoom,
    bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
    attribution: archiveAttribution(metadata, protomaps),
  };
}

/** Checks and registers the archive at `url` (absolute) and builds our style for it. */
export async function loadPmtilesBasemap(
  url: string,
  opts: { baseUrl: string; lang: BasemapLang; fontFaces: Promise<FontFacesJson> },
): Promise<StyleSpecification> {
  const archive = await loadPmtilesArchive(url);
  return buildProtomapsStyle({ ...opts, fontFaces: await opts.fontFaces, archive });
}

/** Switches the archive style's labels to `lang`; a map without them is left alone. */
export function setArchiveLanguage(map: MapLibreMap, lang: BasemapLang) {
  for (const id of PROTOMAPS_LABEL_LAYER_IDS) {
    if (map.getLayer(id)?.source === PROTOMAPS_SOURCE_ID)
      map.setLayoutProperty(id, 'text-field', protomapsLabelText(lang));
  }
}
