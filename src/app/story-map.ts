// <story-map>: the root element, a thin shell. It keeps the one app state (app-state.ts),
// feeds every input through the pure `transition`, and after each change applies the
// derived map view, writes the URL, sends its public events and re-renders.
//
// Attributes/properties: story (URL of a story file), mode ('story'|'explore'|'kiosk'),
//   lang ('en'|'zh'), basemap (URL of a MapLibre style or .pmtiles archive, optional),
//   sync-url (boolean: read and write the page URL; on for the app page, off for embeds)
// Read-only: map (MapLibre Map once ready), steps ({ id, year, title }[]), stepIndex
// Methods: goTo(indexOrId), next(), prev()
// @fires story-ready { steps } - the story and its layers are loaded
// @fires step-change { index, id } - a step starts
// @fires step-settled { index, id } - its camera arrived, its layers are applied, the map is idle
// @fires story-error { messages } - the story cannot be opened
import { LitElement, html, nothing } from 'lit';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { MapController } from '../map/map-controller';
import { mapLibreStyles } from '../map/map-styles';
import { loadStory, type LoadedStory } from '../story/load-story';
import { DataErrors, formatError } from '../story/errors';
import { resolveStep } from '../story/navigator';
import { localize } from '../story/model';
import { langTag, strings } from '../i18n/strings';
import { FeatureIndex } from '../geo/feature-index';
import { KioskController } from '../kiosk/kiosk-controller';
import type { UiEventMap } from '../ui/events';
import {
  exploringOf,
  initialState,
  modeOf,
  transition,
  type AppEvent,
  type AppState,
} from './app-state';
import { announcementOf, mapViewOf, urlStateOf } from './derive';
import { formatUrlState, parseUrlState, type UrlState } from './url-state';
import { ExploreController } from './explore-controller';
import { KeyboardController } from './keyboard-controller';
import { LayoutController } from './layout-controller';
import { renderExploreView } from './explore-view';
import { emitPublic } from './story-events';
import { storyMapStyles } from './story-map.styles';
import '../ui/step-card';
import '../ui/timeline-bar';
import '../ui/error-panel';
import '../ui/about-panel';
import '../ui/story-header';
import '../ui/kiosk-overlay';
import '../ui/story-text';

