import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import {
  FAR_KM,
  distanceKm,
  farPlaces,
  lintStory,
  listWithoutBlankLine,
  storyPlaces,
  type LintLayer,
} from '../../src/story/lint-story';
import { parseMarkdown } from '../../src/story/markdown';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/** The real Zhongguancun story and every layer of its manifest, as the validator reads them. */
function zhongguancun() {
  const story = parse(read('stories/zhongguancun.yaml')) as Record<string, unknown>;
  const manifest = JSON.parse(read('geo/layers.json')) as {
    layers: { id: string; file: string }[];
  };
  const layers: LintLayer[] = manifest.layers.map((l) => ({
    id: l.id,
    file: `geo/${l.file}`,
    data: JSON.parse(read(`geo/${l.file}`)) as unknown,
  }));
  return { story, layers };
}

describe('lists without their empty line', () => {
  it('agrees with the Markdown parser about what becomes a list', () => {
    const glued = 'Two things follow:\n- labs move in\n- companies start';
    // The renderer really does join it into one paragraph: that is what the warning is for.
    expect(parseMarkdown(glued).map((b) => b.type)).toEqual(['p']);
    expect(listWithoutBlankLine(glued)).toMatch(
      /"- labs move in" has no empty line before it.*"Two things follow: - labs move in - companies start"/,
    );
    const apart = 'Two things follow:\n\n- labs move in\n- companies start';
    expect(parseMarkdown(apart).map((b) => b.type)).toEqual(['p', 'ul']);
    expect(listWithoutBlankLine(apart)).toBeUndefined();
  });

  it('also catches text glued after a list, and leaves emphasis at a line start alone', () => {
    expect(listWithoutBlankLine('- one\n- two\nAnd then more.')).toMatch(/after the list/);
    expect(listWithoutBlankLine('*Emphasis* opens\nthis paragraph.')).toBeUndefined();
    expect(listWithoutBlankLine('- only\n- a list')).toBeUndefined();
  });

  it('warns with the step and the language', () => {
    const story = {
      steps: [
        { id: 'a', year: 2000, body: { en: 'Intro:\n- x\n- y', zh: '介绍：\n\n- 甲\n- 乙' } },
      ],
    };
    const [w, ...rest] = lintStory(story, 's.yaml', []);
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ path: 'steps[0].body.en', stepId: 'a', severity: 'warning' });
  });
});

describe('highlights out of their years', () => {
  const layer: LintLayer = {
    id: 'sites',
    file: 'sites.geojson',
    data: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [116.3, 39.98] },
          properties: { id: 'new-site', since: 1999 },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [116.31, 39.98] },
          properties: { id: 'gone-site', until: 1990 },
        },
      ],
    },
  };
  const step = (extra: Record<string, unknown>) => ({
    steps: [{ id: 's', camera: { center: [116.3, 39.98], zoom: 12 }, ...extra }],
  });

  it('warns when the step’s map year is before `since` or after `until`', () => {
    const early = lintStory(step({ year: 1984, highlight: ['new-site'] }), 'x.yaml', [layer]);
    expect(early.map((w) => w.message)).toEqual([
      'feature "new-site" exists only from 1999 ("since"), but this step\'s map shows 1984, so it is not drawn; change the step\'s "mapYear" or the feature\'s years',
    ]);
    const late = lintStory(step({ year: 1995, highlight: ['gone-site'] }), 'x.yaml', [layer]);
    expect(late[0]!.message).toMatch(/only until 1990/);
  });

  it('uses mapYear, else the end of a year range, as the app does', () => {
    expect(lintStory(step({ year: [1984, 2001], highlight: ['new-site'] }), 'x', [layer])).toEqual(
      [],
    );
    expect(
      lintStory(step({ year: 2005, mapYear: 1990, highlight: ['new-site'] }), 'x', [layer]),
    ).toHaveLength(1);
    expect(lintStory(step({ year: 1999, highlight: ['new-site'] }), 'x', [layer])).toEqual([]);
  });
});

