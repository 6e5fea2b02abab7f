// The npm package's build (scripts/build-package.ts runs it): ES modules in dist-lib/, the
// element's entry (`index.js`) and the lazy loader (`lazy.js`), code chunks in chunks/, its
// files (fonts, the embedded basemap, MapLibre's worker) in assets/, each referenced with
// `new URL('…', import.meta.url)` so a consumer's bundler copies them. Lit and MapLibre are
// the package's dependencies, not bundled: a consumer's build shares them (one copy of each).
import { defineConfig } from 'vite';
import { assetRootPlugin } from './scripts/vite-asset-root.ts';
import { packagedAssetsPlugin } from './scripts/vite-packaged-assets.ts';

const root = process.cwd();
const { version } = (await import('./package.json', { with: { type: 'json' } })).default;

/** What the package leaves to the consumer's install: Lit and MapLibre (not their CSS). */
const external = (id: string) =>
  id === 'lit' || id.startsWith('lit/') || id.startsWith('@lit/') || id === 'maplibre-gl';

export default defineConfig({
  base: './',
  publicDir: false,
  define: {
    __APP_BUILD__: JSON.stringify({ version, builtAt: new Date(0).toISOString() }),
  },
  plugins: [assetRootPlugin(), packagedAssetsPlugin(root)],
  build: {
    outDir: 'dist-lib',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    // Every file is a file of its own, never inlined: the consumer's bundler decides.
    assetsInlineLimit: 0,
    copyPublicDir: false,
    modulePreload: false,
    rolldownOptions: {
      input: { index: `${root}/src/embed/package.ts`, lazy: `${root}/src/embed/package-lazy.ts` },
      preserveEntrySignatures: 'exports-only',
      external,
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});
