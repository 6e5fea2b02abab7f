// Property tests for the validators and parsers that take untrusted input: whatever a story,
// a layer file or a reader's text contains, they answer with a result, never an exception,
// and Markdown never yields a link that is not http(s).
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import { validateStory, type Result } from '../../src/story/validate-story';
import { normalizeStory } from '../../src/story/normalize-story';
import { validateFeatureCollection } from '../../src/geo/validate-geojson';
import {
  addLineNumbers,
  jsonValueOffsets,
  parseDataText,
  parseSource,
} from '../../src/story/parse-text';
import { checkManifest } from '../../src/geo/manifest';
import { lintStory } from '../../src/story/lint-story';
import type { DataError } from '../../src/story/errors';
import { parseInline, parseMarkdown, type Block, type Inline } from '../../src/story/markdown';

const SEED = 20220522;
const RUNS = 300;
const params = { seed: SEED, numRuns: RUNS };

const MINI = new URL('../fixtures/mini/', import.meta.url);
const storyFixture: unknown = parse(readFileSync(new URL('story.yaml', MINI), 'utf8'));
const geoFixtures: [string, unknown][] = readdirSync(MINI)
  .filter((f) => f.endsWith('.geojson'))
  .map((f) => [f, JSON.parse(readFileSync(new URL(f, MINI), 'utf8')) as unknown]);

// ---- result shape ----------------------------------------------------------------------

function expectWellFormed(result: Result<unknown>) {
  expect(result).toBeTypeOf('object');
  expect(result).not.toBeNull();
  if (result.ok === true) {
    expect(result).toHaveProperty('value');
    return;
  }
  expect(result.ok).toBe(false);
  expect(Array.isArray(result.errors)).toBe(true);
  expect(result.errors.length).toBeGreaterThan(0);
  for (const e of result.errors) {
    expect(typeof e.file).toBe('string');
    expect(e.file.length).toBeGreaterThan(0);
    expect(typeof e.message).toBe('string');
    expect(e.message.trim().length).toBeGreaterThan(0);
    expect(typeof e.path).toBe('string');
    if (e.stepId !== undefined) expect(typeof e.stepId).toBe('string');
    if (e.line !== undefined) {
      expect(Number.isInteger(e.line)).toBe(true);
      expect(e.line).toBeGreaterThanOrEqual(1);
    }
  }
}

// ---- mutations of a valid document ------------------------------------------------------

type Seg = string | number;
type Mutation = { pick: number; op: Op; value: unknown };
type Op = 'delete' | 'replace' | 'null' | 'emptyString' | 'emptyArray' | 'number' | 'addKey';

const ODD_NUMBERS = [NaN, Infinity, -Infinity, -0, 1e308, -1e308, 0.5, -1, 2 ** 53, 3000, 999];

/** Every path to a value inside `root` (objects and arrays), root excluded. */
function paths(root: unknown): Seg[][] {
  const out: Seg[][] = [];
  const walk = (node: unknown, at: Seg[]) => {
    const entries: [Seg, unknown][] = Array.isArray(node)
      ? node.map((v, k) => [k, v])
      : node && typeof node === 'object'
        ? Object.entries(node)
        : [];
    for (const [k, v] of entries) {
      out.push([...at, k]);
      walk(v, [...at, k]);
    }
  };
  walk(root, []);
  return out;
}

function getIn(root: unknown, path: Seg[]): unknown {
  return path.reduce<unknown>((n, k) => (n as Record<Seg, unknown>)?.[k], root);
}

function mutate(doc: unknown, mutations: Mutation[]): unknown {
  const copy = structuredClone(doc);
  for (const m of mutations) {
    const all = paths(copy);
    if (!all.length) break;
    const path = all[m.pick % all.length]!;
    const parent = getIn(copy, path.slice(0, -1)) as Record<Seg, unknown> | unknown[];
    const key = path[path.length - 1]!;
    const set = (v: unknown) => ((parent as Record<Seg, unknown>)[key] = v);
    switch (m.op) {
      case 'delete':
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete (parent as Record<Seg, unknown>)[key];
        break;
      case 'replace':
        set(m.value);
        break;
      case 'null':
        set(null);
        break;
      case 'emptyString':
        set('');
        break;
      case 'emptyArray':
        set([]);
        break;
      case 'number':
        set(ODD_NUMBERS[m.pick % ODD_NUMBERS.length]);
        break;
      case 'addKey': {
        const target = getIn(copy, path);
        if (target && typeof target === 'object' && !Array.isArray(target))
          (target as Record<string, unknown>)[`x${m.pick % 7}`] = m.value;
        else set(m.value);
        break;
      }
    }
  }
  return copy;
}

