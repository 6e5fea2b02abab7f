// Any city's streets from a local PMTiles archive: the archive is written here at test time
// (no binary in the repository) and served beside the app with range requests; the map draws
// its streets and names in either language with the archive's own credit. A broken archive
// is explained and the embedded basemap is drawn.
import { writeFileSync } from 'node:fs';
import { test, expect, generatedFixtures, type AppPage } from './support/app';
import { StoryDriver } from './support/story-driver';
import { TEST_CITY, writeTestCityArchive } from '../support/write-pmtiles';

const CITY = 'fixtures/pmtiles-city.pmtiles';
const TRUNCATED = 'fixtures/pmtiles-truncated.pmtiles';
const NOT_AN_ARCHIVE = 'fixtures/pmtiles-not-an-archive.pmtiles';
const CAMERA = `${TEST_CITY.center.join(',')},14`;

test.beforeAll(() => {
  const dir = generatedFixtures();
  const city = writeTestCityArchive();
  writeFileSync(`${dir}pmtiles-city.pmtiles`, city);
  writeFileSync(`${dir}pmtiles-truncated.pmtiles`, city.subarray(0, Math.floor(city.length / 2)));
  writeFileSync(
    `${dir}pmtiles-not-an-archive.pmtiles`,
    '{"type":"FeatureCollection","features":[]}',
  );
});

/** Names of the features drawn on these style layers right now. */
async function drawnNames(app: AppPage, layers: string[]): Promise<string[]> {
  return app.page.evaluate((ids) => {
    const map = document.querySelector('story-map')!.map!;
    const present = ids.filter((id) => map.getLayer(id));
    const names = map
      .queryRenderedFeatures({ layers: present })
      .map((f) => String(f.properties.name));
    return [...new Set(names)].sort();
  }, layers);
}

async function openCity(app: AppPage, lang: 'en' | 'zh') {
  const story = new StoryDriver(app.page);
  const ranges: number[] = [];
  app.page.on('response', (r) => {
    if (r.url().endsWith('pmtiles-city.pmtiles')) ranges.push(r.status());
  });
  await story.open({ basemap: CITY, mode: 'explore', camera: CAMERA, lang });
  await app.page.waitForFunction(() => document.querySelector('story-map')!.map?.loaded());
  return { story, ranges };
}

for (const lang of ['en', 'zh'] as const) {
  test(`a local archive draws its streets and names (${lang})`, async ({ app }) => {
    const { story, ranges } = await openCity(app, lang);
    await expect
      .poll(() => drawnNames(app, ['pm-road']), { timeout: 30_000 })
      .toEqual(expect.arrayContaining(['Avenida das Gaivotas', 'Rua dos Limoeiros']));
    await expect
      .poll(() => drawnNames(app, ['pm-road-label']))
      .toEqual(expect.arrayContaining(['Avenida das Gaivotas']));
    await expect
      .poll(() => drawnNames(app, ['pm-locality-label', 'pm-neighbourhood-label']))
      .toEqual(expect.arrayContaining(['Vila Gaivota']));
    expect(await drawnNames(app, ['pm-water'])).toContain('Rio Sereno');
    expect(await drawnNames(app, ['pm-landuse-park'])).toContain('Jardim das Gaivotas');

    const textField = await app.page.evaluate(() =>
      JSON.stringify(
        document
          .querySelector('story-map')!
          .map!.getLayoutProperty('pm-locality-label', 'text-field'),
      ),
    );
    expect(textField).toContain(lang === 'zh' ? '"name:zh"' : '"name:en"');
    expect(await story.canvasColours()).toBeGreaterThan(8);

    const credit = app.page.locator('.maplibregl-ctrl-attrib-inner');
    await expect(credit).toContainText('Test city (fictional data) © tests');
    await expect(credit.getByRole('link', { name: 'Test city' })).toHaveAttribute(
      'rel',
      'noopener noreferrer',
    );
    expect(ranges.length).toBeGreaterThan(1);
    expect(ranges.every((status) => status === 206)).toBe(true);
    expect(app.outsideRequests).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
    await expect(app.page.getByRole('alert')).toHaveCount(0);
  });
}

test('the archive’s labels follow a language switch', async ({ app }) => {
  await openCity(app, 'en');
  await app.page.evaluate(() => (document.querySelector('story-map')!.lang = 'zh'));
  await expect
    .poll(() =>
      app.page.evaluate(() =>
        JSON.stringify(
          document
            .querySelector('story-map')!
            .map!.getLayoutProperty('pm-road-label', 'text-field'),
        ),
      ),
    )
    .toContain('"name:zh"');
  expect(app.consoleErrors).toEqual([]);
});

for (const [file, reason] of [
  [TRUNCATED, 'the archive is truncated'],
  [NOT_AN_ARCHIVE, 'not a PMTiles archive'],
] as const) {
  test(`${file.replace('fixtures/', '')} is explained and the embedded basemap drawn`, async ({
    app,
  }) => {
    const story = new StoryDriver(app.page);
    await story.open({ basemap: file });
    const alert = app.page.getByRole('alert');
    await expect(alert).toContainText(file);
    await expect(alert).toContainText(reason);
    await story.waitForEvent('step-settled');
    const sources = await app.page.evaluate(() =>
      Object.keys(document.querySelector('story-map')!.map!.getStyle().sources),
    );
    expect(sources).toContain('basemap-beijing');
    expect(sources).not.toContain('pmtiles-basemap');
    expect(await story.canvasColours()).toBeGreaterThan(8);
    expect(app.consoleErrors).toEqual([]);
    expect(app.outsideRequests).toEqual([]);
  });
}
