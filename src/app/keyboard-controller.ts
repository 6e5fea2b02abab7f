// Story keys as a Lit reactive controller: arrows, a presenter clicker's PageUp/PageDown and
// Home/End step through the story while it is shown (not while exploring or in a dialog).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { exploringOf, type AppEvent, type AppState } from './app-state';
import { isOwnedByControl, keyAction } from './keyboard';

export interface KeyboardHost extends ReactiveControllerHost, HTMLElement {
  readonly appState: AppState;
  dispatch(event: AppEvent): void;
}

export class KeyboardController implements ReactiveController {
  constructor(private readonly host: KeyboardHost) {
    host.addController(this);
  }

  hostConnected() {
    window.addEventListener('keydown', this.#onKeyDown);
  }

  hostDisconnected() {
    window.removeEventListener('keydown', this.#onKeyDown);
  }

  #onKeyDown = (e: KeyboardEvent) => {
    const state = this.host.appState;
    if (state.about || exploringOf(state) || state.load !== 'ready') return;
    const action = keyAction(e);
    if (!action) return;
    const path = e.composedPath();
    // The app's own page (sync-url) takes keys aimed at nothing in particular too; an
    // element embedded in another page only those aimed at it (it or its inside has focus).
    const active = document.activeElement;
    const ownsPage = this.host.hasAttribute('sync-url');
    if (!path.includes(this.host) && (!ownsPage || (active && active !== document.body))) return;
    if (isOwnedByControl(path)) return;
    e.preventDefault();
    this.host.dispatch({ type: 'go', to: action });
  };
}
