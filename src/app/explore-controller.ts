// Explore mode's inputs as a Lit reactive controller: the panel's layer toggles, year,
// search and file picks, the feature card's close, and files dropped on the map, turned into
// app events. A reader's own file is validated here and added to the story's feature index.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FeatureIndex } from '../geo/feature-index';
import { userLayerFromFile } from '../geo/user-geojson';
import type { CameraState } from '../map/map-view';
import type { UiEventMap } from '../ui/events';
import { exploringOf, type AppEvent, type AppState } from './app-state';

export interface ExploreHost extends ReactiveControllerHost, HTMLElement {
  readonly appState: AppState;
  readonly featureIndex: FeatureIndex | undefined;
  dispatch(event: AppEvent): void;
  /** Where the camera is now, so exploring starts there. */
  currentCamera(): CameraState | undefined;
}

type Listener<K extends keyof UiEventMap> = (e: CustomEvent<UiEventMap[K]>) => void;

export class ExploreController implements ReactiveController {
  #userLayers = 0;
  readonly #listeners: { [K in keyof UiEventMap]?: Listener<K> } = {
    'ui-layer-toggle': (e) =>
      this.host.dispatch({ type: 'toggle-layer', ...e.detail, order: this.#order() }),
    'ui-year-change': (e) => this.host.dispatch({ type: 'set-year', year: e.detail.year }),
    'ui-place-select': (e) => this.#choose(e.detail.id),
    'ui-geojson-file': (e) => void this.addFile(e.detail.file),
    'ui-feature-close': () => this.host.dispatch({ type: 'select' }),
  };

  constructor(private readonly host: ExploreHost) {
    host.addController(this);
  }

  hostConnected() {
    for (const [type, fn] of Object.entries(this.#listeners))
      this.host.addEventListener(type, fn as EventListener);
    this.host.addEventListener('dragover', this.#onDragOver);
    this.host.addEventListener('drop', this.#onDrop);
  }

  hostDisconnected() {
    for (const [type, fn] of Object.entries(this.#listeners))
      this.host.removeEventListener(type, fn as EventListener);
    this.host.removeEventListener('dragover', this.#onDragOver);
    this.host.removeEventListener('drop', this.#onDrop);
  }

  /** Adds a reader's GeoJSON file as a layer of its own; nothing leaves the device. */
  async addFile(file: File) {
    const index = this.host.featureIndex;
    if (!index) return;
    const result = await userLayerFromFile(file, this.#userLayers + 1);
    if (!result.ok) {
      this.host.dispatch({ type: 'warn', messages: result.messages });
      return;
    }
    this.#userLayers += 1;
    index.add({ meta: result.meta, data: result.data });
    this.host.dispatch({ type: 'user-layer-added', id: result.meta.id, order: this.#order() });
  }

  /** A search result: its layer shown, the year moved to when it existed, its card open. */
  #choose(id: string) {
    const entry = this.host.featureIndex?.feature(id);
    if (!entry) return;
    const p = entry.feature.properties ?? {};
    this.host.dispatch({
      type: 'choose-place',
      id,
      layerId: entry.layerId,
      ...(typeof p.since === 'number' ? { since: p.since } : {}),
      ...(typeof p.until === 'number' ? { until: p.until } : {}),
      order: this.#order(),
    });
  }

  #order(): string[] {
    return (this.host.featureIndex?.layers ?? []).map((l) => l.meta.id);
  }

  #isKiosk() {
    return this.host.appState.phase.name === 'kiosk';
  }

  #onDragOver = (e: DragEvent) => {
    if (this.#isKiosk() || !e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };

  #onDrop = (e: DragEvent) => {
    const file = e.dataTransfer?.files[0];
    if (this.#isKiosk() || !file) return;
    e.preventDefault();
    if (!exploringOf(this.host.appState)) {
      const camera = this.host.currentCamera();
      this.host.dispatch({ type: 'explore', ...(camera ? { camera } : {}) });
    }
    void this.addFile(file);
  };
}
