// `npm run validate`: checks every story under stories/ and every GeoJSON layer its
// manifest lists, with the same code the app uses. Prints each problem with its file, step,
// field and line; exits 1 if there is any.
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadStory } from '../src/story/load-story';
import { DataErrors, formatError, type DataError } from '../src/story/errors';

const root = pathToFileURL(`${fileURLToPath(new URL('..', import.meta.url))}`).href;

async function readText(url: string): Promise<string> {
  try {
    return await readFile(fileURLToPath(url), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new DataErrors([
      {
        file: url.replace(root, ''),
        path: '',
        message: code === 'ENOENT' ? 'file not found' : String(err),
      },
    ]);
  }
}

export async function validateStoryFile(
  url: string,
): Promise<{ errors: DataError[]; summary: string }> {
  try {
    const { story, layers, warnings } = await loadStory(url, root, readText);
    const features = layers.reduce((n, l) => n + l.data.features.length, 0);
    return {
      errors: warnings,
      summary: `${story.steps.length} steps, ${layers.length} layers, ${features} features`,
    };
  } catch (err) {
    if (err instanceof DataErrors) return { errors: err.errors, summary: '' };
    throw err;
  }
}

async function main(args: string[]) {
  const files = args.length
    ? args.map((a) => pathToFileURL(a).href)
    : (await readdir(new URL('stories/', root)))
        .filter((f) => /\.(ya?ml|json)$/.test(f) && !f.endsWith('.schema.json'))
        .map((f) => new URL(`stories/${f}`, root).href);
  let failed = 0;
  for (const file of files) {
    const { errors, summary } = await validateStoryFile(file);
    const name = file.replace(root, '');
    if (errors.length) {
      failed += 1;
      console.error(`✗ ${name}: ${errors.length} problem${errors.length > 1 ? 's' : ''}`);
      for (const e of errors) console.error(`  ${formatError(e)}`);
    } else console.log(`✓ ${name}: ${summary}`);
  }
  if (!files.length) console.error('No story files under stories/.');
  process.exit(failed || !files.length ? 1 : 0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void main(process.argv.slice(2));
