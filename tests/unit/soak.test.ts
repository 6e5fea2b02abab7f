// The soak's comparison: like with like (the same step, phase and language every time),
// heap growth over the whole run and over its second half, and counts that must not move.
import { describe, expect, it } from 'vitest';
import { compareSamples, soakQuery, type SoakSample } from '../../bench/soak';

const at = (changes: number, over: Partial<SoakSample> = {}): SoakSample => ({
  changes,
  step: 0,
  phase: 'kiosk-attract',
  lang: 'en',
  heapBytes: 15_000_000,
  domNodes: 140,
  mapLayers: 149,
  mapSources: 19,
  jsEventListeners: 176,
  nodes: 1083,
  ...over,
});

describe('compareSamples', () => {
  it('flat counts and a heap that levels off', () => {
    const c = compareSamples([
      at(0),
      at(500, { heapBytes: 15_600_000 }),
      at(1000, { heapBytes: 15_900_000 }),
      at(2000, { heapBytes: 16_000_000 }),
    ]);
    expect(c).toMatchObject({ samples: 4, changes: 2000, samePlace: true, elsewhere: [] });
    expect(c.heapGrowthBytes).toBe(1_000_000);
    expect(c.heapGrowthSecondHalfBytes).toBe(100_000);
    for (const k of Object.values(c.counts)) expect(k.equal).toBe(true);
  });

  it('a count that moves is not equal, even when it comes back by the last sample', () => {
    const c = compareSamples([at(0), at(100, { domNodes: 145 }), at(200)]);
    expect(c.counts.domNodes).toEqual({ first: 140, last: 140, min: 140, max: 145, equal: false });
    expect(c.counts.mapLayers.equal).toBe(true);
  });

  it('a sample taken somewhere else is set apart, not compared', () => {
    const c = compareSamples([
      at(0),
      at(100, { step: 4, domNodes: 139 }),
      at(200, { domNodes: 140 }),
    ]);
    expect(c.samePlace).toBe(false);
    expect(c.elsewhere).toEqual([{ changes: 100, step: 4, phase: 'kiosk-attract', lang: 'en' }]);
    expect(c.counts.domNodes.equal).toBe(true);
    expect(c.samples).toBe(2);
    expect(() => compareSamples([])).toThrow(/no soak samples/);
  });
});

it('the soak opens a kiosk whose attract loop never advances by itself', () => {
  const q = new URLSearchParams(soakQuery().slice(1));
  expect(q.get('mode')).toBe('kiosk');
  expect(Number(q.get('dwell'))).toBeGreaterThanOrEqual(60);
  expect(Number(q.get('idle'))).toBeGreaterThan(0);
});
