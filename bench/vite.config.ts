// Builds the bare MapLibre page (bench/bare.html) for `npm run bench`. The root is the
// repository, so the page gets the app's public/ files (basemap, fonts) and geo/ data exactly
// as the app's build has them; it is written to <outDir>/bench/bare.html, its code to
// <outDir>/bench-assets/.
//   npx vite build --config bench/vite.config.ts   -> node_modules/.cache/zgc-bench/site/
//   BENCH_OUT_DIR=/some/dir npx vite build --config bench/vite.config.ts
// (under node_modules/ so that neither git nor ESLint sees the built files).
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { storyDataPlugin } from '../scripts/vite-story-data.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [storyDataPlugin()],
  optimizeDeps: { exclude: ['maplibre-gl'] },
  build: {
    target: 'es2022',
    outDir: process.env.BENCH_OUT_DIR ?? 'node_modules/.cache/zgc-bench/site',
    emptyOutDir: process.env.BENCH_EMPTY_OUT_DIR !== '0',
    // Its own folder, so the app's assets/ (measured by scripts/check-size.ts) stay the app's.
    assetsDir: 'bench-assets',
    chunkSizeWarningLimit: 2000,
    rolldownOptions: { input: { bare: fileURLToPath(new URL('./bare.html', import.meta.url)) } },
  },
});
