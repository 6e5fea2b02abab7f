// Memory and size figures of a running page, for the soak test and the benchmark.
import type { Page } from '@playwright/test';

export interface PageFigures {
  heapBytes: number;
  domNodes: number;
  mapLayers: number;
  mapSources: number;
}

/** Heap after a full garbage collection, DOM nodes including shadow roots, map layers/sources. */
export async function pageFigures(page: Page): Promise<PageFigures> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  const rest = await page.evaluate(() => {
    let nodes = 0;
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        nodes += 1;
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    const style = document.querySelector('story-map')!.map!.getStyle();
    return {
      domNodes: nodes,
      mapLayers: style.layers.length,
      mapSources: Object.keys(style.sources).length,
    };
  });
  return { heapBytes: usedSize, ...rest };
}
