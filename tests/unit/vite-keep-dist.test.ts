// A failed build must not write sw.js: the guard skips the wrapped plugins' closeBundle
// after a failure (Rolldown runs closeBundle anyway, without the error).
import { describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import { keepDistOnFailure } from '../../scripts/vite-keep-dist';

type Fn = (...args: unknown[]) => unknown;
const call = (p: Plugin, hook: 'buildStart' | 'buildEnd' | 'closeBundle', ...args: unknown[]) => {
  const h = p[hook] as Fn | { handler: Fn } | undefined;
  if (!h) return undefined;
  return (typeof h === 'function' ? h : h.handler).apply({}, args);
};

function writer() {
  const writes: string[] = [];
  const plugin: Plugin = {
    name: 'writes-sw',
    closeBundle: { sequential: true, handler: () => void writes.push('sw.js') },
  };
  return { plugin, writes };
}

describe('keepDistOnFailure', () => {
  it('a good build writes sw.js', () => {
    const { plugin, writes } = writer();
    const [guard, wrapped] = keepDistOnFailure([plugin]);
    call(guard!, 'buildStart');
    call(guard!, 'buildEnd');
    call(wrapped!, 'closeBundle');
    expect(writes).toEqual(['sw.js']);
  });

  it('a failed build writes nothing, and the next good one writes again', () => {
    const { plugin, writes } = writer();
    const [guard, wrapped] = keepDistOnFailure([plugin]);
    call(guard!, 'buildStart');
    call(guard!, 'buildEnd', new Error('story data has errors'));
    call(wrapped!, 'closeBundle');
    expect(writes).toEqual([]);
    call(guard!, 'buildStart');
    call(guard!, 'buildEnd');
    call(wrapped!, 'closeBundle');
    expect(writes).toEqual(['sw.js']);
  });

  it('keeps the hook’s options (sequential, order)', () => {
    const { plugin } = writer();
    const [, wrapped] = keepDistOnFailure([plugin]);
    expect(wrapped!.closeBundle).toMatchObject({ sequential: true });
  });
});
