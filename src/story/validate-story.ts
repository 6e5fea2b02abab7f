// Turns parsed story data into a typed StoryFile, or into errors that name the file, the
// step and the field. Pure: no I/O, no DOM.
import * as v from 'valibot';
import { StorySchema, type StoryFile } from './schema';
import { formatPath, type DataError } from './errors';

export type Result<T> = { ok: true; value: T } | { ok: false; errors: DataError[] };

function issuePath(issue: v.BaseIssue<unknown>): (string | number)[] {
  return (issue.path ?? []).map((p) => p.key as string | number);
}

function describeReceived(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.received && issue.received !== 'undefined') {
    return ` (got ${issue.received})`;
  }
  return '';
}

function issueMessage(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.received === 'undefined') return 'is required';
  if (issue.type === 'strict_object' && issue.kind === 'schema') return 'unknown field';
  const expected = issue.expected ? `expected ${issue.expected}` : '';
  // valibot's own messages repeat the path-free "Invalid type" text; ours name the expectation.
  const custom = issue.message.startsWith('Invalid ') ? '' : issue.message;
  return custom || `${expected}${describeReceived(issue)}`.trim() || issue.message;
}

/** The step id for a path that points inside `steps[n]`, if the step has a readable id. */
export function stepIdAt(data: unknown, path: readonly (string | number)[]): string | undefined {
  if (path[0] !== 'steps' || typeof path[1] !== 'number') return undefined;
  const steps = (data as { steps?: unknown } | null)?.steps;
  if (!Array.isArray(steps)) return undefined;
  const step = steps[path[1]] as { id?: unknown } | undefined;
  return typeof step?.id === 'string' ? step.id : `#${path[1] + 1}`;
}

function fieldError(
  file: string,
  data: unknown,
  path: (string | number)[],
  message: string,
): DataError {
  const stepId = stepIdAt(data, path);
  return { file, path: formatPath(path), ...(stepId ? { stepId } : {}), message };
}

/** Checks that need the whole story: unique ids and every text in every language. */
function storyLevelErrors(file: string, story: StoryFile): DataError[] {
  const errors: DataError[] = [];
  const seen = new Map<string, number>();
  story.steps.forEach((step, i) => {
    const prev = seen.get(step.id);
    if (prev !== undefined) {
      errors.push(
        fieldError(file, story, ['steps', i, 'id'], `duplicate step id (also steps[${prev}])`),
      );
    } else seen.set(step.id, i);
    if (Array.isArray(step.year) && step.year[0] > step.year[1]) {
      errors.push(fieldError(file, story, ['steps', i, 'year'], 'range must run forwards'));
    }
  });

  const needLangs = (text: Record<string, string> | undefined, path: (string | number)[]) => {
    if (!text) return;
    for (const lang of story.languages) {
      if (!text[lang])
        errors.push(fieldError(file, story, [...path, lang], `missing "${lang}" text`));
    }
  };
  needLangs(story.title, ['title']);
  needLangs(story.subtitle, ['subtitle']);
  needLangs(story.credits?.text, ['credits', 'text']);
  story.steps.forEach((step, i) => {
    needLangs(step.title, ['steps', i, 'title']);
    needLangs(step.body, ['steps', i, 'body']);
    step.media?.forEach((m, j) => needLangs(m.alt, ['steps', i, 'media', j, 'alt']));
  });
  return errors;
}

export function validateStory(data: unknown, file: string): Result<StoryFile> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {
      ok: false,
      errors: [{ file, path: '', message: 'a story must be an object with "title" and "steps"' }],
    };
  }
  const parsed = v.safeParse(StorySchema, data, { abortEarly: false });
  if (!parsed.success) {
    const errors = parsed.issues.map((issue) =>
      fieldError(file, data, issuePath(issue), issueMessage(issue)),
    );
    return { ok: false, errors: dedupe(errors) };
  }
  const errors = storyLevelErrors(file, parsed.output);
  return errors.length ? { ok: false, errors } : { ok: true, value: parsed.output };
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
