// `npm run validate [files…]`: checks every story under stories/ (examples included) and
// every file it uses (layer manifest, GeoJSON layers), with the same code the app uses, in
// one pass: each problem is printed with its file, line, step and field, warnings after
// errors. Exits 1 if there is any error; warnings alone do not fail.
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkStory } from '../src/story/check-story.ts';
import { DataErrors, formatError, type DataError } from '../src/story/errors.ts';
import { escapeControl } from '../src/story/terminal-text.ts';
import { validateBasemap } from './validate-basemap.ts';
import { summaryLines } from '../src/story/summarize.ts';

const rootUrl = new URL('..', import.meta.url);

export function fileReader(root: URL) {
  const rootHref = root.href;
  return async (url: string): Promise<string> => {
    try {
      return await readFile(fileURLToPath(url), 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new DataErrors([
        {
          file: url.replace(rootHref, ''),
          path: '',
          message: code === 'ENOENT' ? 'file not found' : String(err),
        },
      ]);
    }
  };
}

export interface FileReport {
  file: string;
  errors: DataError[];
  warnings: DataError[];
  /** Every file the story uses, relative to the root. */
  files: string[];
  summary: string;
}

/** Checks one story file (an absolute file: URL) and everything it uses. */
export async function validateStoryFile(url: string, root: URL = rootUrl): Promise<FileReport> {
  const check = await checkStory(url, root.href, fileReader(root));
  const layers = check.loaded?.layers ?? [];
  const features = layers.reduce((n, l) => n + l.data.features.length, 0);
  return {
    file: url.replace(root.href, ''),
    errors: check.errors,
    warnings: check.warnings,
    files: check.files,
    summary: check.loaded
      ? `${check.loaded.story.steps.length} steps, ${layers.length} layers, ${features} features`
      : '',
  };
}

const STORY_FILE = /\.(ya?ml|json)$/;

/** Is this JSON file a story (it has steps), rather than a manifest or a GeoJSON layer? */
async function isJsonStory(path: URL): Promise<boolean> {
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as unknown;
    return data !== null && typeof data === 'object' && 'steps' in data;
  } catch {
    return true; // a broken file is reported by the validator
  }
}

/** Story files under stories/ and its sub-folders (stories/examples/<name>/…). */
export async function findStoryFiles(root: URL = rootUrl): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: URL) => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const url = new URL(e.isDirectory() ? `${e.name}/` : e.name, dir);
      if (e.isDirectory()) await walk(url);
      else if (!STORY_FILE.test(e.name) || e.name.endsWith('.schema.json')) continue;
      else if (e.name.endsWith('.json') ? await isJsonStory(url) : true) out.push(url.href);
    }
  };
  await walk(new URL('stories/', root));
  return out;
}

/** The report for one story, as the terminal shows it (text from the files escaped). */
export function formatReport(report: FileReport): string[] {
  const lines: string[] = [];
  const { errors, warnings } = report;
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  if (errors.length)
    lines.push(
      `✗ ${report.file}: ${count(errors.length, 'error')}${warnings.length ? `, ${count(warnings.length, 'warning')}` : ''}`,
    );
  else
    lines.push(
      `✓ ${report.file}: ${report.summary}${warnings.length ? ` (${count(warnings.length, 'warning')})` : ''}`,
    );
  // Thousands of problems of one kind (a step naming 10,000 unknown layers) are summarised.
  for (const line of summaryLines(errors.map(formatError))) lines.push(`  ${line}`);
  for (const line of summaryLines(warnings.map(formatError))) lines.push(`  ${line}`);
  return lines.map(escapeControl);
}

async function main(args: string[]) {
  const files = args.length ? args.map((a) => pathToFileURL(a).href) : await findStoryFiles();
  let failed = 0;
  for (const file of files) {
    const report = await validateStoryFile(file);
    const out = formatReport(report).join('\n');
    if (report.errors.length) {
      failed += 1;
      console.error(out);
    } else console.log(out);
  }
  if (!files.length) console.error('No story files under stories/.');
  // The embedded basemap's traced data (streets, subway, places) meets the same contract.
  if (!args.length) {
    const basemap = await validateBasemap();
    if (basemap.length) {
      failed += 1;
      console.error(`✗ geo/basemap/: ${basemap.length} problem${basemap.length > 1 ? 's' : ''}`);
      for (const e of basemap) console.error(`  ${escapeControl(formatError(e))}`);
    } else console.log('✓ geo/basemap/: the embedded basemap’s traced layers');
  }
  process.exit(failed || !files.length ? 1 : 0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void main(process.argv.slice(2));
