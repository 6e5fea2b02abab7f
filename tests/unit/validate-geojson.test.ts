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

describe('GeoJSON problems name their line', () => {
  it('finds the line of each problem in the file as written', async () => {
    const { parseSource, withLines } = await import('../../src/story/parse-text');
    const text = readFileSync(new URL('../fixtures/mini/areas.geojson', import.meta.url), 'utf8');
    const broken = text.replace('[116.28, 39.95]\n          ]', '[116.28, 39.96]\n          ]');
    const source = await parseSource(broken, 'areas.geojson');
    const r = validateFeatureCollection(source.value, 'areas.geojson', strict);
    if (r.ok) throw new Error('expected an error');
    const [e] = withLines(r.errors, source.lineOf);
    // The ring that does not close starts on the line after `"coordinates": [`.
    const ringLine = broken.split('\n').findIndex((l) => l.includes('"coordinates"')) + 2;
    expect(e).toMatchObject({
      line: ringLine,
      path: 'features[0] (area-core).geometry.coordinates[0]',
    });
    // A missing property is placed on its object, the nearest thing that exists.
    const without = broken.replace(/,\s*"precision_m": 500/, '');
    const source2 = await parseSource(without, 'areas.geojson');
    const r2 = validateFeatureCollection(source2.value, 'areas.geojson', strict);
    if (r2.ok) throw new Error('expected an error');
    const propertiesLine = without.split('\n').findIndex((l) => l.includes('"properties"')) + 1;
    expect(
      withLines(r2.errors, source2.lineOf).find((x) => x.path.endsWith('precision_m'))?.line,
    ).toBe(propertiesLine);
  });

  it('locates values in JSON without the YAML parser, even deeply nested', async () => {
    const { jsonValueOffsets } = await import('../../src/story/parse-text');
    const text = '{"a": [1, {"b\\"c": [true, null]}], "d": "x,y]}"}';
    const offsets = jsonValueOffsets(text);
    expect(text.slice(offsets.get('a[1].b"c[1]')!)).toMatch(/^null/);
    expect(text.slice(offsets.get('d')!)).toBe('"x,y]}"}');
    expect(offsets.get('a[0]')).toBe(text.indexOf('1'));
    const deep = '['.repeat(20000) + ']'.repeat(20000);
    expect(jsonValueOffsets(deep).size).toBe(20000);
  });
});

describe('coordinates the wrong way round, and misspelt properties', () => {
  it('says when an out-of-range position would be valid swapped', () => {
    const sites = fixture('sites.geojson');
    sites.features[0].geometry.coordinates = [39.9925, 116.306];
    expect(problems(sites)).toEqual([
      'features[0] (site-old).geometry.coordinates: latitude 116.306 is outside -90…90 (this looks like [latitude, longitude]; GeoJSON wants [116.306, 39.9925]: longitude first)',
    ]);
  });

  it('points at a property that is probably a misspelling of a required one', () => {
    const sites = fixture('sites.geojson');
    const props = sites.features[0].properties;
    props.precison_m = props.precision_m;
    delete props.precision_m;
    props.descripton_zh = props.description_zh;
    delete props.description_zh;
    expect(problems(sites)).toEqual([
      'features[0] (site-old).properties.description_zh: is required (text) (found "descripton_zh": a typo?)',
      'features[0] (site-old).properties.precision_m: is required (metres, a number ≥ 0) (found "precison_m": a typo?)',
    ]);
  });
});

describe('checkManifest: groups are declared, and every problem comes at once', () => {
  it('reports bad fields and duplicates together, with suggestions', async () => {
    const { checkManifest } = await import('../../src/geo/manifest');
    const bad = fixture('layers.json');
    bad.layers[0].color = 'purple';
    bad.layers[1].id = 'sites';
    bad.layers[2].colour = '#000000';
    const r = checkManifest(bad, 'layers.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'layers[0].color: must be a colour like #1a2b3c',
      'layers[2].colour: unknown field "colour" (did you mean "color"?)',
      'layers[1].id: duplicate layer id "sites"',
    ]);
  });

  it('needs each group a layer names to be declared; "user" is the reader’s', async () => {
    const { checkManifest, manifestGroups } = await import('../../src/geo/manifest');
    const m = fixture('layers.json');
    expect(manifestGroups(checkManifest(m, 'l.json').ok ? m : null)).toEqual([
      { id: 'beijing', title: { en: 'Beijing', zh: '北京' } },
      { id: 'regions', title: { en: 'Regions', zh: '区域' } },
    ]);
    m.layers[0].group = 'bejing';
    m.layers[1].group = 'user';
    m.groups.push({ id: 'user', title: { en: 'Mine', zh: '我的' } });
    const r = checkManifest(m, 'l.json');
    expect(!r.ok && r.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'groups[2].id: the group id "user" is reserved for the reader\'s own files',
      'layers[0].group: unknown group "bejing" (did you mean "beijing"?); declared: beijing, regions',
      'layers[1].group: the group "user" is reserved for the reader\'s own files',
    ]);
    const none = fixture('layers.json');
    delete none.groups;
    const r2 = checkManifest(none, 'l.json');
    expect(!r2.ok && r2.errors[0]!.message).toMatch(
      /^unknown group "beijing": declare it in "groups"/,
    );
    for (const layer of none.layers) delete layer.group;
    expect(checkManifest(none, 'l.json').ok).toBe(true);
  });
});