describe('places far from all others', () => {
  it('stays silent on the real Zhongguancun story, which spans California to Beijing', () => {
    const { story, layers } = zhongguancun();
    const places = storyPlaces(story, 'stories/zhongguancun.yaml', layers);
    expect(places.length).toBeGreaterThan(50);
    const lngs = places.flatMap((p) => p.points.map((q) => q[0]));
    // The story really is spread over two continents: a rule based on a centre would fire.
    expect(Math.min(...lngs)).toBeLessThan(-120);
    expect(Math.max(...lngs)).toBeGreaterThan(116);
    expect(lintStory(story, 'stories/zhongguancun.yaml', layers)).toEqual([]);
  });

  it('finds one feature of that same story put on the wrong continent', () => {
    const { story, layers } = zhongguancun();
    const companies = layers.find((l) => l.id === 'companies')!;
    const data = structuredClone(companies.data) as {
      features: { geometry: { coordinates: number[] }; properties: { id: string } }[];
    };
    const lenovo = data.features.findIndex((f) => f.properties.id === 'lenovo');
    const [lng, lat] = data.features[lenovo]!.geometry.coordinates as [number, number];
    // Lenovo swapped would have latitude 116°, an error the GeoJSON check reports; here its
    // numbers are mistyped instead, which lands it near the Aegean Sea.
    data.features[lenovo]!.geometry.coordinates = [lat, lng - 90];
    const warnings = lintStory(
      story,
      'stories/zhongguancun.yaml',
      layers.map((l) => (l === companies ? { ...l, data } : l)),
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      file: 'geo/companies.geojson',
      path: `features[${lenovo}] (lenovo).geometry.coordinates`,
      severity: 'warning',
    });
    expect(warnings[0]!.message).toMatch(/feature "lenovo" is [\d,]+ km from every other place/);
  });

  const point = (id: string, lng: number, lat: number) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lng, lat] },
    properties: { id },
  });
  const cambridge = [
    point('kendall-square', -71.08417, 42.36222),
    point('kendall-mit-station', -71.0862, 42.3623),
    point('mit-main-campus', -71.0934, 42.3591),
    point('broad-institute', -71.08694, 42.36806),
  ];
  const layerOf = (features: unknown[]): LintLayer[] => [
    { id: 'places', file: 'places.geojson', data: { type: 'FeatureCollection', features } },
  ];

  it('recognises a lat/lon swap that stays inside the valid range', () => {
    const swapped = [...cambridge.slice(0, 3), point('broad-institute', 42.36806, -71.08694)];
    const [w, ...rest] = lintStory({ steps: [] }, 's.yaml', layerOf(swapped));
    expect(rest).toEqual([]);
    expect(w!.message).toMatch(
      /^feature "broad-institute" is [\d,]+ km from every other place of the story, but \[-71.08694, 42.36806\] would be under 1 km from "kendall-mit-station": are latitude and longitude the wrong way round\?/,
    );
  });

  it('flags a swapped camera, but not a wide view that shows the whole region', () => {
    const story = {
      steps: [
        { id: 'near', camera: { center: [-71.085, 42.362], zoom: 15 } },
        { id: 'swapped', camera: { center: [42.362, -71.085], zoom: 15 } },
        { id: 'world', camera: { center: [0, 20], zoom: 1 } },
      ],
    };
    const warnings = lintStory(story, 's.yaml', layerOf(cambridge));
    expect(warnings.map((w) => [w.stepId, w.path])).toEqual([
      ['swapped', 'steps[1].camera.center'],
    ]);
  });

  it('does not flag places that are far apart when the whole story is spread out', () => {
    const capitals = [
      point('beijing', 116.39, 39.9),
      point('washington', -77.04, 38.9),
      point('brasilia', -47.88, -15.79),
      point('canberra', 149.13, -35.28),
      point('nairobi', 36.82, -1.29),
    ];
    expect(lintStory({ steps: [] }, 's.yaml', layerOf(capitals))).toEqual([]);
  });

  it('flags a lone place among clustered ones even when a swap would not explain it', () => {
    const places = storyPlaces({}, 's.yaml', layerOf([...cambridge, point('typo', -7.1, 42.36)]));
    const warnings = farPlaces(places);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/feature "typo" is [\d,]+ km .*nearest: "[a-z-]+"\)/);
    expect(distanceKm([-7.1, 42.36], [-71.0934, 42.3591])).toBeGreaterThan(FAR_KM);
  });
});

describe('swapped places that sit together', () => {
  it('warns for each of three swapped points near one another, naming the fix', () => {
    const point = (id: string, lng: number, lat: number) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lng, lat] },
      properties: { id },
    });
    const data = {
      type: 'FeatureCollection',
      features: [
        point('city-hall', -75.1636, 39.9524),
        point('old-city', -75.1433, 39.9496),
        point('fairmount', -75.1803, 39.9566),
        point('university-city', -75.1932, 39.9522),
        point('fishtown', -75.1348, 39.9713),
        // Written { lon: 40.03, lat: -75.14 }: three in the Southern Ocean, close together.
        point('germantown', 40.03, -75.17),
        point('manayunk', 40.02, -75.22),
        point('frankford', 40.02, -75.08),
      ],
    };
    const warnings = lintStory({ steps: [] }, 's.yaml', [
      { id: 'places', file: 'p.geojson', data },
    ]);
    expect(warnings.map((w) => w.path)).toEqual([
      'features[5] (germantown).geometry.coordinates',
      'features[6] (manayunk).geometry.coordinates',
      'features[7] (frankford).geometry.coordinates',
    ]);
    expect(warnings[0]!.message).toMatch(
      /^feature "germantown" is [\d,]+ km from the middle of the story's other places, but with its numbers swapped, \[-75\.17, 40\.03\], it is \d+ km from it: latitude and longitude are probably the wrong way round .*write \[-75\.17, 40\.03\]$/,
    );
  });
});
