// <story-map>: the root element. It loads a story, owns the step navigator and the map
// controller, keeps the URL in step, and passes state down to the UI components.
//
// Attributes/properties: story (URL of a story file), mode ('story'|'explore'|'kiosk'),
//   lang ('en'|'zh'), basemap (URL of an online MapLibre style, optional),
//   sync-url (boolean: read and write the page URL; on for the app page, off for embeds)
// Read-only: map (MapLibre Map once ready), steps ({ id, year, title }[]), stepIndex
// Methods: goTo(indexOrId), next(), prev()
// Events (bubbling, composed): story-ready, step-change { index, id },
//   step-settled { index, id }, story-error { messages }
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { ContextProvider } from '@lit/context';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { MapController } from '../map/map-controller';
import { mapLibreStyles } from '../map/map-styles';
import { loadStory, type LoadedStory } from '../story/load-story';
import { DataErrors, formatError } from '../story/errors';
import { Navigator, resolveStep, type Move } from '../story/navigator';
import { localize, type Step } from '../story/model';
import { plainText } from '../story/markdown';
import { LANGUAGES, type Lang } from '../story/schema';
import { langTag, strings } from '../i18n/strings';
import { MODES, formatUrlState, parseUrlState, type Mode } from './url-state';
import { isOwnedByControl, keyAction } from './keyboard';
import { mapControllerContext } from './map-context';
import { ExploreController } from './explore-controller';
import { renderExploreView } from './explore-view';
import { storyMapStyles } from './story-map.styles';
import type { StoryJumpDetail, StoryNavDetail } from '../ui/events';
import type { UrlState } from './url-state';
import '../ui/step-card';
import '../ui/timeline-bar';
import '../ui/error-panel';
import '../ui/about-panel';
import '../ui/story-header';
import '../ui/kiosk-overlay';
import '../ui/story-text';
import { KioskController } from '../kiosk/kiosk-controller';

/** The JSON twin of stories/zhongguancun.yaml, made at build time (no YAML parser needed). */
export const DEFAULT_STORY = 'stories/zhongguancun.json';
const NARROW_PX = 700;
/** The bottom sheet's max-height on narrow screens (story-map.styles.ts: 42%). */
const NARROW_SHEET_MAX = 0.42;

export interface StepEventDetail {
  index: number;
  id: string;
}

declare global {
  interface HTMLElementEventMap {
    'story-ready': CustomEvent<{ steps: number }>;
    'step-change': CustomEvent<StepEventDetail>;
    'step-settled': CustomEvent<StepEventDetail>;
    'story-error': CustomEvent<{ messages: string[] }>;
  }
}

export class StoryMap extends LitElement {
  static override properties = {
    story: { type: String, reflect: true },
    mode: { type: String, reflect: true },
    lang: { type: String, reflect: true },
    basemap: { type: String },
    syncUrl: { type: Boolean, attribute: 'sync-url' },
    _index: { state: true },
    _errors: { state: true },
    _warnings: { state: true },
    _aboutOpen: { state: true },
    _announcement: { state: true },
    _loaded: { state: true },
    _kioskExplore: { state: true },
    _noMap: { state: true },
  };

  declare story: string;
  declare mode: Mode;
  declare lang: Lang;
  declare basemap: string | undefined;
  declare syncUrl: boolean;
  declare _index: number;
  declare _errors: string[];
  declare _warnings: string[];
  declare _aboutOpen: boolean;
  declare _announcement: string;
  declare _loaded: LoadedStory | undefined;
  /** In kiosk mode, a visitor exploring: the mode stays 'kiosk' so a reload stays a kiosk. */
  declare _kioskExplore: boolean;
  /** Why the map could not be drawn (no WebGL); the story is then shown as text. */
  declare _noMap: string;
  #kiosk: KioskController | undefined;
  /** The exhibit's language, restored when a kiosk resets. */
  #exhibitLang: Lang = 'en';
  #contextTimer: ReturnType<typeof setTimeout> | undefined;
  /** ?idle, ?dwell and ?countdown, in seconds. */
  #kioskTuning: Pick<UrlState, 'idle' | 'dwell' | 'countdown'> = {};

