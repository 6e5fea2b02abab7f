// Accessibility: axe (WCAG 2.0/2.1 A and AA) in every mode and language, step changes
// announced, keyboard-only use with visible focus, and the step text marked with its language.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './support/app';
import { StoryDriver } from './support/story-driver';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa'];

const MODES: { name: string; params: Record<string, string> }[] = [
  { name: 'story', params: {} },
  { name: 'explore', params: { mode: 'explore' } },
  { name: 'kiosk', params: { mode: 'kiosk', dwell: '60' } },
];

const LANGS: { lang: 'en' | 'zh'; params: Record<string, string> }[] = [
  { lang: 'en', params: {} },
  { lang: 'zh', params: { lang: 'zh' } },
];

async function waitUntilShown(story: StoryDriver, mode: string) {
  if (mode === 'explore') {
    // Explore does not run a step: wait for the map to finish drawing instead.
    await story.page.waitForFunction(() => {
      const map = document.querySelector('story-map')!.map;
      return Boolean(map?.loaded() && !map.isMoving());
    });
    await expect(story.page.locator('explore-panel')).toBeVisible();
  } else {
    await story.waitForEvent('step-settled');
  }
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  const report = serious
    .map(
      (v) =>
        `${v.id} [${v.impact}] ${v.help} (${v.helpUrl})\n` +
        v.nodes
          .map(
            (n) =>
              `    ${JSON.stringify(n.target)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
          )
          .join('\n'),
    )
    .join('\n');
  return { ids: serious.map((v) => v.id), report };
}

test.describe('axe: no serious or critical WCAG 2.1 AA violations', () => {
  for (const { name, params } of MODES) {
    for (const { lang, params: langParams } of LANGS) {
      test(`${name} mode, ${lang}`, async ({ app }) => {
        const story = new StoryDriver(app.page);
        await story.open({ ...params, ...langParams });
        await waitUntilShown(story, name);
        const { ids, report } = await seriousViolations(app.page);
        expect(ids, `axe violations in ${name} mode (${lang}):\n${report}`).toEqual([]);
      });
    }
  }

  for (const { lang, params: langParams } of LANGS) {
    test(`About dialog open, ${lang}`, async ({ app }) => {
      const story = new StoryDriver(app.page);
      await story.open(langParams);
      await story.waitForEvent('step-settled');
      await app.page
        .getByRole('button', { name: lang === 'zh' ? '关于' : 'About', exact: true })
        .click();
      await expect(app.page.locator('about-panel dialog')).toBeVisible();
      const { ids, report } = await seriousViolations(app.page);
      expect(ids, `axe violations with the About dialog open (${lang}):\n${report}`).toEqual([]);
    });
  }
});

/** The announcement region that <story-map> keeps in its shadow root. */
function liveText(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      document.querySelector('story-map')!.shadowRoot!.querySelector('[aria-live=polite]')
        ?.textContent ?? null,
  );
}

test.describe('screen readers', () => {
  // Jumps instead of flights keep a walk through the whole story quick; announcements do not
  // depend on motion.
  test.use({ reducedMotion: 'reduce' });
  for (const { lang, params } of LANGS) {
    test(`every step change is announced with the new step's title (${lang})`, async ({ app }) => {
      test.setTimeout(300_000); // the default story has two dozen steps
      const { page } = app;
      const story = new StoryDriver(page);
      await story.open(params);
      const steps = await page.evaluate(() => document.querySelector('story-map')!.steps);
      expect(steps.length).toBeGreaterThan(1);
      await story.waitForSettled(steps[0]!.id);
      expect(await liveText(page), 'an aria-live=polite region in the root').not.toBeNull();
      await expect.poll(() => liveText(page)).toContain(steps[0]!.title);
      const next = page.getByRole('button', {
        name: lang === 'zh' ? '下一步' : 'Next',
        exact: true,
      });
      for (const step of steps.slice(1)) {
        await next.click();
        await story.waitForEvent('step-change', step.id);
        await expect
          .poll(() => liveText(page), `announcement for step "${step.id}"`)
          .toContain(step.title);
      }
      // Backwards and by jumps, too.
      await story.goTo(0);
      await expect.poll(() => liveText(page)).toContain(steps[0]!.title);
      await story.goTo(steps.length - 1);
      await expect.poll(() => liveText(page)).toContain(steps[steps.length - 1]!.title);
    });

    test(`the step card's text is marked with the reader's language (${lang})`, async ({ app }) => {
      const story = new StoryDriver(app.page);
      await story.open(params);
      await story.waitForEvent('step-settled');
      const langs = await app.page.evaluate(() => {
        const card = document.querySelector('story-map')!.shadowRoot!.querySelector('step-card')!;
        const root = card.shadowRoot!;
        const langOf = (el: Element | null) => el?.closest('[lang]')?.getAttribute('lang') ?? null;
        return {
          title: langOf(root.querySelector('h2')),
          body: langOf(root.querySelector('.body')),
          bodyText: langOf(root.querySelector('.body p, .body li')),
          document: document.documentElement.lang,
        };
      });
      const tag = lang === 'zh' ? 'zh-Hans' : 'en';
      expect(langs).toEqual({ title: tag, body: tag, bodyText: tag, document: tag });
    });
  }
});

interface Focused {
  isBody: boolean;
  tag: string;
  host: string | null;
  name: string;
  disabled: boolean;
  outlineStyle: string;
  outlineWidth: string;
  boxShadow: string;
}

