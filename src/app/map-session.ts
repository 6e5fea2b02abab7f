// The map's life, as a Lit reactive controller: it makes the map (with the story's first
// load, or again when it must: a lost WebGL context that does not come back, a new basemap,
// an element re-attached to the page), detaches it, and after every state change hands the
// view derived from the state to the map controller, the only map writer, once the story UI
// is on screen to measure and the layers the view needs are read.
import type { ReactiveController } from 'lit';
import { MapController } from '../map/map-controller';
import { stepReferences } from '../story/load-story';
import type { CameraState, MapView } from '../map/map-view';
import type { AppEvent, AppState } from './app-state';
import { mapViewOf } from './derive';
import type { LayoutController } from './layout-controller';
import type { Shell, StateListener } from './shell';
import { assetBase, pageUrl } from '../embed/asset-url';

/** If the browser does not give a lost WebGL context back, a new map is built after this. */
const CONTEXT_REBUILD_MS = 5000;

/** The studio's hold on the map: free rotation and tilt, and every camera move reported. */
export interface Authoring {
  readonly enabled: boolean;
  cameraMoved(camera: CameraState): void;
}

/** Which of the story's layers are read: the session waits for a view's before showing it. */
export interface LayerSupply {
  /** True when everything `ids` name is read, or can no longer be. */
  has(ids: readonly string[]): boolean;
  /** Reads every layer not read yet; each that arrives changes the state. */
  loadRest(): void;
}

/** What a view needs read before the map controller may apply it. */
export function viewIds(view: MapView): { now: readonly string[]; soon: readonly string[] } {
  if (view.kind === 'step') return { now: stepReferences(view.step), soon: [] };
  if (view.kind === 'explore')
    // A focus frames once; the layers shown can come in one by one.
    return { now: view.focus?.ids ?? [], soon: view.layers };
  return { now: [], soon: [] };
}

export class MapSession implements ReactiveController, StateListener {
  #controller: MapController | undefined;
  #contextTimer: ReturnType<typeof setTimeout> | undefined;
  #applyPending = false;
  #reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

  constructor(
    private readonly shell: Shell,
    private readonly layout: LayoutController,
    private readonly supply: LayerSupply,
    private readonly authoring?: Authoring,
  ) {
    shell.host.addController(this);
    shell.listen(this);
  }

  /** The MapLibre map, once it is made and its style loaded. */
  get map() {
    return this.#controller?.map;
  }

  /** Where the camera is now (undefined without a map). */
  camera(): CameraState | undefined {
    return this.#controller?.map ? this.#controller.camera : undefined;
  }

  /** The map as drawn, as an image URL (undefined without a map). */
  capture(): Promise<string | undefined> {
    return this.#controller?.capture() ?? Promise.resolve(undefined);
  }

  hostDisconnected() {
    clearTimeout(this.#contextTimer);
    this.#controller?.detach();
    this.#controller = undefined;
  }

  stateChanged(prev: AppState, next: AppState) {
    // The studio's save replaced the story on the same map: its layers are made again.
    if (prev.data && next.data && next.data.story !== prev.data.story)
      this.#controller?.clearData();
    this.apply(next);
  }

  /**
   * A new map in place of the one there was; resolves with why it cannot be drawn (no
   * WebGL), or undefined once it is ready.
   */
  async make(): Promise<string | undefined> {
    clearTimeout(this.#contextTimer);
    this.#controller?.detach();
    const controller = this.#makeController();
    this.#controller = controller;
    try {
      await controller.attach(this.#container());
      return undefined;
    } catch (err) {
      if (this.#controller === controller) {
        controller.detach();
        this.#controller = undefined;
      }
      return (err as Error)?.message ?? String(err);
    }
  }

  /** A new map on the same story and state. */
  async rebuild() {
    const failed = await this.make();
    if (failed) {
      this.shell.dispatch({ type: 'warn', messages: [`Map: ${failed}`] });
      return;
    }
    this.shell.dispatch({ type: 'reapply' });
    // Exploring keeps its view (no new run): the new map is given it all the same.
    this.apply(this.shell.state());
  }

  apply(state: AppState) {
    const controller = this.#controller;
    if (!controller?.map || !state.data) return;
    // The insets need the card or panel on screen; after the first render the camera starts
    // before anything re-renders, so a key press moves the map within the same frame.
    if (!this.layout.ready) {
      if (this.#applyPending) return;
      this.#applyPending = true;
      void this.layout.whenReady().then(() => {
        this.#applyPending = false;
        this.apply(this.shell.state());
      });
      return;
    }
    const view = mapViewOf(state);
    // The controller settles a step only once, so it gets the step when its layers are in
    // (the previous step stays until then: each layer that arrives changes the state and
    // brings the view here again); an explore view's layers can follow it.
    const { now, soon } = viewIds(view);
    if (!this.supply.has(soon)) this.supply.loadRest();
    if (!this.supply.has(now)) {
      this.supply.loadRest();
      return;
    }
    controller.apply(view, {
      insets: this.layout.insets(),
      // A handout's pictures need each step's view, not the flight to it; a scroll reader's
      // camera moves with the reader's progress, so its steps arrive whole.
      reducedMotion: this.#reducedMotion.matches || ['print', 'scroll'].includes(state.phase.name),
    });
  }

  /** The scroll reader between step `index` and the next (src/app/scroll-controller.ts). */
  scrub(index: number, progress: number) {
    const steps = this.shell.state().data?.story.steps;
    const from = steps?.[index];
    if (!from || !this.#controller?.map || !this.layout.ready) return;
    this.#controller.scrub(from, steps[index + 1], progress, {
      insets: this.layout.insets(),
      reducedMotion: true,
    });
  }

  /** The studio's "Fit to highlighted": frames the step's highlighted features. */
  frameHighlighted() {
    const state = this.shell.state();
    const step = state.data?.story.steps[state.step];
    if (!step?.highlight.length || !this.#controller?.map) return;
    this.#controller.frame(step.highlight, {
      insets: this.layout.insets(),
      reducedMotion: this.#reducedMotion.matches,
    });
  }

  #container(): HTMLElement {
    return this.shell.host.renderRoot.querySelector<HTMLElement>('#map')!;
  }

  #makeController(): MapController {
    const { lang, basemap } = this.shell.state();
    const dispatch = (event: AppEvent) => this.shell.dispatch(event);
    return new MapController({
      lang,
      // The element's own files (fonts, the embedded basemap) beside its code; a basemap the
      // host gives is the page's URL.
      baseUrl: assetBase(),
      ...(basemap ? { basemapUrl: pageUrl(basemap) } : {}),
      // Only the app's own page (sync-url) owns the wheel and one-finger drags.
      cooperativeGestures: !this.shell.host.hasAttribute('sync-url'),
      onWarning: (message) => dispatch({ type: 'warn', messages: [message] }),
      onFeaturePick: (picked) => dispatch({ type: 'select', id: String(picked.properties.id) }),
      onUserMove: (camera) => dispatch({ type: 'camera-moved', camera }),
      ...(this.authoring?.enabled
        ? {
            authoring: true,
            onCamera: (camera: CameraState) => this.authoring?.cameraMoved(camera),
          }
        : {}),
      onSettled: (run) => dispatch({ type: 'settled', run }),
      onContextLost: () => {
        clearTimeout(this.#contextTimer);
        this.#contextTimer = setTimeout(() => void this.rebuild(), CONTEXT_REBUILD_MS);
      },
      onContextRestored: () => {
        clearTimeout(this.#contextTimer);
        dispatch({ type: 'reapply' });
      },
    });
  }
}
