// The loader's one-pass check: story, manifest and layers read together, with what the app
// runs on (groups, eras, basemap) and what only the author needs to hear (warnings).
import { describe, expect, it } from 'vitest';
import { checkStory, loadStory, type FetchText } from '../../src/story/load-story';
import { DataErrors, formatError } from '../../src/story/errors';
import { fileReader } from '../../scripts/validate';

const root = new URL('../../', import.meta.url);
const read = fileReader(root);
const check = (path: string, fetch: FetchText = read) =>
  checkStory(new URL(path, root).href, root.href, fetch);

/** A fetch over in-memory files, for stories made up in a test. */
const memory =
  (files: Record<string, string>): FetchText =>
  async (url) => {
    const name = url.replace(root.href, '');
    if (name in files) return files[name]!;
    throw new DataErrors([{ file: name, path: '', message: 'file not found' }]);
  };

describe('the example story (stories/examples/kendall-square)', () => {
  it('is clean: no error, no warning', async () => {
    const result = await check('stories/examples/kendall-square/story.yaml');
    expect(result.errors.map(formatError)).toEqual([]);
    expect(result.warnings.map(formatError)).toEqual([]);
  });

  it('gives the app its own groups, eras and layers, and frames the step without a camera', async () => {
    const loaded = await loadStory(
      new URL('stories/examples/kendall-square/story.yaml', root).href,
      root.href,
      read,
    );
    expect(loaded.groups).toEqual([
      { id: 'square', title: { en: 'Around the square', zh: '广场周边' } },
      { id: 'crossings', title: { en: 'Crossings', zh: '过河通道' } },
    ]);
    expect(loaded.layers.map((l) => [l.meta.id, l.meta.group])).toEqual([
      ['kendall-places', 'square'],
      ['kendall-crossings', 'crossings'],
    ]);
    expect(loaded.story.eras.map((e) => [e.from, e.to])).toEqual([
      [1906, 1916],
      [2004, 2020],
    ]);
    expect(loaded.story.basemapUrl).toBeUndefined();
    const last = loaded.story.steps[loaded.story.steps.length - 1]!;
    expect(last.camera).toMatchObject({ center: [-71.0835, 42.3625], zoom: 14.2 });
    expect(loaded.warnings).toEqual([]);
    expect(loaded.lint).toEqual([]);
  });

  it('every feature records where it comes from and how precise it is', async () => {
    const loaded = await loadStory(
      new URL('stories/examples/kendall-square/story.yaml', root).href,
      root.href,
      read,
    );
    const features = loaded.layers.flatMap((l) => l.data.features);
    expect(features.length).toBeGreaterThanOrEqual(5);
    for (const f of features) {
      expect(f.properties?.source).toMatch(/Wikipedia/);
      expect(f.properties?.precision_m).toBeGreaterThan(0);
    }
  });
});

describe('the Zhongguancun story', () => {
  it('loads with its declared groups and no problem of any kind', async () => {
    const result = await check('stories/zhongguancun.yaml');
    expect(result.errors.map(formatError)).toEqual([]);
    expect(result.warnings.map(formatError)).toEqual([]);
    expect(result.loaded?.groups.map((g) => [g.id, g.title.en, g.title.zh])).toEqual([
      ['beijing', 'Beijing', '北京'],
      ['regions', 'Regions', '区域'],
      ['world', 'World', '世界'],
    ]);
  });
});

describe('a story on the basemap alone', () => {
  it('needs no manifest and reads no other file', async () => {
    const story = [
      'id: bare',
      'title: { en: Bare, zh: 简 }',
      'languages: [en, zh]',
      'basemap: https://tiles.example.org/style.json',
      'steps:',
      '  - id: one',
      '    year: 2000',
      '    title: { en: One, zh: 一 }',
      '    body: { en: One., zh: 一。 }',
      '    camera: { center: [2.35, 48.85], zoom: 11 }',
    ].join('\n');
    const result = await check('stories/bare.yaml', memory({ 'stories/bare.yaml': story }));
    expect(result.errors).toEqual([]);
    expect(result.files).toEqual(['stories/bare.yaml']);
    expect(result.loaded?.layers).toEqual([]);
    expect(result.loaded?.groups).toEqual([]);
    expect(result.loaded?.story.basemapUrl).toBe('https://tiles.example.org/style.json');
  });
});

describe('broken layers', () => {
  it('the app still runs on the good layer; the validator still counts the bad ones', async () => {
    const result = await check('tests/fixtures/bad-layers/malformed/story.yaml');
    expect(result.loaded?.layers.map((l) => l.meta.id)).toEqual(['sites']);
    const messages = result.errors.map(formatError);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^tests\/fixtures\/bad-layers\/malformed\/broken.geojson:6 › features\[0\] \(bad-point\).geometry.coordinates: a position must be/,
        ),
        expect.stringMatching(
          /^tests\/fixtures\/bad-layers\/malformed\/garbled.geojson(:\d+)?: not valid JSON/,
        ),
      ]),
    );
    // "garbled" did not parse: its features are unknown, so no reference to them is judged.
    expect(messages.some((m) => m.includes('unknown feature'))).toBe(false);
    expect(result.loaded?.warnings.map(formatError)).toEqual(messages);
  });

  it('a missing layer file is named, and the rest of the story runs', async () => {
    const result = await check('tests/fixtures/bad-layers/missing/story.yaml');
    expect(result.errors.map(formatError)).toEqual([
      'tests/fixtures/bad-layers/missing/nowhere.geojson: file not found',
    ]);
    expect(result.loaded?.layers.map((l) => l.meta.id)).toEqual(['sites']);
  });

  it('a broken manifest stops the app but not the check of the story', async () => {
    const files = {
      'stories/s.yaml': [
        'id: s',
        'title: { en: S }',
        'languages: [en]',
        'layers: layers.json',
        'steps:',
        '  - { id: a, year: 2000, title: { en: A }, body: { en: A. }, layers: [placs] }',
      ].join('\n'),
      'stories/layers.json': JSON.stringify(
        {
          layers: [
            { id: 'places', file: 'p.geojson', kind: 'point', color: 'red', title: { en: 'P' } },
          ],
        },
        null,
        2,
      ),
      'stories/p.geojson': '{"type":"FeatureCollection","features":[]}',
    };
    const result = await check('stories/s.yaml', memory(files));
    expect(result.loaded).toBeUndefined();
    expect(result.errors.map(formatError)).toEqual([
      'stories/s.yaml:6 › step "a" › steps[0].layers[0]: unknown layer "placs" (did you mean "places"?)',
      'stories/layers.json:7 › layers[0].color: must be a colour like #1a2b3c',
    ]);
  });
});
