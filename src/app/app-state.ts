// The app's one state and the one pure function that changes it. <story-map> renders from
// the state, the map controller applies the view derived from it, the URL is written from
// it; every input (a click, a key, a timer, the map arriving) becomes an AppEvent.
// No DOM, no MapLibre: tested like the navigator, in tests/unit/app-state.test.ts.
import type { CameraState } from '../map/map-view';
import type { Story } from '../story/model';
import { LANGUAGES, type Lang } from '../story/schema';
import { targetIndex, type StepTarget } from '../story/navigator';

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

export interface AppState {
  /** The story file's URL, as given. */
  story: string;
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

export type AppEvent =
  /** An attribute, a property or the URL: any of them may change at any time. */
  | { type: 'configure'; story?: string; basemap?: string | null; mode?: string; lang?: string }
  | {
      type: 'story-loaded';
      step?: number;
      explore?: ExploreLink;
      /** Every layer of the story, for framing its extent. */
      layerIds: string[];
      warnings: string[];
      noMap?: string;
    }
  | { type: 'story-failed'; messages: string[] }
  /** The live preview: a saved version of the story replaced the one shown; `step` is where the reader was. */
  | { type: 'story-replaced'; step: number; warnings: string[] }
  /** The live preview: a saved version has errors, so the one shown stays. */
  | { type: 'story-rejected'; messages: string[] }
  | { type: 'warn'; messages: string[] }
  /** `scrolled`: the scroll reader's position made the step active (no page scroll to it). */
  | { type: 'go'; to: StepTarget; force?: boolean; scrolled?: boolean }
  | { type: 'explore'; camera?: CameraState }
  | { type: 'resume' }
  | { type: 'toggle-lang' }
  | { type: 'about'; open: boolean }
  | { type: 'toggle-layer'; id: string; visible: boolean; order: readonly string[] }
  | { type: 'set-year'; year: number }
  | { type: 'select'; id?: string }
  | {
      type: 'choose-place';
      id: string;
      layerId: string;
      since?: number;
      until?: number;
      order: readonly string[];
    }
  | { type: 'user-layer-added'; id: string; order: readonly string[] }
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

export function transition(state: AppState, event: AppEvent, story?: Story): AppState {
  switch (event.type) {
    case 'configure':
      return configure(state, event);
    case 'story-loaded':
      return story ? storyLoaded(state, event, story) : state;
    case 'story-failed':
      return { ...state, load: 'failed', errors: event.messages };
    case 'story-replaced':
      return story && state.load === 'ready' ? storyReplaced(state, event, story) : state;
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
        layers: toggled(
          e.layers ?? currentLayers(state, story),
          event.id,
          event.visible,
          event.order,
        ),
      }));
    case 'set-year':
      return updateExplore(state, (e) => ({ ...e, year: clampYear(event.year, story) }));
    case 'select':
      return updateExplore(state, (e) => ({ ...e, selected: event.id }));
    case 'choose-place':
      return updateExplore(state, (e) => {
        const year = e.year ?? currentYear(state, story);
        const outside =
          year !== undefined &&
          ((event.since !== undefined && year < event.since) ||
            (event.until !== undefined && year > event.until));
        return {
          ...e,
          layers: toggled(
            e.layers ?? currentLayers(state, story),
            event.layerId,
            true,
            event.order,
          ),
          ...(outside ? { year: event.since ?? event.until } : {}),
          selected: event.id,
          focus: { ids: [event.id], seq: (e.focus?.seq ?? 0) + 1 },
        };
      });
    case 'user-layer-added':
      return updateExplore(state, (e) => ({
        ...e,
        layers: toggled(e.layers ?? currentLayers(state, story), event.id, true, event.order),
        focus: { ids: [event.id], seq: (e.focus?.seq ?? 0) + 1 },
      }));
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
    const { noMap: dropped, ...rest } = next;
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
  story: Story,
): AppState {
  const lang = story.languages.includes(state.lang) ? state.lang : story.languages[0]!;
  const step = event.step !== undefined && story.steps[event.step] ? event.step : 0;
  let next: AppState = {
    ...state,
    lang,
    load: 'ready',
    ...(event.noMap ? { noMap: event.noMap } : {}),
    step,
    settled: -1,
    errors: [],
    warnings: [...state.warnings, ...event.warnings],
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
    const link = event.explore ?? {};
    const shown = link.layers ?? story.steps[step]!.layers;
    const explore: Exploring = {
      ...(link.layers ? { layers: link.layers } : {}),
      ...(link.year !== undefined ? { year: clampYear(link.year, story) } : {}),
      ...(link.camera
        ? { camera: link.camera, cameraSeq: 1 }
        : { cameraSeq: 0, focus: { ids: shown.length ? shown : event.layerIds, seq: 1 } }),
    };
    return { ...next, phase: { name: 'explore', explore } };
  }
  return rerun(next);
}

/** The same place in the new version: the step again (or the last one, if it went), drawn afresh. */
function storyReplaced(
  state: AppState,
  event: Extract<AppEvent, { type: 'story-replaced' }>,
  story: Story,
): AppState {
  const step = Math.max(0, Math.min(event.step, story.steps.length - 1));
  const next: AppState = { ...state, step, warnings: event.warnings, editErrors: [] };
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

function currentLayers(state: AppState, story: Story | undefined): string[] {
  return [...(story?.steps[state.step]?.layers ?? [])];
}

function currentYear(state: AppState, story: Story | undefined): number | undefined {
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
  if (!story) return year;
  return Math.min(story.lastYear, Math.max(story.firstYear, year));
}
