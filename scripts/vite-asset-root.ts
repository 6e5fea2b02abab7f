// Writes, into src/embed/asset-url.ts, the path from the module back to the root of what
// is served: in a build, from each output chunk to the output folder (`../` for a chunk in
// assets/, `./` for dist/story-map.js); on the dev server, from the source file to the
// project root (where public/, stories/ and geo/ are served).
import { dirname, posix, relative } from 'node:path';
import type { Plugin } from 'vite';

export const ROOT_TOKEN = '__STORY_MAP_ROOT__';

const toRoot = (fromDir: string) => {
  const rel = posix.normalize(relative(fromDir, '.').split('\\').join('/'));
  return rel === '.' ? './' : `${rel}/`;
};

export function assetRootPlugin(): Plugin {
  let serve = false;
  let root = process.cwd();
  return {
    name: 'story-map-asset-root',
    configResolved(config) {
      serve = config.command === 'serve';
      root = config.root;
    },
    transform(code, id) {
      if (!serve || !code.includes(ROOT_TOKEN)) return null;
      const fromDir = relative(root, dirname(id.split('?')[0]!));
      return { code: code.split(ROOT_TOKEN).join(toRoot(fromDir)), map: null };
    },
    renderChunk(code, chunk) {
      if (!code.includes(ROOT_TOKEN)) return null;
      return { code: code.split(ROOT_TOKEN).join(toRoot(dirname(chunk.fileName))), map: null };
    },
  };
}
