// The studio panel's pure parts: the order and the summary of the story file's problems.
import { describe, expect, it } from 'vitest';
import { problemSummary, sortProblems, type StudioProblem } from '../../src/ui/studio-panel';

const warning = (text: string): StudioProblem => ({ severity: 'warning', text });
const error = (text: string): StudioProblem => ({ severity: 'error', text });

describe('sortProblems', () => {
  it('puts errors first and keeps the validator’s order within each kind', () => {
    const given = [warning('w1'), error('e1'), warning('w2'), error('e2')];
    expect(sortProblems(given).map((p) => p.text)).toEqual(['e1', 'e2', 'w1', 'w2']);
    // the input is the app's state: it is not reordered in place
    expect(given.map((p) => p.text)).toEqual(['w1', 'e1', 'w2', 'e2']);
  });
});

describe('problemSummary', () => {
  it('says there are none, or counts each kind', () => {
    expect(problemSummary([])).toBe('No problems');
    expect(problemSummary([error('a')])).toBe('1 error');
    expect(problemSummary([error('a'), error('b'), warning('c')])).toBe('2 errors, 1 warning');
    expect(problemSummary([warning('a'), warning('b'), warning('c')])).toBe('3 warnings');
  });
});
