// Stories imported by `npm run import` play: every step settles where the imported camera
// says (pitch and bearing included), and the text that came from other tools' HTML is text.
// The stories are written by tests/unit/import-cli.test.ts into tests/fixtures/import/out/.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { test, expect } from './support/app';
import { StoryDriver } from './support/story-driver';

interface ImportedStep {
  id: string;
  title: Record<string, string>;
  camera?: {
    center?: [number, number];
    zoom?: number;
    bearing?: number;
    pitch?: number;
    fit?: string[];
  };
  media?: { src: string; alt: Record<string, string> }[];
}

const readStory = (name: string) =>
  parse(readFileSync(new URL(`../fixtures/import/out/${name}.yaml`, import.meta.url), 'utf8')) as {
    steps: ImportedStep[];
  };

// A 1×1 PNG for the remote images the fixtures name, so no request leaves the machine.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

declare global {
  interface Window {
    __xss?: unknown;
  }
}

async function camera(page: Page) {
  return page.evaluate(() => {
    const map = document.querySelector('story-map')!.map!;
    const c = map.getCenter();
    return {
      lng: c.lng,
      lat: c.lat,
      zoom: map.getZoom(),
      bearing: map.getBearing(),
      pitch: map.getPitch(),
    };
  });
}

/** Anything in the page (shadow roots included) that could run script or leave http(s). */
async function executable(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) visit(el.shadowRoot);
        const tag = el.localName;
        const own = tag === 'script' && root === document && el.parentElement === document.head;
        if (
          (tag === 'script' && !own) ||
          (['iframe', 'object', 'embed', 'svg'].includes(tag) &&
            el.closest('step-card, about-panel'))
        )
          found.push(tag);
        for (const attr of el.attributes) {
          if (/^on/i.test(attr.name)) found.push(`${tag}[${attr.name}]`);
          if (/^(href|src)$/.test(attr.name) && /^\s*(javascript|data:text)/i.test(attr.value))
            found.push(`${tag}[${attr.name}=${attr.value}]`);
        }
        if (tag === 'a' && !/^https?:\/\//.test(el.getAttribute('href') ?? ''))
          found.push(`a[href=${el.getAttribute('href')}]`);
      }
    };
    visit(document);
    return found;
  });
}

for (const name of ['mapbox-lisbon', 'storymapjs-edinburgh']) {
  test(`the imported ${name} story plays, with its cameras and safe text`, async ({ app }) => {
    const { page } = app;
    await page.route('https://images.example.org/**', (route) =>
      route.fulfill({ status: 200, contentType: 'image/png', body: PNG }),
    );
    // StoryMapJS has no transitions to carry: jump between its steps to save test time.
    if (name.startsWith('storymapjs')) await page.emulateMedia({ reducedMotion: 'reduce' });
    const { steps } = readStory(name);
    const story = new StoryDriver(page);
    await story.open({ story: `fixtures/import/out/${name}.yaml` });
    expect(await story.stepIds()).toEqual(steps.map((s) => s.id));

    for (const [i, step] of steps.entries()) {
      if (i > 0) await story.next();
      await story.waitForSettled(step.id);
      await expect(story.card().locator('h2')).toHaveText(step.title.en!);
      const cam = step.camera!;
      const now = await camera(page);
      if (cam.center) {
        expect(now.lng, `${step.id} longitude`).toBeCloseTo(cam.center[0], 3);
        expect(now.lat, `${step.id} latitude`).toBeCloseTo(cam.center[1], 3);
        expect(now.zoom, `${step.id} zoom`).toBeCloseTo(cam.zoom!, 1);
      }
      expect(now.pitch, `${step.id} pitch`).toBeCloseTo(cam.pitch ?? 0, 1);
      expect(now.bearing, `${step.id} bearing`).toBeCloseTo(cam.bearing ?? 0, 1);
      if (step.media?.length)
        await expect(story.card().locator('img').first()).toHaveAttribute(
          'alt',
          step.media[0]!.alt.en!,
        );
      expect(await executable(page), `${step.id}: nothing that runs`).toEqual([]);
    }

    if (name === 'mapbox-lisbon') {
      // The heading became bold text and the list a list; the safe link survived.
      await story.clearEvents();
      await story.goTo('the-earthquake');
      await story.waitForSettled('the-earthquake');
      await expect(story.card().locator('.body strong')).toHaveText('1 November 1755');
      await expect(story.card().locator('.body li')).toHaveText([
        'the shaking',
        'the fires',
        'the wave',
      ]);
      await story.clearEvents();
      await story.goTo('belem-tower');
      await story.waitForSettled('belem-tower');
      await expect(story.card().locator('.body a')).toHaveAttribute(
        'href',
        'https://en.wikipedia.org/wiki/Bel%C3%A9m_Tower',
      );
      await expect(story.card().locator('.body')).toContainText('Read the plan or its history.');
    }
    // Time for an injected <img onerror> to have fired, had one got through.
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  });
}

// Field-shaped imports (issue #27): a story with an intro chapter that has no place, and
// stories with no dates, open and play, with no timeline and no year shown.
test('an imported story whose intro has no place opens and plays, with no timeline', async ({
  app,
}) => {
  const { page } = app;
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const { steps } = readStory('mapbox-neighbourhoods');
  expect(steps[0]!.camera).toEqual({ fit: ['places'], padding: 80 });
  const story = new StoryDriver(page);
  await story.open({ story: 'fixtures/import/out/mapbox-neighbourhoods.yaml' });
  expect(await story.stepIds()).toEqual(steps.map((s) => s.id));
  // A story without dates: no timeline, no year on the card, `steps` says so.
  await expect(page.locator('story-map timeline-bar')).toBeHidden();
  expect(
    await page.evaluate(() => document.querySelector('story-map')!.steps.map((s) => s.year)),
  ).toEqual(steps.map(() => undefined));
  for (const [i, step] of steps.entries()) {
    if (i > 0) await story.next();
    await story.waitForSettled(step.id);
    await expect(story.card().locator('h2')).toHaveText(step.title.en!);
    await expect(story.card().locator('.year')).toHaveCount(0);
    const state = await story.mapState();
    if (step.camera?.center) {
      expect(state.center[0], `${step.id} longitude`).toBeCloseTo(step.camera.center[0], 3);
      expect(state.center[1], `${step.id} latitude`).toBeCloseTo(step.camera.center[1], 3);
    }
    expect(state.yearFilterYear, `${step.id}: no year filter`).toBeNull();
  }
});

test('an imported StoryMapJS story with no dates plays with its route and copied image', async ({
  app,
}) => {
  const { page } = app;
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const { steps } = readStory('storymapjs-delhi');
  const story = new StoryDriver(page);
  await story.open({ story: 'fixtures/import/out/storymapjs-delhi.yaml' });
  await story.waitForSettled('overview');
  await expect(page.locator('story-map timeline-bar')).toBeHidden();
  // The image given relative to the StoryMapJS file was copied beside the story and loads.
  const img = story.card().locator('img').first();
  await expect(img).toHaveAttribute('src', /storymapjs-delhi-media\/images\/gate\.png$/);
  await expect
    .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0))
    .toBe(true);
  expect((await story.mapState()).visibleLayers).toEqual(['places', 'route']);
  for (const step of steps.slice(1)) {
    await story.next();
    await story.waitForSettled(step.id);
    await expect(story.card().locator('.year')).toHaveCount(0);
  }
});
