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
    // In an embed, only keys aimed at this element (or at nothing in particular) drive it.
    const active = document.activeElement;
    if (!path.includes(this.shell.host) && active && active !== document.body) return;
    if (isOwnedByControl(path)) return;
    e.preventDefault();
    this.shell.dispatch({ type: 'go', to: action });
  };
}
