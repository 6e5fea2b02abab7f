// mapbox/storytelling config.js → story: cameras, text made safe, the report, and a story
// the project's loader accepts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importMapboxStorytelling } from '../../src/story/import/mapbox-storytelling';
import { ImportError } from '../../src/story/import/import-error';
import { detectFormat, importStory } from '../../src/story/import';
import { parseMarkdown, type Block, type Inline } from '../../src/story/markdown';
import { loadImported } from '../fixtures/import/load-imported';
import { regionLookup } from '../../src/story/import/regions';

/** Mainland China's provinces from the embedded basemap, as `npm run import` uses them. */
const mainlandChina = regionLookup(
  JSON.parse(
    readFileSync(new URL('../../public/basemap/china.geojson', import.meta.url), 'utf8'),
  ) as import('geojson').FeatureCollection,
  (p) => (p.layer === 'province' && typeof p.name === 'string' ? p.name : undefined),
);

const FIXTURE = readFileSync(
  new URL('../fixtures/import/mapbox/config.js', import.meta.url),
  'utf8',
);
const TOKEN = 'pk.eyJ1IjoiZml4dHVyZSIsImEiOiJub3QtYS1yZWFsLXRva2VuIn0.FIXTURE-ONLY';

const imported = () => importMapboxStorytelling(FIXTURE, { sourceName: 'config.js' });

function hrefs(blocks: Block[]): string[] {
  const out: string[] = [];
  const visit = (nodes: Inline[]) =>
    nodes.forEach((n) => {
      if (n.type === 'link') out.push(n.href);
      if (n.type !== 'text') visit(n.children);
    });
  for (const b of blocks) {
    if (b.type === 'p') visit(b.children);
    else b.items.forEach(visit);
  }
  return out;
}

/** A minimal config in the template's shape, for the cases the fixture does not cover. */
const config = (chapters: string, top = 'showMarkers: false,') =>
  `var config = { style: 'mapbox://styles/mapbox/streets-v11', accessToken: 'pk.secret', ${top}
    title: 'T', chapters: [${chapters}] };`;
const chapter = (id: string, extra = '') =>
  `{ id: '${id}', title: 'Chapter ${id}', description: 'Text ${id}.', location: { center: [10, 50], zoom: 9, pitch: 10, bearing: 20 }, ${extra} }`;

