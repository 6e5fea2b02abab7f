// The map controller's planning, without a map: what a step's ids stand for in its year,
// the camera that frames them, and what its animations run on.
import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { FeatureIndex } from '../../src/geo/feature-index';
import type { LoadedLayer } from '../../src/story/load-story';
import type { Step } from '../../src/story/model';
import {
  animationTargets,
  featuresFor,
  fitCamera,
  FIT_MAX_ZOOM,
  stepCamera,
} from '../../src/map/step-plan';

const point = (id: string, lng: number, lat: number, props = {}): Feature => ({
  type: 'Feature',
  properties: { id, ...props },
  geometry: { type: 'Point', coordinates: [lng, lat] },
});
const layer = (id: string, color: string, features: Feature[]): LoadedLayer => ({
  meta: { id, file: `${id}.geojson`, kind: 'point', color, title: { en: id } },
  data: { type: 'FeatureCollection', features },
});

const index = new FeatureIndex([
  layer('sites', '#111111', [
    point('old', 116.3, 39.98, { until: 1995 }),
    point('new', 116.32, 39.99, { since: 2000 }),
  ]),
  layer('world', '#222222', [point('sv', -122, 37.4), point('zgc', 116.3, 39.98)]),
]);
const SIZE = { width: 1000, height: 800 };
const NO_INSETS = { top: 0, bottom: 0, left: 0, right: 0 };

const step = (camera: Partial<Step['camera']>, mapYear = 1990): Step => ({
  id: 's',
  index: 0,
  year: mapYear,
  mapYear,
  title: { en: 'S' },
  body: { en: 'S' },
  camera: { bearing: 10, pitch: 20, padding: 60, transition: 'fly', duration: 1000, ...camera },
  layers: [],
  highlight: [],
  animations: [],
  places: [],
  media: [],
});

describe('featuresFor', () => {
  it('is FeatureIndex.featuresOf, a layer’s features kept to those of the year', () => {
    expect(featuresFor(index, ['sites'], undefined)).toEqual(index.featuresOf(['sites']));
    expect(featuresFor(index, ['sites'], 1990).map((f) => f.properties?.id)).toEqual(['old']);
    expect(featuresFor(index, ['sites'], 2005).map((f) => f.properties?.id)).toEqual(['new']);
    // A feature named by its own id counts whatever its dates; an unknown id stands for nothing.
    expect(featuresFor(index, ['new', 'nothing'], 1990).map((f) => f.properties?.id)).toEqual([
      'new',
    ]);
  });
});

describe('fitCamera', () => {
  it('frames nothing for no geometry, and a lone point at the zoom limit', () => {
    expect(fitCamera([], SIZE, NO_INSETS, 60, 16)).toBeUndefined();
    const lone = fitCamera([point('p', 116.3, 39.98)], SIZE, NO_INSETS, 60, 16)!;
    expect(lone.zoom).toBe(16);
    expect(lone.center[0]).toBeCloseTo(116.3, 5);
  });

  it('keeps the frame clear of what covers the map', () => {
    const features = index.featuresOf(['sites']);
    const open = fitCamera(features, SIZE, NO_INSETS, 60, 20)!;
    const covered = fitCamera(features, SIZE, { ...NO_INSETS, left: 500 }, 60, 20)!;
    expect(covered.zoom).toBeLessThan(open.zoom);
    // The centre stays the box's: the insets, as the map's padding, place it in the free part.
    expect(covered.center[0]).toBeCloseTo(open.center[0], 6);
  });

  it('a world-wide view is framed on the globe, zoomed out', () => {
    const wide = fitCamera(index.featuresOf(['world']), SIZE, NO_INSETS, 60, 16)!;
    expect(wide.zoom).toBeLessThan(4);
  });
});

describe('stepCamera', () => {
  it('a step’s own center and zoom, with its bearing, pitch and the insets as padding', () => {
    const insets = { top: 10, bottom: 20, left: 30, right: 0 };
    expect(stepCamera(step({ center: [1, 2], zoom: 5 }), index, SIZE, insets)).toEqual({
      center: [1, 2],
      zoom: 5,
      bearing: 10,
      pitch: 20,
      padding: insets,
    });
  });

  it('a fit frames the features of the step’s year, at most at street scale', () => {
    const fitted = stepCamera(step({ fit: ['sites'] }, 1990), index, SIZE, NO_INSETS);
    // Only `old` existed in 1990: a lone point, so the street-scale limit.
    expect(fitted.zoom).toBe(FIT_MAX_ZOOM);
    expect(fitted.center![0]).toBeCloseTo(116.3, 5);
    const capped = stepCamera(step({ fit: ['sites'], maxZoom: 12 }, 1990), index, SIZE, NO_INSETS);
    expect(capped.zoom).toBe(12);
  });
});

describe('animationTargets', () => {
  it('one target per layer with the features of the year, in the layer’s colour', () => {
    expect(animationTargets(index, ['sites', 'zgc', 'sv', 'nothing'], 1990)).toEqual([
      { layerId: 'sites', featureIds: ['old'], color: '#111111' },
      { layerId: 'world', featureIds: ['zgc', 'sv'], color: '#222222' },
    ]);
    // A layer with nothing in the year is no target.
    expect(animationTargets(index, ['sites'], 1997)).toEqual([]);
  });
});
