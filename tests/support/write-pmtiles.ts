// Writes small PMTiles v3 archives for the tests, so no binary is ever committed: GeoJSON per
// source-layer -> geojson-vt tiles -> MVT (vt-pbf) -> gzip, laid out as the spec has it (a
// 127-byte header, a varint root directory, JSON metadata, tile data in tile-id order).
// Spec: https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md
import { gzipSync } from 'node:zlib';
import GeoJSONVT from 'geojson-vt';
import { fromGeojsonVt } from 'vt-pbf';
import { zxyToTileId } from 'pmtiles';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

export interface ArchiveInput {
  layers: Record<string, FeatureCollection>;
  minZoom: number;
  maxZoom: number;
  /** The archive's JSON metadata; `vector_layers` is filled in from `layers` when absent. */
  metadata?: Record<string, unknown>;
}

function varints(values: number[]): number[] {
  const out: number[] = [];
  for (let v of values) {
    while (v >= 0x80) {
      out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    out.push(v);
  }
  return out;
}

/** The archive's bounds: the union of every feature's coordinates. */
function bounds(layers: Record<string, FeatureCollection>): [number, number, number, number] {
  const b: [number, number, number, number] = [180, 90, -180, -90];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as number[];
      [b[0], b[1], b[2], b[3]] = [
        Math.min(b[0], x!),
        Math.min(b[1], y!),
        Math.max(b[2], x!),
        Math.max(b[3], y!),
      ];
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  for (const fc of Object.values(layers))
    for (const f of fc.features)
      walk((f.geometry as Exclude<Geometry, { type: 'GeometryCollection' }>).coordinates);
  return b;
}

const tileX = (lng: number, z: number) => Math.floor(((lng + 180) / 360) * 2 ** z);
const tileY = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
};

export function writePmtiles({
  layers,
  minZoom,
  maxZoom,
  metadata = {},
}: ArchiveInput): Uint8Array {
  const indexes = Object.entries(layers).map(
    ([name, fc]) => [name, new GeoJSONVT(fc, { maxZoom, indexMaxZoom: maxZoom })] as const,
  );
  const [w, s, e, n] = bounds(layers);
  const tiles: { id: number; data: Uint8Array }[] = [];
  for (let z = minZoom; z <= maxZoom; z++) {
    for (let x = tileX(w, z); x <= tileX(e, z); x++) {
      for (let y = tileY(n, z); y <= tileY(s, z); y++) {
        const found = indexes.flatMap(([name, index]) => {
          const tile = index.getTile(z, x, y);
          return tile?.features.length ? [[name, tile] as const] : [];
        });
        if (found.length)
          tiles.push({
            id: zxyToTileId(z, x, y),
            data: gzipSync(fromGeojsonVt(Object.fromEntries(found), { version: 2 })),
          });
      }
    }
  }
  tiles.sort((a, b) => a.id - b.id);
  // One entry per tile, offsets 0 after the first: "contiguous with the previous entry".
  const directory = gzipSync(
    Uint8Array.from([
      ...varints([tiles.length]),
      ...varints(tiles.map((t, i) => t.id - (i ? tiles[i - 1]!.id : 0))),
      ...varints(tiles.map(() => 1)),
      ...varints(tiles.map((t) => t.data.length)),
      ...varints(tiles.map((_, i) => (i ? 0 : 1))),
    ]),
  );
  const vectorLayers = Object.keys(layers).map((id) => ({ id, fields: {} }));
  const json = gzipSync(JSON.stringify({ vector_layers: vectorLayers, ...metadata }));
  const tileBytes = tiles.reduce((sum, t) => sum + t.data.length, 0);
  const header = Buffer.alloc(127);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const sections = [
    [127, directory.length], // root directory
    [127 + directory.length, json.length], // metadata
    [127 + directory.length + json.length, 0], // leaf directories: none
    [127 + directory.length + json.length, tileBytes], // tile data
  ];
  sections.forEach(([offset, length], i) => {
    header.writeBigUInt64LE(BigInt(offset!), 8 + i * 16);
    header.writeBigUInt64LE(BigInt(length!), 16 + i * 16);
  });
  for (const [i, count] of [tiles.length, tiles.length, tiles.length].entries())
    header.writeBigUInt64LE(BigInt(count), 72 + i * 8);
  header.writeUInt8(1, 96); // clustered: tiles in tile-id order
  header.writeUInt8(2, 97); // internal compression: gzip
  header.writeUInt8(2, 98); // tile compression: gzip
  header.writeUInt8(1, 99); // tile type: MVT
  header.writeUInt8(minZoom, 100);
  header.writeUInt8(maxZoom, 101);
  [w, s, e, n].forEach((v, i) => header.writeInt32LE(Math.round(v * 1e7), 102 + i * 4));
  header.writeUInt8(maxZoom, 118);
  header.writeInt32LE(Math.round(((w + e) / 2) * 1e7), 119);
  header.writeInt32LE(Math.round(((s + n) / 2) * 1e7), 123);
  // a copy of its own: a Buffer may be a view into Node's shared pool
  return new Uint8Array(Buffer.concat([header, directory, json, ...tiles.map((t) => t.data)]));
}

