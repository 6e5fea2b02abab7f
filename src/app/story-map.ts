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
import { MapSession } from './map-session';
import { StoryLoader } from './story-loader';
import type { Shell, StateListener } from './shell';
import { renderStoryMap } from './story-map.view';
import { emitPublic } from './story-events';
import { storyMapStyles } from './story-map.styles';
import { PrintController } from './print-controller';
import { StudioController, studioProblems } from './studio-controller';
import { ScrollController } from './scroll-controller';
import { scrollStyles } from './scroll-styles';

import { DEFAULT_STORY } from '../embed/asset-url';
export { DEFAULT_STORY };

/** The page URL's settings for the page's life: kiosk tuning, the status panel, the studio. */
type PageOptions = Pick<UrlState, 'idle' | 'dwell' | 'countdown' | 'status' | 'studio' | 'handoff'>;

/**
 * A map story: a story file's steps told on a MapLibre map, in English and Chinese.
 * The public contract (docs/EMBEDDING.md) is the attributes and properties `story`, `mode`,
 * `lang`, `basemap`, `sync-url`, the read-only `map`, `steps`, `stepIndex`, the methods
 * `goTo`, `next`, `prev` and the events below; every other member is internal.
 *
 * @summary A map-based story explorer: steps, a timeline, explore, kiosk, print.
 * @fires {CustomEvent<{ steps: number }>} story-ready - The story and its first view's layers are loaded.
 * @fires {CustomEvent<{ index: number; id: string }>} step-change - A step starts.
 * @fires {CustomEvent<{ index: number; id: string }>} step-settled - The step's camera has arrived, its layers are applied and the map is idle.
 * @fires {CustomEvent<{ messages: string[] }>} story-error - The story cannot be opened; the element shows the same messages.
 * @cssprop [--story-map-accent=#b91c1c] - The current step, buttons' accents, the year.
 * @cssprop [--story-map-accent-soft=#fde8e8] - The accent's light tint (backgrounds).
 * @cssprop [--story-map-ink=#1c1917] - Text.
 * @cssprop [--story-map-muted=#57534e] - Secondary text.
 * @cssprop [--story-map-paper=#ffffff] - Panels and cards.
 * @cssprop [--story-map-paper-tint=#f7f5f1] - Tinted panels.
 * @cssprop [--story-map-link=#1d4ed8] - Links in the story text.
 * @cssprop [--story-map-focus=#2563eb] - The focus ring.
 * @cssprop [--story-map-font='Noto Sans', 'Noto Sans SC', system-ui, sans-serif] - The interface and story text's font family.
 */
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
  #options: PageOptions = {};
  /** Told every change, in this order: the data and the map first, then the rest. */
  readonly #listeners: StateListener[] = [];
  /** Events dispatched while the listeners hear a change wait for them to finish. */
  readonly #queue: AppEvent[] = [];

  /** The controllers' way in: see shell.ts. */
  readonly #shell: Shell = {
    host: this,
    state: () => this.#state,
    dispatch: (event) => this.#dispatch(event),
    listen: (listener) => void this.#listeners.push(listener),
    camera: () => this.#session.camera(),
  };

  readonly #layout = new LayoutController(this);
  readonly #studio = new StudioController(
    this.#shell,
    () => this.#options.studio === true,
    () => void this.#loader.replace(),
  );
  readonly #session: MapSession = new MapSession(
    this.#shell,
    this.#layout,
    { has: (ids) => this.#loader.has(ids), loadRest: () => this.#loader.loadRest() },
    this.#studio,
  );
  readonly #loader = new StoryLoader(this.#shell, this.#session);
  readonly #kiosk = new KioskController(this.#shell, () => ({
    idleSeconds: this.#options.idle ?? 60,
    countdownSeconds: this.#options.countdown ?? 15,
    ...(this.#options.dwell ? { dwellSeconds: this.#options.dwell } : {}),
  }));
  readonly #print = new PrintController(this.#shell, () => this.#session.capture());
  readonly #update = new UpdateController(this.#shell, () => ({
    status: this.#options.status === true,
  }));
  readonly #scroll = new ScrollController(this.#shell, (index, progress) =>
    this.#session.scrub(index, progress),
  );

  constructor() {
    super();
    this.syncUrl = false;
    // Reflected from the start, so styles can rely on [mode] and [lang].
    this.requestUpdate('mode', undefined);
    this.requestUpdate('lang', undefined);
    new ExploreController(this.#shell);
    new KeyboardController(this.#shell);
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
    if (value === 'explore' && this.#session.map) this.#openExplore();
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
    return this.#session.map;
  }

  get steps(): { id: string; year: number | undefined; title: string }[] {
    return (this.#state.data?.story.steps ?? []).map((s) => ({
      id: s.id,
      year: s.year,
      title: localize(s.title, this.#state.lang),
    }));
  }

  get stepIndex(): number {
    return this.#state.load === 'ready' ? this.#state.step : -1;
  }

  goTo(target: number | string): boolean {
    const steps = this.#state.data?.story.steps;
    const index = steps ? resolveStep(steps, target) : undefined;
    if (index === undefined) return false;
    this.#dispatch({ type: 'go', to: index });
    return true;
  }

  next(): boolean {
    return this.#moved({ type: 'go', to: 'next' });
  }

  prev(): boolean {
    return this.#moved({ type: 'go', to: 'prev' });
  }

  // ---- the one flow ------------------------------------------------------------------

  /**
   * The one way the state changes. After each change every listener hears (prev, next)
   * once, synchronously, here; an event a listener dispatches meanwhile waits its turn, so
   * each listener hears the changes in order.
   */
  #dispatch(event: AppEvent) {
    this.#queue.push(event);
    if (this.#queue.length > 1) return;
    // A listener that throws must not stop the flow: every queued event is still handled,
    // and the first error is thrown to the caller afterwards.
    let failure: { error: unknown } | undefined;
    while (this.#queue.length) {
      try {
        this.#change(this.#queue[0]!);
      } catch (error) {
        failure ??= { error };
      } finally {
        this.#queue.shift();
      }
    }
    if (failure) throw failure.error;
  }

  #change(event: AppEvent) {
    // In scroll mode the page's position is the step: a step asked for (a key, the timeline,
    // goTo) scrolls the page to its block, and the scroll then makes it active.
    const steps = this.#state.data?.story.steps;
    if (event.type === 'go' && !event.scrolled && this.#state.phase.name === 'scroll' && steps) {
      const index = targetIndex(this.#state.step, event.to, steps.length);
      if (this.#scroll.scrollToStep(index)) return;
    }
    const prev = this.#state;
    const next = transition(prev, event);
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
    void this.#loader.load();
  }

  #configure(
    name: 'story' | 'mode' | 'lang' | 'basemap',
    change: Omit<Extract<AppEvent, { type: 'configure' }>, 'type'>,
  ) {
    const before = this[name];
    this.#dispatch({ type: 'configure', ...change });
    // A refused value (an unknown mode or language) is reflected back as the current one.
    if (this[name] === before) this.requestUpdate(name, change[name] ?? undefined);
  }

  /** Whether the move starts a step (decided by the pure transition, whenever it runs). */
  #moved(event: AppEvent): boolean {
    const moves = transition(this.#state, event).run !== this.#state.run;
    this.#dispatch(event);
    return moves;
  }

  #openExplore() {
    const camera = this.#session.camera();
    this.#dispatch({ type: 'explore', ...(camera ? { camera } : {}) });
  }

  /** What follows a state change: the controllers (the map among them), the public events, the URL. */
  #effects(prev: AppState, next: AppState) {
    const story = next.data?.story;
    if (next.load === 'ready' && prev.load !== 'ready' && story) {
      emitPublic(this, 'story-ready', { steps: story.steps.length });
      // A scroll reader's deep link (the app's page) opens on the step's block.
      if (this.syncUrl && next.phase.name === 'scroll' && parseUrlState(location.search).step)
        this.#scroll.openAt(next.step);
    }
    for (const listener of this.#listeners) listener.stateChanged(prev, next);
    // Explore from a scroll reader fills the viewport; back in the text, the page returns to
    // the step's block.
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

  // ---- URL ---------------------------------------------------------------------------

  #readUrl() {
    const { story, basemap, mode, lang, step, layers, year, camera, ...options } = parseUrlState(
      location.search,
    );
    this.#options = options;
    this.#dispatch({
      type: 'configure',
      ...(story ? { story } : {}),
      ...(basemap ? { basemap } : {}),
      ...(mode ? { mode } : {}),
      ...(lang ? { lang } : {}),
      link: {
        ...(step !== undefined ? { step } : {}),
        ...(layers ? { layers } : {}),
        ...(year !== undefined ? { year } : {}),
        ...(camera ? { camera } : {}),
      },
    });
  }

  #writeUrl() {
    if (!this.syncUrl || this.#state.load !== 'ready') return;
    const search = formatUrlState(location.search, urlStateOf(this.#state, DEFAULT_STORY));
    if (search !== location.search)
      history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  }

  // ---- rendering ---------------------------------------------------------------------

  #onNav = (e: CustomEvent<UiEventMap['ui-nav']>) => {
    const action = e.detail.action;
    if (action === 'next' || action === 'prev') this.#dispatch({ type: 'go', to: action });
    else if (action === 'explore') this.#openExplore();
    else if (action === 'resume') this.#dispatch({ type: 'resume' });
    else if (action === 'lang') this.#dispatch({ type: 'toggle-lang' });
    else if (action === 'print') {
      if (this.#state.about) this.#dispatch({ type: 'about', open: false });
      this.#configure('mode', { mode: 'print' });
    } else this.#dispatch({ type: 'about', open: !this.#state.about });
  };

  #onJump = (e: CustomEvent<UiEventMap['ui-jump']>) =>
    this.#dispatch({ type: 'go', to: e.detail.index });

  override render() {
    return renderStoryMap({
      state: this.#state,
      kioskSecondsLeft: this.#kiosk.secondsLeft,
      offline: this.#update.view,
      handoff: this.#options.handoff,
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