const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom<unknown>(
    undefined,
    NaN,
    Infinity,
    '',
    ' ',
    '__proto__',
    'javascript:alert(1)',
    'http://[',
    '%',
    [],
    {},
    [NaN, NaN],
    [181, 91],
    { en: '' },
    { fr: 'x' },
  ),
);

const mutations = fc.array(
  fc.record({
    pick: fc.nat(),
    op: fc.constantFrom<Op>(
      'delete',
      'replace',
      'null',
      'emptyString',
      'emptyArray',
      'number',
      'addKey',
    ),
    value: anyValue,
  }),
  { minLength: 1, maxLength: 4 },
);

/** Objects a parser would not give, but a caller holding `unknown` might. */
const exoticValue = fc.anything({
  maxDepth: 3,
  withBoxedValues: true,
  withNullPrototype: true,
  withSparseArray: true,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withObjectString: true,
});

// ---- (a) validateStory -------------------------------------------------------------------

describe('validateStory never throws and always answers with a well-formed result', () => {
  const check = (data: unknown) => {
    let result: Result<unknown> | undefined;
    expect(() => (result = validateStory(data, 'stories/prop.yaml'))).not.toThrow();
    expectWellFormed(result!);
    return result!;
  };

  it('accepts the unmodified fixture (sanity)', () => {
    expect(check(storyFixture).ok).toBe(true);
  });

  it('on random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (data) => void check(data)),
      params,
    );
  });

  it('on random values of any kind', () => {
    fc.assert(
      fc.property(fc.anything(), (data) => void check(data)),
      params,
    );
  });

  it('on exotic values (null prototypes, boxed values, sparse arrays, Maps, BigInts…)', () => {
    fc.assert(
      fc.property(exoticValue, (data) => void check(data)),
      params,
    );
  });

  it('on random objects with the top-level keys of a story', () => {
    const storyish = fc.record(
      {
        id: anyValue,
        title: anyValue,
        subtitle: anyValue,
        languages: anyValue,
        layers: anyValue,
        credits: anyValue,
        defaults: anyValue,
        steps: fc.oneof(anyValue, fc.array(fc.dictionary(fc.string(), anyValue), { maxLength: 3 })),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(storyish, (data) => void check(data)),
      params,
    );
  });

  it('on mutations of the valid fixture story', () => {
    fc.assert(
      fc.property(mutations, (ms) => void check(mutate(storyFixture, ms))),
      { ...params, numRuns: RUNS * 2 },
    );
  });

  it('a story it accepts can be normalised (the loader does that next) without throwing', () => {
    const urlish = fc.oneof(
      fc.string({ minLength: 1 }),
      fc.constantFrom('http://[', 'https://', '//', 'http://a b', 'a:b', '%zz', '\\\\x'),
    );
    fc.assert(
      fc.property(mutations, urlish, urlish, (ms, layers, src) => {
        const doc = mutate(storyFixture, ms) as Record<string, unknown>;
        if (doc && typeof doc === 'object') {
          doc.layers = layers;
          const steps = doc.steps;
          if (Array.isArray(steps) && steps[0] && typeof steps[0] === 'object')
            (steps[0] as Record<string, unknown>).media = [{ src, alt: { en: 'alt', zh: '替代' } }];
        }
        const result = check(doc);
        if (result.ok)
          expect(() =>
            normalizeStory(result.value as never, 'https://example.org/stories/s.yaml'),
          ).not.toThrow();
      }),
      params,
    );
  });
});

// ---- (b) validateFeatureCollection ---------------------------------------------------------