// ---- the test city ---------------------------------------------------------------------
// A fictional street grid laid on a real WGS84 patch of western Lisbon (about 38.71-38.73 N,
// 9.17-9.15 W), far from Beijing so nothing in the story's own layers overlaps it. The streets,
// river, park and places are invented; only the ground under them is real.

export const TEST_CITY = {
  center: [-9.16, 38.72] as [number, number],
  west: -9.172,
  east: -9.148,
  south: 38.711,
  north: 38.729,
  attribution:
    '<a href="https://example.org/test-city">Test city</a> (fictional data) <b>&copy;</b> tests',
};

type Props = Record<string, string | number>;
const feature = (geometry: Geometry, properties: Props): Feature => ({
  type: 'Feature',
  geometry,
  properties,
});
const line = (coords: [number, number][], p: Props) =>
  feature({ type: 'LineString', coordinates: coords }, p);
const box = (w: number, s: number, e: number, n: number, p: Props) =>
  feature(
    {
      type: 'Polygon',
      coordinates: [
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
      ],
    },
    p,
  );
const point = (c: [number, number], p: Props) => feature({ type: 'Point', coordinates: c }, p);
const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

/** Streets by name: [name, name:zh, kind, from, to]. */
const STREETS: [string, string, 'major_road' | 'minor_road', [number, number], [number, number]][] =
  [
    ['Avenida das Gaivotas', '海鸥大道', 'major_road', [-9.171, 38.72], [-9.149, 38.72]],
    ['Avenida do Farol', '灯塔大道', 'major_road', [-9.16, 38.728], [-9.16, 38.714]],
    ['Rua dos Limoeiros', '柠檬树街', 'minor_road', [-9.171, 38.725], [-9.149, 38.725]],
    ['Rua da Lua Cheia', '满月街', 'minor_road', [-9.171, 38.716], [-9.149, 38.716]],
    ['Rua do Vento Norte', '北风街', 'minor_road', [-9.168, 38.728], [-9.168, 38.714]],
    ['Rua das Conchas', '贝壳街', 'minor_road', [-9.152, 38.728], [-9.152, 38.714]],
  ];

export function testCityLayers(): Record<string, FeatureCollection> {
  const { west, east, south, north } = TEST_CITY;
  return {
    // land well beyond the streets, as an extract's earth layer fills its whole bounding box
    earth: fc([box(west - 0.08, south - 0.05, east + 0.08, north + 0.05, { kind: 'earth' })]),
    water: fc([
      box(west, 38.7115, east, 38.713, {
        kind: 'water',
        kind_detail: 'river',
        name: 'Rio Sereno',
        'name:zh': '静河',
      }),
    ]),
    landuse: fc([
      box(-9.1665, 38.7212, -9.1615, 38.7242, {
        kind: 'park',
        name: 'Jardim das Gaivotas',
        'name:zh': '海鸥公园',
      }),
    ]),
    roads: fc(
      STREETS.map(([name, zh, kind, a, b], i) =>
        line([a, b], {
          kind,
          kind_detail: kind === 'major_road' ? 'primary' : 'residential',
          name,
          'name:zh': zh,
          min_zoom: kind === 'major_road' ? 9 : 12,
          sort_rank: 400 - i,
        }),
      ),
    ),
    buildings: fc([
      box(-9.1585, 38.7205, -9.1565, 38.7222, { kind: 'building', height: 12 }),
      box(-9.1545, 38.7178, -9.1528, 38.7195, { kind: 'building', height: 20 }),
    ]),
    places: fc([
      point([-9.16, 38.7205], {
        kind: 'locality',
        kind_detail: 'town',
        name: 'Vila Gaivota',
        'name:zh': '海鸥镇',
        'name:en': 'Gull Town',
        min_zoom: 8,
        population_rank: 9,
      }),
      point([-9.164, 38.7265], {
        kind: 'neighbourhood',
        kind_detail: 'neighbourhood',
        name: 'Bairro Norte',
        'name:zh': '北区',
        min_zoom: 12,
      }),
      point([-9.156, 38.7175], {
        kind: 'neighbourhood',
        kind_detail: 'neighbourhood',
        name: 'Bairro do Rio',
        'name:zh': '河畔区',
        min_zoom: 12,
      }),
    ]),
    pois: fc([
      point([-9.1577, 38.7225], {
        kind: 'library',
        name: 'Biblioteca do Farol',
        'name:zh': '灯塔图书馆',
        min_zoom: 14,
      }),
    ]),
  };
}

/** The test city as an archive at zooms 0-14, with the attribution in TEST_CITY. */
export function writeTestCityArchive(): Uint8Array {
  return writePmtiles({
    layers: testCityLayers(),
    minZoom: 0,
    maxZoom: 14,
    metadata: { name: 'Test city', attribution: TEST_CITY.attribution, type: 'baselayer' },
  });
}
