// Moving through a story's steps: which step a target names. Pure; the app state keeps
// where the reader is (src/app/app-state.ts).

export type StepTarget = number | 'next' | 'prev' | 'first' | 'last';

/**
 * The step index a target leads to from `current` in a story of `count` steps, clamped to
 * the story. From before the first step (-1), 'next' is the first step.
 */
export function targetIndex(current: number, to: StepTarget, count: number): number {
  const last = count - 1;
  const target =
    to === 'next'
      ? current + 1
      : to === 'prev'
        ? current - 1
        : to === 'first'
          ? 0
          : to === 'last'
            ? last
            : to;
  return Math.min(last, Math.max(0, Math.trunc(target)));
}

/** Finds a step by index or id; undefined when there is no such step. */
export function resolveStep(
  steps: readonly { id: string }[],
  target: number | string,
): number | undefined {
  if (typeof target === 'number') {
    return Number.isInteger(target) && target >= 0 && target < steps.length ? target : undefined;
  }
  const byId = steps.findIndex((s) => s.id === target);
  if (byId >= 0) return byId;
  return /^\d+$/.test(target) ? resolveStep(steps, Number(target)) : undefined;
}
