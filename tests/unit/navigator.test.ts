import { describe, expect, it } from 'vitest';
import { Navigator, resolveStep } from '../../src/story/navigator';

describe('Navigator', () => {
  it('starts before the first step and clamps at both ends', () => {
    const nav = new Navigator(3);
    expect(nav.index).toBe(-1);
    expect(nav.next()).toEqual({ index: 0, token: 1 });
    expect(nav.prev()).toBeNull();
    nav.goTo(2);
    expect(nav.next()).toBeNull();
    expect(nav.goTo(99)).toBeNull();
    expect(nav.goTo(-5)).toEqual({ index: 0, token: 3 });
  });

  it('settles only the newest move after rapid input', () => {
    const nav = new Navigator(10);
    const moves = [nav.next(), nav.next(), nav.next(), nav.next(), nav.next()];
    expect(nav.index).toBe(4);
    expect(nav.settled).toBe(false);
    const settledNow = moves.map((m) => nav.settle(m!.token));
    expect(settledNow).toEqual([false, false, false, false, true]);
    expect(nav.settled).toBe(true);
  });

  it('does not restart a move to the step it is already on unless forced', () => {
    const nav = new Navigator(4);
    const move = nav.goTo(2)!;
    expect(nav.goTo(2)).toBeNull();
    expect(nav.settle(move.token)).toBe(true);
    const forced = nav.goTo(2, { force: true });
    expect(forced).toEqual({ index: 2, token: move.token + 1 });
    expect(nav.settled).toBe(false);
  });

  it('refuses an empty story', () => {
    expect(() => new Navigator(0)).toThrow(RangeError);
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
