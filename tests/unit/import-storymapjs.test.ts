// Knight Lab StoryMapJS JSON → story: the overview, slides, dates, Leaflet zoom, media, and a
// story the project's loader accepts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  importStoryMapJS,
  mediaKind,
  LEAFLET_TO_MAPLIBRE_ZOOM,
} from '../../src/story/import/storymapjs';
import { ImportError } from '../../src/story/import/import-error';
import { detectFormat } from '../../src/story/import';
import { loadImported } from '../fixtures/import/load-imported';

const FIXTURE = readFileSync(
  new URL('../fixtures/import/storymapjs/edinburgh.json', import.meta.url),
  'utf8',
);
const imported = () => importStoryMapJS(FIXTURE, { sourceName: 'edinburgh.json' });

const storymap = (slides: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ storymap: { calculate_zoom: false, ...extra, slides } });
const slide = (headline: string, date: string, lat?: number, lon?: number, zoom?: number) => ({
  date,
  text: { headline, text: `<p>About ${headline}.</p>` },
  ...(lat !== undefined ? { location: { lat, lon, zoom, line: true } } : {}),
  media: { url: '', caption: '', credit: '' },
});

describe('importStoryMapJS: the fixture', () => {
  it('is detected as StoryMapJS', () => {
    expect(detectFormat(FIXTURE)).toBe('storymapjs');
  });

  it('makes the overview the title and subtitle, and an opening step that frames every place', () => {
    const { story, report } = imported();
    expect(story.title).toEqual({ en: 'Edinburgh in five places' });
    expect(story.subtitle).toEqual({ en: 'From the castle rock to the Forth' });
    const overview = story.steps[0]!;
    expect(overview).toMatchObject({
      id: 'overview',
      year: [1128, 1890],
      title: { en: 'Edinburgh in five places' },
      camera: { fit: ['places'], padding: 80 },
      media: [
        {
          src: 'https://images.example.org/edinburgh/skyline.jpg',
          alt: { en: 'The Old Town seen from Calton Hill' },
          credit: 'Fixture photographer',
        },
      ],
    });
    expect(overview.body.en).toMatch(/^A short walk through the Scottish capital/);
    expect(report).toContain(
      'assumed: the overview has no date; its year is the span of the slides, 1128–1890',
    );
  });

  it('converts each slide’s zoom from Leaflet’s 256-px tiles to MapLibre’s 512-px tiles', () => {
    expect(LEAFLET_TO_MAPLIBRE_ZOOM).toBe(-1);
    const { story } = imported();
    expect(story.steps.map((s) => [s.id, s.camera])).toEqual([
      ['overview', { fit: ['places'], padding: 80 }],
      ['holyrood-abbey', { center: [-3.1722, 55.9527], zoom: 14 }],
      ['castle-rock', { center: [-3.1999, 55.9486], zoom: 13 }],
      ['the-unfinished-monument', { center: [-3.1827, 55.9553], zoom: 15 }],
      ['the-forth-bridge', { center: [-3.3884, 56.0003], zoom: 11 }],
      // No location: StoryMapJS shows its overview of every place.
      ['what-we-left-out', { fit: ['places'], padding: 80 }],
    ]);
  });

  it('reads years from dates, ranges included, and reports the slides that have none', () => {
    const { story, report } = imported();
    expect(story.steps.map((s) => s.year)).toEqual([
      [1128, 1890],
      1128,
      1128,
      [1826, 1829],
      1890,
      1890,
    ]);
    expect(report).toContain(
      'assumed: 2 steps have no date of their own and took the year of the step before (or the first dated step), since a story dates every step or none: slide 3 → 1128 (from slide 2); slide 6 → 1890 (from slide 5)',
    );
  });

  it('keeps images with their caption as alt text and credit; reports video, tweets and Flickr pages', () => {
    const { story, report } = imported();
    expect(story.steps.find((s) => s.id === 'castle-rock')!.media).toEqual([
      {
        src: 'https://images.example.org/edinburgh/castle.png',
        alt: { en: 'The castle from the west' },
        credit: 'Fixture archive',
      },
    ]);
    for (const id of ['holyrood-abbey', 'the-unfinished-monument', 'the-forth-bridge'])
      expect(story.steps.find((s) => s.id === id)!.media).toBeUndefined();
    expect(report).toEqual(
      expect.arrayContaining([
        'not carried: slide 2: media https://www.youtube.com/watch?v=fixture00001 is a YouTube video; only images are carried',
        'not carried: slide 4: media https://twitter.com/fixture/status/1234567890 is a tweet; only images are carried',
        'not carried: slide 5: media http://www.flickr.com/photos/fixture/11436254373/ is a Flickr page (StoryMapJS asks Flickr for the picture); only images are carried',
        'not carried: slide 4: background colour',
        'not carried: custom marker icons (1): the places layer draws its own markers',
      ]),
    );
  });

  it('makes slide text safe', () => {
    const { story, report } = imported();
    expect(story.steps.find((s) => s.id === 'castle-rock')!.body.en).toBe(
      'The castle stands on the plug of an old volcano. Its walls look over the whole town.',
    );
    expect(story.steps.find((s) => s.id === 'what-we-left-out')!.body.en).toBe(
      'Many places did not fit: the list is long.',
    );
    for (const s of story.steps)
      expect(`${s.title.en} ${s.body.en}`).not.toMatch(/<|xss|javascript|onerror/);
    expect(report).toEqual(
      expect.arrayContaining([
        'changed: slide 3 text: removed event-handler attribute onerror',
        'changed: slide 3 text: removed <script>',
        'changed: slide 6 text: a link to "javascript:window.__xss=5" was not http(s): kept its text only',
      ]),
    );
  });

  it('puts a marker at every located slide and highlights it on its step', () => {
    const { story, layers } = imported();
    expect(
      layers!.places.features.map((f) => [
        f.properties!.id,
        f.properties!.name,
        f.geometry.coordinates,
      ]),
    ).toEqual([
      ['holyrood-abbey-place', 'Holyrood', [-3.1722, 55.9527]],
      ['castle-rock-place', 'Edinburgh Castle', [-3.1999, 55.9486]],
      ['the-unfinished-monument-place', 'Calton Hill', [-3.1827, 55.9553]],
      ['the-forth-bridge-place', 'Forth Bridge', [-3.3884, 56.0003]],
    ]);
    expect(story.steps.map((s) => s.highlight?.[0])).toEqual([
      undefined,
      'holyrood-abbey-place',
      'castle-rock-place',
      'the-unfinished-monument-place',
      'the-forth-bridge-place',
      undefined,
    ]);
  });

  it('reports StoryMapJS settings it does not carry, and never copies a token', () => {
    const result = importStoryMapJS(
      storymap([slide('A', '2001', 10, 10, 5)], {
        map_type: 'mapbox:x.y',
        map_access_token: 'pk.tok-SECRET',
      }),
    );
    expect(result.report).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^not carried: map_type "mapbox:x.y": the story runs on the app's own offline basemap/,
        ),
        'not carried: map_access_token: the token is not needed and was not copied anywhere',
      ]),
    );
    expect(JSON.stringify(result)).not.toContain('tok-SECRET');
  });

  it('says when calculate_zoom was on', () => {
    const json = JSON.stringify({ storymap: { slides: [slide('A', '2001', 10, 10, 5)] } });
    expect(importStoryMapJS(json).report.join('\n')).toMatch(
      /calculate_zoom is on .* uses the zoom saved with each slide/,
    );
  });

  it('validates and loads with the project’s own loader', async () => {
    const { check, loaded } = await loadImported(imported());
    expect(check.errors).toEqual([]);
    expect(loaded!.story.steps.map((s) => [s.id, s.year, s.yearEnd])).toEqual([
      ['overview', 1128, 1890],
      ['holyrood-abbey', 1128, undefined],
      ['castle-rock', 1128, undefined],
      ['the-unfinished-monument', 1826, 1829],
      ['the-forth-bridge', 1890, undefined],
      ['what-we-left-out', 1890, undefined],
    ]);
  });
});