describe('importMapboxStorytelling: the fixture', () => {
  it('is detected as a mapbox/storytelling config', () => {
    expect(detectFormat(FIXTURE)).toBe('mapbox-storytelling');
    expect(importStory(FIXTURE).format).toBe('mapbox-storytelling');
  });

  it('carries every chapter camera: center, zoom, pitch, bearing, transition and duration', () => {
    const { story } = imported();
    expect(story.steps.map((s) => [s.id, s.camera])).toEqual([
      [
        'a-city-on-the-tagus',
        { center: [-9.15, 38.72], zoom: 11.5, bearing: 0, pitch: 0, transition: 'fly' },
      ],
      [
        'belem-tower',
        { center: [-9.2159, 38.6916], zoom: 15.2, bearing: -20, pitch: 45, transition: 'ease' },
      ],
      [
        'the-earthquake',
        { center: [-9.1364, 38.7075], zoom: 14, bearing: 30, pitch: 60, transition: 'jump' },
      ],
      [
        'over-the-baixa',
        { center: [-9.1385, 38.7105], zoom: 16, bearing: 15, pitch: 50, transition: 'fly' },
      ],
      [
        'the-pombaline-grid',
        { center: [-9.1385, 38.7105], zoom: 15.5, bearing: -10, pitch: 30, transition: 'fly' },
      ],
      [
        'a-bridge',
        {
          center: [-9.1775, 38.6911],
          zoom: 13.5,
          bearing: -43.2,
          pitch: 60,
          transition: 'fly',
          duration: 6000,
        },
      ],
    ]);
  });

  it('carries the title, subtitle, byline and footer, in English', () => {
    const { story } = imported();
    expect(story.id).toBe('lisbon-rebuilt');
    expect(story.languages).toEqual(['en']);
    expect(story.title).toEqual({ en: 'Lisbon, Rebuilt' });
    expect(story.subtitle).toEqual({ en: 'How a river city came back after the great earthquake' });
    expect(story.credits?.text?.en).toBe(
      'By a fixture writer\n\nSource: [our notes](https://example.org/lisbon-notes). More',
    );
  });

  it('turns descriptions into safe Markdown: no markup, no script, only http(s) links', () => {
    const { story } = imported();
    const earthquake = story.steps.find((s) => s.id === 'the-earthquake')!;
    expect(earthquake.body.en).toBe(
      '**1 November 1755**\n\nThe ground shook, fire spread and a wave came up the river.\n\n- the shaking\n- the _fires_\n- the wave',
    );
    const texts = story.steps.flatMap((s) => [
      s.title.en!,
      s.body.en!,
      ...(s.media ?? []).map((m) => m.alt.en!),
    ]);
    texts.push(story.title.en!, story.subtitle!.en!, story.credits!.text!.en!);
    for (const t of texts) {
      expect(t).not.toMatch(/<|>|xss|javascript|onerror|onload|onclick/i);
      for (const href of hrefs(parseMarkdown(t))) expect(href).toMatch(/^https:\/\//);
    }
    expect(story.steps.find((s) => s.id === 'belem-tower')!.body.en).toBe(
      'A fort on the water guarded the harbour mouth. Read the plan or [its history](https://en.wikipedia.org/wiki/Bel%C3%A9m_Tower).',
    );
  });

  it('keeps the hidden chapter as a step with its camera and a placeholder text', () => {
    const { story, report } = imported();
    const hidden = story.steps.find((s) => s.id === 'over-the-baixa')!;
    expect(hidden.title).toEqual({ en: 'Map view' });
    expect(hidden.body.en).toMatch(/No text in the original/);
    expect(report).toContain(
      'assumed: chapter "over-the-baixa" is hidden (the reader sees its map view with no text): kept as step "over-the-baixa" with its camera and a placeholder text; edit or delete it',
    );
  });

  it('derives years from the text and says where each came from', () => {
    const { story, report } = imported();
    expect(story.steps.map((s) => s.year)).toEqual([1519, 1519, 1755, 1755, 1758, 1966]);
    expect(report.join('\n')).toContain('chapter "belem-tower" → 1519 (its title)');
    expect(report.join('\n')).toContain('chapter "the-earthquake" → 1755 (its description)');
    expect(report.join('\n')).toContain(
      'chapter "a-city-on-the-tagus" → 1519 (from chapter "belem-tower"); chapter "over-the-baixa" → 1755 (from chapter "the-earthquake")',
    );
  });

  it('reports what has no equivalent: rotation, callbacks, Studio layers, the Mapbox style', () => {
    const { report } = imported();
    expect(report).toEqual(
      expect.arrayContaining([
        'not carried: chapter "the-earthquake": rotateAnimation (a slow turn once the camera arrives) has no equivalent; the camera stays at bearing 30',
        'not carried: chapter "the-earthquake": callback "showQuakeChart" (the page\'s own code, run on entering the chapter)',
        'not carried: line 154: `chapters[5].callback` is a function, not data: skipped (the importer never runs code)',
        'not carried: chapter "belem-tower": onChapterEnter/onChapterExit fade Mapbox Studio layer "tower-outline", which live in the Mapbox style; add the data as GeoJSON layers to show it',
        'not carried: chapter "a-bridge": onChapterEnter/onChapterExit fade Mapbox Studio layer "bridge-traffic", which live in the Mapbox style; add the data as GeoJSON layers to show it',
        'not carried: chapter "a-bridge": location.speed',
        'not carried: accessToken: the Mapbox token is not needed and was not copied anywhere',
        'changed: chapter "the-earthquake" description: removed <script>',
        'changed: chapter "belem-tower" description: removed event-handler attribute onerror',
        'not carried: chapter "belem-tower" description: <img src="x">, which is not an image file',
      ]),
    );
    expect(
      report.some((l) => l.startsWith('not carried: style "mapbox://styles/mapbox/streets-v11"')),
    ).toBe(true);
  });

  it('never writes the access token, in the story, its layers or the report', async () => {
    const result = imported();
    const { files } = await loadImported(result);
    const everything = [...files.values(), ...result.report].join('\n');
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain('FIXTURE-ONLY');
  });

  it('turns showMarkers into a point layer: one marker per distinct centre, each step highlighting its own', () => {
    const { story, layers } = imported();
    expect(story.layers).toBe('layers.json');
    expect(story.defaults).toEqual({ layers: ['places'] });
    expect(layers!.manifest.layers).toMatchObject([
      { id: 'places', kind: 'point', color: '#3fb1ce', file: 'places.geojson' },
    ]);
    const features = layers!.places.features;
    // The hidden chapter and the next share a centre: one marker, named after the real title.
    expect(features.map((f) => f.properties!.id)).toEqual([
      'a-city-on-the-tagus-place',
      'belem-tower-place',
      'the-earthquake-place',
      'over-the-baixa-place',
      'a-bridge-place',
    ]);
    expect(features[3]!.properties!.name).toBe('The Pombaline grid');
    expect(story.steps.map((s) => s.highlight)).toEqual([
      ['a-city-on-the-tagus-place'],
      ['belem-tower-place'],
      ['the-earthquake-place'],
      ['over-the-baixa-place'],
      ['over-the-baixa-place'],
      ['a-bridge-place'],
    ]);
    for (const f of features) {
      expect(f.properties).toMatchObject({
        kind: 'story-place',
        source: expect.stringContaining('config.js'),
      });
      expect(f.properties!.precision_m).toBeGreaterThan(0);
    }
    // 25 px at zoom 15.2 and 38.7° N, about 1.6 m a pixel.
    expect(features[1]!.properties!.precision_m).toBe(41);
  });

  it('makes images media: the chapter image and http(s)/relative images from the description', () => {
    const result = importMapboxStorytelling(FIXTURE, {
      rebaseUrl: (p) => `../mapbox/${p.replace(/^\.\//, '')}`,
    });
    const media = Object.fromEntries(result.story.steps.map((s) => [s.id, s.media]));
    expect(media['a-city-on-the-tagus']).toEqual([
      { src: '../mapbox/images/tagus.png', alt: { en: 'A city on the Tagus' } },
    ]);
    expect(media['the-pombaline-grid']).toEqual([
      { src: 'https://images.example.org/lisbon/baixa.jpg', alt: { en: 'The Pombaline grid' } },
    ]);
    expect(result.report.join('\n')).toContain('images stay on their servers (images.example.org)');
  });

  it('validates and loads with the project’s own loader', async () => {
    const { check, loaded } = await loadImported(imported());
    expect(check.errors).toEqual([]);
    expect(loaded!.story.steps.map((s) => [s.id, s.camera.pitch, s.camera.bearing])).toEqual([
      ['a-city-on-the-tagus', 0, 0],
      ['belem-tower', 45, -20],
      ['the-earthquake', 60, 30],
      ['over-the-baixa', 50, 15],
      ['the-pombaline-grid', 30, -10],
      ['a-bridge', 60, -43.2],
    ]);
    expect(loaded!.layers.map((l) => l.meta.id)).toEqual(['places']);
  });
});

describe('importMapboxStorytelling: other configs', () => {
  it('without markers writes no layers, and the story still validates', async () => {
    const result = importMapboxStorytelling(config(chapter('one')));
    expect(result.layers).toBeUndefined();
    expect(result.story.layers).toBeUndefined();
    expect(result.report).toContain(
      'no markers (showMarkers is off): the story has no layers and shows the basemap only',
    );
    expect((await loadImported(result)).check.errors).toEqual([]);
  });

  it('makes ids unique and kebab-case, and reports the renames', () => {
    const result = importMapboxStorytelling(
      config(
        [chapter('slug-style-id'), chapter('slug-style-id'), chapter('Intro Chapter')].join(','),
      ),
    );
    expect(result.story.steps.map((s) => s.id)).toEqual([
      'slug-style-id',
      'slug-style-id-2',
      'intro-chapter',
    ]);
    expect(result.report).toContain(
      'changed: chapter 2 ("slug-style-id") is step "slug-style-id-2" (ids must be unique and kebab-case)',
    );
    expect(result.report).toContain(
      'changed: chapter "Intro Chapter" is step "intro-chapter" (ids must be unique and kebab-case)',
    );
  });

  it('marks a mostly Chinese story as zh', async () => {
    const zh = `var config = { showMarkers: true, title: '中关村的故事', chapters: [
      { id: 'yi', title: '电子一条街', description: '<p>1980年代，海淀的这条街上开满了电子公司。</p>',
        location: { center: [116.3167, 39.9833], zoom: 14, pitch: 0, bearing: 0 } }] };`;
    const result = importMapboxStorytelling(zh, { regionOf: mainlandChina });
    expect(result.story.languages).toEqual(['zh']);
    expect(result.story.steps[0]!.title).toEqual({ zh: '电子一条街' });
    expect(result.story.steps[0]!.year).toBe(1980);
    expect(result.layers!.places.features[0]!.properties).toMatchObject({
      name: '电子一条街',
      name_zh: '电子一条街',
    });
    expect(result.report.join('\n')).toMatch(/1 place is in mainland China \(Beijing\)/);
    expect((await loadImported(result)).check.errors).toEqual([]);
  });

  it('accepts {lng, lat} centres and clamps values outside our ranges', () => {
    const result = importMapboxStorytelling(
      config(
        `{ id: 'a', title: 'A', description: 'x', location: { center: { lng: 2.35, lat: 48.85 }, zoom: 23, pitch: 90, bearing: 270 } }`,
      ),
    );
    expect(result.story.steps[0]!.camera).toEqual({
      center: [2.35, 48.85],
      zoom: 22,
      pitch: 85,
      bearing: -90,
    });
    expect(result.report).toEqual(
      expect.arrayContaining([
        'changed: chapter "a": zoom 23 is outside 0–22; used 22',
        'changed: chapter "a": pitch 90 is outside 0–85; used 85',
      ]),
    );
  });

  it('keeps the camera of the step before when a chapter has no location', () => {
    const result = importMapboxStorytelling(
      config([chapter('a'), `{ id: 'b', title: 'B', description: 'y' }`].join(',')),
    );
    expect(result.story.steps[1]!.camera).toEqual(result.story.steps[0]!.camera);
    expect(result.report).toContain(
      'assumed: chapter "b": no place of its own (location.center null); it keeps the camera of the step before, as the original\'s map stays where it was',
    );
  });

  it('invents no year when nothing names one: the story has no timeline', async () => {
    const result = importMapboxStorytelling(config(chapter('a')), {});
    expect('year' in result.story.steps[0]!).toBe(false);
    expect(result.report.join('\n')).toContain(
      'no step has a date: the story has no timeline (steps without `year`)',
    );
    expect((await loadImported(result)).check.errors).toEqual([]);
  });

  it('refuses a config without chapters, and text that is not JavaScript', () => {
    expect(() => importMapboxStorytelling('var config = { title: "x" };')).toThrow(ImportError);
    expect(() => importMapboxStorytelling('var config = { title: "x" };')).toThrow(/no `chapters`/);
    expect(() => importMapboxStorytelling('chapters: [ <html>')).toThrow(/not valid JavaScript/);
  });
});
