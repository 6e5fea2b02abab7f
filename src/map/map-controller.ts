// The one owner and the only writer of the MapLibre map. The app hands it a view (a step,
// or the free explore map) with `apply`; it changes only what differs from the view it last
// applied. It attaches every map listener it needs in `attach` and removes them all, and the
// map, in `detach`, like a MapLibre control's onAdd/onRemove.
import { Map as MapLibreMap, setWorkerUrl, type PaddingOptions } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature } from 'geojson';
import type { Step } from '../story/model';
import { FeatureIndex } from '../geo/feature-index';
import { AnimationRun } from './animations';
import { LineReveal, scrubCamera } from './scrub';
import { lineReveal } from '../story/scroll-position';
import {
  layerFilters,
  labelField,
  sourceId,
  storyLayers,
  storySource,
  styleLayerIds,
  type Lang,
} from './layer-styles';
import { loadBasemap, loadDeferredData, setBasemapLanguage } from './basemap';
import { basemapYearFilters } from './basemap-style';
import { FeatureInteraction, type PickedFeature } from './feature-interaction';
import { applyCartography, mapFormFactor } from './cartography';
import { SubjectLayer } from './subject-layer';
import { subjectMarks } from './subject-marks';
import type { CameraState, MapView } from './map-view';
import { animationTargets, fitCamera, stepCamera, stepSubjects, type MapSize } from './step-plan';
import { cooperativeGestureText } from '../i18n/strings';

setWorkerUrl(workerUrl);

export type Insets = Required<PaddingOptions>;

type StepOutcome = 'settled' | 'superseded';

export interface MapControllerOptions {
  lang: Lang;
  baseUrl: string;
  /** A MapLibre style URL or a .pmtiles archive; the embedded basemap when absent or failing. */
  basemapUrl?: string;
  onWarning?: (message: string) => void;
  /** A feature was clicked or tapped. */
  onFeaturePick?: (picked: PickedFeature) => void;
  /** The reader moved the map, or a frame the app asked for arrived (not a story move). */
  onUserMove?: (camera: CameraState) => void;
  /** The step of this run is in place: camera arrived, layers applied, map idle. */
  onSettled?: (run: number) => void;
  /** The camera, on every move, for the studio's readout (only when wanted: it is often). */
  onCamera?: (camera: CameraState) => void;
  /** An author in the studio: rotating and tilting are on. */
  authoring?: boolean;
  /**
   * An element embedded in another page: the wheel and a one-finger drag scroll the page;
   * Ctrl/⌘ + wheel and two fingers move the map (MapLibre's cooperative gestures).
   */
  cooperativeGestures?: boolean;
  onContextLost?: () => void;
  onContextRestored?: () => void;
}

export interface ApplyOptions {
  insets: Insets;
  reducedMotion: boolean;
}

/** What `apply` last did, so the next view changes only what differs. */
interface Applied {
  kind: MapView['kind'] | 'none';
  run: number;
  cameraSeq: number;
  focusSeq: number;
}

/** Marks camera moves the story makes, so user-move handlers can ignore them. */
interface StoryMove {
  storyToken: number;
}

export class MapController {
  map: MapLibreMap | undefined;
  /** The layers and features of the view applied last (layers new in it are added). */
  #index: FeatureIndex | undefined;
  /** Story layers whose source and style layers are on the map. */
  #added = new Set<string>();
  #applied: Applied = { kind: 'none', run: -1, cameraSeq: 0, focusSeq: 0 };
  #visible = new Set<string>();
  #highlighted: { layerId: string; id: string }[] = [];
  #dimmed = new Set<string>();
  #year: number | undefined;
  #lang: Lang;
  #animation: AnimationRun | undefined;
  #currentToken = 0;
  #ready: Promise<MapLibreMap> | undefined;
  #detachers: (() => void)[] = [];
  /** Waits for story moves still under way; `detach` releases them. */
  #pendingMoves = new Set<() => void>();
  /** Markers, labels and label blockers for a step's subjects (issue #25). */
  #subjects: SubjectLayer | undefined;
  /** The scroll reader's place between two steps, kept so a step applied late keeps to it. */
  #scrub: { from: Step; to: Step | undefined; progress: number; opts: ApplyOptions } | undefined;
  #reveal: LineReveal | undefined;

