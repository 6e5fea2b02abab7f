// Story keys as a Lit reactive controller: arrows, a presenter clicker's PageUp/PageDown and
// Home/End step through the story while it is shown (not while exploring or in a dialog).
import type { ReactiveController } from 'lit';
import { exploringOf } from './app-state';
import { isOwnedByControl, keyAction } from './keyboard';
import type { Shell } from './shell';

export class KeyboardController implements ReactiveController {
  constructor(private readonly shell: Shell) {
    shell.host.addController(this);
  }

  hostConnected() {
    window.addEventListener('keydown', this.#onKeyDown);
  }

  hostDisconnected() {
    window.removeEventListener('keydown', this.#onKeyDown);
  }

  #onKeyDown = (e: KeyboardEvent) => {
    const state = this.shell.state();
    if (state.about || exploringOf(state) || state.load !== 'ready') return;
    const action = keyAction(e);
    if (!action) return;
    const path = e.composedPath();
    // The app's own page (sync-url) takes keys aimed at nothing in particular too; an
    // element embedded in another page only those aimed at it (it or its inside has focus).
    const active = document.activeElement;
    const ownsPage = this.shell.host.hasAttribute('sync-url');
    if (!path.includes(this.shell.host) && (!ownsPage || (active && active !== document.body)))
      return;
    if (isOwnedByControl(path)) return;
    e.preventDefault();
    this.shell.dispatch({ type: 'go', to: action });
  };
}
