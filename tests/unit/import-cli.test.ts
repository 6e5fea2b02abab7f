// `npm run import`: files written, never overwritten without --force, clear failures, and
// the two fixture stories written to tests/fixtures/import/out/ for the e2e spec.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { outputPaths, runImport } from '../../scripts/import';
import { escapeControl } from '../../src/story/terminal-text';

const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const MAPBOX = join(FIXTURES, 'mapbox', 'config.js');
const STORYMAPJS = join(FIXTURES, 'storymapjs', 'edinburgh.json');
const OUT = join(FIXTURES, 'out');
const tmp = mkdtempSync(join(tmpdir(), 'import-cli-'));

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const read = (path: string) => readFileSync(path, 'utf8');

describe('npm run import', () => {
  it('writes the fixture stories for the e2e spec, deterministically', async () => {
    for (const [input, name] of [
      [MAPBOX, 'mapbox-lisbon'],
      [STORYMAPJS, 'storymapjs-edinburgh'],
    ] as const) {
      const target = join(OUT, `${name}.yaml`);
      const run = await runImport([input, target, '--force']);
      expect(run.code, run.output.join('\n')).toBe(0);
      expect(run.files.slice(0, 3)).toEqual([
        target,
        join(OUT, `${name}-layers.json`),
        join(OUT, `${name}-places.geojson`),
      ]);
      expect(run.output.at(-1)).toMatch(/^✓ .*: 6 steps, 1 layers, \d features$/);
      // The same input gives the same files, byte for byte.
      const first = run.files.map(read);
      expect((await runImport([input, target, '--force'])).code).toBe(0);
      expect(run.files.map(read)).toEqual(first);
      const story = first[0]!;
      expect(story).toMatch(/^# Imported from .* by npm run import\. What the import did:\n# - /);
      expect(story).toContain('\n$schema: ../../../../stories/story.schema.json\n');
    }
    // Images beside the config.js are copied beside the story, where the app serves them.
    const lisbon = read(join(OUT, 'mapbox-lisbon.yaml'));
    expect(lisbon).toContain('src: mapbox-lisbon-media/images/tagus.png');
    expect(lisbon).toContain(
      '# - changed: image ./images/tagus.png is copied to mapbox-lisbon-media/images/tagus.png, beside the story',
    );
    expect(readFileSync(join(OUT, 'mapbox-lisbon-media', 'images', 'tagus.png'))).toEqual(
      readFileSync(join(FIXTURES, 'mapbox', 'images', 'tagus.png')),
    );
  });

  it('writes the field fixtures for the e2e spec: an intro with no place, no dates, a route', async () => {
    const neighbourhoods = await runImport([
      join(FIXTURES, 'mapbox', 'neighbourhoods.js'),
      join(OUT, 'mapbox-neighbourhoods.yaml'),
      '--force',
    ]);
    expect(neighbourhoods.code, neighbourhoods.output.join('\n')).toBe(0);
    const delhi = await runImport([
      join(FIXTURES, 'storymapjs', 'delhi-walk.json'),
      join(OUT, 'storymapjs-delhi.yaml'),
      '--force',
    ]);
    expect(delhi.code, delhi.output.join('\n')).toBe(0);
    expect(delhi.files).toContain(join(OUT, 'storymapjs-delhi-route.geojson'));
    expect(delhi.files).toContain(join(OUT, 'storymapjs-delhi-media', 'images', 'gate.png'));
    const text = delhi.output.join('\n');
    // The image that is not there: where it was looked for, and where to put it.
    expect(text).toContain(
      'not found: image images/missing-circus.jpg (looked for tests/fixtures/import/storymapjs/images/missing-circus.jpg): put it at storymapjs-delhi-media/images/missing-circus.jpg',
    );
    expect(text).not.toMatch(/China/);
    expect(read(join(OUT, 'storymapjs-delhi.yaml'))).not.toMatch(/\n {4}year:/);
  });

  it('prints input text with control characters escaped', async () => {
    const hostile = join(tmp, 'hostile.js');
    writeFileSync(
      hostile,
      `var config = { title: 'Clear\u001b[2J screen', chapters: [{ id: 'a\u001b]0;pwned\u0007', title: 'A', description: 'x', location: { center: [2.35, 48.85], zoom: 12 }, 'mystery\u009b31m': 1 }] };`,
    );
    const run = await runImport([hostile, join(tmp, 'hostile.yaml')]);
    expect(run.code, run.output.join('\n')).toBe(0);
    const text = run.output.join('\n');
    // Nothing left to escape: every control character was written as an escape.
    for (const line of run.output) expect(escapeControl(line)).toBe(line);
    expect(text).toContain('\\x1B]0;pwned\\x07');
    expect(text).toContain('mystery\\x9B31m');
    const comments = read(join(tmp, 'hostile.yaml'))
      .split('\n')
      .filter((l) => l.startsWith('#'));
    for (const line of comments) expect(escapeControl(line)).toBe(line);
  });

  it('prints the report and the validation', async () => {
    const run = await runImport([MAPBOX, join(tmp, 'report.yaml')]);
    expect(run.code).toBe(0);
    const text = run.output.join('\n');
    expect(text).toMatch(/^Imported .*config\.js \(mapbox-storytelling\):/);
    expect(text).toContain('  - not carried: chapter "the-earthquake": rotateAnimation');
    expect(text).toContain('Wrote ');
    expect(run.result!.report.length).toBeGreaterThan(10);
  });

  it('never overwrites without --force', async () => {
    const target = join(tmp, 'kept.yaml');
    writeFileSync(target, 'mine\n');
    const run = await runImport([STORYMAPJS, target]);
    expect(run.code).toBe(1);
    expect(run.output.join('\n')).toMatch(/not overwriting .*kept\.yaml: add --force to replace/);
    expect(read(target)).toBe('mine\n');
    expect(existsSync(join(tmp, 'kept-layers.json'))).toBe(false);
    expect((await runImport([STORYMAPJS, target, '--force'])).code).toBe(0);
    expect(read(target)).toContain('id: edinburgh-in-five-places');
  });

  it('fails clearly on input it cannot read or convert', async () => {
    const cases: [string[], RegExp][] = [
      [[join(tmp, 'nowhere.js'), join(tmp, 'a.yaml')], /cannot read .*nowhere\.js: no such file/],
      [[tmp, join(tmp, 'b.yaml')], /it is a folder, not a file/],
      [[MAPBOX, join(tmp, 'c.json')], /the output must be a \.yaml file/],
      [[MAPBOX], /usage: npm run import -- INPUT OUTPUT\.yaml \[--force\]/],
      [[MAPBOX, join(tmp, 'd.yaml'), '--frce'], /unknown option --frce/],
    ];
    const binary = join(tmp, 'image.png');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    cases.push([[binary, join(tmp, 'e.yaml')], /it is not a text file/]);
    const prose = join(tmp, 'notes.txt');
    writeFileSync(prose, 'Just some notes about a map.');
    cases.push([
      [prose, join(tmp, 'f.yaml')],
      /cannot import .*notes\.txt: not a mapbox\/storytelling config\.js/,
    ]);
    for (const [args, message] of cases) {
      const run = await runImport(args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.output.join('\n')).toMatch(message);
      expect(run.files).toEqual([]);
    }
    expect(existsSync(join(tmp, 'f.yaml'))).toBe(false);
  });

  it('gives the layer files names the manifest accepts', () => {
    expect(outputPaths('/x/My story (draft).yaml')).toEqual({
      story: '/x/My story (draft).yaml',
      manifest: '/x/My-story-draft-layers.json',
      places: '/x/My-story-draft-places.geojson',
      route: '/x/My-story-draft-route.geojson',
      media: '/x/My-story-draft-media',
      renamed: true,
    });
  });
});
