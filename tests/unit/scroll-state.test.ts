import { describe, expect, it } from 'vitest';
import { initialState, modeOf, transition, type AppState } from '../../src/app/app-state';
import { parseUrlState } from '../../src/app/url-state';
import { mapViewOf } from '../../src/app/derive';
import type { Story } from '../../src/story/model';

const step = (id: string, index: number) =>
  ({
    id,
    index,
    year: 1980 + index,
    mapYear: 1980 + index,
    title: { en: id },
    body: { en: '' },
    camera: {
      center: [116, 40],
      zoom: 10,
      bearing: 0,
      pitch: 0,
      padding: 0,
      transition: 'fly',
      duration: 1000,
    },
    layers: [],
    highlight: [],
    animations: [],
    places: [],
    media: [],
  }) as unknown as Story['steps'][number];
const story = {
  steps: [step('a', 0), step('b', 1), step('c', 2)],
  languages: ['en', 'zh'],
  firstYear: 1980,
  lastYear: 1982,
} as unknown as Story;

function ready(mode: string): AppState {
  const s = initialState({ story: 's.json', mode });
  return transition(s, {
    type: 'story-loaded',
    read: { story, groups: [], layers: [], layerIds: [], warnings: [] },
  });
}

describe('scroll mode in the app state', () => {
  it('is a mode of its own, read from the URL, that shows the step map', () => {
    const s = ready('scroll');
    expect(modeOf(s)).toBe('scroll');
    expect(parseUrlState('?mode=scroll').mode).toBe('scroll');
    expect(mapViewOf(s).kind).toBe('step');
  });

  it('makes a step active when the reader scrolls to it, once', () => {
    const s = ready('scroll');
    const next = transition(s, { type: 'go', to: 2, scrolled: true });
    expect(next.step).toBe(2);
    expect(next.run).toBe(s.run + 1);
    expect(transition(next, { type: 'go', to: 2, scrolled: true })).toBe(next);
  });

  it('returns from Explore to scrolling, on the same step', () => {
    const s = transition(ready('scroll'), { type: 'go', to: 1, scrolled: true });
    const exploring = transition(s, { type: 'explore' });
    expect(modeOf(exploring)).toBe('explore');
    const back = transition(exploring, { type: 'resume' });
    expect(modeOf(back)).toBe('scroll');
    expect(back.step).toBe(1);
    // Explore from a click-through story still returns to it.
    const story2 = transition(transition(ready('story'), { type: 'explore' }), { type: 'resume' });
    expect(modeOf(story2)).toBe('story');
  });

  it('switches between story and scroll without losing the step', () => {
    const s = transition(ready('story'), { type: 'go', to: 2 });
    const scrolled = transition(s, { type: 'configure', mode: 'scroll' });
    expect(modeOf(scrolled)).toBe('scroll');
    expect(scrolled.step).toBe(2);
  });
});
