// The dev server's authoring loop, as a Lit reactive controller: the live preview (every
// `npm run dev` and `npm run studio` page) and the studio panel (`?studio`).
// - Live preview: the dev server sends `story-data:changed` when a file under stories/ or
//   geo/ is saved (scripts/vite-story-data.ts); the session reads the story again and shows
//   the new version on the same step, or keeps the shown one and lists the new one's errors.
// - Studio: the map rotates and tilts, the panel reads the camera on every move, and
//   "Fit to highlighted" frames the step's highlighted features.
// In a production build `import.meta.env.DEV` is false: none of this is bundled or listened for.
import type { ReactiveController } from 'lit';
import type { LiveCamera } from '../story/camera-snippet';
import type { StudioProblem } from '../ui/studio-panel';
import type { AppState } from './app-state';
import type { Shell } from './shell';

/** What scripts/vite-story-data.ts sends when a data file is saved. */
const DATA_CHANGED_EVENT = 'story-data:changed';

/** The story's problems as the panel lists them: the refused save's errors, then warnings. */
export function studioProblems(state: AppState): StudioProblem[] {
  return [
    ...state.editErrors.map((text) => ({ severity: 'error' as const, text })),
    ...state.errors.map((text) => ({ severity: 'error' as const, text })),
    ...state.warnings.map((text) => ({ severity: 'warning' as const, text })),
  ];
}

export class StudioController implements ReactiveController {
  #listening = false;
  #camera: LiveCamera | undefined;

  constructor(
    private readonly shell: Shell,
    /** The page asked for the studio (`?studio`); read late, as the URL is read on connect. */
    private readonly asked: () => boolean,
    /** Reads the story again after a save (StoryLoader.replace). */
    private readonly reload: () => void,
  ) {
    shell.host.addController(this);
  }

  /** The panel is shown and the map is free to rotate and tilt. */
  get enabled(): boolean {
    return import.meta.env.DEV && this.asked();
  }

  hostConnected() {
    // Written out (not `this.enabled`) so a production build drops the panel's code.
    if (import.meta.env.DEV && this.asked()) void import('../ui/studio-panel');
    if (!import.meta.hot || this.#listening) return;
    import.meta.hot.on(DATA_CHANGED_EVENT, this.#changed);
    this.#listening = true;
  }

  hostDisconnected() {
    if (!import.meta.hot || !this.#listening) return;
    import.meta.hot.off(DATA_CHANGED_EVENT, this.#changed);
    this.#listening = false;
  }

  /**
   * The live camera goes straight to the panel: a property set on it, not a render of the
   * whole element on every frame of a move.
   */
  cameraMoved(camera: LiveCamera) {
    this.#camera = camera;
    this.#showCamera();
  }

  hostUpdated() {
    if (this.enabled) this.#showCamera();
  }

  #showCamera() {
    const panel = this.shell.host.renderRoot.querySelector('studio-panel');
    if (panel) (panel as HTMLElement & { camera?: LiveCamera }).camera = this.#camera;
  }

  #changed = () => this.reload();
}
