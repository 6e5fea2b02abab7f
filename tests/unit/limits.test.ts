// Bounded cost on any input (issue 26): each hostile or oversized input of the table
// gets its message, naming the file, the limit and the measured size, quickly and without
// the work it would have cost.
import { describe, expect, it } from 'vitest';
import { checkStory, openStory, type FetchText } from '../../src/story/load-story';
import { DataErrors, formatError } from '../../src/story/errors';
import { parseSource } from '../../src/story/parse-text';
import { LIMITS, jsonDepth, storyAddressProblem, utf8Bytes } from '../../src/story/limits';
import { summarizeMessages, summaryLines } from '../../src/story/summarize';
import { userLayerFromFile, userLayerFromText } from '../../src/geo/user-geojson';
import { positionsBBox } from '../../src/spatial/bounds';
import { generateStory, userPoints, yamlAliasBomb } from '../support/generated-stories';

const BASE = 'http://localhost/app/';

/** A fetch over in-memory files under `BASE`. */
const memory =
  (files: Record<string, string>): FetchText =>
  async (url) => {
    const name = url.replace(BASE, '');
    if (name in files) return files[name]!;
    throw new DataErrors([{ file: name, path: '', message: 'file not found' }]);
  };

const check = async (files: Record<string, string>, story = 'story.json') =>
  (await checkStory(`${BASE}${story}`, BASE, memory(files))).errors.map(formatError);

describe('YAML that would expand without bound', () => {
  it('an alias bomb over the alias limit is refused by the count', async () => {
    const { errors, value } = await parseSource(yamlAliasBomb(4, 40), 'bomb.yaml', 'story');
    expect(value).toBeUndefined();
    expect(errors.map(formatError)).toContain(
      'bomb.yaml: 120 aliases: too many; a YAML file may have at most 100',
    );
  });

  it('an alias bomb just under the alias limit is refused by what it expands to', async () => {
    // 45 aliases, 9^6 = 531,441 values once expanded.
    const { errors, value } = await parseSource(yamlAliasBomb(6, 9), 'bomb.yaml', 'story');
    expect(value).toBeUndefined();
    expect(errors.map(formatError)).toEqual([
      'bomb.yaml: its aliases expand to 672,543 values: too many; aliases may add at most 100,000',
    ]);
  });

  it('an alias that contains itself is refused', async () => {
    const { errors, value } = await parseSource('a: &a [1, *a]\n', 'loop.yaml', 'story');
    expect(value).toBeUndefined();
    expect(errors.map(formatError)).toContain(
      'loop.yaml: an alias refers to a value that contains it',
    );
  });

  it('a few ordinary aliases are fine', async () => {
    const { errors, value } = await parseSource(
      'base: &c { zoom: 3 }\nsteps: [{ camera: *c }, { camera: *c }]\n',
      'ok.yaml',
      'story',
    );
    expect(errors).toEqual([]);
    expect(value).toEqual({
      base: { zoom: 3 },
      steps: [{ camera: { zoom: 3 } }, { camera: { zoom: 3 } }],
    });
  });
});

