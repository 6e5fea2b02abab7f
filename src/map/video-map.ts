// The map of a video, drawn frame by frame: MapLibre's clock is frozen and set to the video's
// time before each frame, the camera is set from the video's flight path, the step's
// animations are stepped to the frame's time, and a frame is taken in the map's `render`
// event only once every tile, glyph and label of that frame is in. The step's layers, year
// and highlights are applied by the app's own MapController, as the app applies them.
import { restoreNow, setNow, type Map as MapLibreMap } from 'maplibre-gl';
import type { Step } from '../story/model';
import type { FeatureIndex } from '../geo/feature-index';
import { featuresBBox } from '../spatial/bounds';
import type { FlightCamera } from '../spatial/flight';
import { MapController, type Insets } from './map-controller';
import { AnimationRun } from './animations';
import { animationTargets } from './step-plan';
import type { Lang } from './layer-styles';

export interface VideoMapOptions {
  lang: Lang;
  baseUrl: string;
  basemapUrl?: string;
  onWarning?: (message: string) => void;
}

/** How long one frame may wait for its data before it is taken as it is (and a warning said). */
const FRAME_DATA_TIMEOUT_MS = 60_000;

/** MapLibre's own flags for work still to do before a frame is final (6.17: private). */
interface PendingWork {
  _placementDirty?: boolean;
}

export class VideoMap {
  readonly controller: MapController;
  #map: MapLibreMap | undefined;
  #index: FeatureIndex | undefined;
  #lang: Lang;
  #run = 0;
  #animation: AnimationRun | undefined;
  #insets: Insets = { top: 0, bottom: 0, left: 0, right: 0 };
  /** The frozen clock's origin, so MapLibre's time is positive and the same every render. */
  #epoch = 1_000_000;

  constructor(
    private readonly container: HTMLElement,
    private readonly options: VideoMapOptions,
  ) {
    this.#lang = options.lang;
    this.controller = new MapController({
      lang: options.lang,
      baseUrl: options.baseUrl,
      ...(options.basemapUrl ? { basemapUrl: options.basemapUrl } : {}),
      ...(options.onWarning ? { onWarning: options.onWarning } : {}),
    });
  }

  /** Makes the map (one CSS pixel per video pixel, clock frozen) with the story's data. */
  async open(index: FeatureIndex, insets: Insets): Promise<void> {
    setNow(this.#epoch);
    const map = await this.controller.attach(this.container);
    map.setPixelRatio(1);
    this.#map = map;
    this.#index = index;
    this.#insets = insets;
    map.jumpTo({ padding: insets });
  }

  get camera(): FlightCamera {
    const c = this.controller.camera;
    return { center: c.center, zoom: c.zoom, bearing: c.bearing, pitch: c.pitch };
  }

  /**
   * Applies `step` (its layers, year and highlights, framed within the insets) and returns the
   * camera it arrives at; the camera is left where it was, for the flight to start from.
   */
  showStep(step: Step): FlightCamera {
    const map = this.#requireMap();
    this.stopAnimations();
    const from = this.camera;
    this.controller.apply(
      { kind: 'step', lang: this.#lang, index: this.#requireIndex(), step, run: ++this.#run },
      { insets: this.#insets, reducedMotion: true },
    );
    const to = this.camera;
    map.jumpTo(from);
    return to;
  }

  setCamera(camera: FlightCamera) {
    this.#requireMap().jumpTo(camera);
  }

  /** The step's animations, on the video's clock (`seekAnimations`). */
  startAnimations(step: Step) {
    this.stopAnimations();
    if (!step.animations.length) return;
    this.#animation = new AnimationRun(
      this.#requireMap(),
      step.animations.map((animation) => ({
        animation,
        targets: animationTargets(this.#requireIndex(), animation.targets, step.mapYear),
      })),
      { manual: true },
    );
  }

  /** Sets the animations to `ms` after their start; false once they have all ended. */
  seekAnimations(ms: number): boolean {
    return this.#animation?.seek(ms) ?? false;
  }

  stopAnimations() {
    this.#animation?.stop();
    this.#animation = undefined;
  }

  /**
   * Draws the map as it is at `timeMs` of the video and hands its canvas to `take` inside the
   * map's `render` event (WebGL keeps its picture only until then). When the frame's data is
   * still loading, the frame waits for it: that is the point of rendering frame by frame.
   */
  async frame(timeMs: number, take: (canvas: HTMLCanvasElement) => void): Promise<void> {
    const map = this.#requireMap();
    setNow(this.#epoch + timeMs);
    const started = performance.now();
    for (;;) {
      let taken = false;
      const onRender = () => {
        if (!this.#complete(map)) return;
        take(map.getCanvas());
        taken = true;
      };
      map.once('render', onRender);
      map.redraw();
      map.off('render', onRender);
      if (taken) return;
      if (performance.now() - started > FRAME_DATA_TIMEOUT_MS) {
        this.options.onWarning?.(
          `video: the map's data for ${Math.round(timeMs)} ms did not finish loading; frame taken as it was`,
        );
        map.once('render', () => take(map.getCanvas()));
        map.redraw();
        return;
      }
      // MapLibre repaints when data arrives or work remains: wait for that, then draw again.
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          map.off('render', done);
          map.off('data', done);
          resolve();
        };
        const timer = setTimeout(done, 1000);
        map.once('render', done);
        map.once('data', done);
      });
    }
  }

  #complete(map: MapLibreMap): boolean {
    return Boolean(map.isStyleLoaded()) && !(map as unknown as PendingWork)._placementDirty;
  }

  /**
   * Where the features `ids` (layers or features) are on the frame, in pixels: the corners
   * and centre of their box, for checking that nothing covers them.
   */
  subjectPoints(ids: readonly string[]): [number, number][] {
    const map = this.#requireMap();
    const features = ids.flatMap((id) => {
      const layer = this.#index?.layer(id);
      if (layer) return layer.data.features;
      const entry = this.#index?.feature(id);
      return entry ? [entry.feature] : [];
    });
    const bbox = featuresBBox(features);
    if (!bbox) return [];
    const [w, s, e, n] = bbox;
    const corners: [number, number][] = [
      [w, s],
      [w, n],
      [e, s],
      [e, n],
      [(w + e) / 2, (s + n) / 2],
    ];
    return corners.map((c) => {
      const p = map.project(c);
      return [p.x, p.y];
    });
  }

  /** The map data's credits, as the map's attribution line would give them (plain text). */
  attributions(): string[] {
    const map = this.#requireMap();
    const texts = Object.values(map.getStyle().sources).flatMap((s) =>
      'attribution' in s && typeof s.attribution === 'string' ? [s.attribution] : [],
    );
    const plain = texts.map((t) =>
      t
        .replace(/<[^>]*>/g, '')
        .replace(/&copy;/g, '©')
        .replace(/&amp;/g, '&')
        .trim(),
    );
    return [...new Set(plain.filter(Boolean))];
  }

  close() {
    this.stopAnimations();
    this.controller.detach();
    this.#map = undefined;
    restoreNow();
  }

  #requireIndex(): FeatureIndex {
    if (!this.#index) throw new Error('The video map is not open');
    return this.#index;
  }

  #requireMap(): MapLibreMap {
    if (!this.#map) throw new Error('The video map is not open');
    return this.#map;
  }
}
