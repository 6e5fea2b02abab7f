// What <story-map>'s controllers may do with it: a private facade the element makes and
// hands to each controller it constructs, so nothing of this is on the element's public
// surface (that is the documented contract only, docs/CONTRACT.md).
import type { LitElement } from 'lit';
import type { CameraState } from '../map/map-view';
import type { AppEvent, AppState } from './app-state';

/** Told each state change as it happens: once, synchronously, with the state before and after. */
export interface StateListener {
  stateChanged(prev: AppState, next: AppState): void;
}

export interface Shell {
  /** The element, for Lit's controller protocol, its render root and the events it hears. */
  readonly host: LitElement;
  /** The state now: for an input as it arrives. Changes come through `listen`. */
  state(): AppState;
  /** The one way the state changes. */
  dispatch(event: AppEvent): void;
  /** Adds a listener to the fan-out that follows every change. */
  listen(listener: StateListener): void;
  /** Where the map's camera is now (undefined without a map). */
  camera(): CameraState | undefined;
}
