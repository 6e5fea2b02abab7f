// The app's one state and the one pure function that changes it. <story-map> renders from
// the state, the map controller applies the view derived from it, the URL is written from
// it; every input (a click, a key, a timer, the map arriving, the story's files read)
// becomes an AppEvent. The story's data is part of the state: the loader reports what it
// read as events, and only `transition` builds the feature index from them.
// No DOM, no MapLibre: tested like the navigator, in tests/unit/app-state.test.ts.
import type { CameraState } from '../map/map-view';
import type { Story } from '../story/model';
import { LANGUAGES, type Lang } from '../story/schema';
import { resolveStep, targetIndex, type StepTarget } from '../story/navigator';
import { FeatureIndex } from '../geo/feature-index';
import { USER_LAYER_PREFIX } from '../geo/user-geojson';
import { formatError, type DataError } from '../story/errors';
import type { LayerGroupInfo, LoadedLayer } from '../story/load-story';

export const MODES = ['story', 'scroll', 'explore', 'kiosk', 'print'] as const;
export type Mode = (typeof MODES)[number];

/** Who is at a kiosk: nobody (the attract loop), a visitor, or a visitor who may have left. */
export type Presence = 'attract' | 'visitor' | 'countdown';

/**
 * The free map. Layers and year left undefined are "as the step was": entering explore
 * copies nothing, and the first toggle or slider move makes them the reader's own.
 */
export interface Exploring {
  layers?: string[];
  year?: number;
  /** The feature whose card is open. */
  selected?: string;
  /** Where the camera is, for the URL: the reader's moves, or a deep link's camera. */
  camera?: CameraState;
  /** Bumped when the app itself wants the camera at `camera` (a deep link). */
  cameraSeq: number;
  /** Layers or features to frame (a search result, a reader's file). */
  focus?: { ids: string[]; seq: number };
}

export type Phase =
  | { name: 'story' }
  /** The story read by scrolling a page (issue #22): the page's position picks the step. */
  | { name: 'scroll' }
  /** `from`: the mode "Resume story" returns to (a scroll reader's explore returns to scrolling). */
  | { name: 'explore'; explore: Exploring; from?: 'scroll' }
  | {
      name: 'kiosk';
      presence: Presence;
      /** Page-clock time (ms) at which the walk-away countdown ends. */
      countdownEndsAt?: number;
      /** The exhibit's own language: every reset returns to it. */
      exhibitLang: Lang;
      /** A visitor exploring; the mode stays 'kiosk' so a reload stays an exhibit. */
      explore?: Exploring;
    }
  | {
      /** The handout: every step is drawn in turn (the current step) and pictured. */
      name: 'print';
      /** Every step has its picture. */
      ready: boolean;
      /** The step the reader was on, where "Back to the story" returns. */
      from: number;
    };

/**
 * The story being shown and everything read for it so far: one immutable value, replaced
 * (never changed in place) by the events that bring its parts, `version` bumped each time.
 */
export interface StoryData {
  version: number;
  story: Story;
  /** The manifest's groups in its order (the explore panel's headings). */
  groups: readonly LayerGroupInfo[];
  /** Every layer the manifest declares, in its order, read or not. */
  layerIds: readonly string[];
  /** The layers read so far, the story's in manifest order and then the reader's own. */
  index: FeatureIndex;
}

/** What a deep link opens: a step, and in explore its view. Taken by the story's first load. */
export interface DeepLink extends ExploreLink {
  step?: string;
}

export interface AppState {
  /** The story file's URL, as given. */
  story: string;
  /** The story's data once it is loaded (and while it stays shown). */
  data?: StoryData;
  /** The deep link the page opened with, until a story has loaded and used it. */
  link?: DeepLink;
  basemap?: string;
  lang: Lang;
  phase: Phase;
  load: 'loading' | 'ready' | 'failed';
  /** Why the map cannot be drawn (no WebGL); the story is then shown as text. */
  noMap?: string;
  /** The current step, -1 until the story is ready. */
  step: number;
  /** Bumped whenever the current step's declared state must be applied (again). */
  run: number;
  /** The last run whose camera arrived and whose map went idle. */
  settled: number;
  about: boolean;
  errors: string[];
  warnings: string[];
  /** The live preview: why the last saved version of the story was refused (it still shows the one before). */
  editErrors: string[];
}

/** What a deep link says about the explore view. */
export interface ExploreLink {
  layers?: string[];
  year?: number;
  camera?: CameraState;
}

