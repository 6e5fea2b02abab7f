// Page-side probes of `npm run bench`, installed in every page before its scripts (an init
// script): an event log of `<story-map>`'s public events, camera and story-layer snapshots,
// frame counters, the input-latency probe, and the recorder of the app's camera moves. They
// read the app only through its public contract (`map`, `stepIndex`, the events).
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { BareApi, BareInit, CameraSnapshot, LayerSnapshot, RecordedMove } from './protocol';

export interface FlightSegment {
  start: number;
  end: number;
  frames: number;
  longestFrameMs: number;
}
export interface FlightStats {
  ms: number;
  frames: number;
  rafs: number;
  fps: number;
  longestFrameMs: number;
  method?: string;
  declaredMs?: number;
}
export interface LatencyProbe {
  kind: string;
  input: number;
  inputTimeStamp: number;
  move: number;
  frame: number;
}
export interface BenchEvent {
  type: string;
  index?: number;
  t: number;
}
/** A move as the page records it; its style changes are diffed in Node. */
export type PageMove = Omit<RecordedMove, 'changes'>;

declare global {
  interface Window {
    bare: BareApi;
    bareStart(init: BareInit & { style: StyleSpecification }): Promise<void>;
    __benchEvents: BenchEvent[];
    __benchRecording: boolean;
    __benchMoves: PageMove[];
    __benchCamera(map: MapLibreMap): CameraSnapshot;
    __benchSnapshot(map: MapLibreMap): LayerSnapshot;
    __benchSettled(index: number, timeoutMs: number): Promise<number>;
    __benchFlight(map: MapLibreMap): { stop(): { segment: FlightSegment; rafs: number } };
    __benchArmLatency(map: MapLibreMap): void;
    __benchLatency: LatencyProbe;
  }
}

// tsx (esbuild keepNames) wraps named functions in __name(); functions sent to the page need it.
export const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f);';

