// The test archive the suite writes reads back with the pmtiles package; the archive check
// explains every broken archive by its reason; loadBasemap picks the kind of basemap and
// always comes back with a style. Fetch is a small in-memory static host with range requests.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PMTiles, TileType, type Source } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import {
  TEST_CITY,
  testCityLayers,
  writePmtiles,
  writeTestCityArchive,
} from '../support/write-pmtiles';
import {
  ArchiveError,
  FIRST_READ_BYTES,
  inspectArchiveStart,
  loadPmtilesArchive,
  pmtilesProtocol,
  type ArchiveProblem,
} from '../../src/map/pmtiles-basemap';
import {
  basemapWarning,
  isPmtilesUrl,
  loadBasemap,
  setBasemapLanguage,
} from '../../src/map/basemap';
import {
  OSM_ATTRIBUTION,
  PROTOMAPS_SOURCE_ID,
  attributionText,
} from '../../src/map/protomaps-style';

const ORIGIN = 'http://test.local';
const BASE = `${ORIGIN}/app/`;
const city = writeTestCityArchive();
const fontFaces = readFileSync(
  fileURLToPath(new URL('../../public/fonts/font-faces.json', import.meta.url)),
);

function memorySource(bytes: Uint8Array): Source {
  return {
    getKey: () => 'memory',
    getBytes: async (offset, length) => ({
      data: Uint8Array.from(bytes.subarray(offset, offset + length)).buffer,
    }),
  };
}

/** z/x/y of the tile holding a point. */
function tileAt([lng, lat]: [number, number], z: number): [number, number, number] {
  const r = (lat * Math.PI) / 180;
  return [
    z,
    Math.floor(((lng + 180) / 360) * 2 ** z),
    Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z),
  ];
}

interface Served {
  body: Uint8Array | string;
  type?: string;
  status?: number;
  /** false: answer every request with the whole file, as a host without byte serving does */
  ranges?: boolean;
  /** true: refuse (416) a range running past the end, as some hosts do */
  strict?: boolean;
}

/** A static host for fetch: paths under ORIGIN, with Range support like sirv or nginx. */
function serve(files: Record<string, Served>) {
  const requests: string[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    requests.push(url.href);
    const file = url.origin === ORIGIN ? files[url.pathname] : undefined;
    if (!file) return new Response('not found', { status: 404 });
    const body = typeof file.body === 'string' ? new TextEncoder().encode(file.body) : file.body;
    const type = file.type ?? 'application/octet-stream';
    if (file.status) return new Response(body as BodyInit, { status: file.status });
    const range = new Headers(init?.headers).get('range');
    const m = range && file.ranges !== false ? /bytes=(\d+)-(\d+)/.exec(range) : null;
    if (!m) return new Response(body as BodyInit, { headers: { 'Content-Type': type } });
    const start = Number(m[1]);
    if (start >= body.length || (file.strict && Number(m[2]) >= body.length))
      return new Response(null, {
        status: 416,
        headers: { 'Content-Range': `bytes */${body.length}` },
      });
    const end = Math.min(Number(m[2]), body.length - 1);
    return new Response(body.slice(start, end + 1) as BodyInit, {
      status: 206,
      headers: { 'Content-Type': type, 'Content-Range': `bytes ${start}-${end}/${body.length}` },
    });
  });
  vi.stubGlobal('fetch', fetchStub);
  return requests;
}

async function problemOf(path: string): Promise<ArchiveProblem> {
  try {
    await loadPmtilesArchive(`${ORIGIN}${path}`);
  } catch (err) {
    if (err instanceof ArchiveError) return err.problem;
    throw err;
  }
  throw new Error(`${path} was accepted`);
}

/** The city archive with one header byte changed. */
function patched(offset: number, value: number): Uint8Array {
  const copy = Uint8Array.from(city);
  copy[offset] = value;
  return copy;
}

beforeEach(() => vi.unstubAllGlobals());
afterEach(() => vi.unstubAllGlobals());

