// Lazy layers: the app opens a story with the layers its first view needs, reads the others
// on request, delivers them in manifest order, and runs the full cross-check once the last
// one is in; `loadStory` (and `npm run validate`) still read everything at once.
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import {
  layersFor,
  loadStory,
  openStory,
  stepReferences,
  type FetchText,
  type LoadedLayer,
} from '../../src/story/load-story';
import { DataErrors, formatError } from '../../src/story/errors';
import { viewIds } from '../../src/app/map-session';
import { firstViewIds } from '../../src/app/story-loader';
import { FeatureIndex } from '../../src/geo/feature-index';
import { fileReader } from '../../scripts/validate';

const root = new URL('../../', import.meta.url);
const BASE = 'file:///lazy/';

/** A point layer with features `ids`. */
function layer(ids: string[]): string {
  const fc: FeatureCollection = {
    type: 'FeatureCollection',
    features: ids.map((id, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [116.3 + i / 100, 39.98] },
      properties: {
        id,
        name: id,
        name_zh: id,
        kind: 'test',
        description: 'A fixture place.',
        description_zh: '测试用地点。',
        source: 'fixture',
        precision_m: 100,
      },
    })),
  };
  return JSON.stringify(fc);
}

const manifest = (ids: string[]) =>
  JSON.stringify({
    layers: ids.map((id) => ({
      id,
      file: `${id}.geojson`,
      kind: 'point',
      color: '#7c3aed',
      title: { en: id },
    })),
  });

const step = (id: string, body: string) =>
  [
    `  - id: ${id}`,
    '    year: 2000',
    `    title: { en: ${id} }`,
    `    body: { en: ${id}. }`,
    body,
  ].join('\n');

/** A story whose steps show layers a, b, c, d in turn; `extra` lines go into step "three". */
function files(extra = ''): Record<string, string> {
  return {
    'story.yaml': [
      'id: lazy',
      'title: { en: Lazy }',
      'languages: [en]',
      'layers: layers.json',
      'steps:',
      step('one', '    camera: { fit: [a1] }\n    layers: [a]\n    highlight: [a1]'),
      step('two', '    camera: { center: [116.3, 39.98], zoom: 12 }\n    layers: [b]'),
      step('three', `    camera: { fit: [c1, d] }\n    layers: [c]\n    highlight: [c1]\n${extra}`),
    ].join('\n'),
    'layers.json': manifest(['a', 'b', 'c', 'd']),
    'a.geojson': layer(['a1', 'a2']),
    'b.geojson': layer(['b1']),
    'c.geojson': layer(['c1']),
    'd.geojson': layer(['d1']),
  };
}

/**
 * A fetch over in-memory files that records what was asked for; with `hold`, those files
 * answer only when `release` is called with their name (in any order the test likes).
 */