/** What the loader read: the story, its manifest's groups and the layers of its first view. */
export interface ReadStory {
  story: Story;
  groups: readonly LayerGroupInfo[];
  layers: readonly LoadedLayer[];
  /** Every layer id the manifest declares, in its order. */
  layerIds: readonly string[];
  /** Problems with single layers, or references to them: the story still runs. */
  warnings: readonly DataError[];
}

export type AppEvent =
  /** An attribute, a property or the URL: any of them may change at any time. */
  | {
      type: 'configure';
      story?: string;
      basemap?: string | null;
      mode?: string;
      lang?: string;
      /** The page URL's step and explore view, for the first load. */
      link?: DeepLink;
    }
  | { type: 'story-loaded'; read: ReadStory; noMap?: string }
  /** More of the story's layers were read. */
  | { type: 'layers-arrived'; layers: readonly LoadedLayer[] }
  | { type: 'story-failed'; messages: string[] }
  /** The live preview: a saved version of the story replaced the one shown, on the same step. */
  | { type: 'story-replaced'; read: ReadStory }
  /** The live preview: a saved version has errors, so the one shown stays. */
  | { type: 'story-rejected'; messages: string[] }
  | { type: 'warn'; messages: string[] }
  /** `scrolled`: the scroll reader's position made the step active (no page scroll to it). */
  | { type: 'go'; to: StepTarget; force?: boolean; scrolled?: boolean }
  | { type: 'explore'; camera?: CameraState }
  | { type: 'resume' }
  | { type: 'toggle-lang' }
  | { type: 'about'; open: boolean }
  | { type: 'toggle-layer'; id: string; visible: boolean }
  | { type: 'set-year'; year: number }
  | { type: 'select'; id?: string }
  /** A search result: its layer shown, the year moved to when it existed, its card open. */
  | { type: 'choose-place'; id: string }
  /** A reader's own file, validated: a layer of theirs, shown and framed. */
  | { type: 'user-layer-added'; layer: LoadedLayer }
  | { type: 'camera-moved'; camera: CameraState }
  | { type: 'settled'; run: number }
  /** The map lost and regained its drawing context, or was rebuilt: draw the step again. */
  | { type: 'reapply' }
  | { type: 'kiosk-input' }
  | { type: 'kiosk-idle'; countdownEndsAt: number }
  | { type: 'kiosk-timeout' }
  | { type: 'kiosk-advance' }
  /** The handout has the picture of step `index`: on to the next, or done. */
  | { type: 'print-captured'; index: number };

export interface InitialConfig {
  story: string;
  mode?: string;
  lang?: string;
  basemap?: string;
}

const isLang = (v: unknown): v is Lang => LANGUAGES.includes(v as Lang);
const isMode = (v: unknown): v is Mode => MODES.includes(v as Mode);

export function initialState(config: InitialConfig): AppState {
  const lang = isLang(config.lang) ? config.lang : 'en';
  const base: AppState = {
    story: config.story,
    ...(config.basemap ? { basemap: config.basemap } : {}),
    lang,
    phase: { name: 'story' },
    load: 'loading',
    step: -1,
    run: 0,
    settled: -1,
    about: false,
    errors: [],
    warnings: [],
    editErrors: [],
  };
  return isMode(config.mode) ? withMode(base, config.mode) : base;
}

/** The public `mode`. */
export function modeOf(state: AppState): Mode {
  return state.phase.name;
}

/** The explore view when the map is free, in explore mode or for a kiosk visitor. */
export function exploringOf(state: AppState): Exploring | undefined {
  const { phase } = state;
  return phase.name === 'explore' || phase.name === 'kiosk' ? phase.explore : undefined;
}

/** One name for where the app is, for docs, tests and the technician's view. */
export function phaseName(
  state: AppState,
):
  | 'loading'
  | 'failed'
  | 'story'
  | 'scroll'
  | 'explore'
  | 'kiosk-attract'
  | 'kiosk-visitor'
  | 'kiosk-countdown'
  | 'print' {
  if (state.load !== 'ready') return state.load;
  const { phase } = state;
  return phase.name === 'kiosk' ? `kiosk-${phase.presence}` : phase.name;
}

