// The one Playwright helper: a page of the built app with its console errors, requests
// outside the origin and story events recorded, and test fixtures served under /fixtures/.
import { test as base, expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
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

async function serveFixtures(page: Page) {
  await page.route('**/fixtures/**', async (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^.*\/fixtures\//, '');
    const file = normalize(join(FIXTURES, decodeURIComponent(path)));
    if (!file.startsWith(FIXTURES)) return route.fulfill({ status: 403 });
    try {
      const body = await readFile(file);
      await route.fulfill({
        status: 200,
        body,
        contentType: TYPES[extname(file)] ?? 'application/octet-stream',
      });
    } catch {
      await route.fulfill({ status: 404, body: 'not found' });
    }
  });
}

async function recordStoryEvents(page: Page) {
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
