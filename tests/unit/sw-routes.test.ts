import { describe, expect, it } from 'vitest';
import { NAVIGATION_DENYLIST, isFontFile, isOtherStoryData } from '../../src/offline/sw-routes';

const ORIGIN = 'https://museum.example/exhibit/';
const input = (href: string, init: RequestInit = {}) => {
  const url = new URL(href, ORIGIN);
  return {
    url,
    sameOrigin: url.origin === new URL(ORIGIN).origin,
    request: new Request(url, init),
  };
};

// Workbox copies each matcher's source into sw.js: it must work with nothing around it.
const standalone = <T extends (...args: never[]) => unknown>(fn: T): T =>
  new Function(`return (${fn.toString()})`)() as T;

for (const [name, fn] of [
  ['as written', { isOtherStoryData, isFontFile }],
  [
    'copied into sw.js',
    { isOtherStoryData: standalone(isOtherStoryData), isFontFile: standalone(isFontFile) },
  ],
] as const) {
  describe(`service worker routes (${name})`, () => {
    it('caches other same-origin stories and layers, network first', () => {
      expect(fn.isOtherStoryData(input('stories/examples/kendall-square/story.yaml'))).toBe(true);
      expect(fn.isOtherStoryData(input('geo/companies.geojson'))).toBe(true);
      expect(fn.isOtherStoryData(input('stories/zhongguancun.json?v=2'))).toBe(true);
    });

    it('leaves another origin, PMTiles archives, range requests and other methods alone', () => {
      expect(fn.isOtherStoryData(input('https://news.example/stories/x.json'))).toBe(false);
      expect(fn.isOtherStoryData(input('stories/city.pmtiles'))).toBe(false);
      expect(fn.isOtherStoryData(input('geo/beijing.pmtiles'))).toBe(false);
      expect(
        fn.isOtherStoryData(input('geo/companies.geojson', { headers: { Range: 'bytes=0-99' } })),
      ).toBe(false);
      expect(
        fn.isOtherStoryData(input('geo/companies.geojson', { method: 'POST', body: '{}' })),
      ).toBe(false);
      // the test fixtures and anything else outside stories/ and geo/
      expect(fn.isOtherStoryData(input('fixtures/mini/story.yaml'))).toBe(false);
      expect(fn.isFontFile(input('basemap.pmtiles'))).toBe(false);
    });

    it('caches same-origin font files, and only those', () => {
      expect(fn.isFontFile(input('fonts/noto-sans-sc-12-400-normal.woff2'))).toBe(true);
      expect(fn.isFontFile(input('https://fonts.example/fonts/a.woff2'))).toBe(false);
      expect(fn.isFontFile(input('fonts/font-faces.json'))).toBe(false);
      expect(fn.isFontFile(input('fonts/a.woff2', { headers: { Range: 'bytes=0-1' } }))).toBe(
        false,
      );
    });
  });
}

describe('navigation fallback', () => {
  const denied = (pathAndSearch: string) =>
    NAVIGATION_DENYLIST.some((re) => re.test(pathAndSearch));

  it('opens the app page for every deep link, kiosk and status included', () => {
    for (const p of [
      '/exhibit/',
      '/exhibit/?mode=kiosk&dwell=20&lang=zh',
      '/exhibit/?mode=kiosk&status',
      '/exhibit/index.html?mode=explore&camera=116.3,39.98,12',
      '/exhibit/?story=https%3A%2F%2Fnews.example%2Fs.yaml',
      '/exhibit/?basemap=city.pmtiles',
    ])
      expect(denied(p), p).toBe(false);
  });

  it('never answers a data or asset file opened directly with the app page', () => {
    for (const p of [
      '/exhibit/stories/zhongguancun.yaml',
      '/exhibit/geo/companies.geojson',
      '/exhibit/city.pmtiles',
      '/exhibit/manifest.webmanifest',
      '/exhibit/sw.js',
      '/exhibit/fonts/font-faces.json?x=1',
    ])
      expect(denied(p), p).toBe(true);
  });

  it('leaves the site’s other pages (an article with an embed) to the network', () => {
    for (const p of [
      '/exhibit/examples/article.html',
      '/exhibit/news/2026/zgc.html?utm=x',
      '/exhibit/about.htm',
    ])
      expect(denied(p), p).toBe(true);
    expect(denied('/exhibit/index.html?lang=zh')).toBe(false);
  });
});
