/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { storyDataPlugin } from './scripts/vite-story-data.ts';

// base './' keeps every URL relative, so the built site works from any sub-folder.
export default defineConfig({
  base: './',
  plugins: [storyDataPlugin()],
  optimizeDeps: { exclude: ['maplibre-gl'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
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
