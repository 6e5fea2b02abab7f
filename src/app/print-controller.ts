// The printable handout as a Lit reactive controller. In print mode the app state walks
// through the steps; each time a step has settled, this takes the map's picture and tells
// the state to move on; when every step is pictured the element gets `print-ready`.
import type { AppState } from './app-state';
import type { Shell, StateListener } from './shell';

export class PrintController implements StateListener {
  /** Each step's map picture, by step index. */
  readonly pictures = new Map<number, string>();

  constructor(
    private readonly shell: Shell,
    /** The map as it is drawn now, as an image URL (undefined without a map). */
    private readonly capture: () => Promise<string | undefined>,
  ) {
    shell.listen(this);
  }

  stateChanged(prev: AppState, next: AppState) {
    const { phase } = next;
    const host = this.shell.host;
    if (phase.name !== 'print') {
      if (prev.phase.name === 'print') {
        this.pictures.clear();
        host.removeAttribute('print-ready');
      }
      return;
    }
    if (phase.ready) {
      if (prev.phase.name !== 'print' || !prev.phase.ready) void this.#markReadyWhenDrawn();
      return;
    }
    host.removeAttribute('print-ready');
    // A new handout (a new story, or a saved version) starts with no pictures.
    if (prev.phase.name !== 'print' || prev.data?.story !== next.data?.story) this.pictures.clear();
    if (next.load !== 'ready') return;
    // Each run's picture is taken once: when that run settles.
    if (next.settled !== next.run || prev.settled === next.settled) return;
    const index = next.step;
    void this.capture().then((picture) => {
      if (picture) this.pictures.set(index, picture);
      this.shell.dispatch({ type: 'print-captured', index });
      host.requestUpdate();
    });
  }

  // The handout's code loads on demand: `print-ready` promises a drawn handout, so it waits
  // for the element to render it, for print-view to be defined and for it to render.
  async #markReadyWhenDrawn() {
    const host = this.shell.host;
    await host.updateComplete;
    await customElements.whenDefined('print-view');
    const handout = host.renderRoot.querySelector<
      HTMLElement & { updateComplete?: Promise<unknown> }
    >('print-view');
    await handout?.updateComplete;
    const { phase } = this.shell.state();
    if (phase.name === 'print' && phase.ready) host.setAttribute('print-ready', '');
  }
}
