import { describe, expect, it } from 'vitest';
import {
  exploringOf,
  initialState,
  modeOf,
  phaseName,
  transition,
  type AppEvent,
  type AppState,
} from '../../src/app/app-state';
import { announcementOf, mapViewOf, urlStateOf } from '../../src/app/derive';
import { formatUrlState, parseUrlState } from '../../src/app/url-state';
import type { Step, Story } from '../../src/story/model';
import type { LoadedLayer } from '../../src/story/load-story';

function makeStep(index: number, over: Partial<Step> = {}): Step {
  return {
    id: `s${index}`,
    index,
    year: 1980 + index * 10,
    mapYear: 1980 + index * 10,
    title: { en: `Step ${index}`, zh: `第${index}步` },
    body: { en: `Body ${index}. More.`, zh: `正文${index}。更多。` },
    camera: {
      center: [116, 40],
      zoom: 10,
      bearing: 0,
      pitch: 0,
      padding: 60,
      transition: 'fly',
      duration: 3000,
    },
    layers: [`layer-${index}`],
    highlight: [],
    animations: [],
    places: [],
    media: [],
    ...over,
  };
}

function makeStory(count = 4): Story {
  const steps = Array.from({ length: count }, (_, i) => makeStep(i));
  return {
    id: 'test',
    url: 'https://example.test/stories/test.json',
    title: { en: 'Test', zh: '测试' },
    languages: ['en', 'zh'],
    layersUrl: 'https://example.test/geo/layers.json',
    steps,
    eras: [],
    firstYear: 1980,
    lastYear: 1980 + (count - 1) * 10,
  };
}

/** A point layer with these features (id, and when it existed). */
function makeLayer(id: string, features: { id: string; since?: number }[] = []): LoadedLayer {
  return {
    meta: { id, file: `${id}.geojson`, kind: 'point', color: '#123456', title: { en: id } },
    data: {
      type: 'FeatureCollection',
      features: features.map((p) => ({
        type: 'Feature',
        properties: p,
        geometry: { type: 'Point', coordinates: [116, 40] },
      })),
    },
  };
}

const LAYER_IDS = ['layer-0', 'layer-1', 'layer-2', 'layer-3'];
const LAYERS = LAYER_IDS.map((id) =>
  makeLayer(id, id === 'layer-3' ? [{ id: 'late', since: 2005 }] : [{ id: `${id}-f` }]),
);

/** What the loader reports once it has read `story` (every layer of it). */
function loaded(story: Story, warnings: string[] = []): AppEvent {
  return {
    type: 'story-loaded',
    read: {
      story,
      groups: [],
      layers: LAYERS,
      layerIds: LAYER_IDS,
      warnings: warnings.map((message) => ({ file: 'w', path: '', message })),
    },
  };
}

/** A studio save: `story` replaces the one shown. */
function replaced(story: Story, warnings: string[] = []): AppEvent {
  const { read } = loaded(story, warnings) as Extract<AppEvent, { type: 'story-loaded' }>;
  return { type: 'story-replaced', read };
}

/** The page URL's deep link, as <story-map> reads it before the story loads. */
function linked(link: Extract<AppEvent, { type: 'configure' }>['link']): AppEvent {
  return { type: 'configure', link: link! };
}

const story = makeStory();
const LOADED = loaded(story);

/** Runs events from a state, like <story-map>'s dispatch does. */
function run(state: AppState, ...events: AppEvent[]): AppState {
  return events.reduce((s, e) => transition(s, e), state);
}

const ready = (config: { mode?: string; lang?: string } = {}) =>
  run(initialState({ story: 'stories/test.json', ...config }), LOADED);