const GEO_OPTIONS = [
  { contract: true, winding: true },
  { contract: false, winding: false },
] as const;

describe.each(GEO_OPTIONS)('validateFeatureCollection %o never throws', (opts) => {
  const check = (data: unknown) => {
    let result: Result<unknown> | undefined;
    expect(
      () => (result = validateFeatureCollection(data, 'geo/prop.geojson', opts)),
    ).not.toThrow();
    expectWellFormed(result!);
    return result!;
  };

  it('accepts the unmodified fixture layers (sanity)', () => {
    for (const [, data] of geoFixtures) expect(check(data).ok).toBe(true);
  });

  it('on random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (data) => void check(data)),
      params,
    );
  });

  it('on random values of any kind', () => {
    fc.assert(
      fc.property(fc.anything(), (data) => void check(data)),
      params,
    );
  });

  it('on exotic values', () => {
    fc.assert(
      fc.property(exoticValue, (data) => void check(data)),
      params,
    );
  });

  it('on random feature collections with random features and geometries', () => {
    const geometry = fc.record(
      {
        type: fc.oneof(
          fc.constantFrom(
            'Point',
            'MultiPoint',
            'LineString',
            'MultiLineString',
            'Polygon',
            'MultiPolygon',
            'GeometryCollection',
          ),
          anyValue,
        ),
        coordinates: fc.oneof(
          anyValue,
          fc.array(fc.double()),
          fc.array(fc.array(fc.double())),
          fc.array(fc.array(fc.array(fc.double()))),
          fc.array(fc.array(fc.array(fc.array(fc.double())))),
        ),
        geometries: anyValue,
      },
      { requiredKeys: [] },
    );
    const feature = fc.record(
      {
        type: fc.oneof(fc.constant('Feature'), anyValue),
        geometry: fc.oneof(geometry, anyValue),
        properties: fc.oneof(fc.dictionary(fc.string(), anyValue), anyValue),
      },
      { requiredKeys: [] },
    );
    const collection = fc.record(
      {
        type: fc.oneof(fc.constant('FeatureCollection'), anyValue),
        features: fc.oneof(fc.array(fc.oneof(feature, anyValue), { maxLength: 5 }), anyValue),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(collection, (data) => void check(data)),
      params,
    );
  });

  it.each(geoFixtures.map(([f]) => f))('on mutations of the fixture layer %s', (file) => {
    const data = geoFixtures.find(([f]) => f === file)![1];
    fc.assert(
      fc.property(mutations, (ms) => void check(mutate(data, ms))),
      params,
    );
  });
});

// ---- (c) parseDataText ----------------------------------------------------------------------

const YAML_TOKENS = [
  '&a ',
  '*a',
  '&b [*a, *a, *a]',
  '<<: *a\n',
  '[',
  ']',
  '{',
  '}',
  ': ',
  ', ',
  '- ',
  '? ',
  '\n',
  '  ',
  '\t',
  '"',
  "'",
  '\\u',
  '!!str ',
  '!!binary ',
  '!!map ',
  '!custom ',
  '%YAML 1.2\n',
  '%TAG ! tag:x,2000:\n',
  '---\n',
  '...\n',
  '#',
  '|\n',
  '>-\n',
  'key',
  'id',
  '1',
  '1e400',
  '0x1F',
  '.nan',
  '~',
  'null',
  'true',
  '2022-05-22',
  '中关村',
  '\u0000',
  '\uFEFF',
  '\r',
];

const textInput = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.array(fc.constantFrom(...YAML_TOKENS), { maxLength: 30 }).map((t) => t.join('')),
  fc.json().map((j) => j),
  fc
    .tuple(fc.json(), fc.nat(), fc.string({ maxLength: 3 }))
    .map(([j, at, junk]) => j.slice(0, at % (j.length + 1)) + junk),
  fc.constantFrom(' {', '[', '{"a":', '\n\n[1,', '{} trailing', 'a: [', 'a: b: c', 'a: 1\na: 2'),
);

