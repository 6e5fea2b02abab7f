// Checks the basemap's source GeoJSON under geo/basemap/ with the
// same contract as the story layers: ids, names, kinds, descriptions, source, precision_m,
// years and RFC 7946 winding. scripts/validate.ts calls `validateBasemap` with the story files.
//
//   npx tsx scripts/validate-basemap.ts
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { validateFeatureCollection } from '../src/geo/validate-geojson.ts';
import { formatError, type DataError } from '../src/story/errors.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The basemap's own source files, relative to the repository root. */
export async function basemapSourceFiles(root = ROOT): Promise<string[]> {
  const names = (await readdir(`${root}geo/basemap/`)).filter((f) => f.endsWith('.geojson'));
  return names.sort().map((f) => `geo/basemap/${f}`);
}

/**
 * Every problem in the basemap source files, each naming its file and feature; ids must also
 * be unique across the files (they share one namespace with the story layers' `basemap-` ids).
 */
export async function validateBasemap(root = ROOT): Promise<DataError[]> {
  const errors: DataError[] = [];
  const seen = new Map<string, string>();
  for (const file of await basemapSourceFiles(root)) {
    let data: unknown;
    try {
      data = JSON.parse(await readFile(`${root}${file}`, 'utf8'));
    } catch (err) {
      errors.push({ file, path: '', message: `not valid JSON (${(err as Error).message})` });
      continue;
    }
    const result = validateFeatureCollection(data, file, { contract: true, winding: true });
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    result.value.features.forEach((f, i) => {
      const id = f.properties?.id;
      if (typeof id !== 'string') return;
      const other = seen.get(id);
      if (other)
        errors.push({
          file,
          path: `features[${i}].properties.id`,
          message: `duplicate id "${id}" (also in ${other})`,
        });
      else seen.set(id, file);
    });
  }
  return errors;
}

async function main() {
  const errors = await validateBasemap();
  for (const e of errors) console.error(`  ${formatError(e)}`);
  const files = await basemapSourceFiles();
  if (errors.length) console.error(`✗ basemap: ${errors.length} problems`);
  else console.log(`✓ basemap: ${files.length} files`);
  process.exit(errors.length ? 1 : 0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void main();
