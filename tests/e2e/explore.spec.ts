// Explore mode: leave the story, roam the layers through time, find places, add your own
// data, and come back.
import { test, expect } from './support/app';
import { StoryDriver } from './support/story-driver';

const FIXTURE = 'mini/story.yaml';

async function visibleInMap(story: StoryDriver, layer: string) {
  return story.page.evaluate(
    (l) => document.querySelector('story-map')!.map!.getLayoutProperty(`${l}-circle`, 'visibility'),
    layer,
  );
}

async function renderedIds(story: StoryDriver, styleLayer: string) {
  return story.page.evaluate(
    (l) =>
      document
        .querySelector('story-map')!
        .map!.queryRenderedFeatures({ layers: [l] })
        .map((f) => f.properties.id as string)
        .sort(),
    styleLayer,
  );
}

test.describe('explore mode', () => {
  test('the Explore button opens the layers; a toggle shows and hides a layer at once', async ({
    app,
  }) => {
    const story = new StoryDriver(app.page);
    await story.openFixture(FIXTURE, { step: 'old-site' });
    await story.waitForSettled('old-site');
    await story.button('Explore').click();
    await story.expectUrlParam('mode', 'explore');
    const sites = app.page.getByRole('checkbox', { name: /Sites/ });
    await expect(sites).toBeChecked();
    await expect(app.page.getByRole('checkbox', { name: /Areas/ })).not.toBeChecked();
    await sites.uncheck();
    expect(await visibleInMap(story, 'sites')).toBe('none');
    await story.expectUrlParam('layers', null);
    await sites.check();
    expect(await visibleInMap(story, 'sites')).toBe('visible');
    await story.expectUrlParam('layers', 'sites');
    expect(app.consoleErrors).toEqual([]);
  });

  test('the year slider hides what came later', async ({ app }) => {
    const story = new StoryDriver(app.page);
    await story.openFixture(FIXTURE, {
      mode: 'explore',
      layers: 'sites',
      year: '2015',
      camera: '116.316,39.996,12',
    });
    await app.page.waitForFunction(() => document.querySelector('story-map')!.map!.loaded());
    await expect.poll(() => renderedIds(story, 'sites-circle')).toEqual(['site-new', 'site-old']);
    const slider = app.page.getByRole('slider', { name: 'Year' });
    await slider.fill('1995');
    await expect.poll(() => renderedIds(story, 'sites-circle')).toEqual(['site-old']);
    await story.expectUrlParam('year', '1995');
  });

  test('clicking a feature opens its card with both names, years, source and story links', async ({
    app,
  }) => {
    const story = new StoryDriver(app.page);
    await story.openFixture(FIXTURE, {
      mode: 'explore',
      layers: 'sites',
      year: '2015',
      camera: '116.316,39.996,13',
    });
    await app.page.waitForFunction(() => document.querySelector('story-map')!.map!.loaded());
    await expect.poll(() => renderedIds(story, 'sites-circle')).toContain('site-new');
    const point = await app.page.evaluate(() => {
      const host = document.querySelector('story-map')!;
      const p = host.map!.project([116.3265, 39.999]);
      const r = host.map!.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    });
    await app.page.mouse.click(point.x, point.y);
    const card = app.page.locator('feature-card');
    await expect(card).toContainText('New site');
    await expect(card).toContainText('新址');
    await expect(card).toContainText('2010');
    await expect(card).toContainText('fixture');
    await card.getByRole('button', { name: '5. The new site' }).click();
    await story.waitForSettled('new-site');
    await story.expectUrlParam('mode', 'story');
  });

  test('search finds a place by Chinese name and flies to it; Enter takes the first result', async ({
    app,
  }) => {
    const story = new StoryDriver(app.page);
    await story.openFixture(FIXTURE, { mode: 'explore', camera: '100,30,3' });
    await app.page.waitForFunction(() => document.querySelector('story-map')!.map!.loaded());
    const box = app.page.getByRole('combobox', { name: 'Search places' });
    await box.fill('远处');
    await expect(app.page.getByRole('option')).toHaveText(['Far site · 远处']);
    await box.press('Enter');
    await expect(app.page.locator('feature-card')).toContainText('Far site');
    await app.page.waitForFunction(() => {
      const c = document.querySelector('story-map')!.map!.getCenter();
      return Math.abs(c.lng - 121.47) < 0.5 && Math.abs(c.lat - 31.23) < 0.5;
    });
    expect(await visibleInMap(story, 'sites')).toBe('visible');
  });

  test('the URL restores the same view after a reload', async ({ app }) => {
    const story = new StoryDriver(app.page);
    await story.openFixture(FIXTURE, {
      mode: 'explore',
      layers: 'sites,areas',
      year: '1990',
      camera: '116.30000,39.97000,11.50',
    });
    await app.page.waitForFunction(() => document.querySelector('story-map')!.map!.loaded());
    const before = await story.mapState();
    await app.page.reload();
    await story.waitForEvent('story-ready');
    await app.page.waitForFunction(() => document.querySelector('story-map')!.map!.loaded());
    const after = await story.mapState();
    expect(after).toEqual(before);
    expect(after.visibleLayers).toEqual(['areas', 'sites']);
    expect(after.zoom).toBe(11.5);
    expect(after.yearFilterYear).toBe(1990);
  });

  test('a reader’s GeoJSON becomes a layer; a broken one is explained and nothing breaks', async ({
    app,
  }) => {
    const story = new StoryDriver(app.page);
    await story.openFixture(FIXTURE, { mode: 'explore' });
    await app.page.waitForFunction(() => document.querySelector('story-map')!.map!.loaded());
    const input = app.page.locator('layer-panel input[type=file]');
    await input.setInputFiles({
      name: 'broken.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(
        '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[300,0]},"properties":{}}]}',
      ),
    });
    await expect(app.page.getByRole('alert')).toContainText(
      'broken.geojson › features[0].geometry.coordinates: longitude 300 is outside -180…180',
    );
    await input.setInputFiles({
      name: 'mine.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              geometry: { type: 'Point', coordinates: [116.35, 39.95] },
              properties: { name: 'My office', floor: 3 },
            },
          ],
        }),
      ),
    });
    const toggle = app.page.getByRole('checkbox', { name: /mine\.geojson/ });
    await expect(toggle).toBeChecked();
    await app.page.waitForFunction(() => {
      const c = document.querySelector('story-map')!.map!.getCenter();
      return Math.abs(c.lng - 116.35) < 0.01 && Math.abs(c.lat - 39.95) < 0.01;
    });
    await expect.poll(() => renderedIds(story, 'user-1-circle')).toEqual(['user-1-1']);
    expect(app.outsideRequests).toEqual([]);
  });

  test('Resume story returns to the step the reader left, with its state', async ({ app }) => {
    const story = new StoryDriver(app.page);
    await story.openFixture(FIXTURE, { step: 'street' });
    await story.waitForSettled('street');
    const left = await story.mapState();
    await story.button('Explore').click();
    await app.page.getByRole('checkbox', { name: /Areas/ }).check();
    await app.page.getByRole('slider', { name: 'Year' }).fill('2010');
    await story.clearEvents();
    await story.button('Resume story').click();
    await story.waitForSettled('street');
    expect(await story.mapState()).toEqual(left);
    await expect(story.card()).toContainText('3 / 5');
  });
});
