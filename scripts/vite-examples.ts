// Copies examples/ (the article pages that embed <story-map>, their styles) into the build
// as they are, so `dist/examples/article.html` is a page of the built site beside
// `dist/story-map.js`, the way a newsroom would place one. They are not bundled: an article
// is the host's page, and it includes the element's entry with a plain script tag.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export function examplesPlugin(dir = 'examples'): Plugin {
  return {
    name: 'story-map-examples',
    apply: 'build',
    generateBundle() {
      const root = join(process.cwd(), dir);
      for (const name of readdirSync(root)) {
        const path = join(root, name);
        if (!statSync(path).isFile()) continue;
        this.emitFile({ type: 'asset', fileName: `${dir}/${name}`, source: readFileSync(path) });
      }
    },
  };
}