describe('loading', () => {
  it('starts loading, then shows the first step with one run', () => {
    const start = initialState({ story: 'stories/test.json' });
    expect(phaseName(start)).toBe('loading');
    expect(start.step).toBe(-1);
    const s = run(start, LOADED);
    expect(phaseName(s)).toBe('story');
    expect(s.step).toBe(0);
    expect(s.run).toBe(start.run + 1);
    expect(mapViewOf(s)).toMatchObject({ kind: 'step', run: s.run, step: { id: 's0' } });
  });

  it('a failed story keeps its messages and shows no step', () => {
    const s = run(initialState({ story: 'x' }), { type: 'story-failed', messages: ['x: bad'] });
    expect(phaseName(s)).toBe('failed');
    expect(s.errors).toEqual(['x: bad']);
    expect(mapViewOf(s).kind).toBe('idle');
  });

  it('falls back to the story’s first language when it lacks the asked one', () => {
    const enOnly = { ...story, languages: ['en' as const] };
    const s = transition(initialState({ story: 'x', lang: 'zh' }), loaded(enOnly));
    expect(s.lang).toBe('en');
  });

  it('refuses unknown modes and languages', () => {
    const s = ready();
    expect(run(s, { type: 'configure', mode: 'party', lang: 'fr' })).toBe(s);
  });

  it('a new basemap keeps the story; a new story loads afresh in the same mode', () => {
    const s = run(ready({ mode: 'explore' }), { type: 'configure', basemap: 'city.pmtiles' });
    expect(s.basemap).toBe('city.pmtiles');
    expect(s.load).toBe('ready');
    const other = run(s, { type: 'configure', story: 'stories/other.json' });
    expect(other.load).toBe('loading');
    expect(other.step).toBe(-1);
    expect(modeOf(other)).toBe('explore');
    expect(other.basemap).toBe('city.pmtiles');
  });
});

describe('the story’s data', () => {
  it('is one value the events replace: loaded, layers arriving, a reader’s layer', () => {
    const first = transition(initialState({ story: 'x' }), {
      type: 'story-loaded',
      read: { story, groups: [], layers: LAYERS.slice(0, 1), layerIds: LAYER_IDS, warnings: [] },
    });
    const data = first.data!;
    expect(data.index.layers.map((l) => l.meta.id)).toEqual(['layer-0']);
    const more = run(first, { type: 'layers-arrived', layers: LAYERS.slice(1, 3) });
    expect(more.data!.index.layers.map((l) => l.meta.id)).toEqual([
      'layer-0',
      'layer-1',
      'layer-2',
    ]);
    expect(more.data!.version).toBe(data.version + 1);
    // The earlier value is untouched: nothing is changed in place.
    expect(data.index.layers).toHaveLength(1);
    // A layer that is already in changes nothing.
    expect(run(more, { type: 'layers-arrived', layers: LAYERS.slice(1, 2) })).toBe(more);

    const own = makeLayer('user-1', [{ id: 'user-1-a' }]);
    expect(run(more, { type: 'user-layer-added', layer: own })).toBe(more); // not exploring
    const e = run(more, { type: 'explore' }, { type: 'user-layer-added', layer: own });
    expect(e.data!.index.layer('user-1')).toBeDefined();
    expect(mapViewOf(e)).toMatchObject({
      layers: ['layer-0', 'user-1'],
      focus: { ids: ['user-1'] },
    });
    // The reader's own layers stay when the studio replaces the story; they are not in the URL.
    expect(run(e, replaced(story)).data!.index.layer('user-1')).toBeDefined();
    expect(urlStateOf(e, 'x').layers).toEqual(['layer-0']);
  });

  it('a new story drops the old one’s data until it is loaded', () => {
    const s = run(ready(), { type: 'configure', story: 'stories/other.json' });
    expect(s.data).toBeUndefined();
    expect(mapViewOf(s).kind).toBe('idle');
  });
});