/** The element that really has focus, through shadow roots, and how its focus is drawn. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) el = document.body;
    const cs = getComputedStyle(el);
    const root = el.getRootNode();
    return {
      isBody: el === document.body || el === document.documentElement,
      tag: el.localName,
      host: root instanceof ShadowRoot ? root.host.localName : null,
      name: (el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.textContent ?? '')
        .trim()
        .replace(/\s+/g, ' ')
        .slice(0, 60),
      disabled: (el as HTMLButtonElement).disabled === true,
      outlineStyle: cs.outlineStyle,
      outlineWidth: cs.outlineWidth,
      boxShadow: cs.boxShadow,
    };
  });
}

const focusVisible = (f: Focused) =>
  (f.outlineStyle !== 'none' && f.outlineWidth !== '0px') ||
  (f.boxShadow !== 'none' && f.boxShadow !== '');

const describeFocus = (f: Focused) =>
  `<${f.tag}> "${f.name}" in ${f.host ?? 'document'} (outline: ${f.outlineStyle} ${f.outlineWidth}; box-shadow: ${f.boxShadow})`;

test.describe('keyboard only', () => {
  test('Tab reaches Previous, Next and the timeline markers, and focus is always visible', async ({
    app,
  }) => {
    const { page } = app;
    const story = new StoryDriver(page);
    await story.open();
    const ids = await story.stepIds();
    await story.waitForSettled(ids[0]!);
    await page.keyboard.press('ArrowRight'); // so that Previous is enabled
    await story.waitForSettled(ids[1]!);

    const seen: Focused[] = [];
    const invisible: string[] = [];
    for (let i = 0; i < 90; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (f.isBody) continue;
      seen.push(f);
      if (!focusVisible(f)) invisible.push(describeFocus(f));
    }
    const names = seen.map((f) => `${f.host ?? 'document'}: ${f.name}`);
    expect(
      seen.some((f) => f.host === 'step-card' && f.name === 'Next'),
      names.join('\n'),
    ).toBe(true);
    expect(
      seen.some((f) => f.host === 'step-card' && f.name === 'Previous'),
      names.join('\n'),
    ).toBe(true);
    expect(seen.filter((f) => f.host === 'timeline-bar').length, names.join('\n')).toBeGreaterThan(
      1,
    );
    expect([...new Set(invisible)], 'focused elements without a visible focus indicator').toEqual(
      [],
    );
  });

  test('pressing Next from the keyboard keeps focus on the page, also on the last step', async ({
    app,
  }) => {
    const { page } = app;
    const story = new StoryDriver(page);
    await story.open();
    const ids = await story.stepIds();
    await story.waitForSettled(ids[0]!);

    const tabTo = async (name: string) => {
      for (let i = 0; i < 90; i++) {
        await page.keyboard.press('Tab');
        const f = await focused(page);
        if (f.host === 'step-card' && f.name === name) return f;
      }
      throw new Error(`Tab never reached "${name}"`);
    };
    const settleUi = () =>
      page.evaluate(async () => {
        const root = document.querySelector('story-map')!;
        await root.updateComplete;
        await root.shadowRoot!.querySelector('step-card')?.updateComplete;
        await new Promise(requestAnimationFrame);
      });

    await tabTo('Next');
    await page.keyboard.press('Enter');
    await story.waitForEvent('step-change', ids[1]);
    await settleUi();
    let f = await focused(page);
    expect(f.isBody, `focus after Next: ${describeFocus(f)}`).toBe(false);
    expect(focusVisible(f), `focus after Next is visible: ${describeFocus(f)}`).toBe(true);

    await page.keyboard.press('Space');
    await story.waitForEvent('step-change', ids[2]);
    await settleUi();
    f = await focused(page);
    expect(f.isBody, `focus after a second Next (Space): ${describeFocus(f)}`).toBe(false);

    // The last Next disables the button it was pressed on.
    await story.goTo(ids.length - 2);
    await story.waitForEvent('step-change', ids[ids.length - 2]);
    await settleUi();
    if ((await focused(page)).name !== 'Next') {
      await page.locator('body').focus();
      await tabTo('Next');
    }
    await page.keyboard.press('Enter');
    await story.waitForEvent('step-change', ids[ids.length - 1]);
    await settleUi();
    f = await focused(page);
    expect(f.isBody, `focus after Next to the last step: ${describeFocus(f)}`).toBe(false);
    expect(f.disabled, `focus after Next to the last step: ${describeFocus(f)}`).toBe(false);
    expect(focusVisible(f), `focus after Next to the last step: ${describeFocus(f)}`).toBe(true);
  });

  test('choosing a timeline marker with the keyboard keeps a visible focus', async ({ app }) => {
    const { page } = app;
    const story = new StoryDriver(page);
    await story.open();
    const ids = await story.stepIds();
    await story.waitForSettled(ids[0]!);
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (f.host === 'timeline-bar') break;
    }
    const before = await focused(page);
    expect(before.host, 'Tab reaches a timeline marker').toBe('timeline-bar');
    await page.keyboard.press('Enter');
    await story.waitForEvent('step-settled');
    const after = await focused(page);
    expect(after.isBody, `focus after choosing a timeline marker: ${describeFocus(after)}`).toBe(
      false,
    );
    expect(focusVisible(after), describeFocus(after)).toBe(true);
  });
});
