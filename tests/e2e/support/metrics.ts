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

/** Chromium's own counts (CDP Performance.getMetrics): listeners, nodes, documents, layout objects. */
export async function cdpMetrics(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  await cdp.detach();
  const pick = (n: string) => metrics.find((m) => m.name === n)?.value ?? NaN;
  return {
    jsEventListeners: pick('JSEventListeners'),
    nodes: pick('Nodes'),
    documents: pick('Documents'),
    layoutObjects: pick('LayoutObjects'),
  };
}