export function transition(state: AppState, event: AppEvent): AppState {
  const story = state.data?.story;
  switch (event.type) {
    case 'configure':
      return configure(state, event);
    case 'story-loaded':
      return storyLoaded(state, event);
    case 'layers-arrived':
      return withData(state, (d) => ({ ...d, index: d.index.with(event.layers) }));
    case 'story-failed':
      return { ...state, load: 'failed', errors: event.messages };
    case 'story-replaced':
      return story && state.load === 'ready' ? storyReplaced(state, event.read) : state;
    case 'story-rejected':
      return state.load === 'ready' ? { ...state, editErrors: event.messages } : state;
    case 'warn':
      return event.messages.length
        ? { ...state, warnings: [...state.warnings, ...event.messages] }
        : state;
    case 'go':
      // The handout moves through the steps by itself.
      return story && state.load === 'ready' && state.phase.name !== 'print'
        ? go(state, event, story)
        : state;
    case 'explore':
      return enterExplore(state, event.camera);
    case 'resume':
      return state.phase.name === 'print' ? withMode(state, 'story') : leaveExplore(state);
    case 'toggle-lang':
      return { ...state, lang: state.lang === 'en' ? 'zh' : 'en' };
    case 'about':
      return event.open === state.about ? state : { ...state, about: event.open };
    case 'toggle-layer':
      return updateExplore(state, (e) => ({
        ...e,
        layers: toggled(e.layers ?? currentLayers(state), event.id, event.visible, order(state)),
      }));
    case 'set-year':
      return updateExplore(state, (e) => ({ ...e, year: clampYear(event.year, story) }));
    case 'select':
      return updateExplore(state, (e) => ({ ...e, selected: event.id }));
    case 'choose-place':
      return choosePlace(state, event.id);
    case 'user-layer-added': {
      const id = event.layer.meta.id;
      if (!exploringOf(state) || !state.data || state.data.index.layer(id)) return state;
      const next = withData(state, (d) => ({ ...d, index: d.index.with([event.layer]) }));
      return updateExplore(next, (e) => ({
        ...e,
        layers: toggled(e.layers ?? currentLayers(next), id, true, order(next)),
        focus: { ids: [id], seq: (e.focus?.seq ?? 0) + 1 },
      }));
    }
    case 'camera-moved':
      return updateExplore(state, (e) => ({ ...e, camera: event.camera }));
    case 'settled':
      return event.run === state.run && state.settled !== event.run
        ? { ...state, settled: event.run }
        : state;
    case 'reapply':
      return state.load === 'ready' && !exploringOf(state) ? rerun(state) : state;
    case 'kiosk-input':
      return updateKiosk(state, (k) =>
        k.presence === 'visitor' ? k : { ...k, presence: 'visitor', countdownEndsAt: undefined },
      );
    case 'kiosk-idle':
      return updateKiosk(state, (k) =>
        k.presence === 'visitor'
          ? { ...k, presence: 'countdown', countdownEndsAt: event.countdownEndsAt }
          : k,
      );
    case 'kiosk-timeout':
      return state.phase.name === 'kiosk' && state.phase.presence === 'countdown'
        ? resetKiosk(state, state.phase.exhibitLang)
        : state;
    case 'kiosk-advance': {
      if (state.phase.name !== 'kiosk' || state.phase.presence !== 'attract' || !story)
        return state;
      if (state.load !== 'ready') return state;
      return rerun({ ...state, step: (state.step + 1) % story.steps.length });
    }
    case 'print-captured': {
      const { phase } = state;
      if (phase.name !== 'print' || phase.ready || event.index !== state.step || !story)
        return state;
      if (state.step + 1 >= story.steps.length)
        return { ...state, phase: { ...phase, ready: true } };
      return rerun({ ...state, step: state.step + 1 });
    }
  }
}

function configure(state: AppState, event: Extract<AppEvent, { type: 'configure' }>): AppState {
  let next = state;
  if (event.link) next = { ...next, link: event.link };
  if (isLang(event.lang) && event.lang !== next.lang) next = { ...next, lang: event.lang };
  if (isMode(event.mode)) next = withMode(next, event.mode);
  // A new basemap only redraws the map; the story stays where it is.
  const basemap = event.basemap === null ? undefined : event.basemap;
  if (event.basemap !== undefined && basemap !== next.basemap) {
    const { basemap: dropped, ...rest } = next;
    next = { ...rest, ...(basemap !== undefined ? { basemap } : {}) };
  }
  if (event.story !== undefined && event.story !== next.story) {
    // A new story loads afresh; the mode and language stay.
    const { noMap: dropped, data: old, ...rest } = next;
    next = {
      ...rest,
      story: event.story,
      phase: freshPhase(next.phase),
      load: 'loading',
      step: -1,
      errors: [],
      warnings: [],
    };
  }
  return next;
}

/** The same mode with nothing left of the previous story's explore view. */
function freshPhase(phase: Phase): Phase {
  if (phase.name === 'explore') return { name: 'explore', explore: { cameraSeq: 0 } };
  if (phase.name === 'kiosk')
    return { name: 'kiosk', presence: 'attract', exhibitLang: phase.exhibitLang };
  if (phase.name === 'print') return { name: 'print', ready: false, from: 0 };
  return phase;
}

