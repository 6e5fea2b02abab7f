import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { validateStory } from '../../src/story/validate-story';
import { formatError } from '../../src/story/errors';
import { addLineNumbers, parseDataText, parsePath } from '../../src/story/parse-text';
import { normalizeStory } from '../../src/story/normalize-story';

const fixtureText = readFileSync(new URL('../fixtures/mini/story.yaml', import.meta.url), 'utf8');
const fixture = () =>
  parse(fixtureText) as Record<string, unknown> & { steps: Record<string, unknown>[] };

function errorsOf(data: unknown) {
  const result = validateStory(data, 'stories/test.yaml');
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('validateStory', () => {
  it('accepts the fixture story', () => {
    const result = validateStory(fixture(), 'mini.yaml');
    expect(result.ok).toBe(true);
  });

  it('rejects something that is not an object', () => {
    expect(errorsOf([1, 2])[0]!.message).toMatch(/must be an object/);
    expect(errorsOf(null)[0]!.path).toBe('');
  });

  it('names the step and the field of a wrong type', () => {
    const data = fixture();
    data.steps[2]!.camera = { center: [116.3, 39.9], zoom: 'twelve' };
    const [e] = errorsOf(data);
    expect(e).toMatchObject({
      stepId: 'street',
      path: 'steps[2].camera.zoom',
      file: 'stories/test.yaml',
    });
    expect(formatError(e!)).toBe(
      'stories/test.yaml › step "street" › steps[2].camera.zoom: expected number (got "twelve")',
    );
  });

  it('says when a required field is missing', () => {
    const data = fixture();
    delete data.steps[0]!.title;
    const [e] = errorsOf(data);
    expect(e).toMatchObject({ stepId: 'start', path: 'steps[0].title', message: 'is required' });
  });

  it('catches unknown fields (typos) instead of ignoring them', () => {
    const data = fixture();
    data.steps[1]!.higlight = ['site-old'];
    expect(errorsOf(data)[0]).toMatchObject({
      path: 'steps[1].higlight',
      message: expect.stringMatching(/unknown field/),
    });
  });

  it('requires each text in every language of the story', () => {
    const data = fixture();
    data.steps[3]!.body = { en: 'English only' };
    expect(errorsOf(data)[0]).toMatchObject({
      stepId: 'zone',
      path: 'steps[3].body.zh',
      message: 'missing "zh" text',
    });
  });

  it('rejects duplicate step ids, bad ids and backwards ranges', () => {
    const data = fixture();
    data.steps[1]!.id = 'start';
    data.steps[2]!.year = [1990, 1984];
    const messages = errorsOf(data).map(formatError);
    expect(messages).toContain(
      'stories/test.yaml › step "start" › steps[1].id: duplicate step id (also steps[0])',
    );
    expect(messages.some((m) => m.includes('steps[2].year: range must run forwards'))).toBe(true);
    const bad = fixture();
    bad.steps[0]!.id = 'Not Kebab';
    expect(errorsOf(bad)[0]!.message).toMatch(/kebab-case/);
  });

  it('needs center and zoom, or fit', () => {
    const data = fixture();
    data.steps[0]!.camera = { zoom: 3 };
    expect(errorsOf(data)[0]).toMatchObject({
      path: 'steps[0].camera',
      message: 'needs either center and zoom, or fit',
    });
  });

  it('rejects an unknown animation type and a bad transition', () => {
    const data = fixture();
    data.steps[1]!.animations = [{ type: 'explode', target: 'site-old' }];
    data.steps[2]!.camera = { fit: ['street-main'], transition: 'teleport' };
    const paths = errorsOf(data).map((e) => e.path);
    expect(paths).toContain('steps[1].animations[0].type');
    expect(paths).toContain('steps[2].camera.transition');
  });

  it('rejects a story without steps', () => {
    const data = fixture();
    data.steps = [];
    expect(errorsOf(data)[0]).toMatchObject({
      path: 'steps',
      message: 'a story needs at least one step',
    });
  });
});

describe('line numbers', () => {
  it('finds the line of a bad field in YAML', async () => {
    const text = fixtureText.replace('zoom: 13, duration: 1500', 'zoom: "x", duration: 1500');
    const data = await parseDataText(text, 'mini.yaml');
    expect(data.ok).toBe(true);
    const result = validateStory(data.ok && data.value, 'mini.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [e] = await addLineNumbers(text, result.errors);
    const expected = text.split('\n').findIndex((l) => l.includes('zoom: "x"')) + 1;
    expect(e!.line).toBe(expected);
    expect(formatError(e!)).toMatch(new RegExp(`^mini.yaml:${expected} › step "old-site"`));
  });

  it('reports YAML syntax errors with a line', async () => {
    const result = await parseDataText('id: x\nsteps: [\n  - a: b\n', 'broken.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.message).toMatch(/not valid YAML/);
    expect(result.errors[0]!.line).toBeGreaterThan(1);
  });

  it('reports JSON syntax errors', async () => {
    const result = await parseDataText('{ "id": "x", }', 'broken.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/not valid JSON/);
  });

  it('parses paths back into segments', () => {
    expect(parsePath('steps[3].camera.center[1]')).toEqual(['steps', 3, 'camera', 'center', 1]);
  });
});

describe('normalizeStory', () => {
  it('applies defaults and resolves URLs against the story', () => {
    const result = validateStory(fixture(), 'mini.yaml');
    if (!result.ok) throw new Error('fixture invalid');
    const story = normalizeStory(result.value, 'https://example.org/stories/mini.yaml');
    expect(story.layersUrl).toBe('https://example.org/stories/layers.json');
    expect(story.firstYear).toBe(1979);
    expect(story.lastYear).toBe(2010);
    const street = story.steps[2]!;
    expect(street).toMatchObject({
      year: 1984,
      yearEnd: 1987,
      mapYear: 1987,
      places: ['street-main'],
    });
    expect(street.camera).toMatchObject({
      fit: ['street-main'],
      transition: 'ease',
      padding: 40,
      bearing: 0,
    });
    expect(street.animations[0]).toEqual({
      type: 'draw-line',
      targets: ['street-main'],
      duration: 2000,
    });
    expect(story.steps[0]!.camera).toMatchObject({
      center: [116.4, 39.9],
      zoom: 3,
      transition: 'fly',
    });
  });
});

describe('one pass: every independent problem at once', () => {
  it('reports schema problems together with translations and year order', () => {
    const data = fixture();
    data.steps[0]!.camera = { center: [116.3, 39.9], zoom: 'near' };
    data.steps[1]!.body = { en: 'English only' };
    data.steps[2]!.year = [1990, 1984];
    data.steps[3]!.higlight = ['area-core'];
    const messages = errorsOf(data).map((e) => `${e.path}: ${e.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'steps[0].camera.zoom: expected number (got "near")',
        'steps[1].body.zh: missing "zh" text',
        'steps[2].year: range must run forwards (1990 is after 1984): write [1984, 1990]',
        'steps[3].higlight: unknown field "higlight" (did you mean "highlight"?)',
      ]),
    );
    expect(messages).toHaveLength(4);
  });

  it('suggests the field or value that was meant', () => {
    const data = fixture() as Record<string, unknown> & { steps: Record<string, unknown>[] };
    data.titel = { en: 'x', zh: '甲' };
    data.steps[0]!.camera = { center: [116.3, 39.9], zoom: 3, transition: 'flyy' };
    data.steps[1]!.animations = [{ type: 'puls', target: 'site-old' }];
    const byPath = Object.fromEntries(errorsOf(data).map((e) => [e.path, e.message]));
    expect(byPath.titel).toBe('unknown field "titel" (did you mean "title"?)');
    expect(byPath['steps[0].camera.transition']).toMatch(/\(did you mean "fly"\?\)$/);
    expect(byPath['steps[1].animations[0].type']).toMatch(/\(did you mean "pulse"\?\)$/);
  });

  it('says where a field that is in the wrong place belongs (an indentation slip)', () => {
    const data = fixture();
    data.steps[0]!.camera = { center: [116.3, 39.9], zoom: 3 };
    data.steps[0]!.pitch = 30;
    expect(errorsOf(data)[0]).toMatchObject({
      path: 'steps[0].pitch',
      message: 'unknown field "pitch" here; it belongs inside "camera" (check the indentation)',
    });
  });

  it('explains an unquoted comma in a { en: …, zh: … } text', () => {
    const data = fixture();
    // `{ en: Bridge, subway, zh: 桥 }` in YAML
    data.steps[0]!.title = { en: 'Bridge', subway: null, zh: '桥' };
    expect(errorsOf(data).map((e) => `${e.path}: ${e.message}`)).toEqual([
      'steps[0].title.subway: "subway" is not a language: a comma inside { … } starts a new field, so quote text that contains commas ("…")',
    ]);
  });

  it('hints at [latitude, longitude] in a camera', () => {
    const data = fixture();
    data.steps[0]!.camera = { center: [39.9, 116.4], zoom: 10 };
    expect(errorsOf(data)[0]!.message).toMatch(
      /this looks like \[latitude, longitude\]; write \[116.4, 39.9\]: longitude first/,
    );
  });
});

describe('the agreed format: no manifest needed, basemap, eras, cameras', () => {
  type Loose = Record<string, unknown> & { steps: Record<string, unknown>[] };
  const minimal = (): Loose => ({
    id: 'bare',
    title: { en: 'Bare', zh: '简' },
    languages: ['en', 'zh'],
    steps: [
      {
        id: 'one',
        year: 1906,
        title: { en: 'One', zh: '一' },
        body: { en: 'One.', zh: '一。' },
        camera: { center: [-71.08, 42.36], zoom: 14 },
      },
    ],
  });

  it('accepts a story without layers, on the basemap alone', () => {
    const result = validateStory(minimal(), 'bare.yaml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const story = normalizeStory(result.value, 'https://example.org/stories/bare.yaml');
    expect(story.layersUrl).toBeUndefined();
    expect(story.eras).toEqual([]);
    expect(story.basemapUrl).toBeUndefined();
  });

  it('resolves the basemap against the story and keeps the eras', () => {
    const data = {
      ...minimal(),
      basemap: 'tiles/cambridge.pmtiles',
      eras: [{ from: 1900, to: 1920, label: { en: 'Early', zh: '早期' } }],
    };
    const result = validateStory(data, 'bare.yaml');
    if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
    const story = normalizeStory(result.value, 'https://example.org/stories/bare.yaml');
    expect(story.basemapUrl).toBe('https://example.org/stories/tiles/cambridge.pmtiles');
    expect(story.eras).toEqual([{ from: 1900, to: 1920, label: { en: 'Early', zh: '早期' } }]);
  });

  it('checks eras: whole years, forwards, labelled in every language', () => {
    const data = {
      ...minimal(),
      eras: [
        { from: 1991, to: 1978, label: { en: 'Backwards', zh: '倒' } },
        { from: 1990.5, to: 2000, label: { en: 'Half' } },
      ],
    };
    const messages = errorsOf(data).map((e) => `${e.path}: ${e.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'eras[0].to: era must run forwards (from 1991 is after to 1978)',
        'eras[1].from: must be a whole year',
        'eras[1].label.zh: missing "zh" text',
      ]),
    );
  });

  it('frames a step without a camera: defaults, then its highlights, then its layers', () => {
    const data = minimal();
    const base = data.steps[0]!;
    data.steps = [
      { ...base, id: 'own' },
      { ...base, id: 'highlights', camera: undefined, highlight: ['a', 'b'], layers: ['l'] },
      { ...base, id: 'layers', camera: undefined, layers: ['l'] },
    ].map((s) => JSON.parse(JSON.stringify(s)) as Record<string, unknown>);
    const result = validateStory(data, 'bare.yaml');
    if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
    const [own, highlights, layers] = normalizeStory(result.value, 'https://x.org/s.yaml').steps;
    expect(own!.camera).toMatchObject({ center: [-71.08, 42.36], zoom: 14 });
    expect(highlights!.camera.fit).toEqual(['a', 'b']);
    expect(layers!.camera.fit).toEqual(['l']);
    const withDefault = { ...data, defaults: { camera: { center: [0, 51.5], zoom: 9 } } };
    const r2 = validateStory(withDefault, 'bare.yaml');
    if (!r2.ok) throw new Error('invalid');
    expect(normalizeStory(r2.value, 'https://x.org/s.yaml').steps[1]!.camera).toMatchObject({
      center: [0, 51.5],
      zoom: 9,
    });
  });

  it('refuses a step with nothing to frame instead of picking a place', () => {
    const data = minimal();
    delete data.steps[0]!.camera;
    expect(errorsOf(data)[0]).toMatchObject({
      path: 'steps[0]',
      stepId: 'one',
      message: expect.stringMatching(/^has nothing to frame/),
    });
  });
});
