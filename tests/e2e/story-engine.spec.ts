// The story engine on a small fixture story: stepping, idempotence, deep links, input.
import { test, expect } from './support/app';
import { StoryDriver } from './support/story-driver';

const FIXTURE = 'mini/story.yaml';

test.describe('story engine', () => {
  test('every step of a story settles, in order, with its own layers, year and highlights', async ({
    app,
  }) => {
    const story = new StoryDriver(app.page);
    await story.openFixture(FIXTURE);
    const ids = await story.stepIds();
    expect(ids).toEqual(['start', 'old-site', 'street', 'zone', 'new-site']);
    await story.waitForSettled('start');
    await expect(story.card()).toContainText('1 / 5');
    for (const id of ids.slice(1)) {
      await story.next();
      await story.waitForSettled(id);
    }
    await expect(story.card()).toContainText('5 / 5');
    await expect(story.button('Next')).toBeDisabled();
    const state = await story.mapState();
    expect(state.visibleLayers).toEqual(['areas', 'sites']);
    expect(state.highlighted).toEqual(['site-new']);
    expect(state.yearFilterYear).toBe(2010);
    expect(app.consoleErrors).toEqual([]);
  });

  test('a step gives the same map whichever step came before, or from a deep link', async ({
    app,
  }) => {
    const story = new StoryDriver(app.page);
    await story.openFixture(FIXTURE, { step: 'street' });
    await story.waitForSettled('street');
    const fromLink = await story.mapState();
    expect(fromLink.visibleLayers).toEqual(['sites', 'streets']);
    expect(fromLink.highlighted).toEqual(['street-main']);
    expect(fromLink.yearFilterYear).toBe(1987);

    await story.goTo('new-site');
    await story.waitForSettled('new-site');
    await story.clearEvents();
    await story.goTo('street');
    await story.waitForSettled('street');
    expect(await story.mapState()).toEqual(fromLink);

    await story.goTo('start');
    await story.waitForSettled('start');
    await story.clearEvents();
    await story.goTo(2);
    await story.waitForSettled('street');
    expect(await story.mapState()).toEqual(fromLink);
  });

  test('the year hides what did not exist yet', async ({ app }) => {
    const story = new StoryDriver(app.page);
    await story.openFixture(FIXTURE, { step: 'old-site' });
    await story.waitForSettled('old-site');
    const rendered = () =>
      app.page.evaluate(() =>
        document
          .querySelector('story-map')!
          .map!.queryRenderedFeatures({ layers: ['sites-circle'] })
          .map((f) => f.properties.id as string)
          .sort(),
      );
    expect(await rendered()).toEqual(['site-old']);
    await story.goTo('new-site');
    await story.waitForSettled('new-site');
    expect(await rendered()).toEqual(['site-new', 'site-old']);
  });

  test('rapid Next presses end on the right step, and only it settles', async ({ app }) => {
    const story = new StoryDriver(app.page);
    await story.openFixture(FIXTURE);
    await story.waitForSettled('start');
    await story.clearEvents();
    for (let i = 0; i < 5; i++) await app.page.keyboard.press('ArrowRight');
    await story.waitForSettled('new-site');
    // Earlier moves were superseded when the next one began, so nothing else can settle now.
    const events = await story.events();
    expect(events.filter((e) => e.type === 'step-settled').map((e) => e.id)).toEqual(['new-site']);
    expect(events.filter((e) => e.type === 'step-change').map((e) => e.id)).toEqual([
      'old-site',
      'street',
      'zone',
      'new-site',
    ]);
    expect(await story.stepIndex()).toBe(4);
    expect((await story.mapState()).highlighted).toEqual(['site-new']);
  });

  test('keyboard: arrows, PageUp/PageDown and Home/End', async ({ app }) => {
    const story = new StoryDriver(app.page);
    await story.openFixture(FIXTURE);
    await story.waitForSettled('start');
    const key = async (k: string, id: string) => {
      await app.page.keyboard.press(k);
      await story.waitForSettled(id);
      await story.clearEvents();
    };
    await key('PageDown', 'old-site');
    await key('ArrowRight', 'street');
    await key('ArrowLeft', 'old-site');
    await key('End', 'new-site');
    await key('PageUp', 'zone');
    await key('Home', 'start');
  });

  test('buttons, the timeline and a swipe move through the story; the URL follows', async ({
    app,
  }) => {
    const story = new StoryDriver(app.page);
    await story.openFixture(FIXTURE);
    await story.waitForSettled('start');
    await story.next();
    await story.waitForSettled('old-site');
    await story.expectUrlParam('step', 'old-site');
    await story.prev();
    await story.waitForSettled('start');
    await app.page.getByRole('button', { name: '1988: The zone' }).click();
    await story.waitForSettled('zone');
    await expect(app.page.getByRole('button', { name: '1988: The zone' })).toHaveAttribute(
      'aria-current',
      'step',
    );
    await story.expectUrlParam('step', 'zone');

    const article = story.card().locator('article');
    const box = (await article.boundingBox())!;
    const y = box.y + 40;
    await article.dispatchEvent('pointerdown', {
      pointerType: 'touch',
      clientX: box.x + box.width - 20,
      clientY: y,
      isPrimary: true,
    });
    await article.dispatchEvent('pointerup', {
      pointerType: 'touch',
      clientX: box.x + 20,
      clientY: y,
      isPrimary: true,
    });
    await story.waitForSettled('new-site');
  });

  test('switching language keeps the step', async ({ app }) => {
    const story = new StoryDriver(app.page);
    await story.openFixture(FIXTURE, { step: 'zone' });
    await story.waitForSettled('zone');
    await app.page.getByRole('button', { name: 'Switch to Chinese' }).click();
    await expect(story.card()).toContainText('园区');
    await story.expectUrlParam('lang', 'zh');
    expect(await story.stepIndex()).toBe(3);
    await story.expectUrlParam('step', 'zone');
  });

  test('a broken story shows its errors, naming file, step and field, over a working map', async ({
    app,
  }) => {
    const story = new StoryDriver(app.page);
    await story.open({ story: 'fixtures/broken/story.yaml' }, { waitForReady: false });
    await story.waitForEvent('story-error');
    const alert = app.page.getByRole('alert');
    await expect(alert).toContainText('This story could not be opened');
    await expect(alert).toContainText('fixtures/broken/story.yaml');
    await expect(alert).toContainText('step "second"');
    await expect(alert).toContainText('steps[1].camera.zoom');
    await app.page.waitForFunction(() => document.querySelector('story-map')!.map?.loaded());
    expect(await story.canvasColours()).toBeGreaterThan(8);
  });

  test('a missing story file is reported, not a blank page', async ({ app }) => {
    const story = new StoryDriver(app.page);
    await story.open({ story: 'fixtures/nowhere.yaml' }, { waitForReady: false });
    await story.waitForEvent('story-error');
    await expect(app.page.getByRole('alert')).toContainText(
      'fixtures/nowhere.yaml: could not be loaded (HTTP 404)',
    );
  });
});

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('steps jump and settle without flights or animations', async ({ app }) => {
    const story = new StoryDriver(app.page);
    await story.openFixture(FIXTURE, { step: 'old-site' });
    await story.waitForSettled('old-site');
    await app.page.evaluate(() => {
      const w = window as unknown as { moves: number };
      w.moves = 0;
      document.querySelector('story-map')!.map!.on('move', () => (w.moves += 1));
    });
    await story.next();
    await story.waitForSettled('street');
    // A jump moves the camera in a single step; a flight would move it frame after frame.
    expect(await app.page.evaluate(() => (window as unknown as { moves: number }).moves)).toBe(1);
    const animVisible = await app.page.evaluate(() =>
      document.querySelector('story-map')!.map!.getLayoutProperty('streets-anim', 'visibility'),
    );
    expect(animVisible).toBe('none');
  });
});
