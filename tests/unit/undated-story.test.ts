// A story without years: it validates, has no timeline span, and its steps no year; time
// is all or nothing (a step without a year among dated ones is an error).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { validateStory } from '../../src/story/validate-story';
import { normalizeStory } from '../../src/story/normalize-story';
import { isTimed } from '../../src/story/model';
import { formatYear } from '../../src/story/timeline';

const fixture = () =>
  parse(readFileSync(new URL('../fixtures/mini/story.yaml', import.meta.url), 'utf8')) as Record<
    string,
    unknown
  > & { steps: Record<string, unknown>[]; eras?: unknown };

function undated() {
  const data = fixture();
  for (const step of data.steps) {
    delete step.year;
    delete step.mapYear;
  }
  delete data.eras;
  return data;
}

describe('a story without years', () => {
  it('validates, and normalises to steps with no year and a story with no timeline', () => {
    const result = validateStory(undated(), 'undated.yaml');
    expect(result.ok, JSON.stringify(!result.ok && result.errors)).toBe(true);
    if (!result.ok) return;
    const story = normalizeStory(result.value, 'https://example.org/stories/undated.yaml');
    expect(isTimed(story)).toBe(false);
    expect(story.firstYear).toBeUndefined();
    expect(story.lastYear).toBeUndefined();
    for (const step of story.steps) {
      expect(step.year).toBeUndefined();
      expect(step.mapYear).toBeUndefined();
      expect('year' in step).toBe(false);
    }
    expect(formatYear(undefined)).toBe('');
  });

  it('a dated story still has its span', () => {
    const result = validateStory(fixture(), 'dated.yaml');
    if (!result.ok) throw new Error('the fixture is valid');
    const story = normalizeStory(result.value, 'https://example.org/stories/dated.yaml');
    expect(isTimed(story)).toBe(true);
    expect(story.firstYear).toBeLessThanOrEqual(story.lastYear!);
  });

  it('refuses a step without a year among dated steps, naming it', () => {
    const data = fixture();
    delete data.steps[1]!.year;
    delete data.steps[1]!.mapYear;
    const result = validateStory(data, 'mixed.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ path: 'steps[1]' });
    expect(result.errors[0]!.message).toMatch(
      /^has no "year", but \d+ other steps have one: a story dates every step .* or none/,
    );
  });

  it('refuses eras when no step has a year', () => {
    const data = undated();
    data.eras = [{ from: 1900, to: 1950, label: { en: 'Early', zh: '早期' } }];
    const result = validateStory(data, 'eras.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual(['eras']);
  });
});
