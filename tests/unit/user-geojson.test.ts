import { describe, expect, it } from 'vitest';
import { userLayerFromText } from '../../src/geo/user-geojson';

describe('userLayerFromText', () => {
  it('makes a layer of a FeatureCollection, with ids that cannot collide', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 7,
          geometry: { type: 'Point', coordinates: [116.3, 39.9] },
          properties: { name: 'Mine', height: 3 },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [116.4, 39.8] },
          properties: null,
        },
      ],
    });
    const r = userLayerFromText(text, 'my places.geojson', 2);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.meta).toMatchObject({
      id: 'user-2',
      kind: 'point',
      group: 'user',
      title: { en: 'my places.geojson' },
    });
    expect(r.data.features.map((f) => f.properties)).toEqual([
      { name: 'Mine', height: 3, source_id: '7', id: 'user-2-1' },
      { id: 'user-2-2', name: 'my places.geojson #2' },
    ]);
  });

  it('accepts a bare Feature or geometry', () => {
    const r = userLayerFromText(
      '{"type":"LineString","coordinates":[[0,0],[1,1]]}',
      'line.json',
      1,
    );
    expect(r.ok && r.meta.kind).toBe('line');
  });

  it('explains what is wrong with a broken file', () => {
    expect(userLayerFromText('not json', 'a.geojson', 1)).toMatchObject({
      ok: false,
      messages: [expect.stringMatching(/^a.geojson: not valid JSON/)],
    });
    const r = userLayerFromText(
      '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[500,0]},"properties":{}}]}',
      'b.geojson',
      1,
    );
    expect(r).toEqual({
      ok: false,
      messages: ['b.geojson › features[0].geometry.coordinates: longitude 500 is outside -180…180'],
    });
    expect(userLayerFromText('{"hello":1}', 'c.json', 1).ok).toBe(false);
  });
});

describe('a reader’s file with several lines', () => {
  it('names the line of the problem', () => {
    const text = JSON.stringify(
      {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] }, properties: {} },
          { type: 'Feature', geometry: { type: 'Point', coordinates: [2, 95] }, properties: {} },
        ],
      },
      null,
      2,
    );
    // The second feature's coordinates open on the second "coordinates" line.
    const lines = text.split('\n');
    const first = lines.findIndex((l) => l.includes('"coordinates"'));
    const line = lines.findIndex((l, i) => i > first && l.includes('"coordinates"')) + 1;
    const r = userLayerFromText(text, 'mine.geojson', 1);
    expect(r).toMatchObject({
      ok: false,
      messages: [
        expect.stringMatching(
          new RegExp(
            `^mine.geojson:${line} › features\\[1\\].geometry.coordinates: latitude 95 is outside`,
          ),
        ),
      ],
    });
    const broken = userLayerFromText(
      '{\n  "type": "FeatureCollection",\n  "features" 1\n}',
      'x.json',
      1,
    );
    expect(broken).toMatchObject({
      ok: false,
      messages: [expect.stringMatching(/^x.json:3: not valid JSON/)],
    });
  });
});