  constructor(private readonly options: MapControllerOptions) {
    this.#lang = options.lang;
  }

  /** Creates the map in `container`; resolves once the style has loaded. */
  attach(container: HTMLElement): Promise<MapLibreMap> {
    this.#ready ??= (async () => {
      const style = await this.#style();
      const map = new MapLibreMap({
        container,
        style,
        center: [116.31, 39.98],
        zoom: 3,
        attributionControl: { compact: true },
        fadeDuration: 0,
        // An embed leaves the wheel and one-finger drags to the host page's scrolling.
        cooperativeGestures: Boolean(this.options.cooperativeGestures),
        ...(this.options.cooperativeGestures ? { locale: cooperativeGestureText(this.#lang) } : {}),
        // Readers pan and zoom; an author in the studio also rotates and tilts.
        dragRotate: Boolean(this.options.authoring),
        pitchWithRotate: Boolean(this.options.authoring),
        // The story format allows 85°; steep views are an author's choice.
        maxPitch: 85,
      });
      if (!this.options.authoring) map.touchZoomRotate.disableRotation();
      this.map = map;
      const onError = (e: { error?: { message?: string } }) =>
        this.options.onWarning?.(`Map: ${e.error?.message ?? 'unknown error'}`);
      map.on('error', onError);
      this.#detachers.push(() => map.off('error', onError));
      const interaction = new FeatureInteraction(
        map,
        () => [...this.#added],
        (p) => this.options.onFeaturePick?.(p),
      );
      this.#detachers.push(() => interaction.detach());
      const onMoveEnd = (e: object) => {
        if ((e as Partial<StoryMove>).storyToken === undefined)
          this.options.onUserMove?.(this.camera);
      };
      map.on('moveend', onMoveEnd);
      this.#detachers.push(() => map.off('moveend', onMoveEnd));
      const onCamera = this.options.onCamera;
      if (onCamera) {
        const onMove = () => onCamera(this.camera);
        map.on('move', onMove);
        this.#detachers.push(() => map.off('move', onMove));
      }
      const onLost = () => {
        this.#stopAnimations();
        this.options.onContextLost?.();
      };
      const onRestored = () => {
        // The restored context comes back without feature state: set it all again.
        this.#highlighted = [];
        this.#dimmed.clear();
        this.options.onContextRestored?.();
      };
      map.on('webglcontextlost', onLost);
      map.on('webglcontextrestored', onRestored);
      this.#detachers.push(() => {
        map.off('webglcontextlost', onLost);
        map.off('webglcontextrestored', onRestored);
      });
      if (!map.loaded()) await new Promise<void>((resolve) => map.once('load', () => resolve()));
      // The basemap's detailed data arrives when the camera first reaches its zooms.
      this.#detachers.push(loadDeferredData(map));
      this.#subjects = new SubjectLayer(map);
      this.#subjects.setLanguage(this.#lang);
      return map;
    })();
    return this.#ready;
  }

