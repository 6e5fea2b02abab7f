// Files shaped like the ones newsrooms publish (issue #27): an intro with no place, no dates,
// swapped { lon, lat } centres, points in India (no note about China), a StoryMapJS route,
// settings that are off, relative images, years in the text that run out of order.
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { importMapboxStorytelling } from '../../src/story/import/mapbox-storytelling';
import { importStoryMapJS } from '../../src/story/import/storymapjs';
import { regionLookup } from '../../src/story/import/regions';
import { cameraForAll } from '../../src/story/import/common';
import { lintStory } from '../../src/story/lint-story';
import { loadImported } from '../fixtures/import/load-imported';

const fixture = (path: string) =>
  readFileSync(new URL(`../fixtures/import/${path}`, import.meta.url), 'utf8');
const mainlandChina = regionLookup(
  JSON.parse(
    readFileSync(new URL('../../public/basemap/china.geojson', import.meta.url), 'utf8'),
  ) as FeatureCollection,
  (p) => (p.layer === 'province' && typeof p.name === 'string' ? p.name : undefined),
);

describe('a mapbox/storytelling config with an intro, no dates and swapped centres', () => {
  const result = () =>
    importMapboxStorytelling(fixture('mapbox/neighbourhoods.js'), {
      sourceName: 'neighbourhoods.js',
      regionOf: mainlandChina,
    });

  it('frames the whole story for the chapters with no place, and says so', () => {
    const { story, report } = result();
    expect(story.steps.slice(0, 2).map((s) => s.camera)).toEqual([
      { fit: ['places'], padding: 80 },
      { fit: ['places'], padding: 80 },
    ]);
    expect(report).toContain(
      'assumed: chapter "intro", chapter "how-to-read": no place of their own (no usable location.center) and no chapter before them: they frame every place of the story',
    );
  });

  it('invents no year: no step has one, and the report says there is no timeline', () => {
    const { story, report } = result();
    expect(story.steps.every((s) => s.year === undefined)).toBe(true);
    expect(report.join('\n')).toMatch(/no step has a date: the story has no timeline/);
    expect(report.join('\n')).not.toMatch(/\b20[0-9]{2}\b/);
  });

  it('reports each swapped centre with its fix, keeping it as written', () => {
    const { story, report } = result();
    const checks = report.filter((l) => l.startsWith('check: '));
    expect(checks).toHaveLength(3);
    expect(checks[0]).toMatch(
      /^check: chapter "fishtown": location\.center \{ lng\/lon: 39\.9713, lat: -75\.1348 \} is 14,\d{3} km from the story's other places, but swapped, \[-75\.1348, 39\.9713\] .*write center: \[-75\.1348, 39\.9713\]$/,
    );
    expect(story.steps.find((s) => s.id === 'fishtown')!.camera!.center).toEqual([
      39.9713, -75.1348,
    ]);
  });

  it('validates and loads; npm run validate warns about the same three places', async () => {
    const r = result();
    const { check, loaded } = await loadImported(r);
    expect(check.errors).toEqual([]);
    expect(loaded).toBeDefined();
    const warnings = lintStory(r.story, 'story.yaml', [
      { id: 'places', file: 'places.geojson', data: r.layers!.places },
    ]).filter((w) => /wrong way round/.test(w.message));
    const named = warnings.map((w) => w.stepId ?? w.path);
    for (const id of ['fishtown', 'kensington', 'port-richmond'])
      expect(named.some((n) => n.includes(id))).toBe(true);
  });

  it('a config whose chapters have no place at all still frames something', async () => {
    const config = `var config = { title: 'Nowhere yet', chapters: [
      { id: 'a', title: 'A', description: 'x', location: { center: [] } },
      { id: 'b', title: 'B', description: 'y' }] };`;
    const r = importMapboxStorytelling(config);
    expect(r.story.steps.map((s) => s.camera)).toEqual([
      { center: [0, 20], zoom: 1 },
      { center: [0, 20], zoom: 1 },
    ]);
    expect(r.report.join('\n')).toMatch(/they frame the whole world \(no chapter has a place\)/);
    expect((await loadImported(r)).check.errors).toEqual([]);
  });

  it('without markers, frames the places with a camera of its own', async () => {
    const config = `var config = { showMarkers: false, title: 'Two places', chapters: [
      { id: 'intro', title: 'Intro', description: 'x', location: { center: [] } },
      { id: 'a', title: 'A', description: 'x', location: { center: [2.35, 48.85], zoom: 12 } },
      { id: 'b', title: 'B', description: 'y', location: { center: [4.9, 52.37], zoom: 12 } }] };`;
    const r = importMapboxStorytelling(config);
    const camera = r.story.steps[0]!.camera!;
    expect(camera.center![0]).toBeGreaterThan(2.35);
    expect(camera.center![0]).toBeLessThan(4.9);
    expect(camera.zoom).toBeGreaterThan(3);
    expect(camera.zoom).toBeLessThan(8);
    expect(camera).toEqual(
      cameraForAll([
        [2.35, 48.85],
        [4.9, 52.37],
      ]),
    );
    expect((await loadImported(r)).check.errors).toEqual([]);
  });
});

