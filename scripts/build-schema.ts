// Writes stories/story.schema.json from the valibot schema, so editors can autocomplete and
// check story files. A unit test keeps the committed file in step with the code.
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { toJsonSchema } from '@valibot/to-json-schema';
import { StorySchema } from '../src/story/schema';

export function storyJsonSchema(): string {
  const schema = toJsonSchema(StorySchema, { errorMode: 'ignore' });
  const out = {
    ...schema,
    title: 'Map story',
    description: 'A story file for the map story explorer. See docs/STORY-FORMAT.md.',
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const path = fileURLToPath(new URL('../stories/story.schema.json', import.meta.url));
  writeFileSync(path, storyJsonSchema());
  console.log(`wrote ${path}`);
}