  #controller: MapController | undefined;
  #navigator: Navigator | undefined;
  #initialStep: string | undefined;
  #reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  #provider = new ContextProvider(this, { context: mapControllerContext });
  #started = false;
  /** URL state read at start-up, applied once the story is loaded (explore's view). */
  #initialUrl: UrlState = {};
  #explore = new ExploreController({
    requestUpdate: () => this.requestUpdate(),
    mapController: () => this.#controller,
    loadedStory: () => this._loaded,
    insets: () => this.#insets(),
    reducedMotion: () => this.#reducedMotion.matches,
    reportProblems: (messages) => (this._warnings = messages),
    userMoved: () => this.#writeUrl(),
  });

  constructor() {
    super();
    this.story = DEFAULT_STORY;
    this.mode = 'story';
    this.lang = 'en';
    this.syncUrl = false;
    this._index = -1;
    this._errors = [];
    this._warnings = [];
    this._aboutOpen = false;
    this._announcement = '';
    this._kioskExplore = false;
    this._noMap = '';
  }

  get #exploring(): boolean {
    return this.mode === 'explore' || (this.mode === 'kiosk' && this._kioskExplore);
  }

  // ---- public contract -------------------------------------------------------------

  get map(): MapLibreMap | undefined {
    return this.#controller?.map;
  }

  get steps(): { id: string; year: number; title: string }[] {
    return (this._loaded?.story.steps ?? []).map((s) => ({
      id: s.id,
      year: s.year,
      title: localize(s.title, this.lang),
    }));
  }

  get stepIndex(): number {
    return this.#navigator?.index ?? -1;
  }

  goTo(target: number | string): boolean {
    const steps = this._loaded?.story.steps;
    if (!steps || !this.#navigator) return false;
    const index = resolveStep(steps, target);
    if (index === undefined) return false;
    const move = this.#navigator.goTo(index);
    if (move) void this.#run(move);
    return true;
  }

  next(): boolean {
    const move = this.#navigator?.next();
    if (move) void this.#run(move);
    return Boolean(move);
  }

  prev(): boolean {
    const move = this.#navigator?.prev();
    if (move) void this.#run(move);
    return Boolean(move);
  }

  // ---- lifecycle ---------------------------------------------------------------------

  override connectedCallback() {
    super.connectedCallback();
    if (this.syncUrl) this.#readUrl();
    window.addEventListener('keydown', this.#onKeyDown);
    this.addEventListener('dragover', this.#onDragOver);
    this.addEventListener('drop', this.#onDrop);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.#onKeyDown);
    this.removeEventListener('dragover', this.#onDragOver);
    this.removeEventListener('drop', this.#onDrop);
    this.#stopKiosk();
    clearTimeout(this.#contextTimer);
    this.#timelineObserver.disconnect();
    this.#observedTimeline = null;
    this.#controller?.detach();
    this.#controller = undefined;
    this.#started = false;
  }

  protected override firstUpdated() {
    void this.#start();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('lang') && !LANGUAGES.includes(this.lang)) this.lang = 'en';
    if (changed.has('mode') && !MODES.includes(this.mode)) this.mode = 'story';
  }

  protected override updated(changed: PropertyValues<this>) {
    if (changed.has('lang')) {
      this.#controller?.setLanguage(this.lang);
      document.documentElement.lang = langTag(this.lang);
    }
    if (
      (changed.has('story') || changed.has('basemap')) &&
      this.#started &&
      changed.get('story') !== undefined
    ) {
      this.#controller?.detach();
      void this.#start();
    }
    if (changed.has('mode') && changed.get('mode') !== undefined && this._loaded)
      this.#modeChanged(changed.get('mode')!);
    if (changed.has('lang') || changed.has('mode') || changed.has('_index')) this.#writeUrl();
    this.#observeTimeline();
  }

  /** The timeline's height lifts MapLibre's bottom controls above it. */
  #timelineObserver = new ResizeObserver(([entry]) => {
    const height = entry?.target.isConnected ? (entry.target as HTMLElement).offsetHeight : 0;
    this.style.setProperty('--map-bottom-controls', `${height}px`);
  });
  #observedTimeline: Element | null = null;

  #observeTimeline() {
    const timeline = this.renderRoot.querySelector('timeline-bar');
    if (timeline === this.#observedTimeline) return;
    if (this.#observedTimeline) this.#timelineObserver.unobserve(this.#observedTimeline);
    this.#observedTimeline = timeline;
    if (timeline) this.#timelineObserver.observe(timeline);
    else this.style.setProperty('--map-bottom-controls', '0px');
  }

  #modeChanged(previous: Mode) {
    if (this.mode === 'kiosk') this.#startKiosk();
    else if (previous === 'kiosk') {
      this.#stopKiosk();
      this._kioskExplore = false;
    }
    if (this.mode === 'explore') this.#explore.enterFrom(this._loaded?.story.steps[this._index]);
    else if (previous === 'explore') this.#resumeStory();
  }

  #setKioskExplore(on: boolean) {
    if (on === this._kioskExplore) return;
    this._kioskExplore = on;
    if (on) this.#explore.enterFrom(this._loaded?.story.steps[this._index]);
    else this.#resumeStory();
  }

  /** Resume: the step's declared state brings back exactly what the reader left. */
  #resumeStory() {
    this.#explore.leave();
    const move = this.#navigator?.goTo(Math.max(0, this._index), { force: true });
    if (move) void this.#run(move);
  }

  // ---- loading -----------------------------------------------------------------------

  async #start() {
    this.#started = true;
    this._errors = [];
    this._warnings = [];
    this._loaded = undefined;
    this._noMap = '';
    this.#navigator = undefined;
    this._index = -1;
    const container = this.renderRoot.querySelector<HTMLElement>('#map')!;
    const controller = new MapController({
      lang: this.lang,
      baseUrl: document.baseURI,
      ...(this.basemap ? { basemapUrl: this.basemap } : {}),
      onWarning: (message) => (this._warnings = [...this._warnings, message]),
      onFeaturePick: (picked) => {
        if (this.#exploring) this.#explore.select(picked);
      },
      onUserMove: () => {
        if (this.#exploring) this.#writeUrl();
      },
      onContextLost: () => this.#onContextLost(),
      onContextRestored: () => this.#onContextRestored(),
    });
    this.#controller = controller;
    this.#provider.setValue(controller);
    const storyUrl = new URL(this.story || DEFAULT_STORY, document.baseURI).href;
    const [mapResult, storyResult] = await Promise.allSettled([
      controller.attach(container),
      loadStory(storyUrl, document.baseURI),
    ]);
    if (this.#controller !== controller) return; // replaced while loading
    if (storyResult.status === 'rejected') {
      const err = storyResult.reason;
      this._errors = err instanceof DataErrors ? err.errors.map(formatError) : [String(err)];
      this.#emit('story-error', { messages: this._errors });
      return;
    }
    const loaded = storyResult.value;
    if (mapResult.status === 'rejected') {
      // No WebGL: the story is still there, as text.
      this._noMap = (mapResult.reason as Error)?.message ?? String(mapResult.reason);
      controller.detach();
      this._loaded = loaded;
      this.#navigator = new Navigator(loaded.story.steps.length);
      this.#emit('story-ready', { steps: loaded.story.steps.length });
      return;
    }
    controller.addStoryLayers(loaded.layers);
    if (loaded.warnings.length)
      this._warnings = [...this._warnings, ...loaded.warnings.map(formatError)];
    if (!loaded.story.languages.includes(this.lang)) this.lang = loaded.story.languages[0]!;
    this.#navigator = new Navigator(loaded.story.steps.length);
    this._loaded = loaded;
    const first =
      this.#initialStep !== undefined
        ? resolveStep(loaded.story.steps, this.#initialStep)
        : undefined;
    this.#initialStep = undefined;
    this.#explore.storyLoaded(loaded);
    this.#exhibitLang = this.lang;
    await this.updateComplete;
    this.#emit('story-ready', { steps: loaded.story.steps.length });
    if (this.mode === 'explore') {
      // Explore opens on the view in the URL; the step is where "Resume story" returns.
      const move = this.#navigator.goTo(first ?? 0);
      if (move) this._index = move.index;
      this.#explore.enterFrom(loaded.story.steps[this._index], this.#initialUrl);
    } else this.goTo(first ?? 0);
    if (this.mode === 'kiosk') this.#startKiosk();
    this.#initialUrl = {};
  }

  // ---- kiosk -------------------------------------------------------------------------

  #startKiosk() {
    if (this.#kiosk) return;
    const params = this.#kioskTuning;
    this.#kiosk = new KioskController(
      {
        element: this,
        stepCount: () => this._loaded?.story.steps.length ?? 0,
        stepIndex: () => this._index,
        stepText: (i) => {
          const step = this._loaded?.story.steps[i];
          return { title: localize(step?.title, this.lang), body: localize(step?.body, this.lang) };
        },
        goTo: (i) => void this.goTo(i),
        reset: () => this.#resetKiosk(),
        requestUpdate: () => this.requestUpdate(),
      },
      {
        idleSeconds: params.idle ?? 60,
        countdownSeconds: params.countdown ?? 15,
        ...(params.dwell ? { dwellSeconds: params.dwell } : {}),
      },
    );
    this.#kiosk.start();
  }

  #stopKiosk() {
    this.#kiosk?.stop();
    this.#kiosk = undefined;
  }

  /** Everything back to how the exhibit starts: language, panels, the first step. */
  #resetKiosk() {
    this.lang = this.#exhibitLang;
    this._kioskExplore = false;
    this._aboutOpen = false;
    this.#explore.select(undefined);
    this.#explore.leave();
    const move = this.#navigator?.goTo(0, { force: true });
    if (move) void this.#run(move);
  }

  // ---- WebGL context ------------------------------------------------------------------

  #onContextLost() {
    clearTimeout(this.#contextTimer);
    // If the browser does not give the context back, build a new map on the same step.
    this.#contextTimer = setTimeout(() => {
      const step = this._loaded?.story.steps[this._index];
      if (step) this.#initialStep = step.id;
      this.#controller?.detach();
      void this.#start();
    }, 5000);
  }

  #onContextRestored() {
    clearTimeout(this.#contextTimer);
    if (this.#exploring) return;
    const move = this.#navigator?.goTo(Math.max(0, this._index), { force: true });
    if (move) void this.#run(move);
  }

  // ---- stepping ----------------------------------------------------------------------

  async #run(move: Move) {
    const loaded = this._loaded;
    const controller = this.#controller;
    if (!loaded || !controller?.map) return;
    const step = loaded.story.steps[move.index]!;
    // The card and timeline must exist once, for the insets; after that the camera starts
    // before anything re-renders, so a key press moves the map within the same frame.
    if (!this.#layoutReady()) {
      this._index = move.index;
      await this.updateComplete;
      // The children render after this element: their sizes make the insets.
      const children = this.renderRoot.querySelectorAll<LitElement>(
        'step-card, timeline-bar, explore-panel',
      );
      await Promise.all([...children].map((c) => c.updateComplete));
      // A newer move (e.g. the resume that a mode change starts) may have begun meanwhile.
      if (!this.#navigator?.isCurrent(move.token)) return;
    }
    const shown = controller.showStep(step, move.token, {
      insets: this.#insets(),
      reducedMotion: this.#reducedMotion.matches,
    });
    this._index = move.index;
    this.#announce(step);
    this.#emit('step-change', { index: step.index, id: step.id });
    const outcome = await shown;
    if (outcome === 'settled' && this.#navigator?.settle(move.token)) {
      this.#emit('step-settled', { index: step.index, id: step.id });
    }
  }

  /** The story UI is on screen and rendered, so its sizes can be measured. */
  #layoutReady(): boolean {
    const parts = this.#exploring ? ['explore-panel'] : ['step-card', 'timeline-bar'];
    return (
      !this.isUpdatePending &&
      parts.every((tag) => {
        const el = this.renderRoot.querySelector<LitElement>(tag);
        return el?.hasUpdated && !el.isUpdatePending;
      })
    );
  }

  /**
   * Space the story UI takes over the map, so the camera keeps the subject in view. It comes
   * from the layout's fixed sizes (the card's width, the sheet's maximum height), never from
   * the current text, so a step frames the same whichever step came before.
   */
  #insets() {
    const host = this.getBoundingClientRect();
    const card = this.renderRoot
      .querySelector(this.#exploring ? '.explore' : '.card')
      ?.getBoundingClientRect();
    const timeline = this.renderRoot.querySelector('timeline-bar')?.getBoundingClientRect();
    const header = this.renderRoot.querySelector('story-header')?.getBoundingClientRect();
    const insets = { top: header?.height ?? 0, bottom: timeline?.height ?? 0, left: 0, right: 0 };
    if (card && card.width > 0) {
      if (host.width < NARROW_PX) insets.bottom += host.height * NARROW_SHEET_MAX;
      else insets.left = card.right - host.left;
    }
    // Never squeeze the map below a usable size.
    insets.left = Math.min(insets.left, host.width * 0.6);
    insets.bottom = Math.min(insets.bottom, host.height * 0.6);
    return insets;
  }

  #announce(step: Step) {
    const summary = plainText(localize(step.body, this.lang)).split(/(?<=[.!?。！？])\s*/)[0] ?? '';
    this._announcement = `${localize(step.title, this.lang)}. ${summary}`;
  }

  // ---- input -------------------------------------------------------------------------

  #onKeyDown = (e: KeyboardEvent) => {
    if (this._aboutOpen || this.#exploring) return;
    const action = keyAction(e);
    if (!action || !this.#navigator) return;
    const path = e.composedPath();
    // In an embed, only keys aimed at this element (or at nothing in particular) drive it.
    const active = document.activeElement;
    if (!path.includes(this) && active && active !== document.body) return;
    if (isOwnedByControl(path)) return;
    e.preventDefault();
    if (action === 'next') this.next();
    else if (action === 'prev') this.prev();
    else if (action === 'first') this.goTo(0);
    else this.goTo(this.#navigator.count - 1);
  };

  #onNav = (e: CustomEvent<StoryNavDetail>) => {
    switch (e.detail.action) {
      case 'next':
        this.next();
        break;
      case 'prev':
        this.prev();
        break;
      case 'explore':
        if (this.mode === 'kiosk') this.#setKioskExplore(true);
        else this.mode = 'explore';
        break;
      case 'resume':
        if (this.mode === 'kiosk') this.#setKioskExplore(false);
        else this.mode = 'story';
        break;
      case 'lang':
        this.lang = this.lang === 'en' ? 'zh' : 'en';
        this.#announceLanguage();
        break;
      case 'about':
        this._aboutOpen = !this._aboutOpen;
        break;
    }
  };

  #announceLanguage() {
    const step = this._loaded?.story.steps[this._index];
    if (step) this.#announce(step);
  }

  #onJump = (e: CustomEvent<StoryJumpDetail>) => {
    this.goTo(e.detail.index);
  };

  // ---- URL ---------------------------------------------------------------------------

  #readUrl() {
    const state = parseUrlState(location.search);
    if (state.mode) this.mode = state.mode;
    if (state.lang) this.lang = state.lang;
    if (state.story) this.story = state.story;
    if (state.basemap) this.basemap = state.basemap;
    if (state.step) this.#initialStep = state.step;
    this.#initialUrl = state;
    this.#kioskTuning = { idle: state.idle, dwell: state.dwell, countdown: state.countdown };
  }

  #writeUrl() {
    if (!this.syncUrl) return;
    const step = this._loaded?.story.steps[this._index];
    const search = formatUrlState(location.search, {
      mode: this.mode,
      lang: this.lang,
      ...(step ? { step: step.id } : { step: parseUrlState(location.search).step }),
      ...(this.story !== DEFAULT_STORY ? { story: this.story } : {}),
      ...(this.basemap ? { basemap: this.basemap } : {}),
      ...this.#exploreUrlState(),
    });
    if (search !== location.search)
      history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  }

  /** In explore the URL also holds the view; in a story the step alone says it all. */
  #exploreUrlState(): Pick<UrlState, 'year' | 'layers' | 'camera'> {
    const camera =
      this.#exploring && this.mode !== 'kiosk' && this._loaded ? this.#explore.camera() : undefined;
    if (!camera) return { year: undefined, layers: undefined, camera: undefined };
    return {
      year: this.#explore.year,
      layers: this.#explore.visible.filter((id) => !id.startsWith('user-')),
      camera,
    };
  }

  #emit<T>(type: string, detail: T) {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }

  // ---- rendering ---------------------------------------------------------------------

  override render() {
    const t = strings(this.lang);
    const loaded = this._loaded;
    const story = loaded?.story;
    const step = story?.steps[this._index];
    const title = story ? localize(story.title, this.lang) : t.appTitle;
    const places = (step?.places ?? []).flatMap((id) => {
      const entry = loaded?.layers
        .flatMap((l) => l.data.features)
        .find((f) => f.properties?.id === id);
      if (!entry) return [];
      const p = entry.properties!;
      const name = this.lang === 'zh' ? (p.name_zh ?? p.name) : p.name;
      return [{ id, name: String(name) }];
    });
    return html`
      <div id="map" class="map" role="region" aria-label=${t.mapLabel(title)}></div>
      <story-header
        .heading=${title}
        .lang=${this.lang}
        .exploring=${this.#exploring}
        @story-nav=${this.#onNav}
      ></story-header>
      <div class="alerts">
        <error-panel
          .heading=${t.storyFailed}
          .messages=${this._errors}
          .lang=${this.lang}
        ></error-panel>
        <error-panel
          .heading=${t.storyWarnings}
          .messages=${this._warnings}
          .lang=${this.lang}
          dismissible
        ></error-panel>
      </div>
      ${
        story && this._noMap
          ? html`<story-text
              class="text-only"
              .story=${story}
              .lang=${this.lang}
              .placeNames=${this.#placeNames()}
              .reason=${this._noMap}
            ></story-text>`
          : nothing
      }
      ${
        story && step && !this.#exploring && !this._noMap
          ? html`<step-card
                class="card"
                .step=${step}
                .lang=${this.lang}
                .total=${story.steps.length}
                .places=${places}
                .linksNavigate=${this.mode !== 'kiosk'}
                @story-nav=${this.#onNav}
              ></step-card>
              <timeline-bar
                .steps=${story.steps.map((s) => ({ id: s.id, year: s.year, ...(s.yearEnd ? { yearEnd: s.yearEnd } : {}), title: localize(s.title, this.lang) }))}
                .first=${story.firstYear}
                .last=${story.lastYear}
                .current=${this._index}
                .lang=${this.lang}
                @story-jump=${this.#onJump}
              ></timeline-bar>`
          : nothing
      }
      ${
        story && this.#exploring
          ? renderExploreView(loaded, this.#explore, this.lang, {
              viewChanged: () => this.#writeUrl(),
              seeInStory: (index) => this.#seeInStory(index),
            })
          : nothing
      }
      ${
        this.#kiosk
          ? html`<kiosk-overlay
              .phase=${this.#kiosk.phase}
              .secondsLeft=${this.#kiosk.secondsLeft}
              .lang=${this.lang}
              @kiosk-lang=${(e: CustomEvent<{ lang: Lang }>) => (this.lang = e.detail.lang)}
            ></kiosk-overlay>`
          : nothing
      }
      ${!story && !this._errors.length ? html`<p class="loading" role="status">${t.loading}</p>` : nothing}
      <about-panel
        .story=${story}
        .lang=${this.lang}
        .open=${this._aboutOpen}
        .linksNavigate=${this.mode !== 'kiosk'}
        @story-nav=${this.#onNav}
      ></about-panel>
      <div class="sr-only" aria-live="polite" aria-atomic="true" lang=${langTag(this.lang)}>
        ${this._announcement}
      </div>
    `;
  }

  #placeNames(): Map<string, string> {
    const names = new Map<string, string>();
    for (const { data } of this._loaded?.layers ?? []) {
      for (const f of data.features) {
        const p = f.properties ?? {};
        if (typeof p.id === 'string')
          names.set(p.id, String((this.lang === 'zh' && p.name_zh) || p.name || p.id));
      }
    }
    return names;
  }

  /** "See it in the story" from a feature card: back to the story, on that step. */
  #seeInStory(index: number) {
    if (this.mode === 'kiosk') this._kioskExplore = false;
    else this.mode = 'story';
    this.goTo(index);
  }

  #onDragOver = (e: DragEvent) => {
    if (this.mode === 'kiosk' || !e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };

  #onDrop = (e: DragEvent) => {
    const file = e.dataTransfer?.files[0];
    if (this.mode === 'kiosk' || !file) return;
    e.preventDefault();
    if (!this.#exploring) this.mode = 'explore';
    void this.updateComplete.then(() => this.#explore.addFile(file));
  };

  static override styles = [mapLibreStyles, storyMapStyles];
}

customElements.define('story-map', StoryMap);

declare global {
  interface HTMLElementTagNameMap {
    'story-map': StoryMap;
  }
}
