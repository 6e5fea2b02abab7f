// The JSON Schemas that editors use for story files and layer manifests: generated from the
// valibot schemas, committed, and documented field by field.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SCHEMA_FILES } from '../../scripts/build-schema';

type Json = { [key: string]: unknown };
const isObject = (x: unknown): x is Json =>
  x !== null && typeof x === 'object' && !Array.isArray(x);

/** Every property schema in a JSON Schema, with its path, however deeply nested. */
function properties(schema: unknown, at = '$'): [string, Json][] {
  if (Array.isArray(schema)) return schema.flatMap((s, i) => properties(s, `${at}[${i}]`));
  if (!isObject(schema)) return [];
  const own = isObject(schema.properties)
    ? Object.entries(schema.properties).map(([k, v]): [string, Json] => [`${at}.${k}`, v as Json])
    : [];
  const nested = Object.entries(schema).flatMap(([k, v]) =>
    k === 'properties' && isObject(v)
      ? Object.entries(v).flatMap(([name, p]) => properties(p, `${at}.${name}`))
      : k === 'examples'
        ? []
        : properties(v, `${at}/${k}`),
  );
  return [...own, ...nested];
}

describe.each(Object.entries(SCHEMA_FILES))('%s', (file, generate) => {
  const committed = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

  it('is what `npm run build:schema` writes from the code', () => {
    expect(committed).toBe(generate());
  });

  it('gives every field a description and an example', () => {
    const fields = properties(JSON.parse(committed));
    expect(fields.length).toBeGreaterThan(file.startsWith('stories') ? 40 : 10);
    const undocumented = fields
      .filter(([, s]) => typeof s.description !== 'string' || !Array.isArray(s.examples))
      .map(([path]) => path);
    expect(undocumented).toEqual([]);
  });
});

describe('story schema', () => {
  const schema = JSON.parse(
    readFileSync(new URL('../../stories/story.schema.json', import.meta.url), 'utf8'),
  ) as Json;

  it('has the agreed optional fields and no longer requires a manifest', () => {
    expect(schema.required).toEqual(['id', 'title', 'languages', 'steps']);
    const props = schema.properties as Json;
    for (const key of ['layers', 'basemap', 'eras']) expect(props).toHaveProperty(key);
  });
});
