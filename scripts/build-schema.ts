// `npm run build:schema`: writes stories/story.schema.json and geo/layers.schema.json from
// the valibot schemas, so editors can autocomplete, check and explain story files and layer
// manifests (each field carries a description and an example). A unit test keeps the
// committed files in step with the code.
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { toJsonSchema } from '@valibot/to-json-schema';
import type { GenericSchema } from 'valibot';
import { StorySchema } from '../src/story/schema.ts';
import { ManifestSchema } from '../src/geo/manifest.ts';

function jsonSchema(schema: GenericSchema, title: string, description: string): string {
  // errorMode 'ignore': custom checks (URL parses, from ≤ to) have no JSON Schema form; the
  // validator enforces them.
  const out = { ...toJsonSchema(schema, { errorMode: 'ignore' }), title, description };
  return `${JSON.stringify(out, null, 2)}\n`;
}

export function storyJsonSchema(): string {
  return jsonSchema(
    StorySchema,
    'Map story',
    'A story file for the map story explorer. See docs/STORY-FORMAT.md.',
  );
}

export function manifestJsonSchema(): string {
  return jsonSchema(
    ManifestSchema,
    'Layer manifest',
    'The GeoJSON layers of a story and the groups the explore panel lists them under. See docs/STORY-FORMAT.md.',
  );
}

export const SCHEMA_FILES = {
  'stories/story.schema.json': storyJsonSchema,
  'geo/layers.schema.json': manifestJsonSchema,
} as const;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [file, make] of Object.entries(SCHEMA_FILES)) {
    const path = fileURLToPath(new URL(`../${file}`, import.meta.url));
    writeFileSync(path, make());
    console.log(`wrote ${path}`);
  }
}
