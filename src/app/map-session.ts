// The story's data and its map, as a Lit reactive controller. It loads the story and the
// layers of its first view while the map is made, the other layers once that view is on
// screen (or as soon as a view needs them), rebuilds the map when it must (a lost WebGL
// context that does not come back, a new basemap, an element re-attached to the page), and
// hands each new view to the map controller once the story UI is on screen to measure and
// the layers the view needs are in.
import type { LitElement, ReactiveController } from 'lit';
import { MapController } from '../map/map-controller';
import { checkStory } from '../story/check-story';
import {
  fetchText,
  openStory,
  stepReferences,
  type LoadedLayer,
  type LoadedStory,
  type StoryLayers,
} from '../story/load-story';
import { DataErrors, formatError } from '../story/errors';
import { resolveStep } from '../story/navigator';
import { FeatureIndex } from '../geo/feature-index';
import type { AppEvent, AppState, ExploreLink } from './app-state';
import type { CameraState, MapView } from '../map/map-view';
import type { Story } from '../story/model';
import { mapViewOf } from './derive';
import type { LayoutController } from './layout-controller';
import { emitPublic } from './story-events';
import { assetBase, pageUrl, storyUrl } from '../embed/asset-url';

/** If the browser does not give a lost WebGL context back, a new map is built after this. */
const CONTEXT_REBUILD_MS = 5000;

export interface MapSessionHost extends LitElement {
  readonly appState: AppState;
  dispatch(event: AppEvent): void;
}

/** The studio's hold on the map: free rotation and tilt, and every camera move reported. */
export interface Authoring {
  readonly enabled: boolean;
  cameraMoved(camera: CameraState): void;
}

/** The step and explore view a deep link opens, taken once by the first load. */
export type DeepLink = ExploreLink & { step?: string };

/**
 * The layer and feature ids the first view needs: the step the story opens on and, in
 * explore, the layers the view shows and frames (without a camera or layers of its own, the
 * explore view frames the whole story, so it needs every layer).
 */
export function firstViewIds(
  story: Story,
  link: DeepLink,
  exploring: boolean,
  allLayerIds: readonly string[],
): string[] {
  const index = link.step !== undefined ? resolveStep(story.steps, link.step) : undefined;
  const step = story.steps[index ?? 0];
  if (!step) return [];
  if (!exploring) return stepReferences(step);
  const shown = link.layers ?? step.layers;
  if (!link.camera && !shown.length) return [...allLayerIds];
  return [...shown];
}

/** What a view needs loaded before the map controller may apply it. */
export function viewIds(view: MapView): { now: readonly string[]; soon: readonly string[] } {
  if (view.kind === 'step') return { now: stepReferences(view.step), soon: [] };
  if (view.kind === 'explore')
    // A focus frames once; the layers shown can come in one by one.
    return { now: view.focus?.ids ?? [], soon: view.layers };
  return { now: [], soon: [] };
}

export class MapSession implements ReactiveController {
  loaded: LoadedStory | undefined;
  index: FeatureIndex | undefined;
  controller: MapController | undefined;
  /** The story's layers still to come; each is added to the index as it arrives. */
  #layers: StoryLayers | undefined;
  /** The deep link, kept until a load has used it. */
  #link: DeepLink | undefined;
  /** The view waiting for its layers, so arrivals do not queue one wait each. */
  #waitingFor: string | undefined;
  /** Bumped by each (re)load, so a slower earlier load never lands over a newer one. */
  #loadToken = 0;
  #contextTimer: ReturnType<typeof setTimeout> | undefined;
  #applyPending = false;
  #reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