describe('the test archive (tests/support/write-pmtiles.ts)', () => {
  it('reads back with the pmtiles package: header, metadata and a decodable street tile', async () => {
    const archive = new PMTiles(memorySource(city));
    const header = await archive.getHeader();
    expect(header).toMatchObject({
      specVersion: 3,
      tileType: TileType.Mvt,
      minZoom: 0,
      maxZoom: 14,
    });
    expect(header.minLon).toBeLessThanOrEqual(TEST_CITY.west);
    expect(header.maxLat).toBeGreaterThanOrEqual(TEST_CITY.north);
    expect(header.numAddressedTiles).toBeGreaterThan(15);
    const metadata = (await archive.getMetadata()) as {
      vector_layers: { id: string }[];
      attribution: string;
    };
    expect(metadata.vector_layers.map((l) => l.id)).toEqual(Object.keys(testCityLayers()));
    expect(metadata.attribution).toBe(TEST_CITY.attribution);

    const tile = await archive.getZxy(...tileAt(TEST_CITY.center, 14));
    expect(tile).toBeDefined();
    const vt = new VectorTile(new PbfReader(new Uint8Array(tile!.data)));
    expect(Object.keys(vt.layers)).toEqual(expect.arrayContaining(['roads', 'places', 'earth']));
    const roads = Array.from({ length: vt.layers.roads!.length }, (_, i) =>
      vt.layers.roads!.feature(i),
    );
    expect(roads.map((f) => f.properties.kind)).toEqual(
      expect.arrayContaining(['major_road', 'minor_road']),
    );
    expect(roads.every((f) => f.type === 2 && typeof f.properties.name === 'string')).toBe(true);
    const place = vt.layers.places!.feature(0).properties;
    expect(typeof place['name:zh']).toBe('string');
    // every zoom from 0 to 14 has the city
    for (let z = 0; z <= 14; z++)
      expect(await archive.getZxy(...tileAt(TEST_CITY.center, z)), `z${z}`).toBeDefined();
  });
});

describe('checking an archive before the map uses it', () => {
  it('accepts the city: zooms, bounds, layers, sanitised attribution, protocol registered', async () => {
    const requests = serve({ '/city.pmtiles': { body: city } });
    const loaded = await loadPmtilesArchive(`${ORIGIN}/city.pmtiles`);
    expect(loaded).toMatchObject({ minZoom: 0, maxZoom: 14 });
    expect(loaded.bounds[0]).toBeLessThanOrEqual(TEST_CITY.west);
    expect(loaded.layers).toContain('roads');
    expect(loaded.attribution).toContain(
      '<a href="https://example.org/test-city" target="_blank" rel="noopener noreferrer">Test city</a>',
    );
    expect(loaded.attribution).not.toContain('<b>');
    expect(attributionText(loaded.attribution)).toBe('Test city (fictional data) © tests');
    expect(pmtilesProtocol().get(`${ORIGIN}/city.pmtiles`)).toBeDefined();
    expect(requests.every((r) => r.startsWith(ORIGIN))).toBe(true);
  });

  it('credits OpenStreetMap for Protomaps layers without an attribution', async () => {
    const bare = writePmtiles({ layers: testCityLayers(), minZoom: 10, maxZoom: 12 });
    serve({ '/bare.pmtiles': { body: bare } });
    expect((await loadPmtilesArchive(`${ORIGIN}/bare.pmtiles`)).attribution).toBe(OSM_ATTRIBUTION);
  });

  it.each<[string, Served, Partial<ArchiveProblem>]>([
    ['missing', { body: '', status: 404 }, { reason: 'missing', status: 404 }],
    [
      'a web page instead',
      { body: '<!doctype html><title>App</title>', type: 'text/html' },
      { reason: 'missing' },
    ],
    ['a server error', { body: 'oops', status: 500 }, { reason: 'http', status: 500 }],
    [
      'truncated',
      { body: city.slice(0, Math.floor(city.length * 0.6)) },
      { reason: 'truncated', size: Math.floor(city.length * 0.6), expected: city.length },
    ],
    [
      'cut inside the header',
      { body: city.slice(0, 60) },
      { reason: 'truncated', size: 60, expected: 127 },
    ],
    ['empty', { body: new Uint8Array(0) }, { reason: 'truncated', size: 0 }],
    [
      'GeoJSON renamed',
      { body: '{"type":"FeatureCollection","features":[]}' },
      { reason: 'not-pmtiles' },
    ],
    [
      'a PNG',
      {
        body: Uint8Array.from([
          0x89,
          0x50,
          0x4e,
          0x47,
          0x0d,
          0x0a,
          0x1a,
          0x0a,
          ...new Array(200).fill(0),
        ]),
      },
      { reason: 'not-pmtiles' },
    ],
    [
      'version 2',
      { body: Uint8Array.from([0x50, 0x4d, 2, 0, ...new Array(600).fill(0)]) },
      { reason: 'version', version: 2 },
    ],
    ['version 4', { body: patched(7, 4) }, { reason: 'version', version: 4 }],
    [
      'raster tiles',
      { body: patched(99, TileType.Png) },
      { reason: 'not-vector', tileType: TileType.Png },
    ],
    ['brotli tiles', { body: patched(98, 3) }, { reason: 'compression', compression: 3 }],
    [
      'a host without range requests',
      { body: new Uint8Array(FIRST_READ_BYTES * 2), ranges: false },
      { reason: 'no-range' },
    ],
  ])('explains an archive that is %s', async (_, file, expected) => {
    serve({ '/broken.pmtiles': file });
    expect(await problemOf('/broken.pmtiles')).toMatchObject(expected);
  });

  it('reads a small archive from a host that refuses ranges past the end of the file', async () => {
    serve({ '/city.pmtiles': { body: city, strict: true } });
    await expect(loadPmtilesArchive(`${ORIGIN}/city.pmtiles`)).resolves.toMatchObject({
      maxZoom: 14,
    });
  });

  it('refuses even a small archive from a host without range requests: every tile would fail', async () => {
    serve({ '/city.pmtiles': { body: city, ranges: false } });
    expect(await problemOf('/city.pmtiles')).toEqual({ reason: 'no-range' });
  });

  it('refuses tilesets of another schema and the old Protomaps one', async () => {
    const other = writePmtiles({
      layers: { transportation: testCityLayers().roads!, place: testCityLayers().places! },
      minZoom: 12,
      maxZoom: 12,
    });
    serve({ '/omt.pmtiles': { body: other } });
    expect(await problemOf('/omt.pmtiles')).toEqual({
      reason: 'no-protomaps-layers',
      layers: ['transportation', 'place'],
    });
    const v2schema = writePmtiles({
      layers: testCityLayers(),
      minZoom: 12,
      maxZoom: 12,
      metadata: {
        vector_layers: [
          { id: 'roads', fields: { 'pmap:kind': 'String' } },
          { id: 'places', fields: {} },
        ],
      },
    });
    serve({ '/old.pmtiles': { body: v2schema } });
    expect(await problemOf('/old.pmtiles')).toEqual({ reason: 'old-schema' });
  });

  it('reads the header from the first bytes alone', () => {
    expect(inspectArchiveStart(city.subarray(0, FIRST_READ_BYTES), city.length).maxZoom).toBe(14);
    expect(() => inspectArchiveStart(city.subarray(0, FIRST_READ_BYTES), undefined)).not.toThrow();
    expect(() => inspectArchiveStart(city.subarray(0, 200), 200)).toThrow(ArchiveError);
  });
});