describe('live preview', () => {
  it('a saved version replaces the story on the same step, drawn again, with its own warnings', () => {
    const s = run(ready(), { type: 'go', to: 2 }, { type: 'warn', messages: ['old: w'] });
    const next = run(s, replaced(makeStory(), ['new']));
    expect(next.step).toBe(2);
    expect(next.run).toBe(s.run + 1);
    expect(next.warnings).toEqual(['w: new']);
    expect(next.data!.version).toBe(s.data!.version + 1);
    expect(mapViewOf(next)).toMatchObject({
      kind: 'step',
      run: next.run,
      step: { id: 's2' },
    });
  });

  it('a step that went takes the reader to the last one left', () => {
    const shorter = makeStory(2);
    const s = run(ready(), { type: 'go', to: 3 });
    expect(transition(s, replaced(shorter)).step).toBe(1);
  });

  it('a refused save keeps the story shown and lists why; the next good save clears it', () => {
    const s = run(ready(), { type: 'go', to: 1 });
    const refused = run(s, { type: 'story-rejected', messages: ['story.yaml:3 › bad'] });
    expect(refused.editErrors).toEqual(['story.yaml:3 › bad']);
    expect(refused.step).toBe(1);
    expect(refused.run).toBe(s.run);
    const fixed = run(refused, replaced(story));
    expect(fixed.editErrors).toEqual([]);
  });

  it('is ignored while the story is not shown', () => {
    const loading = initialState({ story: 'x' });
    expect(run(loading, replaced(story))).toBe(loading);
    expect(run(loading, { type: 'story-rejected', messages: ['x'] })).toBe(loading);
  });
});

describe('stepping (what the navigator did)', () => {
  it('clamps at both ends and does not start a move at the end', () => {
    const s = ready();
    expect(run(s, { type: 'go', to: 'prev' })).toBe(s);
    const last = run(s, { type: 'go', to: 'last' });
    expect(last.step).toBe(3);
    expect(run(last, { type: 'go', to: 'next' })).toBe(last);
    expect(run(last, { type: 'go', to: 99 })).toBe(last);
    expect(run(last, { type: 'go', to: -5 }).step).toBe(0);
  });

  it('settles only the newest move after rapid input', () => {
    let s = ready();
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      s = run(s, { type: 'go', to: 'next' });
      runs.push(s.run);
    }
    expect(s.step).toBe(3);
    const older = run(s, { type: 'settled', run: runs[0]! });
    expect(older).toBe(s);
    const newest = run(s, { type: 'settled', run: runs[2]! });
    expect(newest.settled).toBe(runs[2]);
  });

  it('does not restart a move to the step it is on unless forced', () => {
    const s = run(ready(), { type: 'go', to: 2 });
    expect(run(s, { type: 'go', to: 2 })).toBe(s);
    const forced = run(s, { type: 'go', to: 2, force: true });
    expect(forced.run).toBe(s.run + 1);
    expect(forced.step).toBe(2);
  });

  it('a deep link opens its step', () => {
    const s = run(initialState({ story: 'x' }), linked({ step: 's2' }), LOADED);
    expect(s.step).toBe(2);
    expect(urlStateOf(s, 'x').step).toBe('s2');
    // The link is taken by the load that used it: a later story opens on its own first step.
    expect(s.link).toBeUndefined();
  });
});