describe('parseDataText never throws', () => {
  it('on random strings, JSON-ish and YAML-ish text', async () => {
    await fc.assert(
      fc.asyncProperty(textInput, async (text) => {
        const result = await parseDataText(text, 'stories/prop.yaml');
        expectWellFormed(result);
      }),
      params,
    );
  });

  it('nor does the whole path from text to located story errors', async () => {
    await fc.assert(
      fc.asyncProperty(textInput, async (text) => {
        const parsed = await parseDataText(text, 'stories/prop.yaml');
        if (!parsed.ok) return;
        const validated = validateStory(parsed.value, 'stories/prop.yaml');
        expectWellFormed(validated);
        if (!validated.ok)
          expectWellFormed({ ok: false, errors: await addLineNumbers(text, validated.errors) });
      }),
      params,
    );
  });

  it('reports an alias bomb ("billion laughs") as an error instead of throwing', async () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) {
      const prev = `*a${i - 1}`;
      lines.push(`a${i}: &a${i} [${Array(10).fill(prev).join(', ')}]`);
    }
    const text = lines.join('\n');
    let result: Result<unknown> | undefined;
    await expect(
      (async () => (result = await parseDataText(text, 'stories/bomb.yaml')))(),
    ).resolves.toBeDefined();
    expectWellFormed(result!);
    expect(result!.ok).toBe(false);
  });

  it('reports deeply nested JSON or YAML as an error or a value, never a crash', async () => {
    for (const text of ['['.repeat(20000) + ']'.repeat(20000), '- '.repeat(5000) + 'x']) {
      let result: Result<unknown> | undefined;
      await expect(
        (async () => (result = await parseDataText(text, 'stories/deep.yaml')))(),
      ).resolves.toBeDefined();
      expectWellFormed(result!);
      if (result!.ok)
        expect(() => validateStory(result!.ok ? result!.value : null, 'deep')).not.toThrow();
    }
  });
});

// ---- (d) Markdown never yields a link that is not http(s) -----------------------------------

function links(nodes: Inline[]): string[] {
  return nodes.flatMap((n) =>
    n.type === 'link' ? [n.href, ...links(n.children)] : n.type === 'text' ? [] : links(n.children),
  );
}

function blockLinks(blocks: Block[]): string[] {
  return blocks.flatMap((b) => (b.type === 'p' ? links(b.children) : b.items.flatMap(links)));
}

function expectHttp(href: string) {
  expect(typeof href).toBe('string');
  expect(href).toMatch(/^https?:\/\//i);
  expect(['http:', 'https:']).toContain(new URL(href).protocol);
}

const HREFS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java%0ascript:alert(1)',
  '&#106;avascript:alert(1)',
  '\u0000javascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  '//evil.example/',
  '/relative',
  'mailto:a@b.c',
  'https:javascript:alert(1)',
  'http://ok.example/',
  'https://ok.example/a?b=c#d',
  'https://ok.example/(x)',
];

const markdownInput = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          '[',
          ']',
          '(',
          ')',
          '*',
          '**',
          '_',
          '- ',
          '\n',
          '\n\n',
          ' ',
          'x',
          '<a href="javascript:x">',
        ),
        fc.constantFrom(...HREFS),
        fc
          .tuple(fc.string({ maxLength: 5 }), fc.constantFrom(...HREFS))
          .map(([t, h]) => `[${t || 'x'}](${h})`),
        fc
          .tuple(fc.constantFrom(...HREFS), fc.constantFrom(...HREFS))
          .map(([a, b]) => `[[x](${a})](${b})`),
      ),
      { maxLength: 25 },
    )
    .map((parts) => parts.join('')),
);

describe('Markdown never produces a link that is not http(s)', () => {
  it('parseMarkdown on random text', () => {
    fc.assert(
      fc.property(markdownInput, (text) => {
        let blocks: Block[] = [];
        expect(() => (blocks = parseMarkdown(text))).not.toThrow();
        blockLinks(blocks).forEach(expectHttp);
      }),
      params,
    );
  });

  it('parseInline on random text', () => {
    fc.assert(
      fc.property(markdownInput, (text) => {
        let nodes: Inline[] = [];
        expect(() => (nodes = parseInline(text))).not.toThrow();
        links(nodes).forEach(expectHttp);
      }),
      params,
    );
  });
});

