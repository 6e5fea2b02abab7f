// What the service worker's caches hold, for the technician's view: entries and bytes per
// cache (the precache, fonts and other stories cached on first use), from the Cache Storage
// API. Reading sizes opens each response's body as a Blob, which the browser answers from its
// disk index without copying the bytes into the page.

export interface CacheFigure {
  name: string;
  entries: number;
  bytes: number;
}

export interface CacheStats {
  caches: CacheFigure[];
  /** Workbox's precache (the app, the default story, basemap, fonts): the offline kit. */
  precache: { entries: number; bytes: number };
}

type CacheStorageLike = Pick<CacheStorage, 'keys' | 'open'>;

export const isPrecache = (name: string) => name.includes('precache');

export async function cacheStats(
  storage: CacheStorageLike | undefined = globalThis.caches,
): Promise<CacheStats | undefined> {
  if (!storage) return undefined;
  const caches: CacheFigure[] = [];
  for (const name of await storage.keys()) {
    const cache = await storage.open(name);
    const requests = await cache.keys();
    let bytes = 0;
    for (const request of requests) {
      const response = await cache.match(request);
      if (response) bytes += (await response.blob()).size;
    }
    caches.push({ name, entries: requests.length, bytes });
  }
  const pre = caches.filter((c) => isPrecache(c.name));
  return {
    caches,
    precache: {
      entries: pre.reduce((s, c) => s + c.entries, 0),
      bytes: pre.reduce((s, c) => s + c.bytes, 0),
    },
  };
}
