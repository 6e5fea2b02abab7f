// Which requests the service worker answers besides its precache. vite.config.ts hands these
// to Workbox, which copies each function's source into sw.js: so every function here must be
// self-contained (no imports, no outer names). Unit-tested in tests/unit/sw-routes.test.ts.
//
// What the worker leaves alone (no route matches, so the browser fetches as if there were no
// worker): anything on another origin (a `story=` URL elsewhere, an online basemap style and
// its tiles), `.pmtiles` archives on any origin (read with HTTP range requests, which a cache
// would break and which are far too big to keep), and every non-GET request. A reader's own
// GeoJSON file is read from disk and never fetched at all.

interface RouteInput {
  url: URL;
  sameOrigin: boolean;
  request: Request;
}

/**
 * Same-origin story files and GeoJSON not in the precache (another story of the app, the
 * examples): network first, so an edited file is seen at once, with the last copy for offline.
 */
export const isOtherStoryData = ({ url, sameOrigin, request }: RouteInput): boolean =>
  sameOrigin &&
  request.method === 'GET' &&
  !request.headers.has('range') &&
  /\/(?:stories|geo)\/[^?#]+\.(?:json|geojson|ya?ml)$/i.test(url.pathname);

/**
 * Same-origin font files not in the precache (Chinese subsets the default story's labels do
 * not use, needed by another story or a reader's file): cache first, as they never change
 * under a name.
 */
export const isFontFile = ({ url, sameOrigin, request }: RouteInput): boolean =>
  sameOrigin &&
  request.method === 'GET' &&
  !request.headers.has('range') &&
  /\/fonts\/[^/?#]+\.(?:woff2?|ttf|otf)$/i.test(url.pathname);

/**
 * Navigations that must not be answered with the app page: a data or asset file opened
 * directly (`stories/x.yaml` in the address bar shows the file, not the app). Workbox tests
 * these against the path and query together.
 */
export const NAVIGATION_DENYLIST: RegExp[] = [
  /\/(?:stories|geo|fonts|basemap|icons|assets)\//,
  // on the path only: `?story=…/s.yaml` or `?basemap=city.pmtiles` is a deep link to the app
  /^[^?]*\.(?:json|geojson|ya?ml|pmtiles|woff2?|png|svg|webmanifest|m?js|css|txt)(?:\?|$)/i,
  // any other page of the site (an article embedding <story-map>) is that page, not the app
  /^[^?]*\/(?!index\.html(?:\?|$))[^/?]+\.html?(?:\?|$)/i,
];