describe('importStoryMapJS: other stories', () => {
  it('makes a zh-cn story Chinese', async () => {
    const result = importStoryMapJS(
      storymap(
        [
          { type: 'overview', text: { headline: '北京的大学', text: '<p>从清华到北大。</p>' } },
          slide('清华大学', '1911年', 40.0, 116.3264, 15),
        ],
        { language: 'zh-cn' },
      ),
    );
    expect(result.story.languages).toEqual(['zh']);
    expect(result.story.title).toEqual({ zh: '北京的大学' });
    expect(result.story.steps[1]).toMatchObject({ title: { zh: '清华大学' }, year: 1911 });
    expect((await loadImported(result)).check.errors).toEqual([]);
  });

  it('marks a story in another language English and says so', () => {
    const result = importStoryMapJS(
      storymap([slide('Paris', '1889', 48.8584, 2.2945, 16)], { language: 'fr' }),
    );
    expect(result.story.languages).toEqual(['en']);
    expect(result.report).toContain(
      'assumed: language "fr": our stories are English or Chinese; the text is kept as written and marked English (en)',
    );
  });

  it('without an overview takes the title from the first slide and has no opening step', () => {
    const result = importStoryMapJS(
      storymap([slide('Alpha', '1901', 1, 1, 3), slide('Beta', '1902', 2, 2, 3)]),
    );
    expect(result.story.title).toEqual({ en: 'Alpha' });
    expect(result.story.steps.map((s) => s.id)).toEqual(['alpha', 'beta']);
  });

  it('reads quoted numbers and a date given as a number, as hand-made files have them', () => {
    const result = importStoryMapJS(
      storymap([
        {
          date: 1890,
          text: { headline: 'Bridge', text: 'x' },
          location: { lat: '56.0003', lon: '-3.3884', zoom: '12' },
        },
      ]),
    );
    expect(result.story.steps[0]).toMatchObject({
      year: 1890,
      camera: { center: [-3.3884, 56.0003], zoom: 11 },
    });
  });

  it('clamps a zoom that the conversion takes below 0', () => {
    const result = importStoryMapJS(storymap([slide('World', '1900', 0, 0, 0)]));
    expect(result.story.steps[0]!.camera).toEqual({ center: [0, 0], zoom: 0 });
    expect(result.report).toContain('changed: slide 1: zoom -1 is outside 0–22; used 0');
  });

  it('refuses gigapixel stories, files without a storymap, and broken JSON', () => {
    expect(() =>
      importStoryMapJS(storymap([slide('A', '1', 1, 1, 1)], { map_as_image: true })),
    ).toThrow(/treats its map as an image \("map_as_image": true\)/);
    // A zoomify story is refused for what it is, not for a map_as_image it sets to false.
    const zoomify = () =>
      importStoryMapJS(
        storymap([slide('A', '1', 1, 1, 1)], {
          map_type: 'zoomify',
          map_as_image: false,
          zoomify: { path: 'https://tiles.example.org/scan/', width: 9000, height: 6000 },
        }),
      );
    expect(zoomify).toThrow(/gigapixel \(zoomify\) image \(map_type "zoomify"\)/);
    expect(zoomify).not.toThrow(/map_as_image/);
    expect(() => importStoryMapJS('{"timeline": {}}')).toThrow(ImportError);
    expect(() => importStoryMapJS('{"storymap": ')).toThrow(/not valid JSON/);
    expect(() => importStoryMapJS(storymap([]))).toThrow(/no slides/);
  });
});

describe('mediaKind', () => {
  it('sorts URLs the way StoryMapJS does', () => {
    expect(mediaKind('https://youtu.be/abc')).toBe('a YouTube video');
    expect(mediaKind('https://vimeo.com/1')).toBe('a Vimeo video');
    expect(mediaKind('https://upload.wikimedia.org/a/b/800px-X.PNG')).toBe('image');
    expect(mediaKind('https://en.wikipedia.org/wiki/Edinburgh')).toBe('a Wikipedia article');
    expect(mediaKind('<iframe src="https://example.org"></iframe>')).toBe(
      'an embedded frame (iframe)',
    );
    expect(mediaKind('https://example.org/song.mp3')).toBe('an audio file');
    expect(mediaKind('https://example.org/page')).toBe('a web page');
  });
});
