// Street-level context: at zoom 14 over Zhongguancun, Wudaokou and Shangdi the embedded
// basemap draws named streets, subway lines, stations and neighbourhood names in the reader's
// language, and only the subway of the map's year.
import type { Page } from '@playwright/test';
import { test, expect } from './support/app';
import { StoryDriver } from './support/story-driver';

// a smaller canvas: SwiftShader draws every frame on the CPU
test.use({ reducedMotion: 'reduce', viewport: { width: 960, height: 640 } });

const PLACES = [
  { name: 'Zhongguancun', camera: '116.316,39.983,14', neighbourhood: 'bm-nb-zhongguancun' },
  { name: 'Wudaokou', camera: '116.338,39.993,14', neighbourhood: 'bm-nb-wudaokou' },
  { name: 'Shangdi', camera: '116.31,40.03,14', neighbourhood: 'bm-nb-shangdi' },
] as const;

const LAYERS = {
  road: 'basemap-road',
  roadLabel: 'basemap-road-label',
  subwayLine: 'basemap-subway-line',
  station: 'basemap-subway-station',
  stationLabel: 'basemap-station-label',
  neighbourhoodLabel: 'basemap-neighbourhood-label',
} as const;

type LayerKey = keyof typeof LAYERS;

interface Drawn {
  id: string;
  name?: string;
  name_zh?: string;
  since?: number;
  until?: number;
}

const HAN = /\p{Script=Han}/u;

/** Moves the map to a `lng,lat,zoom` camera at once (no-op when it is already there). */
async function jumpTo(page: Page, camera: string) {
  const [lng, lat, zoom] = camera.split(',').map(Number) as [number, number, number];
  await page.waitForFunction(() => !!document.querySelector('story-map')?.map);
  await page.evaluate(
    ([center, z]) => document.querySelector('story-map')!.map!.jumpTo({ center, zoom: z }),
    [[lng, lat], zoom] as [[number, number], number],
  );
}

/** What each basemap layer draws in the viewport now, by layer key. */
async function drawn(page: Page): Promise<Record<LayerKey, Drawn[]>> {
  return page.evaluate((layers) => {
    const map = document.querySelector('story-map')!.map!;
    const out = {} as Record<string, Drawn[]>;
    for (const [key, layerId] of Object.entries(layers)) {
      const seen = new Map<string, Drawn>();
      for (const f of map.queryRenderedFeatures({ layers: [layerId] })) {
        const p = f.properties as Record<string, unknown>;
        const id = String(p.id);
        seen.set(id, {
          id,
          ...(typeof p.name === 'string' ? { name: p.name } : {}),
          ...(typeof p.name_zh === 'string' ? { name_zh: p.name_zh } : {}),
          ...(typeof p.since === 'number' ? { since: p.since } : {}),
          ...(typeof p.until === 'number' ? { until: p.until } : {}),
        });
      }
      out[key] = [...seen.values()].sort((a, b) => a.id.localeCompare(b.id));
    }
    return out as Record<LayerKey, Drawn[]>;
  }, LAYERS);
}

/** The `text-field` of a label layer, to tell which name a label shows. */
async function labelField(page: Page, layerId: string): Promise<string> {
  return page.evaluate(
    (id) =>
      JSON.stringify(document.querySelector('story-map')!.map!.getLayoutProperty(id, 'text-field')),
    layerId,
  );
}

const ids = (list: Drawn[]) => list.map((d) => d.id);

/** Which kinds of street context are drawn, and whether `neighbourhood` is among the names. */
function summary(d: Record<LayerKey, Drawn[]>, neighbourhood: string) {
  return {
    ...Object.fromEntries(Object.entries(d).map(([k, list]) => [k, list.length > 0])),
    neighbourhood: ids(d.neighbourhoodLabel).includes(neighbourhood),
  };
}

const EVERY_KIND_DRAWN = Object.fromEntries(Object.keys(LAYERS).map((k) => [k, true]));

