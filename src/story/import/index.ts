// Importers from other story tools: detect the format of an input and convert it.
import { importMapboxStorytelling } from './mapbox-storytelling';
import { importStoryMapJS } from './storymapjs';
import { ImportError } from './import-error';
import type { ImportOptions, ImportResult } from './common';

export type ImportFormat = ImportResult['format'];
export { ImportError, importMapboxStorytelling, importStoryMapJS };
export type { ImportOptions, ImportResult } from './common';
export { storyToYaml } from './write-yaml';

/** Which tool wrote this text: StoryMapJS JSON has "storymap"; a config.js has `chapters`. */
export function detectFormat(text: string): ImportFormat | undefined {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    try {
      const data = JSON.parse(trimmed) as Record<string, unknown> | null;
      if (data && typeof data === 'object') {
        if ('storymap' in data || Array.isArray(data.slides)) return 'storymapjs';
        if (Array.isArray(data.chapters)) return 'mapbox-storytelling';
      }
    } catch {
      // not JSON: may still be a config.js that starts with an object
    }
  }
  if (/\bchapters\s*["']?\s*:/.test(text)) return 'mapbox-storytelling';
  return undefined;
}

export function importStory(
  text: string,
  options: ImportOptions & { format?: ImportFormat } = {},
): ImportResult {
  const format = options.format ?? detectFormat(text);
  if (format === 'storymapjs') return importStoryMapJS(text, options);
  if (format === 'mapbox-storytelling') return importMapboxStorytelling(text, options);
  throw new ImportError(
    'not a mapbox/storytelling config.js (no `chapters`) nor a StoryMapJS JSON (no "storymap")',
  );
}
