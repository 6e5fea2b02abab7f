// Serves geo/ and stories/ as static data in dev and copies them into the build, so the
// story files and GeoJSON layers stay plain data in the repository (no import into the bundle).
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, extname } from 'node:path';
import type { Plugin } from 'vite';
import { parse } from 'yaml';

const DATA_DIRS = ['geo', 'stories'];
const DATA_EXTENSIONS = new Set(['.json', '.geojson', '.yaml', '.yml']);
const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
};

function listDataFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        // Vendored sources and notes are inputs of scripts, not app data.
        if (name === 'vendor' || name === 'notes') continue;
        walk(path);
      } else if (DATA_EXTENSIONS.has(extname(name))) out.push(relative(root, path));
    }
  };
  for (const dir of DATA_DIRS) if (existsSync(join(root, dir))) walk(join(root, dir));
  return out;
}

/**
 * Every YAML story also ships as JSON (`x.yaml` → `x.json`), so the app can open the default
 * story without loading a YAML parser. The YAML stays the source and the deep-linkable file.
 */
function jsonTwin(root: string, rel: string): string | undefined {
  if (!rel.startsWith('stories/') || !/\.ya?ml$/.test(rel)) return undefined;
  return `${JSON.stringify(parse(readFileSync(join(root, rel), 'utf8')))}\n`;
}

const yamlOf = (rel: string) => [rel.replace(/\.json$/, '.yaml'), rel.replace(/\.json$/, '.yml')];

export function storyDataPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'story-data',
    configResolved(config) {
      root = config.root;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
        const rel = url.replace(/^\/+/, '');
        if (!DATA_DIRS.some((d) => rel.startsWith(`${d}/`)) || rel.includes('..')) return next();
        const path = join(root, rel);
        if (!existsSync(path) && rel.endsWith('.json')) {
          const source = yamlOf(rel).find((y) => existsSync(join(root, y)));
          if (source) {
            res.setHeader('Content-Type', 'application/json');
            res.end(jsonTwin(root, source));
            return;
          }
        }
        if (!existsSync(path) || !statSync(path).isFile()) return next();
        res.setHeader('Content-Type', CONTENT_TYPES[extname(path)] ?? 'application/octet-stream');
        res.end(readFileSync(path));
      });
    },
    generateBundle() {
      for (const file of listDataFiles(root)) {
        this.emitFile({ type: 'asset', fileName: file, source: readFileSync(join(root, file)) });
        const twin = jsonTwin(root, file);
        if (twin)
          this.emitFile({
            type: 'asset',
            fileName: file.replace(/\.ya?ml$/, '.json'),
            source: twin,
          });
      }
    },
  };
}