for (const lang of ['en', 'zh'] as const) {
  test(`${lang}: Zhongguancun, Wudaokou and Shangdi show named streets, subway, stations and neighbourhoods`, async ({
    app,
  }) => {
    const story = new StoryDriver(app.page);
    // the first place by its deep link, the others by moving the map as a reader would: a
    // page load costs 5–6 s in SwiftShader, more than checking a place
    await story.open({ mode: 'explore', camera: PLACES[0].camera, year: '2022', lang });
    for (const place of PLACES) {
      await jumpTo(app.page, place.camera);
      // labels wait for their fonts and tiles for the worker: poll until every kind is drawn
      await expect
        .poll(async () => summary(await drawn(app.page), place.neighbourhood), {
          message: place.name,
        })
        .toEqual({ ...EVERY_KIND_DRAWN, neighbourhood: true });
      const d = await drawn(app.page);
      // only 2022's network and street names: nothing opened later, no name given up before
      for (const f of [...d.road, ...d.subwayLine, ...d.station]) {
        expect(f.since ?? 0, `${place.name} ${f.id}`).toBeLessThanOrEqual(2022);
        expect(f.until ?? 9999, `${place.name} ${f.id}`).toBeGreaterThanOrEqual(2022);
      }
      for (const f of [...d.roadLabel, ...d.stationLabel, ...d.neighbourhoodLabel]) {
        expect(f.name, f.id).toBeTruthy();
        expect(f.name_zh, f.id).toMatch(HAN);
      }
    }
    // the labels show the reader's language: Chinese names in zh, English ones in en
    for (const layerId of [LAYERS.roadLabel, LAYERS.stationLabel, LAYERS.neighbourhoodLabel]) {
      const field = await labelField(app.page, layerId);
      if (lang === 'zh') expect(field, layerId).toContain('name_zh');
      else expect(field, layerId).not.toContain('name_zh');
    }
    expect(app.consoleErrors).toEqual([]);
    expect(app.outsideRequests).toEqual([]);
  });
}

test('the subway of the map year: none in 1995, Line 4 once the slider reaches 2010', async ({
  app,
}) => {
  const story = new StoryDriver(app.page);
  // between Zhongguancun and Wudaokou: Lines 4, 13 and 15 all cross this view
  await story.open({ mode: 'explore', camera: '116.325,39.988,14', year: '1995' });
  // the streets share the subway's source: once 1995's street names are drawn, so is its subway
  const streetNames = async () => {
    const roads = ids((await drawn(app.page)).road);
    return {
      haidianRoad: roads.includes('bm-road-haidian-old'),
      zgcStreet: roads.includes('bm-road-zgc'),
    };
  };
  // Zhongguancun Street was Haidian Road until 2000
  await expect.poll(streetNames).toEqual({ haidianRoad: true, zgcStreet: false });
  let d = await drawn(app.page);
  // Line 13 opened in 2002 and Line 4 in 2009: in 1995 no subway runs here
  expect(d.subwayLine).toEqual([]);
  expect(d.station).toEqual([]);

  await app.page.getByRole('slider', { name: 'Year' }).fill('2010');
  await story.expectUrlParam('year', '2010');
  await expect.poll(streetNames).toEqual({ haidianRoad: false, zgcStreet: true });
  await expect.poll(async () => ids((await drawn(app.page)).subwayLine)).toContain('bm-line-4');
  d = await drawn(app.page);
  expect(ids(d.subwayLine)).toContain('bm-line-13');
  // Line 15 opened in 2014
  expect(ids(d.subwayLine)).not.toContain('bm-line-15');
  expect(ids(d.station)).toContain('bm-station-zhongguancun');
  expect(ids(d.station)).not.toContain('bm-station-liudaokou');
  expect(app.consoleErrors).toEqual([]);
  expect(app.outsideRequests).toEqual([]);
});
