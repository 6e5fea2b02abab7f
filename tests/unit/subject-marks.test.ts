// Subjects visible at every scale: a highlighted feature too small to see at the step's zoom
// becomes a marker with its name, highlighted lines get a label, a journey's ends are
// labelled, and blockers cover each subject so other labels keep off it.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { subjectMarks, SMALL_SUBJECT_PX } from '../../src/map/subject-marks';
import { SUBJECT_SOURCE_ID, subjectLayers } from '../../src/map/subject-layer';
import { extentPx, inPolygon, lineMidpoint, poleOfInaccessibility } from '../../src/spatial/anchor';

const read = (file: string) =>
  JSON.parse(
    readFileSync(new URL(`../../geo/${file}`, import.meta.url), 'utf8'),
  ) as FeatureCollection;
const all = ['science-park', 'us-places', 'journeys', 'universities', 'electronics-street'].flatMap(
  (f) => read(`${f}.geojson`).features,
);
const byId = (id: string) => all.find((f) => f.properties?.id === id);
const subject = (id: string) => ({ feature: byId(id)!, color: '#c2410c' });

describe('anchors', () => {
  it('puts a polygon’s anchor inside it, far from its edges', () => {
    // an L shape: its centroid's box centre falls outside, the pole does not
    const L: Polygon['coordinates'] = [
      [
        [0, 0],
        [10, 0],
        [10, 2],
        [2, 2],
        [2, 10],
        [0, 10],
        [0, 0],
      ],
    ];
    const pole = poleOfInaccessibility(L);
    expect(inPolygon(pole, L)).toBe(true);
    expect(inPolygon([5, 5], L)).toBe(false);
  });

  it('finds a line’s midpoint by length', () => {
    expect(
      lineMidpoint([
        [0, 0],
        [0, 1],
        [0, 3],
      ]),
    ).toEqual([0, 1.5]);
  });
});

describe('subject marks', () => {
  it('marks and names Zhongguancun at world scale, where its polygon is under a pixel', () => {
    const zgc = byId('zgc-science-city')!;
    expect(
      extentPx(
        [
          [116.2, 39.9],
          [116.4, 40.1],
        ],
        2.5,
      ),
    ).toBeLessThan(SMALL_SUBJECT_PX);
    const marks = subjectMarks([subject('zgc-science-city'), subject('silicon-valley')], 2.5, byId);
    const marker = marks.features.find((f) => f.properties.role === 'marker');
    expect(marker?.properties).toMatchObject({
      subject: 'zgc-science-city',
      name: zgc.properties!.name,
      name_zh: zgc.properties!.name_zh,
    });
    expect(inPolygon(marker!.geometry.coordinates, (zgc.geometry as Polygon).coordinates)).toBe(
      true,
    );
  });

  it('draws no marker for a subject big enough to see', () => {
    const marks = subjectMarks([subject('zgc-science-city')], 13, byId, { blockers: false });
    expect(marks.features).toEqual([]);
  });

  it('labels both ends of the 1979 journey once each, leaving labelled places to their own label', () => {
    const marks = subjectMarks(
      [
        'journey-1979-beijing-silicon-valley',
        'journey-1979-silicon-valley-route-128',
        'journey-1979-route-128-beijing',
        'silicon-valley',
        'route-128',
      ].map(subject),
      1.8,
      byId,
      { blockers: false },
    );
    const ends = marks.features.filter((f) => f.properties.role === 'end');
    expect(ends).toHaveLength(3); // Beijing, Silicon Valley, Route 128 (Beijing once)
    const named = ends
      .filter((f) => f.properties.name)
      .map((f) => [f.properties.name, f.properties.name_zh]);
    expect(named).toEqual([['Beijing', '北京']]);
  });

  it('labels a highlighted line at its midpoint', () => {
    const marks = subjectMarks([subject('electronics-street')], 14, byId, { blockers: false });
    expect(marks.features.map((f) => f.properties.role)).toEqual(['label']);
    expect(marks.features[0]!.properties.name).toBe(byId('electronics-street')!.properties!.name);
  });

  it('covers a campus with blockers about 22 px apart, all inside it or on its edge', () => {
    const beihang = byId('beihang-university') as Feature<Polygon>;
    const marks = subjectMarks([{ feature: beihang, color: '#2563eb' }], 14, byId);
    const blockers = marks.features.filter((f) => f.properties.role === 'blocker');
    expect(blockers.length).toBeGreaterThan(10);
    expect(blockers.length).toBeLessThanOrEqual(600);
  });

  it('has style layers that validate against the style spec', () => {
    for (const lang of ['en', 'zh'] as const) {
      const style: StyleSpecification = {
        version: 8,
        sources: {
          [SUBJECT_SOURCE_ID]: {
            type: 'geojson',
            data: { type: 'FeatureCollection', features: [] },
          },
        },
        layers: subjectLayers(lang, 12),
      };
      expect(validateStyleMin(style)).toEqual([]);
    }
  });
});
