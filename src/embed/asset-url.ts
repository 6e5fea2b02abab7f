// Where the element's own files are: the embedded basemap, its fonts, the default story.
// They sit beside its code, so they are found from this module's own URL, never from the
// address of the page that uses the element (an article in any folder of a site). What the
// host page gives (a `story` or `basemap` attribute) is the host's URL and resolves against
// the page instead: see `pageUrl`.
//
// The build writes the path from each chunk back to its output's root in place of
// ROOT_TOKEN (scripts/vite-asset-root.ts); the dev server writes the path from this file to
// the project root, where it serves public/, stories/ and geo/.
const ROOT_TOKEN = '__STORY_MAP_ROOT__';

/** Packaged files a consumer's bundler has moved (logical path, as under dist/ -> its URL). */
const relocated = new Map<string, string>();

/** The folder the element's files are in (absolute, ending in `/`). */
export function assetBase(): string {
  // Not the literal `new URL(x, import.meta.url)` form: a consumer's bundler would take the
  // folder for a file to copy.
  return new URL(ROOT_TOKEN, String(import.meta.url)).href;
}

/** One of the element's own files, by its path under the build's root (`fonts/x.woff2`). */
export function assetUrl(path: string): string {
  return relocated.get(path) ?? new URL(path, assetBase()).href;
}

/**
 * A URL under `assetBase()` that a consumer's bundler has moved (the npm package lists its
 * files with `new URL('…', import.meta.url)`, which Vite, Rollup and webpack copy and rename):
 * where the file really is. Any other URL comes back as it is.
 */
export function relocate(url: string): string {
  if (!relocated.size) return url;
  const base = assetBase();
  return url.startsWith(base) ? (relocated.get(url.slice(base.length)) ?? url) : url;
}

/** The package's list of its own files, as its bundled entry found them. */
export function registerAssetFiles(files: Readonly<Record<string, string>>): void {
  for (const [path, url] of Object.entries(files)) relocated.set(path, url);
}

/** A URL the host page gave (a `story` or `basemap` attribute): the page's, as links are. */
export function pageUrl(url: string): string {
  return new URL(url, document.baseURI).href;
}

/** The story an element without a `story` shows: the JSON twin of stories/zhongguancun.yaml. */
export const DEFAULT_STORY = 'stories/zhongguancun.json';

/** A story's URL: the default story is one of the element's files, any other the page's. */
export function storyUrl(story: string): string {
  return story === DEFAULT_STORY ? assetUrl(story) : pageUrl(story);
}