function memory(all: Record<string, string>, hold: string[] = []) {
  const asked: string[] = [];
  const waiting = new Map<string, () => void>();
  const fetch: FetchText = async (url) => {
    const name = url.replace(BASE, '');
    asked.push(name);
    if (hold.includes(name)) await new Promise<void>((r) => waiting.set(name, r));
    if (name in all) return all[name]!;
    throw new DataErrors([{ file: name, path: '', message: 'file not found' }]);
  };
  const release = async (name: string) => {
    for (let i = 0; i < 20 && !waiting.has(name); i++) await Promise.resolve();
    waiting.get(name)?.();
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  return { fetch, asked, release };
}

const ids = (layers: readonly LoadedLayer[]) => layers.map((l) => l.meta.id);

describe('what a step needs', () => {
  it('names what it shows, highlights, frames, animates and lists', async () => {
    const loaded = await loadStory(
      new URL('stories/zhongguancun.yaml', root).href,
      root.href,
      fileReader(root),
    );
    const first = loaded.story.steps[0]!;
    const refs = stepReferences(first);
    expect(refs).toEqual(expect.arrayContaining([...first.layers, ...first.highlight]));
    for (const a of first.animations) expect(refs).toEqual(expect.arrayContaining(a.targets));
    expect(new Set(refs).size).toBe(refs.length);
  });

  it('maps ids to layers: declared layers, known features, and what cannot be told yet', () => {
    const declared = new Set(['a', 'b', 'c']);
    const known = new Map([['a1', 'a']]);
    expect(layersFor(['b', 'a1', 'a1', 'x9'], declared, known)).toEqual({
      layers: ['b', 'a'],
      unresolved: ['x9'],
    });
  });
});

describe('openStory', () => {
  it('reads only the layers of the first step before it resolves', async () => {
    const m = memory(files());
    const opened = await openStory(`${BASE}story.yaml`, BASE, { fetch: m.fetch });
    expect(m.asked).toEqual(['story.yaml', 'layers.json', 'a.geojson']);
    expect(ids(opened.loaded.layers)).toEqual(['a']);
    expect(opened.layerIds).toEqual(['a', 'b', 'c', 'd']);
    expect(opened.loaded.warnings).toEqual([]);
    expect(opened.layers.has(stepReferences(opened.loaded.story.steps[0]!))).toBe(true);
    expect(opened.layers.has(['b'])).toBe(false);
  });

  it('the first view can be another step (a deep link)', async () => {
    const m = memory(files());
    const opened = await openStory(`${BASE}story.yaml`, BASE, {
      fetch: m.fetch,
      first: (story) => stepReferences(story.steps[1]!),
    });
    expect(ids(opened.loaded.layers)).toEqual(['b']);
  });

  it('delivers the other layers in manifest order, however they arrive', async () => {
    const m = memory(files(), ['b.geojson', 'c.geojson', 'd.geojson']);
    const opened = await openStory(`${BASE}story.yaml`, BASE, { fetch: m.fetch });
    const delivered: string[] = [];
    opened.layers.onLayer = (l) => delivered.push(l.meta.id);
    opened.layers.loadRest();
    await m.release('d.geojson');
    await m.release('c.geojson');
    expect(delivered).toEqual([]); // b, before them in the manifest, is not in yet
    await m.release('b.geojson');
    expect(delivered).toEqual(['b', 'c', 'd']);
    expect(opened.layers.done).toBe(true);
  });

  it('a step waits for its layers, and only for those', async () => {
    const m = memory(files(), ['b.geojson', 'c.geojson', 'd.geojson']);
    const opened = await openStory(`${BASE}story.yaml`, BASE, { fetch: m.fetch });
    const third = stepReferences(opened.loaded.story.steps[2]!);
    let ready = false;
    void opened.layers.whenLoaded(third).then(() => (ready = true));
    await m.release('b.geojson');
    await m.release('c.geojson');
    expect(ready).toBe(false); // it also frames layer d
    await m.release('d.geojson');
    expect(ready).toBe(true);
  });

  it('a feature the first view names outside its layers makes it wait for all of them', async () => {
    const m = memory(files());
    const opened = await openStory(`${BASE}story.yaml`, BASE, {
      fetch: m.fetch,
      first: () => ['a', 'd1'],
    });
    expect(ids(opened.loaded.layers)).toEqual(['a', 'b', 'c', 'd']);
    expect(opened.layers.done).toBe(true);
  });

  it('once the last layer is in, the full check reports what the first one could not judge', async () => {
    const extra = '    places: [c1, nowhere-1]';
    const m = memory(files(extra));
    const opened = await openStory(`${BASE}story.yaml`, BASE, { fetch: m.fetch });
    // "nowhere-1" may be in a layer not read yet: nothing to say at first.
    expect(opened.loaded.warnings).toEqual([]);
    opened.layers.loadRest();
    const complete = await opened.layers.complete;
    const full = await loadStory(`${BASE}story.yaml`, BASE, memory(files(extra)).fetch);
    expect(complete.warnings.map(formatError)).toEqual(full.warnings.map(formatError));
    expect(complete.newWarnings.map(formatError)).toEqual([
      expect.stringMatching(/step "three" › steps\[2\]\.places\[1\]: unknown feature "nowhere-1"/),
    ]);
    expect(ids(complete.layers)).toEqual(['a', 'b', 'c', 'd']);
    expect([...complete.catalog.featureLayer.keys()]).toEqual(['a1', 'a2', 'b1', 'c1', 'd1']);
  });

  it('an unknown layer is reported at once (the manifest lists them all), and only once', async () => {
    const f = files();
    const typo = { ...f, 'story.yaml': f['story.yaml']!.replace('layers: [b]', 'layers: [b, e]') };
    const opened = await openStory(`${BASE}story.yaml`, BASE, { fetch: memory(typo).fetch });
    expect(opened.loaded.warnings.map(formatError)).toEqual([
      expect.stringMatching(/step "two" › steps\[1\]\.layers\[1\]: unknown layer "e"/),
    ]);
    opened.layers.loadRest();
    const complete = await opened.layers.complete;
    expect(complete.warnings.length).toBe(1);
    expect(complete.newWarnings).toEqual([]);
  });

  it('a broken layer file is a warning when it arrives, not a failure', async () => {
    const broken = { ...files(), 'c.geojson': '{ "type": "FeatureCollection", "features": [' };
    const opened = await openStory(`${BASE}story.yaml`, BASE, { fetch: memory(broken).fetch });
    opened.layers.loadRest();
    const complete = await opened.layers.complete;
    expect(ids(complete.layers)).toEqual(['a', 'b', 'd']);
    expect(complete.newWarnings.map(formatError)).toEqual([
      expect.stringMatching(/^c\.geojson.*not valid JSON/),
    ]);
  });

  it('a story that cannot run is refused with every problem, as loadStory refuses it', async () => {
    const bad = {
      ...files(),
      'story.yaml': files()['story.yaml']!.replace('year: 2000', 'year: soon'),
    };
    const lazy = await openStory(`${BASE}story.yaml`, BASE, { fetch: memory(bad).fetch }).catch(
      (e: unknown) => e,
    );
    const full = await loadStory(`${BASE}story.yaml`, BASE, memory(bad).fetch).catch(
      (e: unknown) => e,
    );
    expect(lazy).toBeInstanceOf(DataErrors);
    expect((lazy as DataErrors).errors.map(formatError)).toEqual(
      (full as DataErrors).errors.map(formatError),
    );
  });

  it('opens the Zhongguancun story on its first step’s two layers', async () => {
    const read = fileReader(root);
    const asked: string[] = [];
    const opened = await openStory(new URL('stories/zhongguancun.yaml', root).href, root.href, {
      fetch: (url) => (asked.push(url.replace(root.href, '')), read(url)),
    });
    expect(asked.filter((f) => f.endsWith('.geojson')).sort()).toEqual([
      'geo/science-park.geojson',
      'geo/us-places.geojson',
    ]);
    expect(opened.layerIds.length).toBeGreaterThan(10);
    opened.layers.loadRest();
    const complete = await opened.layers.complete;
    expect(complete.warnings).toEqual([]);
    expect(complete.layers.length).toBe(opened.layerIds.length);
  });
});

describe('what the map session waits for', () => {
  const story = async () =>
    (await openStory(`${BASE}story.yaml`, BASE, { fetch: memory(files()).fetch })).loaded.story;

  it('the first view: the deep link’s step, or in explore what it shows', async () => {
    const s = await story();
    const all = ['a', 'b', 'c', 'd'];
    expect(firstViewIds(s, {}, false, all)).toEqual(stepReferences(s.steps[0]!));
    expect(firstViewIds(s, { step: 'two' }, false, all)).toEqual(stepReferences(s.steps[1]!));
    expect(firstViewIds(s, { step: 'two' }, true, all)).toEqual(['b']);
    expect(firstViewIds(s, { layers: ['c', 'd'] }, true, all)).toEqual(['c', 'd']);
  });

  it('explore with nothing shown and no camera frames the whole story: every layer', async () => {
    const s = await story();
    const noLayers = { ...s, steps: s.steps.map((st) => ({ ...st, layers: [] })) };
    expect(firstViewIds(noLayers, {}, true, ['a', 'b'])).toEqual(['a', 'b']);
    expect(
      firstViewIds(noLayers, { camera: { center: [0, 0], zoom: 1, bearing: 0, pitch: 0 } }, true, [
        'a',
        'b',
      ]),
    ).toEqual([]);
  });

  it('a step waits for everything it names; explore only for what it frames', async () => {
    const s = await story();
    const index = new FeatureIndex();
    expect(viewIds({ kind: 'step', lang: 'en', index, step: s.steps[2]!, run: 1 })).toEqual({
      now: stepReferences(s.steps[2]!),
      soon: [],
    });
    expect(
      viewIds({
        kind: 'explore',
        lang: 'en',
        index,
        layers: ['b'],
        year: 2000,
        focus: { ids: ['c'], seq: 1 },
      }),
    ).toEqual({ now: ['c'], soon: ['b'] });
    expect(viewIds({ kind: 'idle', lang: 'en' })).toEqual({ now: [], soon: [] });
  });
});
