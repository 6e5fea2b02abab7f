// The printable handout: `?mode=print` lays out every step (title, text, a picture of its
// map) and sets `print-ready` once every picture is drawn; Chromium prints it to A4 and
// Letter PDFs whose text holds every step's title, in English and in Chinese, with no step
// split across pages and numbered pages. There is no PDF tool on these machines
// (poppler-utils is not installed), so this spec reads the PDF's text itself: Chromium's
// PDFs are simple (no object streams; fonts with ToUnicode maps), and a small reader of
// exactly that is below.
import type { Page } from '@playwright/test';
import { inflateSync } from 'node:zlib';
import { plainText } from '../../src/story/markdown';
import { test, expect } from './support/app';
import { StoryDriver } from './support/story-driver';

test.use({ reducedMotion: 'reduce' });

declare global {
  interface Window {
    __printed?: number;
  }
}

// ---- a reader for the text of Chromium's PDFs ------------------------------------------

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

/** Every `N 0 obj … endobj` of a PDF without object streams (Chromium's Skia writes none). */
function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const head = /(\d+) 0 obj\s*/g;
  let m: RegExpExecArray | null;
  while ((m = head.exec(text))) {
    const start = m.index + m[0].length;
    const streamAt = text.indexOf('stream', start);
    const endAt = text.indexOf('endobj', start);
    if (endAt < 0) break;
    if (streamAt < 0 || streamAt > endAt) {
      objects.set(Number(m[1]), { dict: text.slice(start, endAt) });
      head.lastIndex = endAt;
      continue;
    }
    const dict = text.slice(start, streamAt);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
    const dataAt = streamAt + 'stream'.length + (text[streamAt + 6] === '\r' ? 2 : 1);
    let stream = pdf.subarray(dataAt, dataAt + length);
    if (/\/FlateDecode/.test(dict)) stream = inflateSync(stream);
    objects.set(Number(m[1]), { dict, stream });
    head.lastIndex = dataAt + length;
  }
  return objects;
}

const ref = (dict: string, key: string) => {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : undefined;
};

/** A font's ToUnicode CMap: glyph code (hex) → text. */
const utf16 = (hex: string) =>
  String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));

function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi))
      map.set(parseInt(src!, 16), utf16(dst!));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, lo, hi, dst, list] of block[1]!.matchAll(
      /<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(?:<([0-9a-f]+)>|\[([^\]]*)\])/gi,
    )) {
      const from = parseInt(lo!, 16);
      const to = parseInt(hi!, 16);
      const items = list?.match(/<([0-9a-f]+)>/gi)?.map((h) => h.slice(1, -1));
      for (let code = from; code <= to; code++) {
        if (items) map.set(code, utf16(items[code - from] ?? ''));
        else {
          const base = parseInt(dst!, 16);
          map.set(code, String.fromCharCode(base + code - from));
        }
      }
    }
  return map;
}

/**
 * The text of each page of a PDF made by Chromium, in page order: enough of a reader for
 * tests (hex strings of two-byte glyph codes mapped through each font's ToUnicode CMap,
 * a line break at each text positioning), no dependency on a system PDF tool.
 */
