// The eight common mistakes of issue #15, all in one fixture story spread over its files:
// one validation run must report every one of them, clearly, with file and line, and the
// build must refuse the story.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkStory, loadStory } from '../../src/story/load-story';
import { DataErrors, formatError } from '../../src/story/errors';
import { fileReader } from '../../scripts/validate';
import { checkStories, storyDataPlugin } from '../../scripts/vite-story-data';

const root = new URL('../../', import.meta.url);
const STORY = 'tests/fixtures/eight-mistakes/story.yaml';
const read = fileReader(root);

async function run() {
  const check = await checkStory(new URL(STORY, root).href, root.href, read);
  return {
    check,
    errors: check.errors.map(formatError),
    warnings: check.warnings.map(formatError),
  };
}

describe('the eight common mistakes, in one validation run', () => {
  it('reports each of them with its file and line', async () => {
    const { errors, warnings } = await run();
    const expected: [string, RegExp][] = [
      [
        '1 misspelt field',
        /^tests\/fixtures\/eight-mistakes\/story.yaml:15 › step "misspelt" › steps\[0\].higlight: unknown field "higlight" \(did you mean "highlight"\?\)$/,
      ],
      [
        '2 unknown layer',
        /^tests\/fixtures\/eight-mistakes\/story.yaml:20 › step "unknown-layer" › steps\[1\].layers\[0\]: unknown layer "place" \(did you mean "places"\?\)$/,
      ],
      [
        '3 unknown feature',
        /^tests\/fixtures\/eight-mistakes\/story.yaml:26 › step "unknown-feature" › steps\[2\].highlight\[0\]: unknown feature "kendal-square" \(did you mean "kendall-square"\?\)$/,
      ],
      [
        '4 bad YAML indentation',
        /^tests\/fixtures\/eight-mistakes\/story.yaml:40: not valid YAML: .*check the indentation/,
      ],
      [
        '5 missing translation',
        /^tests\/fixtures\/eight-mistakes\/story.yaml:30 › step "missing-translation" › steps\[3\].body.zh: missing "zh" text$/,
      ],
      [
        '7 unclosed polygon',
        /^tests\/fixtures\/eight-mistakes\/areas.geojson:9 › features\[0\] \(square-district\).geometry.coordinates\[0\]: ring is not closed/,
      ],
      [
        '8 reversed years',
        /^tests\/fixtures\/eight-mistakes\/story.yaml:33 › step "reversed-years" › steps\[4\].year: range must run forwards \(1990 is after 1984\)/,
      ],
    ];
    for (const [mistake, pattern] of expected) {
      expect(
        errors.filter((m) => pattern.test(m)),
        `${mistake} in:\n${errors.join('\n')}`,
      ).toHaveLength(1);
    }
    // 6: the swap keeps both numbers in range, so it is a warning, not an error.
    expect(warnings).toEqual([
      expect.stringMatching(
        /^tests\/fixtures\/eight-mistakes\/places.geojson:35 › features\[2\] \(kendall-mit-station\).geometry.coordinates: warning: feature "kendall-mit-station" is [\d,]+ km from every other place of the story, but \[-71.0862, 42.3623\] would be under 1 km from .*latitude and longitude the wrong way round/,
      ),
    ]);
  });

  it('reports nothing else: no echoes of the syntax error, no duplicates', async () => {
    const { errors } = await run();
    // The seven errors above; the YAML parser gives a second line for the same indentation.
    expect(errors).toHaveLength(8);
    expect(errors.filter((m) => m.includes('not valid YAML'))).toHaveLength(2);
    expect(errors.some((m) => m.includes('steps[5]'))).toBe(false);
  });

  it('names every file it read, and the app refuses to run the story', async () => {
    const { check } = await run();
    expect(check.files).toEqual([
      STORY,
      'tests/fixtures/eight-mistakes/layers.json',
      'tests/fixtures/eight-mistakes/places.geojson',
      'tests/fixtures/eight-mistakes/areas.geojson',
    ]);
    expect(check.loaded).toBeUndefined();
    const rejected = await loadStory(new URL(STORY, root).href, root.href, read).catch((e) => e);
    expect(rejected).toBeInstanceOf(DataErrors);
    expect((rejected as DataErrors).errors.map(formatError)).toEqual((await run()).errors);
  });
});

describe('the build refuses the story', () => {
  it('the plugin’s build-time check fails, naming each file and line', async () => {
    const plugin = storyDataPlugin({ validate: [STORY] });
    const configResolved = plugin.configResolved as (c: unknown) => void;
    configResolved({ root: fileURLToPath(root), command: 'build' });
    const buildStart = plugin.buildStart as (this: unknown) => Promise<void>;
    const context = {
      error(message: string): never {
        throw new Error(message);
      },
      warn() {},
    };
    const failure = await buildStart.call(context).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(failure).toBeInstanceOf(Error);
    const message = failure!.message;
    expect(message).toMatch(/^story data has errors:/);
    for (const where of [
      'story.yaml:15',
      'story.yaml:20',
      'story.yaml:26',
      'story.yaml:30',
      'story.yaml:33',
      'story.yaml:40',
      'areas.geojson:9',
    ])
      expect(message).toContain(`tests/fixtures/eight-mistakes/${where}`);
    expect(message).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('a real Vite build stops at the check, before bundling anything', async () => {
    const { build } = await import('vite');
    const out = mkdtempSync(join(tmpdir(), 'h2-eight-'));
    const page = join(out, 'index.html');
    writeFileSync(page, '<!doctype html><title>x</title>');
    const started = Date.now();
    const failure = await build({
      root: fileURLToPath(root),
      configFile: false,
      logLevel: 'silent',
      plugins: [storyDataPlugin({ validate: [STORY] })],
      build: { outDir: join(out, 'dist'), write: false, rollupOptions: { input: page } },
    }).then(
      () => undefined,
      (e: Error) => e,
    );
    rmSync(out, { recursive: true, force: true });
    expect(failure?.message).toContain('tests/fixtures/eight-mistakes/story.yaml:15');
    expect(failure?.message).toContain('tests/fixtures/eight-mistakes/areas.geojson:9');
    expect(Date.now() - started).toBeLessThan(20000);
  });

  it('the same check passes on the shipped stories', async () => {
    const { failed, lines } = await checkStories(fileURLToPath(root));
    expect(failed, lines.join('\n')).toBe(false);
    expect(lines.filter((l) => l.startsWith('✓'))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^✓ stories\/examples\/kendall-square\/story.yaml: 5 steps, 2 layers, 5 features$/,
        ),
        expect.stringMatching(
          /^✓ stories\/zhongguancun.yaml: \d+ steps, \d+ layers, \d+ features$/,
        ),
      ]),
    );
  });
});