describe('nesting', () => {
  it('JSON nested 100,000 deep is refused before it is parsed', async () => {
    const text = '['.repeat(100_000) + ']'.repeat(100_000);
    const { errors, value } = await parseSource(text, 'deep.json', 'story');
    expect(value).toBeUndefined();
    expect(errors.map(formatError)).toEqual([
      'deep.json: nested too deeply: more than 64 levels of lists and objects inside each other; at most 64 are allowed',
    ]);
  });

  it('YAML flow nested 100,000 deep is refused before the parser sees it', async () => {
    const text = `steps: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    const { errors, value } = await parseSource(text, 'deep.yaml', 'story');
    expect(value).toBeUndefined();
    expect(errors[0]!.message).toMatch(/^nested too deeply/);
  });

  it('YAML nested through aliases is measured as expanded', async () => {
    const lines = ['a0: &a0 [1]'];
    for (let i = 1; i <= 70; i++) lines.push(`a${i}: &a${i} [*a${i - 1}]`);
    const { errors } = await parseSource(lines.join('\n'), 'deep.yaml');
    expect(errors.map((e) => e.message)).toContain(
      'nested too deeply: 72 levels of lists and objects inside each other; at most 64 are allowed',
    );
  });

  it('brackets inside strings are not nesting', () => {
    expect(jsonDepth(JSON.stringify({ a: ['[['.repeat(100)] }))).toBe(2);
    expect(jsonDepth('{"a\\"[": [[]]}')).toBe(3);
  });
});

describe('sizes and counts, each named with its limit', () => {
  it('a story of 100,000 steps is refused by its size, unparsed', async () => {
    const step = '{"id":"s","year":1990,"title":{"en":"t","zh":"t"},"body":{"en":"b","zh":"b"}}';
    const text = `{"steps":[${Array(100_000).fill(step).join(',')}]}`;
    expect(await check({ 'story.json': text })).toEqual([
      'story.json: too large: 7.4 MiB (7,800,011 bytes); a story file may have at most 4.0 MiB (4,194,304 bytes)',
    ]);
  });

  it('a story of 2,000 short steps is refused by its count, not validated', async () => {
    const steps = Array.from({ length: 2_000 }, (_, i) => ({ id: `s${i}` }));
    expect(await check({ 'story.json': JSON.stringify({ steps }) })).toEqual([
      'story.json:1 › steps: 2,000 steps: too many; a story may have at most 1,000',
    ]);
  });

  it('a manifest of 1,000 layers is refused, and none of its layers is read', async () => {
    const { files } = generateStory({ steps: 2, layers: 1_000 });
    const read: string[] = [];
    const fetch: FetchText = async (url) => {
      read.push(url);
      return memory(files)(url);
    };
    const errors = (await checkStory(`${BASE}story.json`, BASE, fetch)).errors.map(formatError);
    expect(errors).toContain(
      'layers.json:1 › layers: 1,000 layers: too many; a manifest may have at most 500',
    );
    expect(read).toEqual([`${BASE}story.json`, `${BASE}layers.json`]);
  });

  it('a layer of 600,000 features is refused by its count', async () => {
    const { files } = generateStory({ steps: 1, layers: 1, features: 1 });
    // Unlocated features: 600,000 of them fit in the size limit.
    const feature = '{"type":"Feature","geometry":null,"properties":null}';
    files['layer-1.geojson'] =
      `{"type":"FeatureCollection","features":[${Array(600_000).fill(feature).join(',')}]}`;
    expect(await check(files)).toContain(
      'layer-1.geojson › features: 600,000 features: too many; a layer may have at most 500,000',
    );
  }, 30_000);

  it('a 5 MB step body is refused with the story file’s size', async () => {
    const { files } = generateStory({ steps: 2, layers: 1, body: 'x'.repeat(5_000_000) });
    const errors = await check(files);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^story\.json: too large: 4\.8 MiB \(5,00\d,\d{3} bytes\); a story file may have at most 4\.0 MiB \(4,194,304 bytes\)$/,
    );
  });

  it('a step body over the text limit is named with its step and length', async () => {
    const { files } = generateStory({ steps: 2, layers: 1, body: 'x'.repeat(25_000) });
    expect(await check(files)).toEqual([
      'story.json:1 › step "step-1" › steps[0].body.en: 25,000 characters: too long; a step’s body may have at most 20,000 characters in each language (split the step)'.replace(
        '’',
        "'",
      ),
    ]);
  });

  it('a layer file over its size limit is refused unparsed', async () => {
    const { files } = generateStory({ steps: 1, layers: 1 });
    files['layer-1.geojson'] = ' '.repeat(LIMITS.layerBytes + 1);
    expect(await check(files)).toContain(
      'layer-1.geojson: too large: 64.0 MiB (67,108,865 bytes); a layer file may have at most 64.0 MiB (67,108,864 bytes)',
    );
  });

  it('counts UTF-8 bytes, not characters', () => {
    expect(utf8Bytes('中关村', 5)).toBe(9);
    expect(utf8Bytes('a😀', 3)).toBe(5);
  });

  it('a fetch is cut off at the limit, before the rest of the file is read', async () => {
    const { fetchText } = await import('../../src/story/load-story');
    const realFetch = globalThis.fetch;
    let pulled = 0;
    const chunk = new Uint8Array(1024 * 1024).fill(32);
    globalThis.fetch = async () =>
      new Response(
        new ReadableStream({
          pull(c) {
            pulled++;
            c.enqueue(chunk);
          },
        }),
      );
    try {
      await expect(
        fetchText('http://x/story.json', { maxBytes: LIMITS.storyBytes, kind: 'story' }),
      ).rejects.toThrow(/too large: 5\.0 MiB .*a story file may have at most 4\.0 MiB/);
      expect(pulled).toBeLessThan(8);
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});

describe('repeated messages', () => {
  it('a step naming 10,000 unknown layers: a few examples and the count of the rest', async () => {
    const unknown = Array.from({ length: 10_000 }, (_, i) => `nowhere-${i}`);
    const { files } = generateStory({ steps: 2, layers: 1, extraLayers: unknown });
    const errors = await check(files);
    expect(errors).toHaveLength(10_000);
    const lines = summaryLines(errors);
    expect(lines).toHaveLength(6);
    expect(lines[5]).toBe('… and 9,995 more like: unknown layer "…"');
    const { shown, more } = summarizeMessages(errors);
    expect(shown).toHaveLength(5);
    expect(more).toEqual([{ count: 9_995, like: 'unknown layer "…"' }]);
  });

  it('different kinds keep their own examples', () => {
    const { shown, more } = summarizeMessages([
      'a.json › x: unknown layer "a"',
      'a.json › y: missing "zh" text',
      'a.json › z: unknown layer "b"',
    ]);
    expect(shown).toHaveLength(3);
    expect(more).toEqual([]);
  });
});

describe('?story= addresses', () => {
  it('takes http(s) and paths on the site; refuses data:, blob: and javascript:', async () => {
    expect(storyAddressProblem(new URL('stories/x.json', BASE).href)).toBeUndefined();
    expect(storyAddressProblem('https://example.org/s.yaml')).toBeUndefined();
    for (const bad of [
      'data:application/json,{}',
      'blob:http://localhost/1',
      'javascript:alert(1)',
    ])
      expect(storyAddressProblem(bad)).toMatch(/a (data|blob|javascript): address is refused$/);
    await expect(openStory('data:application/json,{"evil":1}', BASE)).rejects.toThrow(
      '?story=: a story is opened only from an http: or https: address (or a path on this site); a data: address is refused',
    );
  });
});

describe("a reader's own GeoJSON", () => {
  it('500,000 points are framed (no argument spread)', () => {
    const positions = Array.from({ length: 500_000 }, (_, i) => [116 + i / 1e6, 39 + i / 1e7]);
    expect(positionsBBox(positions)).toEqual([116, 39, 116 + 499_999 / 1e6, 39 + 499_999 / 1e7]);
  });

  it('a file over the size limit is refused before it is read', async () => {
    let read = false;
    const result = await userLayerFromFile(
      {
        name: 'huge.geojson',
        size: 80 * 1024 * 1024,
        text: async () => {
          read = true;
          return '';
        },
      },
      () => 1,
    );
    expect(read).toBe(false);
    expect(result).toEqual({
      ok: false,
      messages: [
        'huge.geojson: too large: 80.0 MiB (83,886,080 bytes); a layer file may have at most 64.0 MiB (67,108,864 bytes)',
      ],
    });
  });

  it('a file nested 100,000 deep is refused', () => {
    const result = userLayerFromText('['.repeat(100_000), 'deep.json', 1);
    expect(result).toEqual({
      ok: false,
      messages: [
        'deep.json: nested too deeply: more than 64 levels of lists and objects inside each other; at most 64 are allowed',
      ],
    });
  });

  it('100,000 points load', () => {
    const result = userLayerFromText(userPoints(100_000), 'points.geojson', 1);
    expect(result.ok && result.data.features.length).toBe(100_000);
  }, 30_000);
});
