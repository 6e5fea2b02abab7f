// The story's data and its map, as a Lit reactive controller. It loads the story and its
// layers while the map is made, rebuilds the map when it must (a lost WebGL context that
// does not come back, a new basemap, an element re-attached to the page), and hands each new
// view to the map controller once the story UI is on screen to measure.
import type { LitElement, ReactiveController } from 'lit';
import { MapController } from '../map/map-controller';
import { loadStory, type LoadedStory } from '../story/load-story';
import { DataErrors, formatError } from '../story/errors';
import { resolveStep } from '../story/navigator';
import { FeatureIndex } from '../geo/feature-index';
import type { AppEvent, AppState, ExploreLink } from './app-state';
import { mapViewOf } from './derive';
import type { LayoutController } from './layout-controller';
import { emitPublic } from './story-events';

/** If the browser does not give a lost WebGL context back, a new map is built after this. */
const CONTEXT_REBUILD_MS = 5000;

export interface MapSessionHost extends LitElement {
  readonly appState: AppState;
  dispatch(event: AppEvent): void;
}

/** The step and explore view a deep link opens, taken once by the first load. */
export type DeepLink = ExploreLink & { step?: string };

export class MapSession implements ReactiveController {
  loaded: LoadedStory | undefined;
  index: FeatureIndex | undefined;
  controller: MapController | undefined;
  /** Bumped by each (re)load, so a slower earlier load never lands over a newer one. */
  #loadToken = 0;
  #contextTimer: ReturnType<typeof setTimeout> | undefined;
  #applyPending = false;
  #reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

  constructor(
    private readonly host: MapSessionHost,
    private readonly layout: LayoutController,
    private readonly takeDeepLink: () => DeepLink,
  ) {
    host.addController(this);
  }

  hostConnected() {
    // Re-attached after a disconnect: the story is still loaded, the map is not.
    if (this.host.hasUpdated) void (this.loaded ? this.rebuildMap() : this.load());
  }

  hostDisconnected() {
    this.#loadToken += 1;
    clearTimeout(this.#contextTimer);
    this.controller?.detach();
    this.controller = undefined;
  }

  /** What a state change means for the map: a reload, a new map, or a new view. */
  stateChanged(prev: AppState, next: AppState) {
    if (this.host.hasUpdated && next.story !== prev.story) void this.load();
    else if (this.host.hasUpdated && next.basemap !== prev.basemap)
      void (this.loaded ? this.rebuildMap() : this.load());
    else this.apply();
  }

  apply() {
    const controller = this.controller;
    if (!controller?.map || !this.loaded) return;
    // The insets need the card or panel on screen; after the first render the camera starts
    // before anything re-renders, so a key press moves the map within the same frame.
    if (!this.layout.ready) {
      if (this.#applyPending) return;
      this.#applyPending = true;
      void this.layout.whenReady().then(() => {
        this.#applyPending = false;
        this.apply();
      });
      return;
    }
    controller.apply(mapViewOf(this.host.appState, this.loaded.story), {
      insets: this.layout.insets(),
      reducedMotion: this.#reducedMotion.matches,
    });
  }

  /** Loads the story and makes the map, both at once. */
  async load() {
    const token = ++this.#loadToken;
    this.controller?.detach();
    this.loaded = undefined;
    this.index = undefined;
    const controller = this.#makeController();
    this.controller = controller;
    const storyUrl = new URL(this.host.appState.story, document.baseURI).href;
    const [mapResult, storyResult] = await Promise.allSettled([
      controller.attach(this.#container()),
      loadStory(storyUrl, document.baseURI),
    ]);
    if (token !== this.#loadToken) return;
    if (storyResult.status === 'rejected') {
      const err = storyResult.reason;
      const messages = err instanceof DataErrors ? err.errors.map(formatError) : [String(err)];
      this.host.dispatch({ type: 'story-failed', messages });
      emitPublic(this.host, 'story-error', { messages });
      return;
    }
    const loaded = storyResult.value;
    this.loaded = loaded;
    this.index = new FeatureIndex(loaded.layers);
    let noMap: string | undefined;
    if (mapResult.status === 'rejected') {
      // No WebGL: the story is still there, as text.
      noMap = (mapResult.reason as Error)?.message ?? String(mapResult.reason);
      controller.detach();
      this.controller = undefined;
    } else controller.setData(this.index);
    const { step: stepId, ...explore } = this.takeDeepLink();
    const step = stepId !== undefined ? resolveStep(loaded.story.steps, stepId) : undefined;
    this.host.dispatch({
      type: 'story-loaded',
      ...(step !== undefined ? { step } : {}),
      explore,
      layerIds: loaded.layers.map((l) => l.meta.id),
      warnings: loaded.warnings.map(formatError),
      ...(noMap ? { noMap } : {}),
    });
  }

  /** A new map on the same story and state. */
  async rebuildMap() {
    clearTimeout(this.#contextTimer);
    this.controller?.detach();
    const controller = this.#makeController();
    this.controller = controller;
    try {
      await controller.attach(this.#container());
    } catch (err) {
      this.host.dispatch({ type: 'warn', messages: [`Map: ${(err as Error).message}`] });
      return;
    }
    if (this.controller !== controller) return;
    if (this.index) controller.setData(this.index);
    this.host.dispatch({ type: 'reapply' });
    this.apply();
  }

  #container(): HTMLElement {
    return this.host.renderRoot.querySelector<HTMLElement>('#map')!;
  }

  #makeController(): MapController {
    const { lang, basemap } = this.host.appState;
    const dispatch = (event: AppEvent) => this.host.dispatch(event);
    return new MapController({
      lang,
      baseUrl: document.baseURI,
      ...(basemap ? { basemapUrl: basemap } : {}),
      onWarning: (message) => dispatch({ type: 'warn', messages: [message] }),
      onFeaturePick: (picked) => dispatch({ type: 'select', id: String(picked.properties.id) }),
      onUserMove: (camera) => dispatch({ type: 'camera-moved', camera }),
      onSettled: (run) => dispatch({ type: 'settled', run }),
      onContextLost: () => {
        clearTimeout(this.#contextTimer);
        this.#contextTimer = setTimeout(() => void this.rebuildMap(), CONTEXT_REBUILD_MS);
      },
      onContextRestored: () => {
        clearTimeout(this.#contextTimer);
        dispatch({ type: 'reapply' });
      },
    });
  }
}