describe('years guessed from the text', () => {
  const chapter = (id: string, title: string) =>
    `{ id: '${id}', title: '${title}', description: 'About ${id}.', location: { center: [-0.12, 51.5], zoom: 12 } }`;
  const config = (...titles: string[]) =>
    `var config = { title: 'Years', chapters: [${titles.map((t, i) => chapter(`c${i}`, t)).join(',')}] };`;

  it('are taken when they run in order, each listed', () => {
    const r = importMapboxStorytelling(config('Built in 1900', 'Rebuilt 1920', 'Closed 1984'));
    expect(r.story.steps.map((s) => s.year)).toEqual([1900, 1920, 1984]);
    expect(r.report).toContain(
      'assumed: years read from the text (they run in order): chapter "c0" → 1900 (its title); chapter "c1" → 1920 (its title); chapter "c2" → 1984 (its title)',
    );
  });

  it('are dropped when they run out of order, and the report lists them', async () => {
    const r = importMapboxStorytelling(
      config('The 1920 flood', 'A house from 1900', 'Sold in 1984', 'A 1950 photograph'),
    );
    expect(r.story.steps.every((s) => s.year === undefined)).toBe(true);
    const text = r.report.join('\n');
    expect(text).toContain(
      'not carried: years read from the text, as they run out of order (1920, 1900, 1984, 1950)',
    );
    expect(text).toContain('chapter "c1" → 1900 (its title)');
    expect(text).toMatch(/no step has a date: the story has no timeline/);
    expect((await loadImported(r)).check.errors).toEqual([]);
  });
});

describe('a StoryMapJS story in Delhi with a route and settings that are off', () => {
  const result = () =>
    importStoryMapJS(fixture('storymapjs/delhi-walk.json'), {
      sourceName: 'delhi-walk.json',
      regionOf: mainlandChina,
    });

  it('says nothing about China for places in Delhi and Haryana', () => {
    const text = result().report.join('\n');
    expect(text).not.toMatch(/China/);
    expect(mainlandChina(77.2295, 28.6129)).toBeUndefined();
    expect(mainlandChina(77.0895, 28.495)).toBeUndefined();
    expect(mainlandChina(116.397, 39.908)).toBe('Beijing');
    expect(mainlandChina(121.47, 31.23)).toBe('Shanghai');
    // Hong Kong and Taipei are not mainland China: their maps are not GCJ-02.
    expect(mainlandChina(114.17, 22.32)).toBeUndefined();
    expect(mainlandChina(121.56, 25.04)).toBeUndefined();
  });

  it('does not report settings that are off as "not carried"', () => {
    const text = result().report.join('\n');
    for (const key of ['zoomify', 'map_as_image', 'call_to_action', 'attribution', 'font_css'])
      expect(text, key).not.toMatch(new RegExp(`not carried: [^\\n]*\\b${key}\\b`));
  });

  it('carries the route as a line layer shown throughout, in [longitude, latitude]', () => {
    const { story, layers, report } = result();
    expect(layers!.route!.features).toHaveLength(1);
    expect(layers!.route!.features[0]!.geometry.coordinates[0]).toEqual([77.2295, 28.6129]);
    expect(layers!.manifest.layers.map((l) => [l.id, l.kind])).toEqual([
      ['route', 'line'],
      ['places', 'point'],
    ]);
    expect(story.defaults!.layers).toEqual(['route', 'places']);
    expect(report.join('\n')).toMatch(/its route \(4 positions, read as \[lat, lon\] pairs/);
  });

  it('has no years, so no timeline, and validates', async () => {
    const r = result();
    expect(r.story.steps.every((s) => s.year === undefined)).toBe(true);
    const { check, loaded } = await loadImported(r);
    expect(check.errors).toEqual([]);
    expect(loaded!.layers.map((l) => l.meta.id)).toEqual(['route', 'places']);
  });

  it('refuses a zoomify story with a message about zoomify', () => {
    const scan = JSON.stringify({
      storymap: {
        map_type: 'zoomify',
        map_as_image: false,
        zoomify: { path: 'https://tiles.example.org/plan/', width: 12000, height: 8000 },
        slides: [{ text: { headline: 'A plan' }, location: { lat: -40, lon: 60, zoom: 3 } }],
      },
    });
    expect(() => importStoryMapJS(scan)).toThrow(/gigapixel \(zoomify\) image/);
  });

  it('names every set field it does not carry, and only those', () => {
    const story = JSON.stringify({
      storymap: {
        calculate_zoom: false,
        mystery_setting: 'on',
        empty_setting: '',
        slides: [
          {
            text: { headline: 'A' },
            location: { lat: 51.5, lon: -0.12, zoom: 12, iconSize: [20, 20] },
            media: {
              url: 'https://images.example.org/a.jpg',
              caption: 'A',
              link: 'https://example.org',
            },
            custom: { x: 1 },
          },
        ],
      },
    });
    const text = importStoryMapJS(story).report.join('\n');
    expect(text).toContain('not carried: `mystery_setting` (a setting the importer does not know)');
    expect(text).not.toContain('empty_setting');
    expect(text).toContain('not carried: slide 1: location.iconSize');
    expect(text).toContain('not carried: slide 1: media.link');
    expect(text).toContain('not carried: slide 1: `custom`');
  });
});