describe('loadBasemap', () => {
  const style = JSON.stringify({
    version: 8,
    sources: {},
    layers: [{ id: 'bg', type: 'background' }],
  });
  const host = (extra: Record<string, Served> = {}) =>
    serve({
      '/app/fonts/font-faces.json': { body: fontFaces, type: 'application/json' },
      ...extra,
    });

  it('gives the embedded basemap when none is set', async () => {
    host();
    const loaded = await loadBasemap({ baseUrl: BASE, lang: 'en' });
    expect(loaded.kind).toBe('embedded');
    expect(loaded.warnings).toEqual([]);
    expect(Object.keys(loaded.style.sources)).toContain('basemap-world');
  });

  it('draws a .pmtiles archive with our style, resolved against the app', async () => {
    const requests = host({ '/app/maps/city.pmtiles': { body: city } });
    const loaded = await loadBasemap({
      basemapUrl: 'maps/city.pmtiles',
      baseUrl: BASE,
      lang: 'zh',
    });
    expect(loaded.warnings).toEqual([]);
    expect(loaded.kind).toBe('pmtiles');
    const source = loaded.style.sources[PROTOMAPS_SOURCE_ID];
    expect(source?.type === 'vector' && source.tiles).toEqual([
      `pmtiles://${BASE}maps/city.pmtiles/{z}/{x}/{y}`,
    ]);
    expect(loaded.style['font-faces']).toBeDefined();
    expect(requests.every((r) => r.startsWith(BASE))).toBe(true);
  });

  it('recognises an archive by its first bytes when the name does not say so', async () => {
    host({ '/app/basemap': { body: city } });
    expect((await loadBasemap({ basemapUrl: 'basemap', baseUrl: BASE, lang: 'en' })).kind).toBe(
      'pmtiles',
    );
  });

  it('passes an online style through as it is, without our fonts', async () => {
    const requests = host({ '/style.json': { body: style, type: 'application/json' } });
    const loaded = await loadBasemap({
      basemapUrl: `${ORIGIN}/style.json`,
      baseUrl: BASE,
      lang: 'en',
    });
    expect(loaded).toMatchObject({ kind: 'style', warnings: [] });
    expect(loaded.style.layers).toHaveLength(1);
    expect(requests.some((r) => r.includes('font-faces'))).toBe(false);
  });

  it.each([
    [
      'fixtures/broken.pmtiles',
      { '/app/fixtures/broken.pmtiles': { body: city.slice(0, 9000) } },
      'the archive is truncated: 9000 of',
    ],
    [
      'fixtures/fake.pmtiles',
      { '/app/fixtures/fake.pmtiles': { body: 'hello' } },
      'not a PMTiles archive',
    ],
    ['fixtures/gone.pmtiles', {}, 'not found (HTTP 404)'],
    ['style.json', { '/app/style.json': { body: '{"version": 7}' } }, 'not a MapLibre style'],
    ['page.json', { '/app/page.json': { body: '<html>' } }, 'not a MapLibre style (not JSON)'],
    [
      'typo.json',
      { '/app/typo.json': { body: '<!doctype html>', type: 'text/html' } },
      'not found (the server answered with a web page)',
    ],
  ])(
    'falls back to the embedded basemap for %s, naming it and the reason',
    async (file, files, reason) => {
      host(files as Record<string, Served>);
      const loaded = await loadBasemap({ basemapUrl: file, baseUrl: BASE, lang: 'en' });
      expect(loaded.kind).toBe('embedded');
      expect(loaded.warnings).toHaveLength(1);
      expect(loaded.warnings[0]).toContain(`Basemap ${file}: ${reason}`);
      expect(loaded.warnings[0]).toMatch(/Showing the embedded basemap\.$/);
    },
  );

  it('says it in Chinese for a Chinese reader', async () => {
    host();
    const loaded = await loadBasemap({ basemapUrl: 'gone.pmtiles', baseUrl: BASE, lang: 'zh' });
    expect(loaded.warnings).toEqual([
      '底图 gone.pmtiles：找不到文件（HTTP 404）。已改用内置底图。',
    ]);
    expect(basemapWarning('a.pmtiles', { reason: 'version', version: 2 }, 'zh')).toContain(
      '第 2 版',
    );
  });

  it('still draws when the font list is missing, and says so', async () => {
    serve({});
    const loaded = await loadBasemap({ baseUrl: BASE, lang: 'en' });
    expect(loaded.kind).toBe('embedded');
    expect(loaded.style['font-faces']).toBeUndefined();
    expect(loaded.warnings).toEqual([
      'fonts/font-faces.json could not be loaded (HTTP 404); map labels use the system fonts.',
    ]);
  });

  it('switches the labels of our own basemaps, and leaves an online style’s alone', async () => {
    host({ '/app/city.pmtiles': { body: city } });
    await loadBasemap({ basemapUrl: 'city.pmtiles', baseUrl: BASE, lang: 'en' });
    const set: string[] = [];
    const fakeMap = (sources: Record<string, string>) =>
      ({
        getLayer: (id: string) => (sources[id] ? { source: sources[id] } : undefined),
        setLayoutProperty: (id: string, _: string, value: unknown) =>
          set.push(`${id}=${JSON.stringify(value)}`),
      }) as unknown as Parameters<typeof setBasemapLanguage>[0];
    setBasemapLanguage(
      fakeMap({ 'pm-road-label': PROTOMAPS_SOURCE_ID, 'basemap-country-label': 'basemap-world' }),
      'zh',
    );
    expect(set).toHaveLength(2);
    expect(set.find((s) => s.startsWith('pm-road-label'))).toContain('name:zh');
    expect(set.find((s) => s.startsWith('basemap-country-label'))).toContain('name_zh');
    set.length = 0;
    // an online style that happens to use the same layer ids, on its own sources
    setBasemapLanguage(
      fakeMap({ 'pm-road-label': 'openmaptiles', 'basemap-country-label': 'openmaptiles' }),
      'zh',
    );
    expect(set).toEqual([]);
  });

  it('knows an archive URL by its path', () => {
    expect(isPmtilesUrl('city.pmtiles')).toBe(true);
    expect(isPmtilesUrl('https://x.example/a/City.PMTiles?v=2#z')).toBe(true);
    expect(isPmtilesUrl('pmtiles://https://x.example/a')).toBe(true);
    expect(isPmtilesUrl('https://x.example/style.json?f=.pmtiles')).toBe(false);
  });
});
