import { describe, expect, it } from 'vitest';
import { resolveStep, targetIndex } from '../../src/story/navigator';

// The navigator's old token rules (only the newest move settles; no restart unless forced)
// live in the app state now: tests/unit/app-state.test.ts, "stepping".
describe('targetIndex', () => {
  it('starts before the first step and clamps at both ends', () => {
    expect(targetIndex(-1, 'next', 3)).toBe(0);
    expect(targetIndex(0, 'prev', 3)).toBe(0);
    expect(targetIndex(2, 'next', 3)).toBe(2);
    expect(targetIndex(2, 99, 3)).toBe(2);
    expect(targetIndex(2, -5, 3)).toBe(0);
    expect(targetIndex(1, 'first', 3)).toBe(0);
    expect(targetIndex(0, 'last', 3)).toBe(2);
    expect(targetIndex(0, 1.7, 3)).toBe(1);
  });
});

describe('resolveStep', () => {
  const steps = [{ id: 'a' }, { id: 'b' }, { id: '2020' }];
  it('finds by index, by id and by a numeric string', () => {
    expect(resolveStep(steps, 1)).toBe(1);
    expect(resolveStep(steps, 'b')).toBe(1);
    expect(resolveStep(steps, '2020')).toBe(2);
    expect(resolveStep(steps, '0')).toBe(0);
  });
  it('returns undefined for what is not there', () => {
    expect(resolveStep(steps, 3)).toBeUndefined();
    expect(resolveStep(steps, 1.5)).toBeUndefined();
    expect(resolveStep(steps, 'zzz')).toBeUndefined();
  });
});
