// <story-map>: the root element, a thin shell. It keeps the one app state (app-state.ts),
// feeds every input through the pure `transition`, and after each change applies the
// derived map view, writes the URL, sends its public events and re-renders.
//
// Attributes/properties: story (URL of a story file), mode ('story'|'explore'|'kiosk'),
//   lang ('en'|'zh'), basemap (URL of a MapLibre style or .pmtiles archive, optional),
//   sync-url (boolean: read and write the page URL; on for the app page, off for embeds)
// Read-only: map (MapLibre Map once ready), steps ({ id, year, title }[]), stepIndex
// Methods: goTo(indexOrId), next(), prev()
// @fires story-ready { steps } - the story and its first view's layers are loaded (the rest follow)
// @fires step-change { index, id } - a step starts
// @fires step-settled { index, id } - its camera arrived, its layers are applied, the map is idle
// @fires story-error { messages } - the story cannot be opened
import { LitElement } from 'lit';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { mapLibreStyles } from '../map/map-styles';
import { resolveStep, targetIndex } from '../story/navigator';
import { localize } from '../story/model';
import type { FeatureIndex } from '../geo/feature-index';
import { KioskController } from '../kiosk/kiosk-controller';
import { UpdateController } from '../offline/update-controller';
import type { UiEventMap } from '../ui/events';
import {
  exploringOf,
  initialState,
  modeOf,
  transition,
  type AppEvent,
  type AppState,
} from './app-state';
import { urlStateOf } from './derive';
import { formatUrlState, parseUrlState, type UrlState } from './url-state';
import { ExploreController } from './explore-controller';
import { KeyboardController } from './keyboard-controller';
import { LayoutController } from './layout-controller';
import { MapSession, type DeepLink } from './map-session';
import { renderStoryMap } from './story-map.view';
import { emitPublic } from './story-events';
import { storyMapStyles } from './story-map.styles';
import { PrintController } from './print-controller';
import { StudioController, studioProblems } from './studio-controller';
import { ScrollController } from './scroll-controller';
import { scrollStyles } from './scroll-styles';

import { DEFAULT_STORY } from '../embed/asset-url';
export { DEFAULT_STORY };

export class StoryMap extends LitElement {
  static override properties = {
    story: { type: String, reflect: true, noAccessor: true },
    mode: { type: String, reflect: true, noAccessor: true },
    lang: { type: String, reflect: true, noAccessor: true },
    basemap: { type: String, noAccessor: true },
    syncUrl: { type: Boolean, attribute: 'sync-url' },
  };

