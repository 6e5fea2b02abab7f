// The npm package's list of its own files: `virtual:story-map-assets` becomes one
// `new URL('./public/…', import.meta.url)` per file under public/basemap and public/fonts.
// Vite copies each into the package's assets/ and writes its path relative to the chunk;
// a consumer's bundler (Vite, Rollup with an import.meta-assets plugin, webpack 5) does the
// same again from the package, so the element finds every file wherever the build put it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const ID = 'virtual:story-map-assets';
/** Where the files are in public/, and what the element calls them (their path in dist/). */
export const PACKAGED_DIRS = ['basemap', 'fonts'];

export function packagedFiles(root: string): string[] {
  return PACKAGED_DIRS.flatMap((dir) =>
    readdirSync(join(root, 'public', dir))
      .filter((name) => !name.startsWith('.'))
      .sort()
      .map((name) => `${dir}/${name}`),
  );
}

export function packagedAssetsPlugin(root: string): Plugin {
  // A real path in the project's root, so `./public/…` resolves from it.
  const moduleId = join(root, 'story-map-assets.virtual.js');
  return {
    name: 'story-map-packaged-assets',
    resolveId: (id) => (id === ID ? moduleId : null),
    load(id) {
      if (id !== moduleId) return null;
      const lines = packagedFiles(root).map(
        (path) =>
          `  ${JSON.stringify(path)}: new URL(${JSON.stringify(`./public/${path}`)}, import.meta.url).href,`,
      );
      return `export default {\n${lines.join('\n')}\n};\n`;
    },
  };
}
