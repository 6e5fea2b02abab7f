// The printable handout as a Lit reactive controller. In print mode the app state walks
// through the steps; each time a step has settled, this takes the map's picture and tells
// the state to move on; when every step is pictured the element gets `print-ready`.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AppEvent, AppState } from './app-state';

export interface PrintHost extends ReactiveControllerHost, HTMLElement {
  readonly appState: AppState;
  readonly renderRoot: HTMLElement | DocumentFragment;
  dispatch(event: AppEvent): void;
  /** The map as it is drawn now, as an image URL (undefined without a map). */
  captureMap(): Promise<string | undefined>;
}

export class PrintController implements ReactiveController {
  /** Each step's map picture, by step index. */
  readonly pictures = new Map<number, string>();
  #capturedRun = -1;

  constructor(private readonly host: PrintHost) {
    host.addController(this);
  }

  hostUpdated() {
    const state = this.host.appState;
    const { phase } = state;
    if (phase.name !== 'print') {
      this.pictures.clear();
      this.#capturedRun = -1;
      this.host.removeAttribute('print-ready');
      return;
    }
    if (phase.ready) {
      void this.#markReadyWhenDrawn();
      return;
    }
    this.host.removeAttribute('print-ready');
    if (state.load !== 'ready') return;
    if (state.settled !== state.run || this.#capturedRun === state.run) return;
    this.#capturedRun = state.run;
    const index = state.step;
    void this.host.captureMap().then((picture) => {
      if (picture) this.pictures.set(index, picture);
      this.host.dispatch({ type: 'print-captured', index });
      this.host.requestUpdate();
    });
  }

  // The handout's code loads on demand: `print-ready` promises a drawn handout, so it waits
  // for the element to be defined and rendered.
  async #markReadyWhenDrawn() {
    await customElements.whenDefined('print-view');
    const handout = this.host.renderRoot.querySelector<
      HTMLElement & { updateComplete?: Promise<unknown> }
    >('print-view');
    await handout?.updateComplete;
    const { phase } = this.host.appState;
    if (phase.name === 'print' && phase.ready) this.host.setAttribute('print-ready', '');
  }
}