function pdfPageTexts(pdf: Buffer): string[] {
  const objects = pdfObjects(pdf);
  const get = (n: number | undefined) => (n === undefined ? undefined : objects.get(n));
  interface Font {
    map: Map<number, string>;
    /** Hex digits per glyph code: composite fonts use two bytes, Type 3 and simple fonts one. */
    digits: number;
  }
  const fonts = new Map<number, Font>();
  const fontOf = (n: number): Font => {
    let font = fonts.get(n);
    if (!font) {
      const dict = get(n)?.dict ?? '';
      const cmap = get(ref(dict, 'ToUnicode'))?.stream?.toString('latin1') ?? '';
      font = { map: toUnicode(cmap), digits: /\/Subtype\s*\/Type0/.test(dict) ? 4 : 2 };
      fonts.set(n, font);
    }
    return font;
  };
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog/.test(o.dict));
  const pages: number[] = [];
  const walk = (n: number | undefined) => {
    const node = get(n);
    if (!node || n === undefined) return;
    if (/\/Type\s*\/Pages/.test(node.dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node.dict)?.[1] ?? '';
      for (const k of kids.matchAll(/(\d+) 0 R/g)) walk(Number(k[1]));
    } else if (/\/Type\s*\/Page\b/.test(node.dict)) pages.push(n);
  };
  walk(ref(catalog?.dict ?? '', 'Pages'));
  return pages.map((n) => {
    const page = get(n)!.dict;
    const fontRefs = new Map<string, number>();
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(page)?.[1] ?? '';
    for (const f of fontDict.matchAll(/\/(\S+)\s+(\d+) 0 R/g)) fontRefs.set(f[1]!, Number(f[2]));
    const contents = /\/Contents\s*\[([^\]]*)\]/.exec(page)?.[1] ?? `${ref(page, 'Contents')} 0 R`;
    let out = '';
    for (const c of contents.matchAll(/(\d+) 0 R/g)) {
      const ops = get(Number(c[1]))?.stream?.toString('latin1') ?? '';
      let font: Font = { map: new Map(), digits: 4 };
      // Text drawn with a glyph that stands for other characters carries them as ActualText.
      let actual = false;
      for (const t of ops.matchAll(
        /\/ActualText\s*<([0-9A-Fa-f]*)>|\/(\S+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f]*)>|\b(EMC|BT|ET|Td|TD|Tm|T\*)\b/g,
      )) {
        if (t[1] !== undefined) {
          out += utf16(t[1].replace(/^feff/i, ''));
          actual = true;
        } else if (t[2] !== undefined) {
          const n = fontRefs.get(t[2]);
          font = n === undefined ? { map: new Map(), digits: 4 } : fontOf(n);
        } else if (t[3] !== undefined) {
          if (actual) continue;
          for (const code of t[3].match(new RegExp(`.{${font.digits}}`, 'g')) ?? [])
            out += font.map.get(parseInt(code, 16)) ?? '';
        } else if (t[4] === 'EMC') actual = false;
        else out += '\n';
      }
    }
    // Shared glyphs map to Kangxi radicals (⾕ for 谷); NFKC gives the ideographs back.
    return out.normalize('NFKC').replace(/\n+/g, '\n');
  });
}

// ---- the handout ------------------------------------------------------------------------

type Lang = 'en' | 'zh';

interface StoryStep {
  id: string;
  title: Record<Lang, string>;
  body: Record<Lang, string>;
}

/** For comparing text across layouts: widths folded, radicals unified, no white space. */
const squeeze = (s: string) => s.normalize('NFKC').replace(/[\s•]+/g, '');

async function storySteps(page: Page): Promise<StoryStep[]> {
  const res = await page.request.get('stories/zhongguancun.json');
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { steps: StoryStep[] }).steps;
}

async function openHandout(page: Page, lang: Lang, extra: Record<string, string> = {}) {
  // Printing is the app's job once Print is pressed; here it is only counted.
  await page.addInitScript(() => {
    window.print = () => {
      window.__printed = (window.__printed ?? 0) + 1;
    };
  });
  const story = new StoryDriver(page);
  await story.open({ mode: 'print', lang, ...extra });
  await expect(story.root).toHaveAttribute('print-ready', /.*/, { timeout: 200_000 });
  return story;
}

/** Every step on the page: its title, one map picture that is drawn (not blank). */
async function expectEveryStep(page: Page, steps: StoryStep[], lang: Lang) {
  const sections = page.locator('print-view section.step');
  await expect(sections).toHaveCount(steps.length);
  await expect(page.locator('print-view .missing')).toHaveCount(0);
  for (const [i, step] of steps.entries()) {
    const section = sections.nth(i);
    await expect(section.locator('h2')).toHaveText(step.title[lang]);
    const img = section.locator('img');
    await expect(img).toHaveCount(1);
    const src = (await img.getAttribute('src')) ?? '';
    expect(src, step.id).toMatch(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]{1000}/);
    expect(await img.getAttribute('alt')).toContain(step.title[lang]);
    // A WebGL canvas copied at the wrong moment gives an empty picture: count its colours.
    const colours = await img.evaluate(async (el: HTMLImageElement) => {
      await el.decode();
      const c = document.createElement('canvas');
      c.width = 48;
      c.height = 32;
      const g = c.getContext('2d')!;
      g.drawImage(el, 0, 0, 48, 32);
      const d = g.getImageData(0, 0, 48, 32).data;
      const seen = new Set<string>();
      for (let p = 0; p < d.length; p += 4)
        seen.add(`${d[p]! >> 3},${d[p + 1]! >> 3},${d[p + 2]! >> 3}`);
      return seen.size;
    });
    expect(colours, `the map picture of ${step.id}`).toBeGreaterThan(4);
  }
}

const MEDIA_BOX = { A4: [595.92, 842.88], Letter: [612, 792] } as const;