  declare syncUrl: boolean;
  #state: AppState = initialState({ story: DEFAULT_STORY });
  /** What the page URL asked for at start-up: the step and explore view to open, kiosk tuning. */
  #deepLink: UrlState = {};
  readonly #layout = new LayoutController(this);
  readonly #studio = new StudioController(
    this,
    () => this.#deepLink.studio === true,
    () => void this.#session.replaceStory(),
  );
  readonly #session = new MapSession(this, this.#layout, () => this.#takeDeepLink(), this.#studio);
  readonly #kiosk = new KioskController(this, () => ({
    idleSeconds: this.#deepLink.idle ?? 60,
    countdownSeconds: this.#deepLink.countdown ?? 15,
    ...(this.#deepLink.dwell ? { dwellSeconds: this.#deepLink.dwell } : {}),
  }));

  readonly #print = new PrintController(this);
  readonly #update = new UpdateController(this, () => ({ status: this.#deepLink.status === true }));
  readonly #scroll = new ScrollController(this);

  constructor() {
    super();
    this.syncUrl = false;
    // Reflected from the start, so styles can rely on [mode] and [lang].
    this.requestUpdate('mode', undefined);
    this.requestUpdate('lang', undefined);
    new ExploreController(this);
    new KeyboardController(this);
    // Story controls anywhere inside (card, header, timeline, feature card, About) bubble here.
    this.addEventListener('ui-nav', this.#onNav);
    this.addEventListener('ui-jump', this.#onJump);
    this.addEventListener('ui-print', () => window.print());
    this.addEventListener('ui-studio-fit', () => this.#session.frameHighlighted());
    this.addEventListener('ui-kiosk-lang', (e) => this.#configure('lang', { lang: e.detail.lang }));
    this.addEventListener('ui-scroll-motion', (e) => this.#scroll.setWholeSteps(e.detail.whole));
  }

  // ---- public contract -------------------------------------------------------------

  get story(): string {
    return this.#state.story;
  }
  set story(value: string) {
    this.#configure('story', { story: value || DEFAULT_STORY });
  }
  get mode(): string {
    return modeOf(this.#state);
  }
  set mode(value: string) {
    // Explore starts where the camera is, so the URL can say so at once.
    if (value === 'explore' && this.#session.controller?.map) this.#openExplore();
    else this.#configure('mode', { mode: value });
  }
  override get lang(): string {
    return this.#state.lang;
  }
  override set lang(value: string) {
    this.#configure('lang', { lang: value });
  }
  get basemap(): string | undefined {
    return this.#state.basemap;
  }
  set basemap(value: string | undefined) {
    this.#configure('basemap', { basemap: value || null });
  }

  get map(): MapLibreMap | undefined {
    return this.#session.controller?.map;
  }

  get steps(): { id: string; year: number; title: string }[] {
    return (this.#session.loaded?.story.steps ?? []).map((s) => ({
      id: s.id,
      year: s.year,
      title: localize(s.title, this.#state.lang),
    }));
  }

  get stepIndex(): number {
    return this.#state.load === 'ready' ? this.#state.step : -1;
  }

  goTo(target: number | string): boolean {
    const steps = this.#session.loaded?.story.steps;
    const index = steps ? resolveStep(steps, target) : undefined;
    if (index === undefined) return false;
    this.dispatch({ type: 'go', to: index });
    return true;
  }

  next(): boolean {
    return this.#moved(() => this.dispatch({ type: 'go', to: 'next' }));
  }

  prev(): boolean {
    return this.#moved(() => this.dispatch({ type: 'go', to: 'prev' }));
  }

  // ---- what the controllers read ----------------------------------------------------

  get appState(): AppState {
    return this.#state;
  }
  get featureIndex(): FeatureIndex | undefined {
    return this.#session.index;
  }
  get exploringNow(): boolean {
    return exploringOf(this.#state) !== undefined;
  }
  get printingNow(): boolean {
    return this.#state.phase.name === 'print';
  }
  currentCamera() {
    const controller = this.#session.controller;
    return controller?.map ? controller.camera : undefined;
  }
  captureMap(): Promise<string | undefined> {
    return this.#session.controller?.capture() ?? Promise.resolve(undefined);
  }
  stepText(index: number) {
    const step = this.#session.loaded?.story.steps[index];
    const lang = this.#state.lang;
    return { title: localize(step?.title, lang), body: localize(step?.body, lang) };
  }

  /** The scroll reader's map between step `index` and the next (the scroll controller's). */
  scrubMap(index: number, progress: number) {
    this.#session.scrub(index, progress);
  }
  get stepYears(): number[] {
    return (this.#session.loaded?.story.steps ?? []).map((s) => s.year);
  }

  /** The one way the state changes. */
  dispatch(event: AppEvent) {
    // In scroll mode the page's position is the step: a step asked for (a key, the timeline,
    // goTo) scrolls the page to its block, and the scroll then makes it active.
    const steps = this.#session.loaded?.story.steps;
    if (event.type === 'go' && !event.scrolled && this.#state.phase.name === 'scroll' && steps) {
      const index = targetIndex(this.#state.step, event.to, steps.length);
      if (this.#scroll.scrollToStep(index)) return;
    }
    const prev = this.#state;
    const next = transition(prev, event, this.#session.loaded?.story);
    if (next === prev) return;
    this.#state = next;
    for (const [name, before, after] of [
      ['story', prev.story, next.story],
      ['mode', modeOf(prev), modeOf(next)],
      ['lang', prev.lang, next.lang],
      ['basemap', prev.basemap, next.basemap],
    ] as const)
      if (before !== after) this.requestUpdate(name, before);
    this.requestUpdate();
    this.#effects(prev, next);
  }

  // ---- lifecycle ---------------------------------------------------------------------

  override connectedCallback() {
    if (this.syncUrl) this.#readUrl();
    super.connectedCallback();
  }

  protected override firstUpdated() {
    void this.#session.load();
  }

  #configure(
    name: 'story' | 'mode' | 'lang' | 'basemap',
    change: Omit<Extract<AppEvent, { type: 'configure' }>, 'type'>,
  ) {
    const before = this[name];
    this.dispatch({ type: 'configure', ...change });
    // A refused value (an unknown mode or language) is reflected back as the current one.
    if (this[name] === before) this.requestUpdate(name, change[name] ?? undefined);
  }

  #moved(act: () => void): boolean {
    const run = this.#state.run;
    act();
    return this.#state.run !== run;
  }

  #openExplore() {
    const camera = this.currentCamera();
    this.dispatch({ type: 'explore', ...(camera ? { camera } : {}) });
  }

  /** What follows a state change: the map, the public events, the URL. */
  #effects(prev: AppState, next: AppState) {
    const story = this.#session.loaded?.story;
    if (next.load === 'ready' && prev.load !== 'ready' && story) {
      emitPublic(this, 'story-ready', { steps: story.steps.length });
      // A scroll reader's deep link (the app's page) opens on the step's block.
      if (this.syncUrl && next.phase.name === 'scroll' && parseUrlState(location.search).step)
        this.#scroll.openAt(next.step);
    }
    this.#session.stateChanged(prev, next);
    // Explore from a scroll reader fills the viewport; back in the text, the page returns to the step's block.
    const fromScroll = next.phase.name === 'explore' && next.phase.from === 'scroll';
    this.toggleAttribute('scroll-explore', fromScroll);
    if (
      prev.phase.name === 'explore' &&
      prev.phase.from === 'scroll' &&
      next.phase.name === 'scroll'
    )
      this.#scroll.openAt(next.step);
    const step = story?.steps[next.step];
    if (step && next.run !== prev.run && !exploringOf(next) && !next.noMap)
      emitPublic(this, 'step-change', { index: step.index, id: step.id });
    if (step && next.settled !== prev.settled && next.settled === next.run)
      emitPublic(this, 'step-settled', { index: step.index, id: step.id });
    this.#writeUrl();
  }

  /** The deep link's step and explore view, for the first load only. */
  #takeDeepLink(): DeepLink {
    const { step, layers, year, camera } = this.#deepLink;
    this.#deepLink = {
      ...this.#deepLink,
      step: undefined,
      layers: undefined,
      year: undefined,
      camera: undefined,
    };
    return {
      ...(step !== undefined ? { step } : {}),
      ...(layers ? { layers } : {}),
      ...(year !== undefined ? { year } : {}),
      ...(camera ? { camera } : {}),
    };
  }

  // ---- URL ---------------------------------------------------------------------------

  #readUrl() {
    const url = parseUrlState(location.search);
    this.#deepLink = url;
    this.dispatch({
      type: 'configure',
      ...(url.story ? { story: url.story } : {}),
      ...(url.basemap ? { basemap: url.basemap } : {}),
      ...(url.mode ? { mode: url.mode } : {}),
      ...(url.lang ? { lang: url.lang } : {}),
    });
  }

  #writeUrl() {
    if (!this.syncUrl || this.#state.load !== 'ready') return;
    const search = formatUrlState(
      location.search,
      urlStateOf(this.#state, this.#session.loaded?.story, DEFAULT_STORY),
    );
    if (search !== location.search)
      history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  }

  // ---- rendering ---------------------------------------------------------------------

  #onNav = (e: CustomEvent<UiEventMap['ui-nav']>) => {
    const action = e.detail.action;
    if (action === 'next' || action === 'prev') this.dispatch({ type: 'go', to: action });
    else if (action === 'explore') this.#openExplore();
    else if (action === 'resume') this.dispatch({ type: 'resume' });
    else if (action === 'lang') this.dispatch({ type: 'toggle-lang' });
    else if (action === 'print') {
      if (this.#state.about) this.dispatch({ type: 'about', open: false });
      this.#configure('mode', { mode: 'print' });
    } else this.dispatch({ type: 'about', open: !this.#state.about });
  };

  #onJump = (e: CustomEvent<UiEventMap['ui-jump']>) =>
    this.dispatch({ type: 'go', to: e.detail.index });

  override render() {
    return renderStoryMap({
      state: this.#state,
      loaded: this.#session.loaded,
      index: this.#session.index,
      kioskSecondsLeft: this.#kiosk.secondsLeft,
      offline: this.#update.view,
      handoff: this.#deepLink.handoff,
      shareable: this.syncUrl,
      printPictures: this.#print.pictures,
      studio: this.#studio.enabled ? studioProblems(this.#state) : undefined,
      scroll: { year: this.#scroll.year, whole: this.#scroll.whole },
    });
  }

  static override styles = [mapLibreStyles, storyMapStyles, scrollStyles];
}

customElements.define('story-map', StoryMap);

declare global {
  interface HTMLElementTagNameMap {
    'story-map': StoryMap;
  }
}
