// Explore mode's inputs as a Lit reactive controller: the panel's layer toggles, year,
// search and file picks, the feature card's close, and files dropped on the map, turned into
// app events. A reader's own file is validated here and, as a layer, handed to the state.
import type { ReactiveController } from 'lit';
import { USER_LAYER_PREFIX, userLayerFromFile } from '../geo/user-geojson';
import type { UiEventMap } from '../ui/events';
import { exploringOf } from './app-state';
import type { Shell } from './shell';

type Listener<K extends keyof UiEventMap> = (e: CustomEvent<UiEventMap[K]>) => void;

export class ExploreController implements ReactiveController {
  readonly #listeners: { [K in keyof UiEventMap]?: Listener<K> } = {
    'ui-layer-toggle': (e) => this.shell.dispatch({ type: 'toggle-layer', ...e.detail }),
    'ui-year-change': (e) => this.shell.dispatch({ type: 'set-year', year: e.detail.year }),
    'ui-place-select': (e) => this.shell.dispatch({ type: 'choose-place', id: e.detail.id }),
    'ui-geojson-file': (e) => void this.#addFile(e.detail.file),
    'ui-feature-close': () => this.shell.dispatch({ type: 'select' }),
  };

  constructor(private readonly shell: Shell) {
    shell.host.addController(this);
  }

  get #host() {
    return this.shell.host;
  }

  hostConnected() {
    for (const [type, fn] of Object.entries(this.#listeners))
      this.#host.addEventListener(type, fn as EventListener);
    this.#host.addEventListener('dragover', this.#onDragOver);
    this.#host.addEventListener('drop', this.#onDrop);
  }

  hostDisconnected() {
    for (const [type, fn] of Object.entries(this.#listeners))
      this.#host.removeEventListener(type, fn as EventListener);
    this.#host.removeEventListener('dragover', this.#onDragOver);
    this.#host.removeEventListener('drop', this.#onDrop);
  }

  /** Adds a reader's GeoJSON file as a layer of its own; nothing leaves the device. */
  async #addFile(file: File) {
    // The layers are counted once the file is read, so two files dropped together get two
    // numbers.
    const result = await userLayerFromFile(file, () => {
      const layers = this.shell.state().data?.index.layers ?? [];
      return layers.filter((l) => l.meta.id.startsWith(USER_LAYER_PREFIX)).length + 1;
    });
    if (!result.ok) {
      this.shell.dispatch({ type: 'warn', messages: result.messages });
      return;
    }
    this.shell.dispatch({
      type: 'user-layer-added',
      layer: { meta: result.meta, data: result.data },
    });
  }

  #isKiosk() {
    return this.shell.state().phase.name === 'kiosk';
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
    if (!exploringOf(this.shell.state())) {
      const camera = this.shell.camera();
      this.shell.dispatch({ type: 'explore', ...(camera ? { camera } : {}) });
    }
    void this.#addFile(file);
  };
}
