import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import {
  labelField,
  layerFilters,
  progressGradient,
  sourceId,
  storyLayers,
  storySource,
  yearFilter,
} from '../../src/map/layer-styles';
import type { ManifestLayer } from '../../src/geo/manifest';

const manifest = JSON.parse(
  readFileSync(new URL('../../geo/layers.json', import.meta.url), 'utf8'),
) as {
  layers: ManifestLayer[];
};

describe('story layer styles', () => {
  it('validate against the MapLibre style spec for every manifest layer, language and year', () => {
    for (const lang of ['en', 'zh'] as const) {
      for (const year of [undefined, 1988]) {
        const style: StyleSpecification = {
          version: 8,
          sources: Object.fromEntries(
            manifest.layers.map((l) => [
              sourceId(l.id),
              storySource({ type: 'FeatureCollection', features: [] }),
            ]),
          ),
          layers: manifest.layers.flatMap((l) => storyLayers(l, lang, year)),
        };
        expect(validateStyleMin(style)).toEqual([]);
      }
    }
  });

  it('filters by year with inclusive since/until', () => {
    expect(yearFilter(1999)).toEqual([
      'all',
      ['<=', ['to-number', ['coalesce', ['get', 'since'], -100000]], 1999],
      ['>=', ['to-number', ['coalesce', ['get', 'until'], 100000]], 1999],
    ]);
  });

  it('labels in the chosen language, falling back to English', () => {
    expect(labelField('zh')).toEqual(['coalesce', ['get', 'name_zh'], ['get', 'name']]);
    expect(labelField('en')).toEqual(['get', 'name']);
  });

  it('draws a line progressively', () => {
    expect(progressGradient('#f00', 0.5)).toEqual([
      'step',
      ['line-progress'],
      '#f00',
      0.5,
      'rgba(0,0,0,0)',
    ]);
    expect(progressGradient('#f00', 2)[4]).toBe('#f00');
  });
});

describe('layerFilters', () => {
  it('moves highlighted labels to the highlight label layer, keeping the year filter', () => {
    const f = layerFilters('companies', 1999, ['lenovo']);
    const isLenovo = ['in', ['get', 'id'], ['literal', ['lenovo']]];
    expect(f['companies-label']).toEqual([
      'all',
      ['all', ['!=', ['geometry-type'], 'LineString'], yearFilter(1999)],
      ['!', isLenovo],
    ]);
    expect(f['companies-label-hl']).toEqual([
      'all',
      ['all', ['!=', ['geometry-type'], 'LineString'], yearFilter(1999)],
      isLenovo,
    ]);
    expect(f['companies-circle']).toEqual([
      'all',
      ['==', ['geometry-type'], 'Point'],
      yearFilter(1999),
    ]);
  });
});
