/// <reference types="vitest/config" />
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { storyDataPlugin } from './scripts/vite-story-data.ts';
import { keepDistOnFailure } from './scripts/vite-keep-dist.ts';
import { examplesPlugin } from './scripts/vite-examples.ts';
import { assetRootPlugin } from './scripts/vite-asset-root.ts';
import { planFiles, planPrecache } from './scripts/offline-precache.ts';
import {
  KIOSK_MANIFEST,
  KIOSK_MANIFEST_FILE,
  READER_MANIFEST,
  THEME_COLOR,
} from './src/offline/manifests.ts';
import { NAVIGATION_DENYLIST, isFontFile, isOtherStoryData } from './src/offline/sw-routes.ts';

const root = process.cwd();

/**
 * What the app shows as its version (the technician's view, the "updated" note): the
 * package version, the commit it was built from and when. A rebuild is a new version, so a
 * kiosk takes a rebuilt story even when the code did not change.
 */
function buildInfo() {
  const { version } = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as {
    version: string;
  };
  let commit: string | undefined;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
  } catch {
    // not a git checkout (a release archive): the build time tells builds apart
  }
  // SOURCE_DATE_EPOCH (seconds) makes a reproducible build's version reproducible too.
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const builtAt = new Date(Number.isFinite(epoch) && epoch > 0 ? epoch * 1000 : Date.now());
  return { version, ...(commit ? { commit } : {}), builtAt: builtAt.toISOString() };
}

/** The exhibition's manifest beside the reader's, and the theme colour for the browser UI. */
function offlineExtras(): Plugin {
  return {
    name: 'offline-extras',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { name: 'theme-color', content: THEME_COLOR }, injectTo: 'head' },
      {
        tag: 'link',
        attrs: { rel: 'apple-touch-icon', href: './icons/icon-192.png' },
        injectTo: 'head',
      },
    ],
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: KIOSK_MANIFEST_FILE,
        source: `${JSON.stringify(KIOSK_MANIFEST, null, 2)}\n`,
      });
    },
  };
}

// The default story, its layers, the embedded basemap and the font files its labels use:
// what a kiosk needs to start with no server (scripts/offline-precache.ts explains the choice).
// A story that does not parse must not stop the dev server (the page explains the error) and
// fails a build anyway (storyDataPlugin checks every story first): then take every data file.
function precacheFiles(): string[] {
  try {
    return planFiles(planPrecache({ root }));
  } catch (err) {
    console.warn(`offline precache: ${(err as Error).message}; precaching every data file`);
    return ['stories/*.json', 'geo/*.{json,geojson}', 'basemap/*.geojson', 'fonts/*'];
  }
}

// base './' keeps every URL relative, so the built site works from any sub-folder.
export default defineConfig({
  base: './',
  define: { __APP_BUILD__: JSON.stringify(buildInfo()) },
  plugins: [
    storyDataPlugin(),
    examplesPlugin(),
    assetRootPlugin(),
    offlineExtras(),
    // A failed build must not write sw.js (a running kiosk polls it): see the guard.
    ...keepDistOnFailure(
      VitePWA({
        // Never activates by itself: the app applies an update between kiosk visitors or at a
        // reader's next load (src/offline/update-controller.ts).
        registerType: 'prompt',
        // No injected registration script (the CSP allows no inline script): src/offline/
        // register.ts registers the worker.
        injectRegister: false,
        strategies: 'generateSW',
        filename: 'sw.js',
        manifestFilename: 'manifest.webmanifest',
        manifest: {
          ...READER_MANIFEST,
          icons: [...READER_MANIFEST.icons],
          categories: [...READER_MANIFEST.categories],
        },
        includeManifestIcons: false,
        devOptions: { enabled: false },
        workbox: {
          globPatterns: [
            'index.html',
            'assets/**/*.{js,mjs,css}',
            'favicon.svg',
            'icons/*.{png,svg}',
            KIOSK_MANIFEST_FILE,
            ...precacheFiles(),
          ],
          // world.geojson and MapLibre's bundle are the biggest entries, well under this.
          maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
          // A first visit is taken over at once (so its reload is already offline-proof); an
          // update waits for the app to send SKIP_WAITING.
          clientsClaim: true,
          skipWaiting: false,
          cleanupOutdatedCaches: true,
          // `?mode=kiosk&…` and every other deep link opens the precached app page offline.
          navigateFallback: 'index.html',
          navigateFallbackDenylist: NAVIGATION_DENYLIST,
          runtimeCaching: [
            {
              urlPattern: isOtherStoryData,
              handler: 'NetworkFirst',
              options: {
                cacheName: 'story-data',
                networkTimeoutSeconds: 5,
                expiration: { maxEntries: 200 },
                cacheableResponse: { statuses: [200] },
              },
            },
            {
              urlPattern: isFontFile,
              handler: 'CacheFirst',
              options: {
                cacheName: 'fonts',
                expiration: { maxEntries: 150 },
                cacheableResponse: { statuses: [200] },
              },
            },
          ],
        },
      }),
    ),
  ],
  optimizeDeps: { exclude: ['maplibre-gl'] },
  server: {
    port: Number(process.env.PORT ?? 5173),
    // An explicit PORT is a promise: fail rather than move to the next free port.
    strictPort: process.env.PORT !== undefined,
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    // MapLibre in a chunk of its own: an update of the app (a kiosk's next version) then
    // downloads and precaches only the app's code, not MapLibre's 1.1 MB again.
    rolldownOptions: {
      // The app's page, the page `npm run video` renders the story's video in, and the
      // embedding entry at the root of dist/: story-map.js (a small loader; its exports,
      // `load`, are kept).
      input: {
        index: `${root}/index.html`,
        video: `${root}/video.html`,
        'story-map': `${root}/src/embed/loader.ts`,
      },
      preserveEntrySignatures: 'exports-only',
      output: {
        entryFileNames: (chunk) =>
          chunk.name === 'story-map' ? 'story-map.js' : 'assets/[name]-[hash].js',
        codeSplitting: {
          groups: [{ name: 'maplibre-gl', test: /[\\/]node_modules[\\/]maplibre-gl[\\/]/ }],
        },
      },
    },
  },
  preview: {
    port: Number(process.env.PORT ?? 4173),
    strictPort: true,
    host: '127.0.0.1',
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
  },
});
