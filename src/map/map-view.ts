// What the map should show: the one input of MapController.apply. The app derives it from
// its state; the controller compares it with what it last applied and changes only that.
import type { FeatureIndex } from '../geo/feature-index';
import type { Step } from '../story/model';
import type { Lang } from './layer-styles';

export interface CameraState {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/** A step's declared state; `run` changes whenever the step must be applied (again). */
export interface StepView {
  kind: 'step';
  lang: Lang;
  /** The story's layers and features read so far: new ones are added to the map. */
  index: FeatureIndex;
  step: Step;
  run: number;
}

/** The free map: the reader's layers, year and selection. */
export interface ExploreView {
  kind: 'explore';
  lang: Lang;
  index: FeatureIndex;
  layers: readonly string[];
  /** Undefined in a story without years: every feature is shown. */
  year?: number;
  selected?: string;
  /**
   * A camera the app asks for (a deep link). Cameras the reader made by moving the map are
   * not here: they are already on the map, and sending them back would make moves bounce.
   */
  camera?: { to: CameraState; seq: number };
  /** Layers or features to frame (a search result, a reader's file); `seq` asks again. */
  focus?: { ids: readonly string[]; seq: number };
}

/** Before a story is ready: only the language matters. */
export interface IdleView {
  kind: 'idle';
  lang: Lang;
}

export type MapView = StepView | ExploreView | IdleView;
