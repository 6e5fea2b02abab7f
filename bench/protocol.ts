// Types shared by the bare MapLibre page (bench/bare.ts) and the benchmark (scripts/bench.ts).
// Types only: nothing here runs in either place.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';

export interface CameraSnapshot {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
  padding: { top: number; bottom: number; left: number; right: number };
}

/** The story layers' state as the app left it for a camera move: visibility, filters, feature state. */
export interface LayerSnapshot {
  layers: { id: string; visible: boolean; filter: unknown }[];
  featureStates: { source: string; id: string; state: Record<string, unknown> }[];
}

/** One change of `diff` (@maplibre/maplibre-gl-style-spec): a Map method and its arguments. */
export interface StyleCommand {
  command: string;
  args: unknown[];
}

/** One camera move the app made, as the arguments it gave MapLibre and the camera it left. */
export interface RecordedMove {
  /** The step the move went to. */
  step: number;
  method: 'flyTo' | 'easeTo' | 'jumpTo';
  options: Record<string, unknown>;
  from: CameraSnapshot;
  /** The story layers' feature state when the move started (before the step's changes). */
  layers: LayerSnapshot;
  /** The same right after the task that started the move: the step's own state. */
  layersAfter: LayerSnapshot;
  /** The app's whole style (`map.getStyle()`) when the move started. */
  style: StyleSpecification;
  /** The same right after the task that started the move: the step's own style. */
  styleAfter: StyleSpecification;
  /**
   * What the app changed in its style in the task that started the move (the step's layers,
   * year filters, highlights): `diff` of `style` and `styleAfter`.
   */
  changes: StyleCommand[];
}

/** What the bare page starts with, passed JSON-encoded in its URL hash. */
export interface BareInit {
  camera?: CameraSnapshot;
  layers?: LayerSnapshot;
  lang?: 'en' | 'zh';
  /** Made by `window.bareStart` with the app's own style (see bare.ts), not built here. */
  exact?: boolean;
}

export interface BareApi {
  map: MapLibreMap;
  /** Resolves when the style, every story layer and the first view are drawn (map idle). */
  ready: Promise<void>;
  /** performance.now() of that first idle. */
  firstIdle: number | undefined;
  /** Applies the app's story-layer state (visibility, filters, feature state). */
  apply(snapshot: LayerSnapshot): void;
  /** Resolves on the next 'idle' (with a repaint requested, as the app does). */
  idle(): Promise<void>;
  /** Makes these style changes (`RecordedMove.changes`) as the app made them. */
  run(commands: readonly StyleCommand[]): void;
  /** Takes this whole style, changing only what differs (`setStyle` with `diff`). */
  setStyle(style: StyleSpecification): void;
}