// ---- (e) the one-pass additions: manifests, warnings, line finding --------------------------

describe('checkManifest never throws', () => {
  const manifestFixture: unknown = JSON.parse(readFileSync(new URL('layers.json', MINI), 'utf8'));

  it('on random values and on mutations of the fixture manifest', () => {
    const check = (data: unknown) => {
      let result: Result<unknown> | undefined;
      expect(() => (result = checkManifest(data, 'geo/prop.json'))).not.toThrow();
      expectWellFormed(result!);
    };
    check(manifestFixture);
    fc.assert(fc.property(fc.anything(), check), params);
    fc.assert(
      fc.property(mutations, (ms) => check(mutate(manifestFixture, ms))),
      params,
    );
  });
});

describe('lintStory never throws and only ever warns', () => {
  it('on mutations of the fixture story and its layers', () => {
    const layers = geoFixtures.map(([file, data]) => ({ id: file, file, data }));
    fc.assert(
      fc.property(mutations, mutations, fc.nat(), (storyMs, layerMs, pick) => {
        const mutatedLayers = layers.map((l, i) =>
          i === pick % layers.length ? { ...l, data: mutate(l.data, layerMs) } : l,
        );
        let warnings: DataError[] = [];
        expect(
          () => (warnings = lintStory(mutate(storyFixture, storyMs), 'prop.yaml', mutatedLayers)),
        ).not.toThrow();
        for (const w of warnings) {
          expect(w.severity).toBe('warning');
          expect(w.message.length).toBeGreaterThan(0);
        }
      }),
      params,
    );
  });

  it('on random values of any kind', () => {
    fc.assert(
      fc.property(fc.anything(), exoticValue, (story, layer) => {
        expect(() =>
          lintStory(story, 'p.yaml', [{ id: 'x', file: 'x', data: layer }]),
        ).not.toThrow();
      }),
      params,
    );
  });
});

describe('finding lines in JSON', () => {
  /** Every path of a parsed JSON value, with the value there. */
  const valuePaths = (root: unknown): [(string | number)[], unknown][] => {
    const out: [(string | number)[], unknown][] = [[[], root]];
    const walk = (node: unknown, at: (string | number)[]) => {
      const entries: [string | number, unknown][] = Array.isArray(node)
        ? node.map((v, i) => [i, v])
        : node && typeof node === 'object'
          ? Object.entries(node)
          : [];
      for (const [k, v] of entries) {
        out.push([[...at, k], v]);
        walk(v, [...at, k]);
      }
    };
    walk(root, []);
    return out;
  };

  it('every value is found where it starts in the text, however the text is laid out', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }),
        fc.constantFrom(0, 1, 2, '\t'),
        (value, indent) => {
          const text = JSON.stringify(value, null, indent);
          const offsets = jsonValueOffsets(text);
          for (const [path, v] of valuePaths(JSON.parse(text))) {
            const key = path.reduce<string>(
              (p, k) => (typeof k === 'number' ? `${p}[${k}]` : p ? `${p}.${k}` : k),
              '',
            );
            // Empty keys and keys with dots or brackets make two paths print alike.
            if (path.some((k) => typeof k === 'string' && (k === '' || /[.[\]]/.test(k)))) continue;
            const at = offsets.get(key);
            expect(at, key).toBeDefined();
            const rest = text.slice(at);
            const expected = JSON.stringify(v);
            if (v === null || typeof v !== 'object') expect(rest.startsWith(expected)).toBe(true);
            else expect(rest[0]).toBe(Array.isArray(v) ? '[' : '{');
          }
        },
      ),
      params,
    );
  });

  it('parseSource never throws, and its line finder answers with a line or nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        textInput,
        fc.array(fc.oneof(fc.string(), fc.nat()), { maxLength: 4 }),
        async (text, path) => {
          const source = await parseSource(text, 'stories/prop.yaml');
          for (const e of source.errors) expect(e.line === undefined || e.line >= 1).toBe(true);
          const line = source.lineOf(path);
          expect(line === undefined || (Number.isInteger(line) && line >= 1)).toBe(true);
        },
      ),
      params,
    );
  });
});
