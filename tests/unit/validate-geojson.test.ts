import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ringSignedArea, validateFeatureCollection } from '../../src/geo/validate-geojson';
import { validateManifest } from '../../src/geo/manifest';

const strict = { contract: true, winding: true };
const loose = { contract: false, winding: false };
const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/mini/${name}`, import.meta.url), 'utf8'));

function problems(data: unknown, opts = strict) {
  const r = validateFeatureCollection(data, 'geo/x.geojson', opts);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
}

describe('validateFeatureCollection', () => {
  it('accepts the fixture layers', () => {
    for (const f of ['sites.geojson', 'streets.geojson', 'areas.geojson'])
      expect(problems(fixture(f))).toEqual([]);
  });

  it('rejects what is not a FeatureCollection', () => {
    expect(problems('nope')).toEqual([': not a GeoJSON object']);
    expect(problems({ type: 'Feature' })).toEqual([
      'type: expected "FeatureCollection", got "Feature"',
      'features: must be an array of features',
    ]);
  });

  it('finds unclosed rings, clockwise exteriors and out-of-range coordinates', () => {
    const areas = fixture('areas.geojson');
    const ring = areas.features[0].geometry.coordinates[0];
    areas.features[0].geometry.coordinates[0] = ring.slice(0, -1);
    expect(problems(areas)).toEqual([
      'features[0] (area-core).geometry.coordinates[0]: ring is not closed (first and last positions differ)',
    ]);
    const clockwise = fixture('areas.geojson');
    clockwise.features[0].geometry.coordinates[0].reverse();
    expect(problems(clockwise)[0]).toMatch(/exterior ring must be counter-clockwise/);
    expect(problems(clockwise, loose)).toEqual([]);
    const far = fixture('sites.geojson');
    far.features[0].geometry.coordinates = [200, 39];
    expect(problems(far)[0]).toBe(
      'features[0] (site-old).geometry.coordinates: longitude 200 is outside -180…180',
    );
  });

  it('enforces the data contract and year order', () => {
    const sites = fixture('sites.geojson');
    delete sites.features[0].properties.source;
    sites.features[1].properties.until = 2000;
    sites.features[2].properties.id = 'site-old';
    expect(problems(sites)).toEqual([
      'features[0] (site-old).properties.source: is required (text)',
      'features[1] (site-new).properties.until: until (2000) is before since (2010)',
      'features[2] (site-old).properties.id: duplicate id (also features[0])',
    ]);
  });

  it('lets readers’ own files skip the contract', () => {
    expect(
      problems(
        {
          type: 'FeatureCollection',
          features: [{ type: 'Feature', geometry: null, properties: null }],
        },
        loose,
      ),
    ).toEqual([]);
  });

  it('rejects unknown geometry types and short lines', () => {
    const data = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Circle', coordinates: [0, 0] }, properties: {} },
        {
          type: 'Feature',
          geometry: { type: 'LineString', coordinates: [[0, 0]] },
          properties: {},
        },
      ],
    };
    expect(problems(data, loose)).toEqual([
      'features[0].geometry.type: unknown geometry type "Circle"',
      'features[1].geometry.coordinates: needs at least 2 positions, has 1',
    ]);
  });

  it('computes signed ring area (counter-clockwise positive)', () => {
    expect(
      ringSignedArea([
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ]),
    ).toBeGreaterThan(0);
  });
});

describe('validateManifest', () => {
  it('accepts the fixture manifest and names bad fields', () => {
    expect(validateManifest(fixture('layers.json'), 'layers.json').ok).toBe(true);
    const bad = fixture('layers.json');
    bad.layers[0].color = 'purple';
    bad.layers[1].id = 'sites';
    const r = validateManifest(bad, 'layers.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual(['layers[0].color']);
    const dup = fixture('layers.json');
    dup.layers[1].id = 'sites';
    const d = validateManifest(dup, 'layers.json');
    expect(!d.ok && d.errors[0]!.message).toBe('duplicate layer id "sites"');
  });
});
