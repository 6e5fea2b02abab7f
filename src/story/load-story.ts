// Loads a story and its layers for the app: fetch, parse, validate, cross-check, normalise.
// Fatal problems (the story or its manifest is unreadable or invalid) reject with DataErrors
// naming every problem found in one pass; problems with single layers come back as
// warnings, so the rest of the story still runs.
import { DataErrors } from './errors';
import { checkStory, type FetchText, type LoadedStory } from './check-story';

export {
  buildCatalog,
  checkStory,
  displayName,
  type FetchText,
  type LayerGroupInfo,
  type LoadedLayer,
  type LoadedStory,
  type StoryCheck,
} from './check-story';

export const fetchText: FetchText = async (url) => {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (err) {
    throw new DataErrors([
      { file: url, path: '', message: `could not be fetched (${(err as Error).message})` },
    ]);
  }
  const fail = (message: string) => new DataErrors([{ file: url, path: '', message }]);
  if (!res.ok) throw fail(`could not be loaded (HTTP ${res.status})`);
  // Single-page hosts answer unknown paths with the app's own page instead of a 404.
  if ((res.headers.get('content-type') ?? '').includes('text/html')) {
    throw fail('could not be loaded (the server sent a web page: is the path right?)');
  }
  return res.text();
};

export async function loadStory(
  url: string,
  base: string,
  fetch: FetchText = fetchText,
): Promise<LoadedStory> {
  const check = await checkStory(url, base, fetch);
  if (!check.loaded)
    throw new DataErrors(
      check.errors.length
        ? check.errors
        : [{ file: url, path: '', message: 'could not be loaded' }],
    );
  return check.loaded;
}