function withMode(state: AppState, mode: Mode): AppState {
  if (mode === state.phase.name) return state;
  const wasExploring = exploringOf(state) !== undefined;
  if (mode === 'print') {
    // The handout pictures every step from the first; the reader's step is kept to return to.
    const next: AppState = {
      ...state,
      phase: { name: 'print', ready: false, from: Math.max(0, state.step) },
    };
    return state.load === 'ready' ? rerun({ ...next, step: 0 }) : next;
  }
  if (state.phase.name === 'print') {
    const back: AppState = { ...state, step: state.phase.from, phase: { name: 'story' } };
    return withMode(back.load === 'ready' ? rerun(back) : back, mode);
  }
  if (mode === 'kiosk') {
    const next: AppState = {
      ...state,
      phase: { name: 'kiosk', presence: 'attract', exhibitLang: state.lang },
    };
    return wasExploring && state.load === 'ready' ? rerun(next) : next;
  }
  if (mode === 'explore') return enterExplore({ ...state, phase: { name: 'story' } }, undefined);
  const next: AppState = { ...state, phase: { name: mode === 'scroll' ? 'scroll' : 'story' } };
  return wasExploring && state.load === 'ready' ? rerun(next) : next;
}

function storyLoaded(
  state: AppState,
  event: Extract<AppEvent, { type: 'story-loaded' }>,
): AppState {
  const { read } = event;
  const { story } = read;
  const { link: used, ...rest } = state;
  const link = used ?? {};
  const lang = story.languages.includes(state.lang) ? state.lang : story.languages[0]!;
  const linked = link.step !== undefined ? resolveStep(story.steps, link.step) : undefined;
  const step = linked ?? 0;
  let next: AppState = {
    ...rest,
    data: {
      version: (state.data?.version ?? 0) + 1,
      story,
      groups: read.groups,
      layerIds: read.layerIds,
      index: new FeatureIndex(read.layers),
    },
    lang,
    load: 'ready',
    ...(event.noMap ? { noMap: event.noMap } : {}),
    step,
    settled: -1,
    errors: [],
    warnings: [...state.warnings, ...read.warnings.map(formatError)],
  };
  const { phase } = next;
  if (phase.name === 'kiosk') next = { ...next, phase: { ...phase, exhibitLang: lang } };
  if (phase.name === 'print')
    // Without a map (no WebGL) the handout is text only, and ready at once.
    return rerun({
      ...next,
      step: 0,
      phase: { ...phase, from: step, ready: Boolean(event.noMap) },
    });
  if (phase.name === 'explore') {
    // Explore opens on the view in the link; without a camera, on the extent of what it
    // shows (or of the whole story). The step is where "Resume story" returns.
    const shown = link.layers ?? story.steps[step]!.layers;
    const explore: Exploring = {
      ...(link.layers ? { layers: link.layers } : {}),
      ...(link.year !== undefined ? { year: clampYear(link.year, story) } : {}),
      ...(link.camera
        ? { camera: link.camera, cameraSeq: 1 }
        : {
            cameraSeq: 0,
            focus: { ids: shown.length ? shown : [...read.layerIds], seq: 1 },
          }),
    };
    return { ...next, phase: { name: 'explore', explore } };
  }
  return rerun(next);
}

/**
 * The same place in the new version: the step again (or the last one, if it went), drawn
 * afresh. The new version's warnings replace the old one's; the reader's own layers stay.
 */
function storyReplaced(state: AppState, read: ReadStory): AppState {
  const { story } = read;
  const old = state.data!;
  const id = old.story.steps[state.step]?.id;
  const same = story.steps.findIndex((s) => s.id === id);
  const step = Math.max(0, Math.min(same >= 0 ? same : state.step, story.steps.length - 1));
  const own = old.index.layers.filter((l) => l.meta.id.startsWith(USER_LAYER_PREFIX));
  const next: AppState = {
    ...state,
    data: {
      version: old.version + 1,
      story,
      groups: read.groups,
      layerIds: read.layerIds,
      index: new FeatureIndex([...read.layers, ...own]),
    },
    step,
    warnings: read.warnings.map(formatError),
    editErrors: [],
  };
  const { phase } = next;
  // A handout in the making starts again from its first picture.
  if (phase.name === 'print') return rerun({ ...next, step: 0, phase: { ...phase, ready: false } });
  return exploringOf(next) ? next : rerun(next);
}

function go(state: AppState, event: Extract<AppEvent, { type: 'go' }>, story: Story): AppState {
  const index = targetIndex(state.step, event.to, story.steps.length);
  const exploring = exploringOf(state) !== undefined;
  // Like the navigator: no new move to the step the story is already on, unless forced.
  if (index === state.step && !event.force && !exploring) return state;
  return rerun({ ...withoutExplore(state), step: index });
}