/** Installed in every page before its scripts: event log, camera/layer snapshots, counters. */
export function pageInit() {
  window.__benchEvents = [];
  window.__benchRecording = false;
  window.__benchMoves = [];
  for (const type of ['story-ready', 'step-change', 'step-settled', 'story-error']) {
    document.addEventListener(
      type,
      (e) => {
        const detail = (e as CustomEvent<{ index?: number }>).detail ?? {};
        window.__benchEvents.push({ type, index: detail.index, t: performance.now() });
      },
      true,
    );
  }

  window.__benchCamera = (map) => {
    const c = map.getCenter();
    const p = map.getPadding();
    return {
      center: [c.lng, c.lat],
      zoom: map.getZoom(),
      bearing: map.getBearing(),
      pitch: map.getPitch(),
      padding: { top: p.top ?? 0, bottom: p.bottom ?? 0, left: p.left ?? 0, right: p.right ?? 0 },
    };
  };

  let featureIds: Map<string, string[]> | undefined;
  let sourcesSeen = '';
  window.__benchSnapshot = (map) => {
    const story = map
      .getLayersOrder()
      .map((id) => map.getLayer(id)!)
      .filter((l) => typeof l.source === 'string' && l.source.startsWith('story-'));
    // Layers arrive after the first step: read the features again when the sources change.
    const sources = [...new Set(story.map((l) => l.source as string))].sort().join();
    if (sources !== sourcesSeen) featureIds = undefined;
    sourcesSeen = sources;
    if (!featureIds) {
      featureIds = new Map();
      const sources = map.getStyle().sources;
      for (const [id, source] of Object.entries(sources)) {
        if (!id.startsWith('story-') || source.type !== 'geojson') continue;
        const data = source.data as { features?: { properties?: { id?: unknown } }[] };
        featureIds.set(
          id,
          (data.features ?? [])
            .map((f) => f.properties?.id)
            .filter((x): x is string => typeof x === 'string'),
        );
      }
    }
    const featureStates: LayerSnapshot['featureStates'] = [];
    for (const [source, ids] of featureIds) {
      for (const id of ids) {
        // `pulse` belongs to the animations, which start after a step settles.
        const state = { ...map.getFeatureState({ source, id }) };
        delete state.pulse;
        if (Object.keys(state).length) featureStates.push({ source, id, state });
      }
    }
    return {
      layers: story.map((l) => ({
        id: l.id,
        visible: map.getLayoutProperty(l.id, 'visibility') !== 'none',
        filter: map.getFilter(l.id) ?? null,
      })),
      featureStates,
    };
  };

  window.__benchSettled = (index, timeoutMs) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        document.removeEventListener('step-settled', on);
        reject(new Error(`step ${index} did not settle within ${timeoutMs} ms`));
      }, timeoutMs);
      const on = (e: Event) => {
        if ((e as CustomEvent<{ index: number }>).detail.index !== index) return;
        clearTimeout(timer);
        document.removeEventListener('step-settled', on);
        resolve(performance.now());
      };
      document.addEventListener('step-settled', on);
    });

  // Frames between movestart and moveend. A move can be preceded by a zero-length one
  // (setPadding is a jumpTo), so every move is a segment and the longest one is the flight.
  window.__benchFlight = (map) => {
    const segments: FlightSegment[] = [];
    let current: FlightSegment | undefined;
    let last = 0;
    let rafs = 0;
    let raf = 0;
    const onStart = () => {
      current = { start: performance.now(), end: 0, frames: 0, longestFrameMs: 0 };
      last = current.start;
    };
    const onRender = () => {
      if (!current) return;
      const now = performance.now();
      current.frames += 1;
      current.longestFrameMs = Math.max(current.longestFrameMs, now - last);
      last = now;
    };
    const onEnd = () => {
      if (!current) return;
      current.end = performance.now();
      segments.push(current);
      current = undefined;
    };
    const tick = () => {
      if (current) rafs += 1;
      raf = requestAnimationFrame(tick);
    };
    map.on('movestart', onStart);
    map.on('render', onRender);
    map.on('moveend', onEnd);
    raf = requestAnimationFrame(tick);
    return {
      stop() {
        map.off('movestart', onStart);
        map.off('render', onRender);
        map.off('moveend', onEnd);
        cancelAnimationFrame(raf);
        const segment = segments.reduce<FlightSegment>(
          (a, b) => (b.end - b.start > a.end - a.start ? b : a),
          { start: 0, end: 0, frames: 0, longestFrameMs: 0 },
        );
        return { segment, rafs };
      },
    };
  };

  window.__benchArmLatency = (map) => {
    const probe: LatencyProbe = { kind: '', input: 0, inputTimeStamp: 0, move: 0, frame: 0 };
    const onInput = (e: Event) => {
      removeEventListener('keydown', onInput, true);
      removeEventListener('click', onInput, true);
      probe.input = performance.now();
      probe.inputTimeStamp = e.timeStamp;
      probe.kind = e.type;
    };
    addEventListener('keydown', onInput, true);
    addEventListener('click', onInput, true);
    map.once('movestart', () => {
      probe.move = performance.now();
      map.once('render', () => (probe.frame = performance.now()));
    });
    window.__benchLatency = probe;
  };

  // Records the app's camera moves (as MapLibre receives them) while __benchRecording is set.
  document.addEventListener(
    'story-ready',
    (e) => {
      const el = e.target as HTMLElementTagNameMap['story-map'];
      const map = el.map;
      if (!map) return;
      const target = map as unknown as Record<string, (...args: unknown[]) => unknown>;
      let depth = 0;
      for (const method of ['flyTo', 'easeTo', 'jumpTo'] as const) {
        const original = target[method]!;
        target[method] = function (this: unknown, ...args: unknown[]) {
          if (window.__benchRecording && depth === 0) {
            // The style and feature state as the move starts, and again once the task that
            // started it is over: the app changes the step's layers, year and highlights
            // right after it starts the camera, and the bare page does the same then.
            const move = {
              step: el.stepIndex,
              method,
              options: JSON.parse(JSON.stringify(args[0] ?? {})) as Record<string, unknown>,
              from: window.__benchCamera(map),
              layers: window.__benchSnapshot(map),
              style: map.getStyle(),
            };
            queueMicrotask(() =>
              window.__benchMoves.push({
                ...move,
                layersAfter: window.__benchSnapshot(map),
                styleAfter: map.getStyle(),
              }),
            );
          }
          depth += 1;
          try {
            return original.apply(this, args);
          } finally {
            depth -= 1;
          }
        };
      }
    },
    true,
  );
}