/** The JSON twin of stories/zhongguancun.yaml, made at build time (no YAML parser needed). */
export const DEFAULT_STORY = 'stories/zhongguancun.json';
/** If the browser does not give a lost WebGL context back, a new map is built after this. */
const CONTEXT_REBUILD_MS = 5000;

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
  #loaded: LoadedStory | undefined;
  #index: FeatureIndex | undefined;
  #controller: MapController | undefined;
  /** Bumped by each (re)load, so a slower earlier load never lands over a newer one. */
  #loadToken = 0;
  #contextTimer: ReturnType<typeof setTimeout> | undefined;
  #applyPending = false;
  /** What the page URL asked for at start-up: the step and explore view to open. */
  #deepLink: UrlState = {};
  #reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  readonly #layout = new LayoutController(this);
  readonly #kiosk = new KioskController(this, () => ({
    idleSeconds: this.#deepLink.idle ?? 60,
    countdownSeconds: this.#deepLink.countdown ?? 15,
    ...(this.#deepLink.dwell ? { dwellSeconds: this.#deepLink.dwell } : {}),
  }));

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
    if (value === 'explore' && this.#controller?.map) this.#openExplore();
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
    return this.#controller?.map;
  }

  get steps(): { id: string; year: number; title: string }[] {
    return (this.#loaded?.story.steps ?? []).map((s) => ({
      id: s.id,
      year: s.year,
      title: localize(s.title, this.#state.lang),
    }));
  }

  get stepIndex(): number {
    return this.#state.load === 'ready' ? this.#state.step : -1;
  }

  goTo(target: number | string): boolean {
    const steps = this.#loaded?.story.steps;
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
    return this.#index;
  }
  get exploringNow(): boolean {
    return exploringOf(this.#state) !== undefined;
  }
  currentCamera() {
    return this.#controller?.map ? this.#controller.camera : undefined;
  }
  stepText(index: number) {
    const step = this.#loaded?.story.steps[index];
    const lang = this.#state.lang;
    return { title: localize(step?.title, lang), body: localize(step?.body, lang) };
  }

  /** The one way the state changes. */
  dispatch(event: AppEvent) {
    const prev = this.#state;
    const next = transition(prev, event, this.#loaded?.story);
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
    super.connectedCallback();
    if (this.syncUrl) this.#readUrl();
    // Re-attached after a disconnect: the story is still loaded, the map is not.
    if (this.hasUpdated) void (this.#loaded ? this.#rebuildMap() : this.#load());
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#loadToken += 1;
    clearTimeout(this.#contextTimer);
    this.#controller?.detach();
    this.#controller = undefined;
  }

  protected override firstUpdated() {
    void this.#load();
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

  /** What follows a state change: the map, the public events, the URL, reloads. */
  #effects(prev: AppState, next: AppState) {
    const story = this.#loaded?.story;
    if (this.hasUpdated && (next.story !== prev.story || next.basemap !== prev.basemap))
      void (next.story === prev.story && this.#loaded ? this.#rebuildMap() : this.#load());
    if (next.load === 'ready' && prev.load !== 'ready' && story)
      emitPublic(this, 'story-ready', { steps: story.steps.length });
    this.#applyMap();
    const step = story?.steps[next.step];
    if (step && next.run !== prev.run && !exploringOf(next) && !next.noMap)
      emitPublic(this, 'step-change', { index: step.index, id: step.id });
    if (step && next.settled !== prev.settled && next.settled === next.run)
      emitPublic(this, 'step-settled', { index: step.index, id: step.id });
    this.#writeUrl();
  }

  #applyMap() {
    const controller = this.#controller;
    if (!controller?.map || !this.#loaded) return;
    // The insets need the card or panel on screen; after the first render the camera starts
    // before anything re-renders, so a key press moves the map within the same frame.
    if (!this.#layout.ready) {
      if (this.#applyPending) return;
      this.#applyPending = true;
      void this.#layout.whenReady().then(() => {
        this.#applyPending = false;
        this.#applyMap();
      });
      return;
    }
    controller.apply(mapViewOf(this.#state, this.#loaded.story), {
      insets: this.#layout.insets(),
      reducedMotion: this.#reducedMotion.matches,
    });
  }

  // ---- loading -----------------------------------------------------------------------

  #makeController(): MapController {
    return new MapController({
      lang: this.#state.lang,
      baseUrl: document.baseURI,
      ...(this.#state.basemap ? { basemapUrl: this.#state.basemap } : {}),
      onWarning: (message) => this.dispatch({ type: 'warn', messages: [message] }),
      onFeaturePick: (picked) =>
        this.dispatch({ type: 'select', id: String(picked.properties.id) }),
      onUserMove: (camera) => this.dispatch({ type: 'camera-moved', camera }),
      onSettled: (run) => this.dispatch({ type: 'settled', run }),
      onContextLost: () => {
        clearTimeout(this.#contextTimer);
        this.#contextTimer = setTimeout(() => void this.#rebuildMap(), CONTEXT_REBUILD_MS);
      },
      onContextRestored: () => {
        clearTimeout(this.#contextTimer);
        this.dispatch({ type: 'reapply' });
      },
    });
  }

  /** Loads the story and makes the map, both at once. */
  async #load() {
    const token = ++this.#loadToken;
    this.#controller?.detach();
    this.#loaded = undefined;
    this.#index = undefined;
    const controller = this.#makeController();
    this.#controller = controller;
    const container = this.renderRoot.querySelector<HTMLElement>('#map')!;
    const storyUrl = new URL(this.#state.story, document.baseURI).href;
    const [mapResult, storyResult] = await Promise.allSettled([
      controller.attach(container),
      loadStory(storyUrl, document.baseURI),
    ]);
    if (token !== this.#loadToken) return;
    if (storyResult.status === 'rejected') {
      const err = storyResult.reason;
      const messages = err instanceof DataErrors ? err.errors.map(formatError) : [String(err)];
      this.dispatch({ type: 'story-failed', messages });
      emitPublic(this, 'story-error', { messages });
      return;
    }
    const loaded = storyResult.value;
    this.#loaded = loaded;
    this.#index = new FeatureIndex(loaded.layers);
    let noMap: string | undefined;
    if (mapResult.status === 'rejected') {
      // No WebGL: the story is still there, as text.
      noMap = (mapResult.reason as Error)?.message ?? String(mapResult.reason);
      controller.detach();
      this.#controller = undefined;
    } else controller.setData(this.#index);
    const link = this.#deepLink;
    this.#deepLink = {
      ...link,
      step: undefined,
      layers: undefined,
      year: undefined,
      camera: undefined,
    };
    const step = link.step !== undefined ? resolveStep(loaded.story.steps, link.step) : undefined;
    this.dispatch({
      type: 'story-loaded',
      ...(step !== undefined ? { step } : {}),
      explore: {
        ...(link.layers ? { layers: link.layers } : {}),
        ...(link.year !== undefined ? { year: link.year } : {}),
        ...(link.camera ? { camera: link.camera } : {}),
      },
      layerIds: loaded.layers.map((l) => l.meta.id),
      warnings: loaded.warnings.map(formatError),
      ...(noMap ? { noMap } : {}),
    });
  }

  /** A new map on the same story and state: after a lost context, a new basemap, a re-attach. */
  async #rebuildMap() {
    clearTimeout(this.#contextTimer);
    this.#controller?.detach();
    const controller = this.#makeController();
    this.#controller = controller;
    try {
      await controller.attach(this.renderRoot.querySelector<HTMLElement>('#map')!);
    } catch (err) {
      this.dispatch({ type: 'warn', messages: [`Map: ${(err as Error).message}`] });
      return;
    }
    if (this.#controller !== controller) return;
    if (this.#index) controller.setData(this.#index);
    this.dispatch({ type: 'reapply' });
    this.#applyMap();
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
      urlStateOf(this.#state, this.#loaded?.story, DEFAULT_STORY),
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
    else this.dispatch({ type: 'about', open: !this.#state.about });
  };

  #onJump = (e: CustomEvent<UiEventMap['ui-jump']>) =>
    this.dispatch({ type: 'go', to: e.detail.index });

  override render() {
    const state = this.#state;
    const lang = state.lang;
    const t = strings(lang);
    const story = this.#loaded?.story;
    const index = this.#index;
    const step = story?.steps[state.step];
    const title = story ? localize(story.title, lang) : t.appTitle;
    const view = mapViewOf(state, story);
    const kiosk = state.phase.name === 'kiosk';
    return html`
      <div id="map" class="map" role="region" aria-label=${t.mapLabel(title)}></div>
      <story-header .heading=${title} .lang=${lang} .exploring=${this.exploringNow}></story-header>
      <div class="alerts">
        <error-panel
          .heading=${t.storyFailed}
          .messages=${state.errors}
          .lang=${lang}
        ></error-panel>
        <error-panel
          .heading=${t.storyWarnings}
          .messages=${state.warnings}
          .lang=${lang}
          dismissible
        ></error-panel>
      </div>
      ${
        story && index && state.noMap
          ? html`<story-text
              class="text-only"
              .story=${story}
              .lang=${lang}
              .placeNames=${new Map(
                story.steps.flatMap((s) => s.places).map((id) => [id, index.name(id, lang) ?? id]),
              )}
              .reason=${state.noMap}
            ></story-text>`
          : nothing
      }
      ${
        story && step && view.kind === 'step'
          ? html`<step-card
                class="card"
                .step=${step}
                .lang=${lang}
                .total=${story.steps.length}
                .places=${step.places.flatMap((id) => {
                  const name = index?.name(id, lang);
                  return name ? [{ id, name }] : [];
                })}
                .linksNavigate=${!kiosk}
              ></step-card>
              <timeline-bar
                .steps=${story.steps.map((s) => ({ id: s.id, year: s.year, ...(s.yearEnd ? { yearEnd: s.yearEnd } : {}), title: localize(s.title, lang) }))}
                .first=${story.firstYear}
                .last=${story.lastYear}
                .current=${state.step}
                .lang=${lang}
              ></timeline-bar>`
          : nothing
      }
      ${story && index && view.kind === 'explore' ? renderExploreView(story, index, view, lang) : nothing}
      ${
        kiosk && state.phase.name === 'kiosk'
          ? html`<kiosk-overlay
              .phase=${state.phase.presence}
              .secondsLeft=${this.#kiosk.secondsLeft}
              .lang=${lang}
              @ui-kiosk-lang=${(e: CustomEvent<UiEventMap['ui-kiosk-lang']>) =>
                this.#configure('lang', { lang: e.detail.lang })}
            ></kiosk-overlay>`
          : nothing
      }
      ${state.load === 'loading' ? html`<p class="loading" role="status">${t.loading}</p>` : nothing}
      <about-panel
        .story=${story}
        .lang=${lang}
        .open=${state.about}
        .linksNavigate=${!kiosk}
      ></about-panel>
      <div class="sr-only" aria-live="polite" aria-atomic="true" lang=${langTag(lang)}>
        ${announcementOf(state, story)}
      </div>
    `;
  }

  static override styles = [mapLibreStyles, storyMapStyles];
}

customElements.define('story-map', StoryMap);

declare global {
  interface HTMLElementTagNameMap {
    'story-map': StoryMap;
  }
}
