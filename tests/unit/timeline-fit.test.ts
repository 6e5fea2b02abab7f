// The timeline's ends: the current step's pill and the eras' labels stay inside the bar.
import { describe, expect, it } from 'vitest';
import { clampCentre, placeEraLabel } from '../../src/ui/timeline-fit';

describe('clampCentre', () => {
  it('keeps a box wanted at an end wholly inside the bar', () => {
    // a 56 px pill wanted at the last year, 1252 px along a 1280 px bar
    const c = clampCentre(1252, 56, 2, 1278);
    expect(c + 28).toBeLessThanOrEqual(1278);
    expect(c).toBe(1250);
    expect(clampCentre(10, 56, 2, 1278) - 28).toBe(2);
  });

  it('leaves a box that fits where it was wanted, and centres one wider than the room', () => {
    expect(clampCentre(600, 56, 2, 1278)).toBe(600);
    expect(clampCentre(5, 200, 0, 100)).toBe(50);
  });
});

describe('placeEraLabel', () => {
  it('draws a label inside a band wide enough for it', () => {
    expect(placeEraLabel(28, 284, 180, 1280)).toEqual({ inline: true, anchor: 'left' });
  });

  it('reveals the label of a narrow band at the bar end from the band’s right edge', () => {
    // "Crackdown and hard tech": a 28 px band at the right end of the bar
    expect(placeEraLabel(1224, 1252, 160, 1280)).toEqual({ inline: false, anchor: 'right' });
    expect(placeEraLabel(28, 40, 160, 1280)).toEqual({ inline: false, anchor: 'left' });
  });
});
