// Every screen composed on purpose, measured: on each form factor the step's subjects are
// drawn clear of the text, the header, the timeline and the kiosk's invitation; the
// timeline keeps to its share; kiosk text fits at reading size. Steps are sampled so the
// suite stays quick; `npm run shots` shows them all.
import { test, expect } from './support/app';
import { StoryDriver, type Box, type Layout } from './support/story-driver';
import { FORM_FACTORS } from './support/form-factors';

test.use({ reducedMotion: 'reduce' });

/** A world step, a Beijing step, a street step, a region step, the end. */
const SAMPLE = ['chen-1979', 'electronics-street', 'loft-startup', 'bth-chains', 'open-question'];

const inside = (p: { x: number; y: number }, b: Box) =>
  p.x >= b.left && p.x <= b.right && p.y >= b.top && p.y <= b.bottom;
const overlap = (a: Box, b: Box) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;

function clearOfOverlays(layout: Layout, step: string) {
  expect(layout.subjects.length, `${step}: highlighted subjects drawn`).toBeGreaterThan(0);
  for (const s of layout.subjects) {
    expect(inside(s, layout.map), `${step}: ${s.id} on the map`).toBe(true);
    for (const [name, box] of Object.entries(layout.overlays))
      expect(inside(s, box), `${step}: ${s.id} under ${name}`).toBe(false);
  }
}

for (const form of FORM_FACTORS) {
  test(`${form.name} ${form.width}×${form.height}: subjects in view, timeline in its share`, async ({
    app,
  }) => {
    test.setTimeout(120_000);
    await app.page.setViewportSize({ width: form.width, height: form.height });
    const story = new StoryDriver(app.page);
    // Alternate the language, so both are measured without doubling the time.
    const lang = FORM_FACTORS.indexOf(form) % 2 ? 'zh' : 'en';
    // A kiosk with its public address shows the hand-off code too: subjects keep clear of it.
    const kiosk = { dwell: '3600', handoff: 'https://museum.example/zgc/' };
    await story.open({ mode: form.mode, lang, ...(form.mode === 'kiosk' ? kiosk : {}) });
    const shares: number[] = [];
    for (const id of SAMPLE) {
      await story.goTo(id);
      await story.waitForSettled(id);
      const layout = await story.layout();
      clearOfOverlays(layout, id);
      shares.push(layout.timelineHeight / form.height);
      expect(layout.timelineHeight / form.height, `${id}: timeline share`).toBeLessThanOrEqual(
        form.timelineShare,
      );
      if (form.mode === 'kiosk') {
        const card = layout.card!;
        expect(card.hidden, `${id}: kiosk text hidden below the fold (px)`).toBe(0);
        expect(card.bodyPx, `${id}: kiosk body size`).toBeGreaterThanOrEqual(22);
        expect(overlap(layout.overlays['kiosk-invite']!, layout.overlays['step-card']!)).toBe(
          false,
        );
        const qr = layout.overlays['kiosk-qr']!;
        expect(qr.right - qr.left, `${id}: hand-off code width`).toBeGreaterThanOrEqual(120);
        for (const other of ['step-card', 'kiosk-invite', 'timeline-bar', 'story-header'])
          expect(overlap(qr, layout.overlays[other]!), `${id}: code over ${other}`).toBe(false);
      }
      expect(layout.card!.lineHeight).toBeGreaterThanOrEqual(lang === 'zh' ? 1.7 : 1.4);
    }
    const bodyPx = (await story.layout()).card!.bodyPx;
    console.log(
      `layout ${form.name} (${lang}): timeline at most ${(Math.max(...shares) * 100).toFixed(1)} % of the height (share ${form.timelineShare * 100} %), body text ${bodyPx.toFixed(1)} px`,
    );
    expect(app.consoleErrors).toEqual([]);
  });
}

// The whole text of every step fits without scrolling on a laptop and on both kiosks, in
// both languages, at 45–75 characters a line in English.
for (const name of ['laptop', 'kiosk-landscape', 'kiosk-portrait']) {
  for (const lang of ['en', 'zh'] as const) {
    test(`${name}: every step’s text fits the card, in ${lang}`, async ({ app }) => {
      test.setTimeout(150_000);
      const form = FORM_FACTORS.find((f) => f.name === name)!;
      await app.page.setViewportSize({ width: form.width, height: form.height });
      const story = new StoryDriver(app.page);
      await story.open({
        lang,
        mode: form.mode,
        ...(form.mode === 'kiosk' ? { dwell: '3600' } : {}),
      });
      const measures: number[] = [];
      for (const id of await story.stepIds()) {
        await story.goTo(id);
        await story.waitForEvent('step-change', id);
        await story.uiSettled();
        const card = (await story.layout()).card!;
        expect(card.hidden, `${id}: text hidden below the fold (px)`).toBe(0);
        if (form.mode === 'kiosk')
          expect(card.bodyPx, `${id}: body size`).toBeGreaterThanOrEqual(22);
        if (card.charsPerLine > 0) measures.push(card.charsPerLine);
      }
      if (lang === 'en') {
        // The column's measure, read from the story's own lines; a step of long names (the
        // credits) wraps a little earlier, so no step may fall far short.
        measures.sort((a, b) => a - b);
        const median = measures[Math.floor(measures.length / 2)]!;
        console.log(
          `layout ${name}: every step fits; ${median.toFixed(0)} characters a line (median), ${measures[0]!.toFixed(0)} at the shortest`,
        );
        expect(median, 'characters a line (median of the steps)').toBeGreaterThanOrEqual(45);
        expect(median, 'characters a line (median of the steps)').toBeLessThanOrEqual(75);
        expect(measures[0], 'characters a line (shortest step)').toBeGreaterThanOrEqual(38);
      }
    });
  }
}