  constructor(
    private readonly host: MapSessionHost,
    private readonly layout: LayoutController,
    private readonly takeDeepLink: () => DeepLink,
    private readonly authoring?: Authoring,
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
    const view = mapViewOf(this.host.appState, this.loaded.story);
    const layers = this.#layers;
    if (layers) {
      // The controller settles a step only once, so it gets the step when its layers are in
      // (the previous step stays until then); an explore view's layers can follow it.
      const { now, soon } = viewIds(view);
      if (!layers.has(soon)) layers.loadRest();
      if (!layers.has(now)) {
        const key = JSON.stringify(now);
        if (this.#waitingFor === key) return;
        this.#waitingFor = key;
        void layers.whenLoaded(now).then(() => {
          if (layers !== this.#layers || this.#waitingFor !== key) return;
          this.#waitingFor = undefined;
          this.apply();
        });
        return;
      }
    }
    this.#waitingFor = undefined;
    controller.apply(view, {
      insets: this.layout.insets(),
      // A handout's pictures need each step's view, not the flight to it; a scroll reader's
      // camera moves with the reader's progress, so its steps arrive whole.
      reducedMotion:
        this.#reducedMotion.matches || ['print', 'scroll'].includes(this.host.appState.phase.name),
    });
  }

  /** The scroll reader between step `index` and the next (src/app/scroll-controller.ts). */
  scrub(index: number, progress: number) {
    const steps = this.loaded?.story.steps;
    const from = steps?.[index];
    if (!from || !this.controller?.map || !this.layout.ready) return;
    this.controller.scrub(from, steps[index + 1], progress, {
      insets: this.layout.insets(),
      reducedMotion: true,
    });
  }

  /** Loads the story (its first view's layers) and makes the map, both at once. */
  async load() {
    const token = ++this.#loadToken;
    this.controller?.detach();
    this.#show(undefined);
    const controller = this.#makeController();
    this.controller = controller;
    const url = storyUrl(this.host.appState.story);
    const link = (this.#link ??= this.takeDeepLink());
    const exploring = this.host.appState.phase.name === 'explore';
    const [mapResult, storyResult] = await Promise.allSettled([
      controller.attach(this.#container()),
      openStory(url, document.baseURI, {
        first: (story, layerIds) => firstViewIds(story, link, exploring, layerIds),
      }),
    ]);
    if (token !== this.#loadToken) return;
    if (storyResult.status === 'rejected') {
      const err = storyResult.reason;
      const messages = err instanceof DataErrors ? err.errors.map(formatError) : [String(err)];
      this.host.dispatch({ type: 'story-failed', messages });
      emitPublic(this.host, 'story-error', { messages });
      return;
    }
    const { loaded, layerIds, layers } = storyResult.value;
    const index = this.#show(loaded, layers);
    this.#link = undefined;
    // Layers keep arriving while the element is detached: a re-attached one has them all.
    layers.onLayer = (layer) => this.#layerArrived(layers, layer);
    void layers.complete.then(({ catalog, warnings, newWarnings }) => {
      if (layers !== this.#layers || !this.loaded) return;
      // Every layer is in: the full cross-check's catalog and findings replace the first ones.
      this.loaded = { ...this.loaded, catalog, warnings };
      if (newWarnings.length)
        this.host.dispatch({ type: 'warn', messages: newWarnings.map(formatError) });
    });
    let noMap: string | undefined;
    if (mapResult.status === 'rejected') {
      // No WebGL: the story is still there, as text.
      noMap = (mapResult.reason as Error)?.message ?? String(mapResult.reason);
      controller.detach();
      this.controller = undefined;
    } else {
      controller.setData(index);
    }
    const { step: stepId, ...explore } = link;
    const step = stepId !== undefined ? resolveStep(loaded.story.steps, stepId) : undefined;
    this.host.dispatch({
      type: 'story-loaded',
      ...(step !== undefined ? { step } : {}),
      explore,
      layerIds,
      warnings: loaded.warnings.map(formatError),
      ...(noMap ? { noMap } : {}),
    });
    // Without a map (or with the free map, whose panel lists every layer) nothing waits for
    // a first step to settle: the other layers come at once.
    if (noMap || exploring) layers.loadRest();
  }

  /**
   * The live preview: the story file or a layer was saved. The new version replaces the one
   * shown, on the same step; a version with errors is refused (its errors listed) and the
   * shown one stays. A story that had failed to open is simply opened again.
   */
  async replaceStory() {
    // Dev servers only: a production build leaves the whole check out.
    if (!import.meta.env.DEV) return;
    const state = this.host.appState;
    if (state.load === 'failed') return this.load();
    const shown = this.loaded;
    if (state.load !== 'ready' || !shown) return;
    const token = ++this.#loadToken;
    const stepId = shown.story.steps[state.step]?.id;
    // The whole check `npm run validate` makes: a save it would fail is refused, even one the
    // app could play around (an unknown layer), so the author sees it now, not at the build.
    const url = storyUrl(state.story);
    const check = await checkStory(url, document.baseURI, fetchText);
    if (token !== this.#loadToken) return;
    const loaded = check.loaded;
    if (check.errors.length || !loaded) {
      const messages = check.errors.length
        ? check.errors.map(formatError)
        : [`${state.story}: could not be loaded`];
      this.host.dispatch({ type: 'story-rejected', messages });
      return;
    }
    this.controller?.replaceData(this.#show(loaded));
    const same = loaded.story.steps.findIndex((s) => s.id === stepId);
    this.host.dispatch({
      type: 'story-replaced',
      step: same >= 0 ? same : state.step,
      warnings: [...loaded.warnings, ...check.warnings].map(formatError),
    });
  }

  /** The studio's "Fit to highlighted": frames the step's highlighted features. */
  frameHighlighted() {
    const step = this.loaded?.story.steps[this.host.appState.step];
    if (!step?.highlight.length || !this.controller?.map) return;
    this.controller.frame(step.highlight, {
      insets: this.layout.insets(),
      reducedMotion: this.#reducedMotion.matches,
    });
  }

  /** The story the session now holds (none while loading), and the layers still to come. */
  #show(loaded: LoadedStory, layers?: StoryLayers): FeatureIndex;
  #show(loaded: undefined): undefined;
  #show(loaded: LoadedStory | undefined, layers?: StoryLayers): FeatureIndex | undefined {
    this.#layers?.stop();
    this.#layers = layers;
    this.#waitingFor = undefined;
    this.loaded = loaded;
    this.index = loaded ? new FeatureIndex(loaded.layers) : undefined;
    return this.index;
  }

  /** A layer read after the first view: into the index, onto the map, into the UI. */
  #layerArrived(layers: StoryLayers, layer: LoadedLayer) {
    if (layers !== this.#layers || !this.loaded || !this.index) return;
    this.loaded = { ...this.loaded, layers: [...this.loaded.layers, layer] };
    this.index.add(layer);
    this.host.requestUpdate();
    this.apply();
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
      // The element's own files (fonts, the embedded basemap) beside its code; a basemap the
      // host gives is the page's URL.
      baseUrl: assetBase(),
      ...(basemap ? { basemapUrl: pageUrl(basemap) } : {}),
      // Only the app's own page (sync-url) owns the wheel and one-finger drags.
      cooperativeGestures: !this.host.hasAttribute('sync-url'),
      onWarning: (message) => dispatch({ type: 'warn', messages: [message] }),
      onFeaturePick: (picked) => dispatch({ type: 'select', id: String(picked.properties.id) }),
      onUserMove: (camera) => dispatch({ type: 'camera-moved', camera }),
      ...(this.authoring?.enabled
        ? {
            authoring: true,
            onCamera: (camera: CameraState) => this.authoring?.cameraMoved(camera),
          }
        : {}),
      onSettled: (run) => {
        dispatch({ type: 'settled', run });
        // The first view is on screen: now the rest of the story's layers.
        this.#layers?.loadRest();
      },
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