function enterExplore(state: AppState, camera: CameraState | undefined): AppState {
  if (exploringOf(state)) return state;
  const explore: Exploring = { cameraSeq: 0, ...(camera ? { camera } : {}) };
  if (state.phase.name === 'kiosk') return { ...state, phase: { ...state.phase, explore } };
  const from = state.phase.name === 'scroll' ? { from: 'scroll' as const } : {};
  return { ...state, phase: { name: 'explore', explore, ...from } };
}

/** Resume: the step's declared state brings back exactly what the reader left. */
function leaveExplore(state: AppState): AppState {
  if (!exploringOf(state)) return state;
  const next = withoutExplore(state);
  return next.load === 'ready' ? rerun(next) : next;
}

function withoutExplore(state: AppState): AppState {
  const { phase } = state;
  if (phase.name === 'explore') return { ...state, phase: { name: phase.from ?? 'story' } };
  if (phase.name === 'kiosk' && phase.explore) {
    const { explore: dropped, ...kiosk } = phase;
    return { ...state, phase: kiosk };
  }
  return state;
}

/** Everything back to how the exhibit starts: language, panels, the first step, the loop. */
function resetKiosk(state: AppState, exhibitLang: Lang): AppState {
  return rerun({
    ...state,
    lang: exhibitLang,
    about: false,
    step: 0,
    phase: { name: 'kiosk', presence: 'attract', exhibitLang },
  });
}

function rerun(state: AppState): AppState {
  return { ...state, run: state.run + 1 };
}

function updateExplore(state: AppState, change: (e: Exploring) => Exploring): AppState {
  const explore = exploringOf(state);
  if (!explore) return state;
  const next = change(explore);
  const phase = state.phase as Extract<Phase, { name: 'explore' | 'kiosk' }>;
  return { ...state, phase: { ...phase, explore: next } as Phase };
}

function updateKiosk(
  state: AppState,
  change: (k: Extract<Phase, { name: 'kiosk' }>) => Extract<Phase, { name: 'kiosk' }>,
): AppState {
  if (state.phase.name !== 'kiosk') return state;
  const next = change(state.phase);
  return next === state.phase ? state : { ...state, phase: next };
}

function withData(state: AppState, change: (d: StoryData) => StoryData): AppState {
  const data = state.data;
  if (!data) return state;
  const next = change(data);
  return next.index === data.index && next.story === data.story
    ? state
    : { ...state, data: { ...next, version: data.version + 1 } };
}

/** A search result: its layer shown, the year moved to when it existed, its card open. */
function choosePlace(state: AppState, id: string): AppState {
  const entry = state.data?.index.feature(id);
  if (!entry) return state;
  const p = entry.feature.properties ?? {};
  const since = typeof p.since === 'number' ? p.since : undefined;
  const until = typeof p.until === 'number' ? p.until : undefined;
  return updateExplore(state, (e) => {
    const year = e.year ?? currentYear(state);
    const outside =
      year !== undefined &&
      ((since !== undefined && year < since) || (until !== undefined && year > until));
    return {
      ...e,
      layers: toggled(e.layers ?? currentLayers(state), entry.layerId, true, order(state)),
      ...(outside ? { year: since ?? until } : {}),
      selected: id,
      focus: { ids: [id], seq: (e.focus?.seq ?? 0) + 1 },
    };
  });
}

/** The layers' order: the story's manifest order, then the reader's own. */
function order(state: AppState): string[] {
  return (state.data?.index.layers ?? []).map((l) => l.meta.id);
}

function currentLayers(state: AppState): string[] {
  return [...(state.data?.story.steps[state.step]?.layers ?? [])];
}

function currentYear(state: AppState): number | undefined {
  const story = state.data?.story;
  const year = story?.steps[state.step]?.mapYear;
  return year === undefined ? undefined : clampYear(year, story);
}

/** A layer list with `id` on or off, in the story's own layer order. */
function toggled(
  layers: readonly string[],
  id: string,
  visible: boolean,
  order: readonly string[],
): string[] {
  const set = new Set(layers);
  if (visible) set.add(id);
  else set.delete(id);
  const ordered = order.filter((l) => set.has(l));
  return [...ordered, ...[...set].filter((l) => !order.includes(l))];
}

export function clampYear(year: number, story: Story | undefined): number {
  if (story?.firstYear === undefined || story.lastYear === undefined) return year;
  return Math.min(story.lastYear, Math.max(story.firstYear, year));
}
