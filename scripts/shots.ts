// `npm run shots`: every step of a story at every form factor, in English and Chinese, as
// PNGs and one contact sheet per form factor, in shots/ (git-ignored). For looking at what a
// visitor sees; nothing here is asserted.
//
//   SHOTS_FORMS=phone,laptop   only these form factors (default: all six)
//   SHOTS_LANGS=zh             only these languages (default: en,zh)
//   SHOTS_STEPS=0,5,chen-1979  only these steps, by index or id (default: all)
//   SHOTS_STORY=stories/x.json another story;  SHOTS_SKIP_BUILD=1 reuse dist/
//   SHOTS_OUT=shots            the folder;      PORT=4196
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './chromium-flags.ts';
import { FORM_FACTORS, type FormFactor } from '../tests/e2e/support/form-factors.ts';

const list = (name: string) =>
  process.env[name]
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const port = Number(process.env.PORT ?? 4196);
const out = resolve(process.env.SHOTS_OUT ?? 'shots');
const forms = FORM_FACTORS.filter(
  (f) => !list('SHOTS_FORMS') || list('SHOTS_FORMS')!.includes(f.name),
);
const langs = list('SHOTS_LANGS') ?? ['en', 'zh'];
const base = `http://127.0.0.1:${port}/`;

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the preview server did not start on ${base}`);
}

async function settled(page: Page, id: string) {
  await page.waitForFunction(
    (want) => (window as unknown as { __settled?: string }).__settled === want,
    id,
    { timeout: 90_000 },
  );
}

async function shootForm(browser: Browser, form: FormFactor, lang: string) {
  const context = await browser.newContext({
    viewport: { width: form.width, height: form.height },
    deviceScaleFactor: form.scale,
    reducedMotion: 'reduce',
    ...(form.name === 'phone' ? { isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    document.addEventListener('step-settled', (e) => {
      (window as unknown as { __settled?: string }).__settled = (
        e as CustomEvent<{ id: string }>
      ).detail.id;
    });
  });
  const query = new URLSearchParams({ mode: form.mode, lang });
  if (form.mode === 'kiosk') query.set('dwell', '3600');
  if (process.env.SHOTS_STORY) query.set('story', process.env.SHOTS_STORY);
  await page.goto(`${base}?${query}`);
  const steps = await page.evaluate(async () => {
    const el = document.querySelector('story-map')!;
    await new Promise<void>((r) =>
      el.steps.length ? r() : el.addEventListener('story-ready', () => r(), { once: true }),
    );
    return el.steps.map((s) => s.id);
  });
  const wanted = list('SHOTS_STEPS');
  const chosen = steps
    .map((id, index) => ({ id, index }))
    .filter((s) => !wanted || wanted.includes(s.id) || wanted.includes(String(s.index)));
  const files: string[] = [];
  await settled(page, steps[0]!);
  for (const { id, index } of chosen) {
    if (
      index !== 0 ||
      (await page.evaluate(() => document.querySelector('story-map')!.stepIndex)) !== 0
    ) {
      await page.evaluate((i) => document.querySelector('story-map')!.goTo(i), index);
      await settled(page, id);
    }
    // Fonts and the last tiles may land a moment after idle.
    await page.evaluate(() => document.fonts.ready);
    const file = join(out, form.name, `${String(index + 1).padStart(2, '0')}-${id}-${lang}.png`);
    await page.screenshot({ path: file });
    files.push(file);
    console.log(`  ${file}`);
  }
  await context.close();
  return files;
}

/** One image per form factor: every shot, small, in a grid, drawn by the browser itself. */
async function contactSheet(browser: Browser, form: FormFactor, files: string[]) {
  const thumb = form.width > form.height ? 480 : 240;
  const cols = form.width > form.height ? 4 : 8;
  const cells = files
    .map(
      (f) =>
        `<figure><img src="file://${f}" width="${thumb}"><figcaption>${f.split('/').pop()}</figcaption></figure>`,
    )
    .join('');
  const html = `<!doctype html><meta charset="utf-8"><style>
    body{margin:12px;font:12px sans-serif;background:#eee;display:grid;
      grid-template-columns:repeat(${cols},${thumb}px);gap:10px}
    figure{margin:0} img{display:block;border:1px solid #999} figcaption{padding:2px 0}
  </style>${cells}`;
  const sheetHtml = join(out, `${form.name}-sheet.html`);
  writeFileSync(sheetHtml, html);
  const page = await browser.newPage({
    viewport: { width: cols * (thumb + 10) + 24, height: 600 },
  });
  await page.goto(`file://${sheetHtml}`);
  await page.evaluate(() => Promise.all([...document.images].map((i) => i.decode())));
  const file = join(out, `${form.name}-contact-sheet.png`);
  await page.screenshot({ path: file, fullPage: true });
  await page.close();
  console.log(`contact sheet: ${file}`);
}

async function main() {
  if (!process.env.SHOTS_SKIP_BUILD) {
    const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  // node runs vite itself (not through npx), so killing it stops the server.
  const server = spawn(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort'],
    { stdio: 'ignore' },
  );
  try {
    await waitForServer();
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    for (const form of forms) {
      mkdirSync(join(out, form.name), { recursive: true });
      const files: string[] = [];
      for (const lang of langs) {
        console.log(`${form.name} ${form.width}x${form.height} ${form.mode} ${lang}`);
        files.push(...(await shootForm(browser, form, lang)));
      }
      await contactSheet(browser, form, files);
    }
    await browser.close();
  } finally {
    server.kill();
  }
}

await main();