describe('story → explore → resume', () => {
  it('explores from the step’s own view and resumes on the same step, state re-applied', () => {
    const s = run(ready(), { type: 'go', to: 2 });
    const camera = { center: [116.3, 39.9] as [number, number], zoom: 12, bearing: 0, pitch: 0 };
    const e = run(s, { type: 'explore', camera });
    expect(phaseName(e)).toBe('explore');
    expect(modeOf(e)).toBe('explore');
    const view = mapViewOf(e);
    expect(view).toMatchObject({ kind: 'explore', layers: ['layer-2'], year: 2000 });
    expect(urlStateOf(e, 'x')).toMatchObject({ mode: 'explore', step: 's2', camera });

    const changed = run(
      e,
      { type: 'toggle-layer', id: 'layer-0', visible: true },
      { type: 'set-year', year: 1500 },
      { type: 'select', id: 'f1' },
    );
    expect(mapViewOf(changed)).toMatchObject({
      layers: ['layer-0', 'layer-2'],
      year: 1980,
      selected: 'f1',
    });

    const back = run(changed, { type: 'resume' });
    expect(phaseName(back)).toBe('story');
    expect(back.step).toBe(2);
    expect(back.run).toBe(s.run + 1);
    expect(mapViewOf(back)).toMatchObject({ kind: 'step', step: { id: 's2' } });
    // Exploring again starts from the step, not from the last explore view.
    expect(mapViewOf(run(back, { type: 'explore' }))).toMatchObject({ layers: ['layer-2'] });
  });

  it('a search result shows its layer, moves the year to when it existed and frames it', () => {
    const e = run(ready(), { type: 'explore' });
    const chosen = run(e, { type: 'choose-place', id: 'late' });
    const view = mapViewOf(chosen);
    expect(view).toMatchObject({ layers: ['layer-0', 'layer-3'], year: 2005, selected: 'late' });
    expect(view.kind === 'explore' && view.focus).toEqual({ ids: ['late'], seq: 1 });
  });

  it('a deep link into explore with a camera opens that view, and the step to resume', () => {
    const url = parseUrlState(
      '?mode=explore&step=s1&year=1995&layers=layer-3&camera=116.3,39.97,11.5',
    );
    const start = initialState({ story: 'x', ...(url.mode ? { mode: url.mode } : {}) });
    const s = run(
      start,
      linked({ step: url.step!, layers: url.layers!, year: url.year!, camera: url.camera! }),
      LOADED,
    );
    expect(phaseName(s)).toBe('explore');
    expect(s.run).toBe(start.run); // no step is played; the link's view is shown
    const view = mapViewOf(s);
    expect(view).toMatchObject({ kind: 'explore', layers: ['layer-3'], year: 1995 });
    expect(view.kind === 'explore' && view.camera?.to).toEqual(url.camera);
    // The URL written from the state reads back as the same view.
    const again = parseUrlState(formatUrlState('', urlStateOf(s, 'x')));
    expect(again).toMatchObject({ mode: 'explore', step: 's1', year: 1995, layers: ['layer-3'] });
    expect(again.camera).toEqual(url.camera);
    expect(run(s, { type: 'resume' }).step).toBe(1);
  });

  it('explore without a camera frames what it shows', () => {
    const s = run(initialState({ story: 'x', mode: 'explore' }), LOADED);
    const view = mapViewOf(s);
    expect(view.kind === 'explore' && view.focus).toEqual({ ids: ['layer-0'], seq: 1 });
  });

  it('the reader’s moves are remembered for the URL but never sent back to the map', () => {
    const e = run(ready(), { type: 'explore' });
    const camera = { center: [1, 2] as [number, number], zoom: 3, bearing: 0, pitch: 0 };
    const moved = run(e, { type: 'camera-moved', camera });
    expect(urlStateOf(moved, 'x').camera).toEqual(camera);
    const view = mapViewOf(moved);
    expect(view.kind === 'explore' && view.camera).toBeUndefined();
  });
});

