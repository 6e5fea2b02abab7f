// Turns parsed story data into a typed StoryFile, or into errors that name the file, the
// step and the field. Pure: no I/O, no DOM.
//
// One pass: the schema's problems and the checks across fields (unique ids, year order,
// every text in every language, something to frame) are all reported together. The checks
// across fields read the raw data defensively, so they still run when the schema fails
// somewhere else in the file.
import * as v from 'valibot';
import { LANGUAGES, StorySchema, type StoryFile } from './schema.ts';
import { formatPath, type DataError } from './errors.ts';
import { didYouMean } from './did-you-mean.ts';

export type Result<T> = { ok: true; value: T } | { ok: false; errors: DataError[] };

type Segments = (string | number)[];

function issuePath(issue: v.BaseIssue<unknown>): Segments {
  return (issue.path ?? []).map((p) => p.key as string | number);
}

function describeReceived(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.received && issue.received !== 'undefined') {
    return ` (got ${issue.received})`;
  }
  return '';
}

// ---- walking the schema, for "did you mean" ------------------------------------------------

interface SchemaLike {
  type: string;
  entries?: Record<string, SchemaLike>;
  wrapped?: SchemaLike;
  item?: SchemaLike;
  items?: SchemaLike[];
  options?: SchemaLike[];
  key?: string | SchemaLike;
  value?: SchemaLike;
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  x !== null && typeof x === 'object' && !Array.isArray(x);

/** Past optional wrappers and unions, to the schema that applies to `data`. */
function resolve(schema: SchemaLike | undefined, data: unknown): SchemaLike | undefined {
  let s = schema;
  for (let depth = 0; s && depth < 16; depth++) {
    if (s.type === 'optional' || s.type === 'nullish' || s.type === 'exact_optional') {
      s = s.wrapped;
      continue;
    }
    if (s.type !== 'union' && s.type !== 'variant') return s;
    const options: SchemaLike[] = s.options ?? [];
    const key: string | undefined =
      s.type === 'variant' && typeof s.key === 'string' ? s.key : undefined;
    let picked: SchemaLike | undefined;
    if (key !== undefined && isRecord(data)) {
      picked = options.find(
        (o) => (o.entries?.[key] as { literal?: unknown } | undefined)?.literal === data[key],
      );
    } else if (Array.isArray(data)) {
      picked = options.find((o) => o.type === 'array' || o.type === 'tuple');
    }
    s = picked ?? options.find((o) => o.entries);
  }
  return s;
}

/** The object schema that describes the data at `path`, if the path leads to one. */
function objectSchemaAt(
  schema: SchemaLike,
  data: unknown,
  path: readonly (string | number)[],
): SchemaLike | undefined {
  let s = resolve(schema, data);
  let d = data;
  for (const seg of path) {
    if (!s) return undefined;
    let next: SchemaLike | undefined;
    if (s.entries) next = s.entries[String(seg)];
    else if (s.type === 'array') next = s.item;
    else if (s.type === 'tuple') next = s.items?.[Number(seg)];
    else if (s.type === 'record') next = s.value;
    d = isRecord(d) || Array.isArray(d) ? (d as Record<string | number, unknown>)[seg] : undefined;
    s = resolve(next, d);
  }
  return s?.entries ? s : undefined;
}

/** Fields an object at `path` may have, or [] if the schema gives none. */
export function knownFields(data: unknown, path: readonly (string | number)[]): string[] {
  const s = objectSchemaAt(StorySchema as unknown as SchemaLike, data, path);
  return s?.entries ? Object.keys(s.entries) : [];
}

/** For a field in the wrong place: the sibling object that does accept it (`zoom` → camera). */
function belongsUnder(
  data: unknown,
  parentPath: readonly (string | number)[],
  key: string,
): string | undefined {
  const parent = objectSchemaAt(StorySchema as unknown as SchemaLike, data, parentPath);
  for (const name of Object.keys(parent?.entries ?? {})) {
    if (knownFields(data, [...parentPath, name]).includes(key)) return name;
  }
  return undefined;
}

function unknownFieldMessage(data: unknown, path: Segments): string {
  const key = String(path[path.length - 1]);
  const parentPath = path.slice(0, -1);
  const fields = knownFields(data, parentPath);
  const suggestion = didYouMean(key, fields);
  if (suggestion) return `unknown field "${key}"${suggestion}`;
  const home = belongsUnder(data, parentPath, key);
  if (home)
    return `unknown field "${key}" here; it belongs inside "${home}" (check the indentation)`;
  return fields.length
    ? `unknown field "${key}" (expected one of: ${fields.join(', ')})`
    : `unknown field "${key}"`;
}

/** `"fly" | "ease" | "jump"` → the options, for suggesting one. */
function picklistOptions(expected: string | null): string[] {
  return [...(expected ?? '').matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
}

const valueAt = (data: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>(
    (d, k) =>
      isRecord(d) || Array.isArray(d) ? (d as Record<string | number, unknown>)[k] : undefined,
    data,
  );

/**
 * `{ en: Bridge, subway, campus }` in YAML reads as the fields `en`, `subway` and `campus`:
 * a language-text key that is no language, with an empty value, is an unquoted comma.
 */
function unquotedComma(issue: v.BaseIssue<unknown>, data: unknown): string | undefined {
  const path = issuePath(issue);
  const key = path[path.length - 1];
  if (typeof key !== 'string' || (LANGUAGES as readonly string[]).includes(key)) return undefined;
  const parent = valueAt(data, path.slice(0, -1));
  if (!isRecord(parent) || parent[key] !== null) return undefined;
  if (!Object.keys(parent).some((k) => (LANGUAGES as readonly string[]).includes(k)))
    return undefined;
  return `"${key}" is not a language: a comma inside { … } starts a new field, so quote text that contains commas ("…")`;
}

function issueMessage(issue: v.BaseIssue<unknown>, data: unknown): string {
  const comma = unquotedComma(issue, data);
  if (comma) return comma;
  if (issue.kind === 'schema' && issue.received === 'undefined') return 'is required';
  if (issue.type === 'strict_object' && issue.kind === 'schema')
    return unknownFieldMessage(data, issuePath(issue));
  const expected = issue.expected ? `expected ${issue.expected}` : '';
  // valibot's own messages repeat the path-free "Invalid type" text; ours name the expectation.
  const custom = issue.message.startsWith('Invalid ') ? '' : issue.message;
  let message = custom || `${expected}${describeReceived(issue)}`.trim() || issue.message;
  if (['picklist', 'literal', 'variant'].includes(issue.type) && typeof issue.input === 'string')
    message += didYouMean(issue.input, picklistOptions(issue.expected));
  return message + swapHint(issue, data);
}

/** A camera center out of range that would be valid the other way round: say so. */
function swapHint(issue: v.BaseIssue<unknown>, data: unknown): string {
  const path = issuePath(issue);
  if (path[path.length - 2] !== 'center' || !['max_value', 'min_value'].includes(issue.type))
    return '';
  const center = valueAt(data, path.slice(0, -1));
  if (!Array.isArray(center) || center.length !== 2) return '';
  const [a, b] = center as unknown[];
  if (typeof a !== 'number' || typeof b !== 'number') return '';
  return Math.abs(a) <= 90 && Math.abs(b) <= 180
    ? ` (this looks like [latitude, longitude]; write [${b}, ${a}]: longitude first)`
    : '';
}

/** The step id for a path that points inside `steps[n]`, if the step has a readable id. */
export function stepIdAt(data: unknown, path: readonly (string | number)[]): string | undefined {
  if (path[0] !== 'steps' || typeof path[1] !== 'number') return undefined;
  const steps = (data as { steps?: unknown } | null)?.steps;
  if (!Array.isArray(steps)) return undefined;
  const step = steps[path[1]] as { id?: unknown } | undefined;
  return typeof step?.id === 'string' ? step.id : `#${path[1] + 1}`;
}

export function fieldError(
  file: string,
  data: unknown,
  path: Segments,
  message: string,
): DataError {
  const stepId = stepIdAt(data, path);
  return { file, path: formatPath(path), ...(stepId ? { stepId } : {}), message };
}

// ---- checks across fields, on raw data ---------------------------------------------------------

const isYear = (y: unknown): y is number => typeof y === 'number' && Number.isInteger(y);
const asArray = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const asStrings = (x: unknown): string[] =>
  asArray(x).filter((s): s is string => typeof s === 'string');

/** The story's languages as far as they can be read (all known ones if unreadable). */
function storyLanguages(story: Record<string, unknown>): string[] {
  const langs = asStrings(story.languages).filter((l) =>
    (LANGUAGES as readonly string[]).includes(l),
  );
  return langs.length ? langs : [];
}

/** Checks that need the whole story: unique ids, year order, every text in every language. */
function storyLevelErrors(file: string, story: Record<string, unknown>): DataError[] {
  const errors: DataError[] = [];
  const push = (path: Segments, message: string) =>
    errors.push(fieldError(file, story, path, message));
  const steps = asArray(story.steps);
  const defaults = isRecord(story.defaults) ? story.defaults : {};
  const seen = new Map<string, number>();
  // Time is all or nothing: a timeline cannot place a step that has no year.
  const dated = steps.filter((s) => isRecord(s) && s.year !== undefined).length;
  const undated = steps.filter((s) => isRecord(s) && s.year === undefined).length;

  steps.forEach((step, i) => {
    if (!isRecord(step)) return;
    if (typeof step.id === 'string') {
      const prev = seen.get(step.id);
      if (prev !== undefined) push(['steps', i, 'id'], `duplicate step id (also steps[${prev}])`);
      else seen.set(step.id, i);
    }
    const y = step.year;
    if (y === undefined && dated > 0)
      push(
        ['steps', i],
        `has no "year", but ${dated} other step${dated > 1 ? 's have' : ' has'} one: a story dates every step (they make its timeline) or none (no timeline); give this step a year`,
      );
    if (Array.isArray(y) && isYear(y[0]) && isYear(y[1]) && y[0] > y[1]) {
      push(
        ['steps', i, 'year'],
        `range must run forwards (${y[0]} is after ${y[1]}): write [${y[1]}, ${y[0]}]`,
      );
    }
    // Something to frame: without it the step's view would depend on where the reader was.
    const shows = asStrings(defaults.layers).length + asStrings(step.layers).length;
    if (
      step.camera === undefined &&
      defaults.camera === undefined &&
      asStrings(step.highlight).length === 0 &&
      shows === 0
    ) {
      push(
        ['steps', i],
        'has nothing to frame: give it a "camera", give the story a "defaults.camera", or highlight a feature or show a layer',
      );
    }
  });

  if (dated === 0 && undated > 0 && asArray(story.eras).length)
    push(
      ['eras'],
      'no step has a "year", so the story has no timeline to draw eras on: give the steps years, or leave "eras" out',
    );
  asArray(story.eras).forEach((era, i) => {
    if (isRecord(era) && isYear(era.from) && isYear(era.to) && era.from > era.to)
      push(['eras', i, 'to'], `era must run forwards (from ${era.from} is after to ${era.to})`);
  });

  const langs = storyLanguages(story);
  const needLangs = (text: unknown, path: Segments) => {
    if (!isRecord(text)) return;
    for (const lang of langs) {
      if (!text[lang]) push([...path, lang], `missing "${lang}" text`);
    }
  };
  needLangs(story.title, ['title']);
  needLangs(story.subtitle, ['subtitle']);
  needLangs(isRecord(story.credits) ? story.credits.text : undefined, ['credits', 'text']);
  asArray(story.eras).forEach((era, i) =>
    needLangs(isRecord(era) ? era.label : undefined, ['eras', i, 'label']),
  );
  steps.forEach((step, i) => {
    if (!isRecord(step)) return;
    needLangs(step.title, ['steps', i, 'title']);
    needLangs(step.body, ['steps', i, 'body']);
    needLangs(step.caption, ['steps', i, 'caption']);
    asArray(step.media).forEach((m, j) =>
      needLangs(isRecord(m) ? m.alt : undefined, ['steps', i, 'media', j, 'alt']),
    );
  });
  return errors;
}

export function validateStory(data: unknown, file: string): Result<StoryFile> {
  if (!isRecord(data)) {
    return {
      ok: false,
      errors: [{ file, path: '', message: 'a story must be an object with "title" and "steps"' }],
    };
  }
  const parsed = v.safeParse(StorySchema, data, { abortEarly: false });
  const schemaErrors = parsed.success
    ? []
    : parsed.issues.map((issue) =>
        fieldError(file, data, issuePath(issue), issueMessage(issue, data)),
      );
  // One message per unquoted comma, not one for the key and another for its empty value.
  const commaPaths = new Set(
    schemaErrors.filter((e) => e.message.includes('is not a language')).map((e) => e.path),
  );
  const schemaDistinct = schemaErrors.filter(
    (e) => !commaPaths.has(e.path) || e.message.includes('is not a language'),
  );
  const errors = dedupe([...schemaDistinct, ...storyLevelErrors(file, data)]);
  if (errors.length || !parsed.success) return { ok: false, errors };
  return { ok: true, value: parsed.output };
}

function dedupe(errors: DataError[]): DataError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}|${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
