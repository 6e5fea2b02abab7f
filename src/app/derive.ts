// What the state means for the map, the URL and the screen reader: pure functions of the
// app state (its story data included), so nothing derived is ever stored.
import type { MapView } from '../map/map-view';
import { localize } from '../story/model';
import { plainText } from '../story/markdown';
import { USER_LAYER_PREFIX } from '../geo/user-geojson';
import { clampYear, exploringOf, modeOf, type AppState } from './app-state';
import type { UrlState } from './url-state';

export function mapViewOf(state: AppState): MapView {
  const lang = state.lang;
  const data = state.data;
  const story = data?.story;
  const step = story?.steps[state.step];
  if (state.load !== 'ready' || !data || !step) return { kind: 'idle', lang };
  const { index } = data;
  const explore = exploringOf(state);
  if (!explore) return { kind: 'step', lang, index, step, run: state.run };
  const year = explore.year ?? step.mapYear;
  return {
    kind: 'explore',
    lang,
    index,
    layers: explore.layers ?? step.layers,
    ...(year !== undefined ? { year: clampYear(year, story) } : {}),
    ...(explore.selected ? { selected: explore.selected } : {}),
    ...(explore.camera && explore.cameraSeq > 0
      ? { camera: { to: explore.camera, seq: explore.cameraSeq } }
      : {}),
    ...(explore.focus ? { focus: explore.focus } : {}),
  };
}

/**
 * Where the reader is, as URL parameters. In a story the step says it all; in explore the
 * URL also holds the view. A kiosk's visitor leaves no trace in the URL: a reload is the
 * exhibit again.
 */
export function urlStateOf(state: AppState, defaultStory: string): UrlState {
  const view = mapViewOf(state);
  const story = state.data?.story;
  const explore = state.phase.name === 'explore' && view.kind === 'explore';
  const camera = explore ? exploringOf(state)?.camera : undefined;
  return {
    mode: modeOf(state),
    lang: state.lang,
    // The handout pictures every step in turn; its link names the step the reader came from.
    step: story?.steps[state.phase.name === 'print' ? state.phase.from : state.step]?.id,
    story: state.story !== defaultStory ? state.story : undefined,
    basemap: state.basemap,
    year: explore ? view.year : undefined,
    layers: explore ? view.layers.filter((id) => !id.startsWith(USER_LAYER_PREFIX)) : undefined,
    camera,
  };
}

/** A step's title and text in the current language (the kiosk's dwell reads them). */
export function stepTextOf(state: AppState, index: number): { title: string; body: string } {
  const step = state.data?.story.steps[index];
  return { title: localize(step?.title, state.lang), body: localize(step?.body, state.lang) };
}

/** What a screen reader hears when a step starts or the language changes. */
export function announcementOf(state: AppState): string {
  const step = state.data?.story.steps[state.step];
  if (!step || state.load !== 'ready') return '';
  const body = plainText(localize(step.body, state.lang));
  const summary = body.split(/(?<=[.!?。！？])\s*/)[0] ?? '';
  return `${localize(step.title, state.lang)}. ${summary}`;
}