/** The PDF: its paper, every title, no step across a page break, page numbers. */
function expectPdf(pdf: Buffer, format: 'A4' | 'Letter', steps: StoryStep[], lang: Lang) {
  const text = pdf.toString('latin1');
  const [w, h] = MEDIA_BOX[format];
  const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(text);
  expect(Math.abs(Number(box?.[1]) - w)).toBeLessThan(1);
  expect(Math.abs(Number(box?.[2]) - h)).toBeLessThan(1);
  // Links are printed with their address after them; the story's own text has none.
  const pages = pdfPageTexts(pdf).map((p) => squeeze(p).replace(/\(https?:\/\/[^)]*\)/g, ''));
  // One page for the title, then at most one page a step (a short step may share one).
  expect(pages.length).toBeGreaterThan(1 + Math.floor(steps.length / 3));
  expect(pages.length).toBeLessThanOrEqual(1 + steps.length);
  expect((text.match(/\/Type\s*\/Page\b/g) ?? []).length).toBe(pages.length);
  expect(pages.join('')).toContain(squeeze(steps[0]!.title[lang]));
  for (const step of steps) {
    const body = squeeze(plainText(step.body[lang]));
    // The step's heading is followed by its text (the title page lists the titles alone).
    const start = pages.findIndex((p) => p.includes(squeeze(step.title[lang]) + body.slice(0, 6)));
    expect(start, `${step.id}: its title and text in the ${format} PDF`).toBeGreaterThan(0);
    expect(pages[start], `${step.id} ends on the page it starts on`).toContain(body.slice(-8));
  }
  // Page numbers from the second page on: "2 / 25".
  for (let n = 2; n <= pages.length; n++) expect(pages[n - 1]).toContain(`${n}/${pages.length}`);
}

test.describe('printable handout', () => {
  test('English: every step pictured, print-ready, A4 and Letter PDFs with every title', async ({
    app,
  }) => {
    test.setTimeout(300_000);
    const { page } = app;
    const steps = await storySteps(page);
    const story = await openHandout(page, 'en');
    await expect(page.locator('print-view h1')).toBeVisible();
    await expectEveryStep(page, steps, 'en');
    // The title page credits the article, its address written out for paper.
    const titlePage = page.locator('print-view .title-page');
    await expect(titlePage).toContainText("China's Innovation Renovation");
    await expect(titlePage).toContainText('https://www.thewirechina.com/');

    for (const format of ['A4', 'Letter'] as const)
      expectPdf(await page.pdf({ format }), format, steps, 'en');

    // Print asks the browser to print.
    await page.getByRole('button', { name: 'Print', exact: true }).click();
    await expect.poll(() => page.evaluate(() => window.__printed ?? 0)).toBe(1);
    await expect(story.root).toHaveAttribute('mode', 'print');
    expect(app.consoleErrors).toEqual([]);
    expect(app.outsideRequests).toEqual([]);
  });

  test('Chinese: every step pictured and printed, at a Chinese line height; Back returns to the step', async ({
    app,
  }) => {
    test.setTimeout(300_000);
    const { page } = app;
    const steps = await storySteps(page);
    const story = await openHandout(page, 'zh', { step: 'electronics-street' });
    await expectEveryStep(page, steps, 'zh');
    const body = page.locator('print-view section.step .body').first();
    const leading = await body.evaluate((el) => {
      const s = getComputedStyle(el);
      return parseFloat(s.lineHeight) / parseFloat(s.fontSize);
    });
    expect(leading).toBeGreaterThanOrEqual(1.7);
    // Emphasis in Chinese is marked, never slanted.
    for (const em of await page.locator('print-view section.step em').all())
      expect(await em.evaluate((el) => getComputedStyle(el).fontStyle)).toBe('normal');

    expectPdf(await page.pdf({ format: 'A4' }), 'A4', steps, 'zh');

    // "Back to the story" returns to where the reader was.
    await page.getByRole('button', { name: '返回故事' }).click();
    await expect(story.root).toHaveAttribute('mode', 'story');
    await story.waitForSettled('electronics-street');
    await expect(story.card().locator('h2')).toHaveText(
      steps.find((s) => s.id === 'electronics-street')!.title.zh,
    );
    await expect(page.locator('print-view')).toHaveCount(0);
    expect(app.consoleErrors).toEqual([]);
  });

  test('the About panel’s Print opens the handout, and the handout the story again', async ({
    app,
  }) => {
    const { page } = app;
    const story = new StoryDriver(page);
    await story.open({ step: 'experimental-zone' });
    await story.waitForSettled('experimental-zone');
    await story.button('About').click();
    await page.locator('about-panel').getByRole('button', { name: 'Print' }).click();
    await expect(story.root).toHaveAttribute('mode', 'print');
    await story.expectUrlParam('mode', 'print');
    await expect(page.locator('print-view h1')).toBeVisible();
    await page.getByRole('button', { name: 'Back to the story' }).click();
    await expect(story.root).toHaveAttribute('mode', 'story');
    await story.expectUrlParam('step', 'experimental-zone');
  });
});
