// The Zhongguancun story itself: every step settles in both languages, shows only what
// existed in its year, and the seed layers all appear; the article is credited.
import { test, expect } from './support/app';
import { StoryDriver } from './support/story-driver';

test.use({ reducedMotion: 'reduce' });

for (const lang of ['en', 'zh'] as const) {
  test(`the whole story walks through in ${lang}, each step showing only its year's places`, async ({
    app,
  }) => {
    test.setTimeout(5 * 60_000);
    const story = new StoryDriver(app.page);
    await story.open({ lang });
    const ids = await story.stepIds();
    expect(ids.length).toBeGreaterThanOrEqual(18);
    expect(ids.length).toBeLessThanOrEqual(24);
    const seen = new Set<string>();
    const highlighted = new Set<string>();
    for (const [i, id] of ids.entries()) {
      if (i > 0) await app.page.keyboard.press('ArrowRight');
      await story.waitForSettled(id);
      const state = await story.mapState();
      state.visibleLayers.forEach((l) => seen.add(l));
      state.highlighted.forEach((h) => highlighted.add(h));
      // Nothing drawn may postdate the step's map year (no Xiaomi in 1988).
      const anachronisms = await app.page.evaluate((year) => {
        const map = document.querySelector('story-map')!.map!;
        const layers = map
          .getStyle()
          .layers.filter((l) => 'source' in l && String(l.source).startsWith('story-'))
          .filter((l) => map.getLayoutProperty(l.id, 'visibility') === 'visible')
          .map((l) => l.id);
        return map
          .queryRenderedFeatures({ layers })
          .filter((f) => typeof f.properties.since === 'number' && f.properties.since > year)
          .map((f) => f.properties.id as string);
      }, state.yearFilterYear ?? 9999);
      expect(anachronisms, `step ${id}`).toEqual([]);
      await expect(story.card()).toContainText(`${i + 1} / ${ids.length}`);
    }
    for (const layer of [
      'science-park',
      'electronics-street',
      'universities',
      'ring-roads',
      'bth-links',
      'yrd-links',
      'journeys',
    ]) {
      expect(seen, layer).toContain(layer);
    }
    expect(highlighted).toContain('ring-4');
    expect(highlighted).toContain('electronics-street');
    await expect(story.card()).toContainText('Chang Che');
    expect(app.consoleErrors).toEqual([]);
    expect(app.outsideRequests).toEqual([]);
  });
}

test('the About panel credits the article: title, author, publication, date and address', async ({
  app,
}) => {
  const story = new StoryDriver(app.page);
  await story.open();
  await story.button('About').click();
  const dialog = app.page.getByRole('dialog');
  await expect(dialog).toContainText("China's Innovation Renovation");
  await expect(dialog).toContainText('Chang Che');
  await expect(dialog).toContainText('The Wire China');
  await expect(dialog).toContainText('2022-05-22');
  await expect(
    dialog.getByRole('link', { name: "China's Innovation Renovation" }).first(),
  ).toHaveAttribute('href', /^https:\/\/www\.thewirechina\.com\//);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});
