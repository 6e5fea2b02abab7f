// Builds the npm package (`npm pack` runs it as `prepack`; `npm run build:package`):
//   dist-lib/index.js, lazy.js, chunks/, assets/   ES modules and the element's own files
//                                                  (vite.package.config.ts)
//   dist-lib/types/                                the public contract's declarations
//                                                  (tsconfig.package.json), pruned to what
//                                                  index.d.ts and lazy.d.ts reach
//   custom-elements.json                           the Custom Elements Manifest
//                                                  (custom-elements-manifest.config.mjs)
// docs/PACKAGE.md says what consumers do with them.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LIB = join(ROOT, 'dist-lib');
const TYPES = join(LIB, 'types');

const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: process.env });

// The entries' declarations, written here so that tsc only reads the contract
// (src/embed/public-api.ts), not the element's whole source; src/embed/package.ts checks that
// the element's class is assignable to the contract, in `npm run typecheck`.
const INDEX_D_TS = `// <story-map>'s public contract (src/embed/public-api.ts).
import type { StoryMapConstructor, StoryMapElement } from './embed/public-api.js';
export type * from './embed/public-api.js';

/** The <story-map> element's class (importing the package defines the element). */
export declare const StoryMap: StoryMapConstructor;
export type StoryMap = StoryMapElement;

declare global {
  interface HTMLElementTagNameMap {
    'story-map': StoryMapElement;
  }
}
`;

const LAZY_D_TS = `// The lazy loader: <story-map> is defined when one comes near the viewport, or by load().
export type * from './index.js';

/** Loads and defines <story-map> now, whether or not one is near the viewport. */
export declare const load: () => Promise<void>;
`;

/**
 * Our build's dynamic-import helper is called `__vitePreload`, the very name a consumer's
 * Vite gives the helper it adds to every module with an import(): renamed, so the two do not
 * collide ("Identifier `__vitePreload` has already been declared").
 */
function renamePreloadHelper(dir: string) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) renamePreloadHelper(path);
    else if (name.endsWith('.js')) {
      const text = readFileSync(path, 'utf8');
      if (text.includes('__vitePreload'))
        writeFileSync(path, text.replaceAll('__vitePreload', '__storyMapPreload'));
    }
  }
}

/** The declaration files `entries` reach through relative imports. */
function reachable(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*['"](\.[^'"]+)['"]/g)) {
      const spec = m[1]!.replace(/\.js$/, '');
      visit(resolve(dirname(file), `${spec}.d.ts`));
    }
  };
  entries.forEach(visit);
  return seen;
}

function prune(dir: string, keep: Set<string>) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      prune(path, keep);
      if (!readdirSync(path).length) rmSync(path, { recursive: true });
    } else if (!keep.has(path)) rmSync(path);
  }
}

export function buildPackage() {
  rmSync(LIB, { recursive: true, force: true });
  run('npx', ['vite', 'build', '-c', 'vite.package.config.ts', '--logLevel', 'warn']);
  renamePreloadHelper(LIB);
  run('npx', ['tsc', '-p', 'tsconfig.package.json']);
  writeFileSync(join(TYPES, 'index.d.ts'), INDEX_D_TS);
  writeFileSync(join(TYPES, 'lazy.d.ts'), LAZY_D_TS);
  prune(TYPES, reachable([join(TYPES, 'index.d.ts'), join(TYPES, 'lazy.d.ts')]));
  run('npx', ['custom-elements-manifest', 'analyze']);
  const leftover = readFileSync(join(LIB, 'index.js'), 'utf8').includes('__STORY_MAP_ROOT__');
  if (leftover) throw new Error('dist-lib/index.js: the asset root was not written');
  console.log(
    `package built: ${relative(ROOT, LIB)}/ (${readdirSync(join(LIB, 'assets')).length} files in assets/), custom-elements.json`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) buildPackage();
