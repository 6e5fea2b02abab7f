// How a reader scrolls a page, for the scroll reader's tests: the mouse wheel, a jump.
import type { Frame, Page } from '@playwright/test';

/** Wheel steps of `dy` px over the point (x, y), each step waiting for the page to draw. */
export async function wheel(page: Page, dy: number, at?: { x: number; y: number }) {
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.mouse.move(at?.x ?? size.width * 0.75, at?.y ?? size.height * 0.5);
  await page.mouse.wheel(0, dy);
  await nextFrames(page, 2);
}

/** Resolves after `n` frames of the page (or frame) have been drawn. */
export async function nextFrames(target: Page | Frame, n = 1) {
  await target.evaluate(async (count) => {
    for (let i = 0; i < count; i++) await new Promise(requestAnimationFrame);
  }, n);
}

export async function scrollY(target: Page | Frame): Promise<number> {
  return target.evaluate(() => window.scrollY);
}