  async #style(): Promise<StyleSpecification> {
    const { basemapUrl, baseUrl } = this.options;
    const { style, warnings } = await loadBasemap({ basemapUrl, baseUrl, lang: this.#lang });
    for (const warning of warnings) this.options.onWarning?.(warning);
    return style;
  }

  detach() {
    this.#reveal = undefined;
    this.#scrub = undefined;
    this.#animation?.stop();
    for (const finish of [...this.#pendingMoves]) finish();
    for (const off of this.#detachers.splice(0)) off();
    this.map?.remove();
    this.map = undefined;
    this.#subjects = undefined;
    this.#ready = undefined;
    this.#forgetStoryLayers();
  }

  #forgetStoryLayers() {
    this.#added.clear();
    this.#visible.clear();
    this.#highlighted = [];
    this.#dimmed.clear();
    this.#applied = { kind: 'none', run: -1, cameraSeq: 0, focusSeq: 0 };
  }

  /**
   * A new version of the story's data on the same map (the live preview): the story's layers
   * go, and are made again from the next view's index, which is shown afresh.
   */
  clearData() {
    const map = this.map;
    if (map) {
      this.#stopAnimations();
      const sources = new Set([...this.#added].map(sourceId));
      for (const layer of map.getStyle().layers)
        if ('source' in layer && sources.has(layer.source)) map.removeLayer(layer.id);
      for (const id of sources) if (map.getSource(id)) map.removeSource(id);
    }
    this.#forgetStoryLayers();
    this.#index = undefined;
  }

  /** Shows `view`, changing only what differs from the view applied before. */
  apply(view: MapView, opts: ApplyOptions) {
    if (!this.map) return;
    if (view.kind !== 'idle') this.#index = view.index;
    this.#addNewLayers();
    applyCartography(this.map, this.#formFactor());
    this.#setLanguage(view.lang);
    const before = this.#applied;
    if (view.kind === 'step') {
      if (before.kind === 'step' && before.run === view.run) return;
      this.#applied = { ...before, kind: 'step', run: view.run };
      const run = view.run;
      void this.#showStep(view.step, run, opts).then((outcome) => {
        if (outcome === 'settled') this.options.onSettled?.(run);
      });
      return;
    }
    if (view.kind === 'idle') return;
    // A new explore view starts from the step's map, without its animations or an old focus.
    const fresh = before.kind !== 'explore';
    if (fresh) {
      this.#currentToken = -1;
      this.#stopAnimations();
      this.#subjects?.show({ type: 'FeatureCollection', features: [] }, this.map.getZoom());
    }
    this.#setVisibleLayers(view.layers);
    this.#setYear(view.year);
    this.#highlight(view.selected ? [view.selected] : []);
    const cameraSeq = fresh ? 0 : before.cameraSeq;
    const focusSeq = fresh ? 0 : before.focusSeq;
    if (view.camera && view.camera.seq !== cameraSeq) this.#jumpTo(view.camera.to);
    if (view.focus && view.focus.seq !== focusSeq)
      this.#frame(this.#index?.featuresOf(view.focus.ids) ?? [], opts, {
        padding: 40,
        duration: 1600,
      });
    this.#applied = {
      kind: 'explore',
      run: before.run,
      cameraSeq: view.camera?.seq ?? cameraSeq,
      focusSeq: view.focus?.seq ?? focusSeq,
    };
  }

  /** Adds each layer once (hidden); steps only change visibility, filters and state. */
  #addNewLayers() {
    const map = this.#requireMap();
    const fresh = (this.#index?.layers ?? []).filter((l) => !this.#added.has(l.meta.id));
    if (!fresh.length) return;
    for (const layer of fresh) {
      this.#added.add(layer.meta.id);
      map.addSource(sourceId(layer.meta.id), storySource(layer.data));
    }
    // Highlighted labels of every layer sit above all other story layers, so MapLibre places
    // them first and a highlighted place is never crowded out by its neighbours.
    const firstHighlightLabel = map.getStyle().layers.find((l) => l.id.endsWith('-label-hl'))?.id;
    const specs = fresh.flatMap((l) => storyLayers(l.meta, this.#lang, this.#year));
    for (const spec of specs)
      if (!spec.id.endsWith('-label-hl')) map.addLayer(spec, firstHighlightLabel);
    for (const spec of specs) if (spec.id.endsWith('-label-hl')) map.addLayer(spec);
    this.#subjects?.arrange();
  }

  /** The form factor the map's labels, lines and markers are sized for. */
  #formFactor() {
    const container = this.#requireMap().getContainer();
    // The element whose shadow root holds the map says which mode (kiosk, print) it is in.
    const host = (container.getRootNode() as Partial<ShadowRoot>).host;
    const mode = host?.getAttribute('mode') ?? null;
    return mapFormFactor(mode, container.clientWidth, container.clientHeight);
  }

  get camera(): CameraState {
    const map = this.#requireMap();
    const c = map.getCenter();
    return {
      center: [c.lng, c.lat],
      zoom: map.getZoom(),
      bearing: map.getBearing(),
      pitch: map.getPitch(),
    };
  }

  /** A camera from a deep link: no flight, and not reported as a user move. */
  #jumpTo(camera: CameraState) {
    this.#requireMap().jumpTo(camera, { storyToken: -1 } satisfies StoryMove);
  }

  /** Frames these layers or features (the studio's "Fit to highlighted"): a reader's move. */
  frame(ids: readonly string[], opts: ApplyOptions) {
    if (!this.map) return;
    this.#frame(this.#index?.featuresOf(ids) ?? [], opts, { padding: 60, duration: 1200 });
  }

  /** Moves the camera to frame features; not a story move, so it is reported as the reader's. */
  #frame(
    features: Feature[],
    opts: ApplyOptions,
    { padding, duration }: { padding: number; duration: number },
  ) {
    const map = this.#requireMap();
    const fitted = fitCamera(features, this.#size(), opts.insets, padding, 15);
    if (!fitted) return;
    const target = { ...fitted, padding: opts.insets };
    if (opts.reducedMotion) map.jumpTo(target);
    else map.flyTo({ ...target, duration, essential: true });
  }

  /**
   * The map as drawn, as a JPEG data URL. WebGL keeps its picture only until the frame is
   * shown, so it is read in the `render` event of a fresh frame.
   */
  capture(): Promise<string | undefined> {
    const map = this.map;
    if (!map) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      map.once('render', () => {
        try {
          resolve(map.getCanvas().toDataURL('image/jpeg', 0.85));
        } catch {
          resolve(undefined);
        }
      });
      map.triggerRepaint();
    });
  }

  #size(): MapSize {
    const container = this.#requireMap().getContainer();
    return { width: container.clientWidth, height: container.clientHeight };
  }

  #stopAnimations() {
    this.#animation?.stop();
    this.#animation = undefined;
  }

  #setVisibleLayers(ids: readonly string[]) {
    const map = this.#requireMap();
    const wanted = new Set(ids.filter((id) => this.#added.has(id)));
    for (const layerId of this.#added) {
      const show = wanted.has(layerId);
      if (show === this.#visible.has(layerId)) continue;
      const styleIds = styleLayerIds(layerId);
      for (const [role, styleId] of Object.entries(styleIds)) {
        if (role === 'anim') continue; // shown only while animating
        map.setLayoutProperty(styleId, 'visibility', show ? 'visible' : 'none');
      }
    }
    this.#visible = wanted;
  }

  /** Shows only what existed in `year` (undefined: everything). */
  #setYear(year: number | undefined) {
    if (year === this.#year) return;
    this.#year = year;
    for (const layerId of this.#added) this.#applyFilters(layerId);
    // The basemap's streets and subway are of their year too (an online style has none).
    const map = this.#requireMap();
    for (const [id, filter] of Object.entries(basemapYearFilters(year)))
      if (map.getLayer(id)) map.setFilter(id, filter, { validate: false });
  }

  /**
   * Emphasises these features and dims the others on the same layers. Only features and
   * layers whose state changes are touched: a step change costs what it changes.
   */
  #highlight(featureIds: readonly string[]) {
    const map = this.#requireMap();
    const next = featureIds.flatMap((id) => {
      const entry = this.#index?.feature(id);
      return entry && this.#added.has(entry.layerId) ? [{ layerId: entry.layerId, id }] : [];
    });
    const key = (h: { layerId: string; id: string }) => `${h.layerId}\u0000${h.id}`;
    const oldKeys = new Set(this.#highlighted.map(key));
    const newKeys = new Set(next.map(key));
    const touched = new Set<string>();
    for (const h of this.#highlighted)
      if (!newKeys.has(key(h))) {
        map.setFeatureState({ source: sourceId(h.layerId), id: h.id }, { highlight: false });
        touched.add(h.layerId);
      }
    for (const h of next)
      if (!oldKeys.has(key(h))) {
        map.setFeatureState({ source: sourceId(h.layerId), id: h.id }, { highlight: true });
        touched.add(h.layerId);
      }
    const dimmed = new Set(next.map((h) => h.layerId));
    for (const layerId of this.#dimmed) if (!dimmed.has(layerId)) this.#setLayerDim(layerId, false);
    for (const layerId of dimmed) if (!this.#dimmed.has(layerId)) this.#setLayerDim(layerId, true);
    this.#highlighted = next;
    this.#dimmed = dimmed;
    for (const layerId of touched) this.#applyFilters(layerId);
  }

  /** The year and the highlighted labels decide each style layer's filter. */
  #applyFilters(layerId: string) {
    const map = this.#requireMap();
    const highlighted = this.#highlighted.filter((h) => h.layerId === layerId).map((h) => h.id);
    for (const [styleId, filter] of Object.entries(
      layerFilters(layerId, this.#year, highlighted),
    )) {
      // Generated by tested pure functions (validated against the style spec in unit tests).
      map.setFilter(styleId, filter, { validate: false });
    }
  }

  #setLayerDim(layerId: string, dim: boolean) {
    const map = this.#requireMap();
    const layer = this.#index?.layer(layerId);
    if (!layer) return;
    for (const f of layer.data.features) {
      const id = f.properties?.id;
      if (typeof id === 'string') map.setFeatureState({ source: sourceId(layerId), id }, { dim });
    }
  }

  #setLanguage(lang: Lang) {
    if (lang === this.#lang) return;
    this.#lang = lang;
    const map = this.map;
    if (!map) return;
    for (const layerId of this.#added) {
      const ids = styleLayerIds(layerId);
      for (const id of [ids.label, ids.labelHighlight])
        map.setLayoutProperty(id, 'text-field', labelField(lang));
    }
    setBasemapLanguage(map, lang);
    this.#subjects?.setLanguage(lang);
  }

  /**
   * Applies a step's whole state (layers, year, highlights, camera) and resolves when the
   * camera has arrived and the map is idle, or 'superseded' when a newer step took over.
   * Animations start once the step has settled.
   */
  async #showStep(step: Step, token: number, opts: ApplyOptions): Promise<StepOutcome> {
    const map = this.#requireMap();
    this.#currentToken = token;
    this.#animation?.stop();
    this.#animation = undefined;

    // The camera starts first, so input turns into movement at once; the step's layers, year
    // and highlights follow in the same task, before the next frame is drawn.
    const cam = step.camera;
    // The insets are the map's padding for every step, so a fitted camera never depends on
    // the padding the previous step left behind.
    if (!samePadding(map.getPadding(), opts.insets)) map.setPadding(opts.insets);
    const target = stepCamera(step, this.#index ?? new FeatureIndex(), this.#size(), opts.insets);
    const eventData: StoryMove = { storyToken: token };
    const arrived = this.#nextMoveEnd(token);
    if (opts.reducedMotion || cam.transition === 'jump') map.jumpTo(target, eventData);
    else if (cam.transition === 'ease')
      map.easeTo({ ...target, duration: cam.duration, essential: true }, eventData);
    else map.flyTo({ ...target, duration: cam.duration, essential: true }, eventData);
    // A scroll reader already between this step and the next keeps its place.
    if (this.#scrub?.from.id === step.id && this.#scrub.progress > 0) this.#showScrub();
    this.#setVisibleLayers(step.layers);
    this.#setYear(step.mapYear);
    this.#highlight(step.highlight);
    const index = this.#index;
    const stepZoom = target.zoom ?? map.getZoom();
    if (index)
      this.#subjects?.show(
        subjectMarks(stepSubjects(step, index), stepZoom, (id) => index.feature(id)?.feature),
        stepZoom,
      );
    // A safety net, not a timer the story relies on: a move MapLibre never ends must not
    // leave the story unsettled forever.
    let safety: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      arrived,
      new Promise<void>((r) => (safety = setTimeout(r, cam.duration + 3000))),
    ]);
    clearTimeout(safety);
    if (token !== this.#currentToken) return 'superseded';
    await this.#idle();
    if (token !== this.#currentToken) return 'superseded';
    if (!opts.reducedMotion && step.animations.length) {
      this.#animation = new AnimationRun(
        map,
        step.animations.map((animation) => ({
          animation,
          targets: animationTargets(this.#index!, animation.targets, this.#year),
        })),
      );
    }
    return 'settled';
  }

  /** Resolves on the moveend of the story move `token`, or at once if a newer move replaced it. */
  #nextMoveEnd(token: number): Promise<void> {
    const map = this.#requireMap();
    return new Promise((resolve) => {
      const finish = () => {
        map.off('moveend', onEnd);
        this.#pendingMoves.delete(finish);
        resolve();
      };
      const onEnd = (e: object) => {
        if ((e as Partial<StoryMove>).storyToken === token || token !== this.#currentToken)
          finish();
      };
      map.on('moveend', onEnd);
      this.#pendingMoves.add(finish);
    });
  }

  #idle(): Promise<void> {
    const map = this.#requireMap();
    return new Promise((resolve) => {
      map.once('idle', () => resolve());
      map.triggerRepaint();
    });
  }

  /**
   * The scroll reader: the map a fraction `progress` of the way from step `from` to step
   * `to`: the camera on the path a flight between their cameras takes (at once, no
   * animation), and the lines `to` draws revealed with the progress. Progress 0 is `from`'s
   * own camera. The steps' layers, highlights and year are `apply`'s.
   */
  scrub(from: Step, to: Step | undefined, progress: number, opts: ApplyOptions) {
    this.#scrub = { from, to, progress: to ? progress : 0, opts };
    if (this.map) this.#showScrub();
  }

  #showScrub() {
    const map = this.#requireMap();
    const scrub = this.#scrub;
    if (!scrub) return;
    const { from, to, progress, opts } = scrub;
    const start = this.#stepCamera(from, opts.insets);
    const container = map.getContainer();
    const size = { width: container.clientWidth, height: container.clientHeight };
    const camera =
      to && progress > 0
        ? scrubCamera(start, this.#stepCamera(to, opts.insets), progress, size)
        : start;
    map.jumpTo({ ...camera, padding: opts.insets }, { storyToken: -1 } satisfies StoryMove);
    this.#reveal ??= new LineReveal(map);
    const draws = (to?.animations ?? []).filter((a) => a.type !== 'pulse');
    this.#reveal.set(
      draws.flatMap((a) =>
        this.#index ? animationTargets(this.#index, a.targets, to?.mapYear) : [],
      ),
      progress > 0 ? lineReveal(progress) : 0,
    );
  }

  /** A step's camera as its move would end (a fitted camera worked out for these insets). */
  #stepCamera(step: Step, insets: Insets) {
    const target = stepCamera(step, this.#index ?? new FeatureIndex(), this.#size(), insets);
    const now = this.camera;
    return {
      center: target.center ?? now.center,
      zoom: target.zoom ?? now.zoom,
      bearing: target.bearing,
      pitch: target.pitch,
    };
  }

  #requireMap(): MapLibreMap {
    if (!this.map) throw new Error('The map is not attached');
    return this.map;
  }
}

function samePadding(a: PaddingOptions, b: PaddingOptions): boolean {
  return a.top === b.top && a.bottom === b.bottom && a.left === b.left && a.right === b.right;
}
