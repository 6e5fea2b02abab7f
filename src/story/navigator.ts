// The step state machine. Navigation is instant (the index changes at once); arriving is
// not: each move gets a token, and only the newest move may settle. That is what makes
// five quick presses of Next end on the fifth step with a single `step-settled`.

export interface Move {
  index: number;
  token: number;
}

export class Navigator {
  #index = -1;
  #token = 0;
  #settledToken = -1;

  constructor(readonly count: number) {
    if (!Number.isInteger(count) || count < 1)
      throw new RangeError('a story needs at least one step');
  }

  get index(): number {
    return this.#index;
  }

  /** True when the current step's move has arrived and nothing newer is under way. */
  get settled(): boolean {
    return this.#index >= 0 && this.#settledToken === this.#token;
  }

  get atStart(): boolean {
    return this.#index <= 0;
  }

  get atEnd(): boolean {
    return this.#index >= this.count - 1;
  }

  clamp(index: number): number {
    return Math.min(this.count - 1, Math.max(0, Math.trunc(index)));
  }

  /** Starts a move to `index` (clamped). Returns null when already there or on the way. */
  goTo(index: number, { force = false } = {}): Move | null {
    const target = this.clamp(index);
    if (target === this.#index && !force) return null;
    this.#index = target;
    this.#token += 1;
    return { index: target, token: this.#token };
  }

  next(): Move | null {
    return this.#index < 0 ? this.goTo(0) : this.goTo(this.#index + 1);
  }

  prev(): Move | null {
    return this.goTo(this.#index - 1);
  }

  /** Marks a move as arrived; false when a newer move has superseded it. */
  settle(token: number): boolean {
    if (token !== this.#token) return false;
    this.#settledToken = token;
    return true;
  }

  isCurrent(token: number): boolean {
    return token === this.#token;
  }
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
