// The one Playwright helper: a page of the built app with its console errors, requests
// outside the origin and story events recorded, and test fixtures served under /fixtures/.
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.yaml': 'text/yaml',
};

export interface StoryEvent {
  type: string;
  index?: number;
  id?: string;
  t: number;
}

declare global {
  interface Window {
    __storyEvents: StoryEvent[];
  }
}

export interface AppPage {
  page: Page;
  consoleErrors: string[];
  outsideRequests: string[];
}

let generated: string | undefined;

/**
 * A folder of this worker's own, served under /fixtures/ too (after tests/fixtures/): for
 * files a spec writes at run time, such as PMTiles archives no binary is committed for.
 */
export function generatedFixtures(): string {
  if (!generated) {
    const dir = mkdtempSync(join(tmpdir(), 'e2e-fixtures-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    generated = `${dir}/`;
  }
  return generated;
}

async function readFixture(path: string): Promise<{ file: string; body: Buffer } | 'forbidden'> {
  for (const root of generated ? [FIXTURES, generated] : [FIXTURES]) {
    const file = normalize(join(root, decodeURIComponent(path)));
    if (!file.startsWith(root)) return 'forbidden';
    const body = await readFile(file).catch(() => undefined);
    if (body) return { file, body };
  }
  throw new Error('not found');
}

async function serveFixtures(page: Page) {
  await page.route('**/fixtures/**', async (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^.*\/fixtures\//, '');
    try {
      const found = await readFixture(path);
      if (found === 'forbidden') return route.fulfill({ status: 403 });
      const { file, body } = found;
      const contentType = TYPES[extname(file)] ?? 'application/octet-stream';
      // Range requests as a static host answers them (PMTiles reads archives this way)
      const range = /^bytes=(\d+)-(\d*)$/.exec(route.request().headers()['range'] ?? '');
      if (range) {
        const start = Number(range[1]);
        const end = Math.min(range[2] ? Number(range[2]) : Infinity, body.length - 1);
        if (start >= body.length)
          return route.fulfill({
            status: 416,
            headers: { 'Content-Range': `bytes */${body.length}` },
          });
        return route.fulfill({
          status: 206,
          body: body.subarray(start, end + 1),
          contentType,
          headers: {
            'Content-Range': `bytes ${start}-${end}/${body.length}`,
            'Accept-Ranges': 'bytes',
          },
        });
      }
      await route.fulfill({ status: 200, body, contentType });
    } catch {
      await route.fulfill({ status: 404, body: 'not found' });
    }
  });
}

/** Records the public events in `window.__storyEvents`, from the page's first script on. */
export async function recordStoryEvents(page: Page) {
  await page.addInitScript(() => {
    window.__storyEvents = [];
    for (const type of ['story-ready', 'step-change', 'step-settled', 'story-error']) {
      document.addEventListener(type, (e) => {
        const detail = (e as CustomEvent<{ index?: number; id?: string }>).detail ?? {};
        window.__storyEvents.push({
          type,
          index: detail.index,
          id: detail.id,
          t: performance.now(),
        });
      });
    }
  });
}

export const test = base.extend<{ app: AppPage }>({
  app: async ({ page, baseURL }, use) => {
    const origin = new URL(baseURL!).origin;
    const consoleErrors: string[] = [];
    const outsideRequests: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    page.on('pageerror', (err) => consoleErrors.push(`pageerror: ${err.message}`));
    page.on('request', (req) => {
      const url = req.url();
      if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin)
        outsideRequests.push(url);
    });
    await serveFixtures(page);
    await recordStoryEvents(page);
    await use({ page, consoleErrors, outsideRequests });
  },
});

export { expect };
