// Types shared by the bare MapLibre page (bench/bare.ts) and the benchmark (scripts/bench.ts).
// Types only: nothing here runs in either place.
import type { Map as MapLibreMap } from 'maplibre-gl';

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

/** One camera move the app made, as the arguments it gave MapLibre and the camera it left. */
export interface RecordedMove {
  /** The step the move went to. */
  step: number;
  method: 'flyTo' | 'easeTo' | 'jumpTo';
  options: Record<string, unknown>;
  from: CameraSnapshot;
  /** The story layers' state when the move started. */
  layers: LayerSnapshot;
}

/** What the bare page starts with, passed JSON-encoded in its URL hash. */
export interface BareInit {
  camera?: CameraSnapshot;
  layers?: LayerSnapshot;
  lang?: 'en' | 'zh';
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
}