describe('kiosk', () => {
  const kiosk = (lang = 'en') => ready({ mode: 'kiosk', lang });

  it('attract → visitor → countdown → reset: language, panels and step back to the exhibit’s', () => {
    let s = kiosk();
    expect(phaseName(s)).toBe('kiosk-attract');
    // The loop advances only while nobody is there, and wraps at the end.
    s = run(s, { type: 'kiosk-advance' }, { type: 'kiosk-advance' });
    expect(s.step).toBe(2);
    s = run(s, { type: 'toggle-lang' }); // chosen on the attract screen
    s = run(s, { type: 'kiosk-input' });
    expect(phaseName(s)).toBe('kiosk-visitor');
    expect(run(s, { type: 'kiosk-advance' })).toBe(s);
    s = run(s, { type: 'explore' }, { type: 'about', open: true });
    expect(modeOf(s)).toBe('kiosk');
    expect(exploringOf(s)).toBeDefined();
    s = run(s, { type: 'kiosk-idle', countdownEndsAt: 15_000 });
    expect(phaseName(s)).toBe('kiosk-countdown');
    const before = s.run;
    s = run(s, { type: 'kiosk-timeout' });
    expect(phaseName(s)).toBe('kiosk-attract');
    expect(s.lang).toBe('en');
    expect(s.about).toBe(false);
    expect(exploringOf(s)).toBeUndefined();
    expect(s.step).toBe(0);
    expect(s.run).toBe(before + 1);
  });

  it('any input during the countdown cancels it', () => {
    const s = run(kiosk(), { type: 'kiosk-input' }, { type: 'kiosk-idle', countdownEndsAt: 1 });
    const back = run(s, { type: 'kiosk-input' });
    expect(phaseName(back)).toBe('kiosk-visitor');
    expect(run(back, { type: 'kiosk-timeout' })).toBe(back);
  });

  it('the loop wraps from the last step to the first', () => {
    const last = run(kiosk(), { type: 'go', to: 'last' });
    expect(run(last, { type: 'kiosk-advance' }).step).toBe(0);
  });

  it('keeps the exhibit’s language as loaded, and leaves no explore view in the URL', () => {
    const s = run(kiosk('zh'), { type: 'kiosk-input' }, { type: 'explore' });
    expect(urlStateOf(s, 'x')).toMatchObject({
      mode: 'kiosk',
      lang: 'zh',
      camera: undefined,
    });
    expect(urlStateOf(s, 'x').layers).toBeUndefined();
  });
});

describe('language and context', () => {
  it('switching language mid-step keeps the step and the run', () => {
    const s = run(ready(), { type: 'go', to: 1 });
    const zh = run(s, { type: 'toggle-lang' });
    expect(zh.lang).toBe('zh');
    expect(zh.step).toBe(1);
    expect(zh.run).toBe(s.run);
    expect(mapViewOf(zh)).toMatchObject({ kind: 'step', lang: 'zh' });
    expect(announcementOf(zh)).toBe('第1步. 正文1。');
  });

  it('a lost and restored context draws the step again; exploring keeps its view', () => {
    const s = run(ready(), { type: 'go', to: 1 }, { type: 'settled', run: 2 });
    const again = run(s, { type: 'reapply' });
    expect(again.step).toBe(1);
    expect(again.run).toBe(s.run + 1);
    expect(again.settled).toBe(s.settled);
    const e = run(s, { type: 'explore' });
    expect(run(e, { type: 'reapply' })).toBe(e);
  });
});

describe('print', () => {
  it('pictures every step in turn from the first, then is ready; back returns to the step', () => {
    let s = run(ready(), { type: 'go', to: 2 });
    s = run(s, { type: 'configure', mode: 'print' });
    expect(phaseName(s)).toBe('print');
    expect(s.step).toBe(0);
    expect(mapViewOf(s)).toMatchObject({ kind: 'step', step: { id: 's0' } });
    expect(urlStateOf(s, 'x')).toMatchObject({ mode: 'print', step: 's2' });
    // The reader's keys do not move the handout; a stale picture does not advance it.
    expect(run(s, { type: 'go', to: 'next' })).toBe(s);
    expect(run(s, { type: 'print-captured', index: 3 })).toBe(s);
    for (let i = 0; i < 4; i++) s = run(s, { type: 'print-captured', index: i });
    expect(s.phase).toMatchObject({ name: 'print', ready: true });
    expect(s.step).toBe(3);
    const back = run(s, { type: 'resume' });
    expect(phaseName(back)).toBe('story');
    expect(back.step).toBe(2);
    expect(back.run).toBe(s.run + 1);
  });

  it('a print deep link starts on the first step once the story is ready', () => {
    const s = run(initialState({ story: 'x', mode: 'print' }), linked({ step: 's1' }), LOADED);
    expect(s.step).toBe(0);
    expect(s.phase).toMatchObject({ name: 'print', ready: false, from: 1 });
  });
});
