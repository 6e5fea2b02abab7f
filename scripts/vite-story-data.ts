// Serves geo/ and stories/ as static data in dev and copies them into the build, so the
// story files and GeoJSON layers stay plain data in the repository (no import into the bundle).
//
// Also:
// - the build checks every story first (buildStart) and fails, naming each problem's file and
//   line, if any story or file it uses has an error;
// - in dev, saving a file under geo/ or stories/ sends the page a `story-data:changed` HMR
//   event (debounced) instead of reloading it, so the live preview can re-apply the step.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, extname, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin, ViteDevServer } from 'vite';
import { parseDocument } from 'yaml';
import { findStoryFiles, formatReport, validateStoryFile } from './validate.ts';

const DATA_DIRS = ['geo', 'stories'];
const DATA_EXTENSIONS = new Set(['.json', '.geojson', '.yaml', '.yml']);
const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
};
/** The custom HMR event the live preview listens to. */
export const DATA_CHANGED_EVENT = 'story-data:changed';
export interface DataChangedPayload {
  /** Changed files, relative to the project root, with forward slashes. */
  files: string[];
}
const DEBOUNCE_MS = 50;

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

/** A YAML file that does not parse: its name, line and the parser's complaint. */
export class YamlSyntaxError extends Error {
  constructor(file: string, line: number | undefined, message: string) {
    super(`${line !== undefined ? `${file}:${line}` : file}: not valid YAML: ${message}`);
    this.name = 'YamlSyntaxError';
  }
}

/**
 * Every YAML story also ships as JSON (`x.yaml` → `x.json`), so the app can open the default
 * story without loading a YAML parser. The YAML stays the source and the deep-linkable file.
 */
export function jsonTwin(root: string, rel: string): string | undefined {
  if (!rel.startsWith('stories/') || !/\.ya?ml$/.test(rel)) return undefined;
  const text = readFileSync(join(root, rel), 'utf8');
  const doc = parseDocument(text, { prettyErrors: true, logLevel: 'error' });
  const first = doc.errors[0];
  if (first) throw new YamlSyntaxError(rel, first.linePos?.[0].line, first.message.split('\n')[0]!);
  return `${JSON.stringify(doc.toJS({ maxAliasCount: 100 }))}\n`;
}

const yamlOf = (rel: string) => [rel.replace(/\.json$/, '.yaml'), rel.replace(/\.json$/, '.yml')];

/** Is `file` (absolute) inside one of the data folders of `root`? Its relative path if so. */
function dataPath(root: string, file: string): string | undefined {
  const rel = relative(root, file).split(sep).join('/');
  return DATA_DIRS.some((d) => rel.startsWith(`${d}/`)) ? rel : undefined;
}

export interface StoryDataOptions {
  /**
   * Story files to check before a build, relative to the root. Default: every story under
   * stories/ (what `npm run validate` checks).
   */
  validate?: string[];
}

/** Checks the stories; resolves to the formatted report and whether any has an error. */
export async function checkStories(
  root: string,
  files?: string[],
): Promise<{ failed: boolean; lines: string[] }> {
  const rootUrl = pathToFileURL(root.endsWith(sep) ? root : `${root}${sep}`);
  const urls = files ? files.map((f) => new URL(f, rootUrl).href) : await findStoryFiles(rootUrl);
  let failed = false;
  const lines: string[] = [];
  for (const url of urls) {
    const report = await validateStoryFile(url, rootUrl);
    if (report.errors.length) failed = true;
    lines.push(...formatReport(report));
  }
  return { failed, lines };
}

export function storyDataPlugin(options: StoryDataOptions = {}): Plugin {
  let root = process.cwd();
  let command: 'build' | 'serve' = 'serve';
  let pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const announce = (server: ViteDevServer, rel: string) => {
    pending.add(rel);
    clearTimeout(timer);
    // Editors often write a file in several steps (truncate, write, rename): send one event.
    timer = setTimeout(() => {
      const data: DataChangedPayload = { files: [...pending].sort() };
      pending = new Set();
      server.ws.send({ type: 'custom', event: DATA_CHANGED_EVENT, data });
    }, DEBOUNCE_MS);
  };

  return {
    name: 'story-data',
    configResolved(config) {
      root = config.root;
      command = config.command;
    },
    async buildStart() {
      // The dev server keeps running on a broken story (the page explains it); a build may not.
      if (command !== 'build') return;
      const { failed, lines } = await checkStories(root, options.validate);
      if (failed) this.error(`story data has errors:\n${lines.join('\n')}`);
      for (const line of lines) if (/warning:/.test(line)) this.warn(line.trim());
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
        const rel = url.replace(/^\/+/, '');
        if (!DATA_DIRS.some((d) => rel.startsWith(`${d}/`)) || rel.includes('..')) return next();
        const path = join(root, rel);
        // The live preview fetches again after each save: never answer from a cache.
        res.setHeader('Cache-Control', 'no-store');
        if (!existsSync(path) && rel.endsWith('.json')) {
          const source = yamlOf(rel).find((y) => existsSync(join(root, y)));
          if (source) {
            let twin: string | undefined;
            try {
              twin = jsonTwin(root, source);
            } catch (err) {
              // The YAML itself is served as it is, so the app reports its syntax error.
              res.setHeader('Content-Type', CONTENT_TYPES['.yaml']!);
              res.end(readFileSync(join(root, source)));
              server.config.logger.warn(String((err as Error).message));
              return;
            }
            res.setHeader('Content-Type', 'application/json');
            res.end(twin);
            return;
          }
        }
        if (!existsSync(path) || !statSync(path).isFile()) return next();
        res.setHeader('Content-Type', CONTENT_TYPES[extname(path)] ?? 'application/octet-stream');
        res.end(readFileSync(path));
      });
    },
    hotUpdate({ file, server }) {
      const rel = dataPath(root, file);
      if (!rel) return;
      // One event per change, from the client environment; every environment skips its
      // default handling, so no module update and no full reload happen for data files.
      if (this.environment.name === 'client') announce(server, rel);
      return [];
    },
    generateBundle() {
      for (const file of listDataFiles(root)) {
        this.emitFile({ type: 'asset', fileName: file, source: readFileSync(join(root, file)) });
        let twin: string | undefined;
        try {
          twin = jsonTwin(root, file);
        } catch (err) {
          this.error((err as Error).message);
        }
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
