// The story's files, as a Lit reactive controller: it opens the story (and the layers of its
// first view) while the map session makes the map, reads the other layers once that view is
// on screen (or as soon as a view needs them), and reads the story again when the studio's
// live preview says a file was saved. What it reads it reports as app events: the story's
// data lives in the app state only.
import { storyUrl } from '../embed/asset-url';
import type { ReactiveController } from 'lit';
import { checkStory } from '../story/check-story';
import { fetchText, openStory, stepReferences, type StoryLayers } from '../story/load-story';
import { DataErrors, formatError } from '../story/errors';
import { resolveStep } from '../story/navigator';
import type { Story } from '../story/model';
import type { AppState, DeepLink } from './app-state';
import type { LayerSupply, MapSession } from './map-session';
import type { Shell, StateListener } from './shell';
import { emitPublic } from './story-events';

/**
 * The layer and feature ids the first view needs: the step the story opens on and, in
 * explore, the layers the view shows and frames (without a camera or layers of its own, the
 * explore view frames the whole story, so it needs every layer).
 */
export function firstViewIds(
  story: Story,
  link: DeepLink,
  exploring: boolean,
  allLayerIds: readonly string[],
): string[] {
  const index = link.step !== undefined ? resolveStep(story.steps, link.step) : undefined;
  const step = story.steps[index ?? 0];
  if (!step) return [];
  if (!exploring) return stepReferences(step);
  const shown = link.layers ?? step.layers;
  if (!link.camera && !shown.length) return [...allLayerIds];
  return [...shown];
}

export class StoryLoader implements ReactiveController, StateListener, LayerSupply {
  /** The story's layers still to come (none once all are read, or after a studio save). */
  #layers: StoryLayers | undefined;
  /** Bumped by each (re)load, so a slower earlier load never lands over a newer one. */
  #token = 0;

  constructor(
    private readonly shell: Shell,
    private readonly session: MapSession,
  ) {
    shell.host.addController(this);
    shell.listen(this);
  }

  hostConnected() {
    // Re-attached after a disconnect: the story is still loaded, the map is not.
    if (this.shell.host.hasUpdated)
      void (this.shell.state().data ? this.session.rebuild() : this.load());
  }

  hostDisconnected() {
    this.#token += 1;
  }

  stateChanged(prev: AppState, next: AppState) {
    if (!this.shell.host.hasUpdated) return;
    if (next.story !== prev.story) void this.load();
    else if (next.basemap !== prev.basemap) void (next.data ? this.session.rebuild() : this.load());
    // The first view is on screen: now the rest of the story's layers.
    else if (next.settled !== prev.settled) this.#layers?.loadRest();
  }

  has(ids: readonly string[]): boolean {
    return this.#layers?.has(ids) ?? true;
  }

  loadRest() {
    this.#layers?.loadRest();
  }

  /** Opens the story (its first view's layers) and makes the map, both at once. */
  async load() {
    const token = ++this.#token;
    this.#stopLayers();
    const state = this.shell.state();
    const link = state.link ?? {};
    const exploring = state.phase.name === 'explore';
    const base = document.baseURI;
    const [made, opened] = await Promise.allSettled([
      this.session.make(),
      openStory(storyUrl(state.story), base, {
        first: (story, layerIds) => firstViewIds(story, link, exploring, layerIds),
      }),
    ]);
    if (token !== this.#token) return;
    if (opened.status === 'rejected') {
      const err = opened.reason;
      const messages = err instanceof DataErrors ? err.errors.map(formatError) : [String(err)];
      this.shell.dispatch({ type: 'story-failed', messages });
      emitPublic(this.shell.host, 'story-error', { messages });
      return;
    }
    const { loaded, layerIds, layers } = opened.value;
    this.#layers = layers;
    // Layers keep arriving while the element is detached: a re-attached one has them all.
    layers.onLayer = (layer) => {
      if (layers === this.#layers) this.shell.dispatch({ type: 'layers-arrived', layers: [layer] });
    };
    void layers.complete.then(({ newWarnings }) => {
      // Every layer is in: what the full cross-check found that the first one could not.
      if (layers === this.#layers && newWarnings.length)
        this.shell.dispatch({ type: 'warn', messages: newWarnings.map(formatError) });
    });
    const noMap = made.status === 'fulfilled' ? made.value : String(made.reason);
    this.shell.dispatch({
      type: 'story-loaded',
      read: {
        story: loaded.story,
        groups: loaded.groups,
        layers: loaded.layers,
        layerIds,
        warnings: loaded.warnings,
      },
      ...(noMap ? { noMap } : {}),
    });
    // Without a map (or with the free map, whose panel lists every layer) nothing waits for
    // a first step to settle: the other layers come at once.
    if (noMap || exploring) layers.loadRest();
  }

  /**
   * The live preview: the story file or a layer was saved. The new version replaces the one
   * shown, on the same step; a version with errors is refused (its errors listed) and the
   * shown one stays. A story that had failed to open is simply opened again.
   */
  async replace() {
    // Dev servers only: a production build leaves the whole check out.
    if (!import.meta.env.DEV) return;
    const state = this.shell.state();
    if (state.load === 'failed') return this.load();
    if (state.load !== 'ready' || !state.data) return;
    const token = ++this.#token;
    // The whole check `npm run validate` makes: a save it would fail is refused, even one the
    // app could play around (an unknown layer), so the author sees it now, not at the build.
    const url = storyUrl(state.story);
    const check = await checkStory(url, document.baseURI, fetchText);
    if (token !== this.#token) return;
    const loaded = check.loaded;
    if (check.errors.length || !loaded) {
      const messages = check.errors.length
        ? check.errors.map(formatError)
        : [`${state.story}: could not be loaded`];
      this.shell.dispatch({ type: 'story-rejected', messages });
      return;
    }
    // The check read every layer: none is still to come.
    this.#stopLayers();
    this.shell.dispatch({
      type: 'story-replaced',
      read: {
        story: loaded.story,
        groups: loaded.groups,
        layers: loaded.layers,
        layerIds: loaded.layers.map((l) => l.meta.id),
        warnings: [...loaded.warnings, ...check.warnings],
      },
    });
  }

  #stopLayers() {
    this.#layers?.stop();
    this.#layers = undefined;
  }
}
