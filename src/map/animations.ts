// Step animations, driven by requestAnimationFrame (or, for the video, by its own clock) and
// MapLibre paint properties / feature state only: no DOM and no source updates per frame.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Animation } from '../story/model';
import { progressGradient, sourceId, styleLayerIds } from './layer-styles';

export interface AnimationTarget {
  layerId: string;
  color: string;
  featureIds: string[];
}

const easeOutCubic = (t: number) => 1 - (1 - t) ** 3;

/** The length of a step's animations, in ms: how long its map keeps changing after arrival. */
export function animationsMs(animations: readonly Animation[]): number {
  return Math.max(0, ...animations.map((a) => a.duration));
}

/**
 * Runs a set of animations; `stop()` ends them and restores the resting style. With
 * `manual`, nothing runs by itself: `seek(ms)` sets each animation as it is `ms` after the
 * start (the video steps it frame by frame).
 */
export class AnimationRun {
  #frame = 0;
  #stopped = false;
  #cleanups: (() => void)[] = [];
  #tickers: ((now: number) => boolean)[] = [];

  constructor(
    private readonly map: MapLibreMap,
    animations: readonly { animation: Animation; targets: AnimationTarget[] }[],
    { manual = false }: { manual?: boolean } = {},
  ) {
    const start = manual ? 0 : performance.now();
    const tickers: ((now: number) => boolean)[] = [];
    for (const { animation, targets } of animations) {
      for (const target of targets) {
        tickers.push(
          animation.type === 'pulse'
            ? this.#pulse(target, animation.duration, start)
            : this.#drawLine(target, animation.duration, start),
        );
      }
    }
    this.#tickers = tickers;
    const tick = (now: number) => {
      if (this.#stopped) return;
      const running = tickers.map((t) => t(now)).some(Boolean);
      if (running) this.#frame = requestAnimationFrame(tick);
    };
    if (tickers.length && !manual) this.#frame = requestAnimationFrame(tick);
  }

  /** A manual run: sets every animation to `ms` after its start; false once all have ended. */
  seek(ms: number): boolean {
    if (this.#stopped) return false;
    return this.#tickers.map((t) => t(ms)).some(Boolean);
  }

  #drawLine(target: AnimationTarget, duration: number, start: number) {
    const anim = styleLayerIds(target.layerId).anim;
    this.map.setFilter(anim, ['in', ['get', 'id'], ['literal', target.featureIds]]);
    this.map.setPaintProperty(anim, 'line-gradient', progressGradient(target.color, 0));
    this.map.setLayoutProperty(anim, 'visibility', 'visible');
    this.#cleanups.push(() => {
      this.map.setLayoutProperty(anim, 'visibility', 'none');
      this.map.setFilter(anim, ['in', ['get', 'id'], ['literal', []]]);
    });
    return (now: number) => {
      const t = Math.min(1, (now - start) / duration);
      this.map.setPaintProperty(
        anim,
        'line-gradient',
        progressGradient(target.color, easeOutCubic(t)),
        { validate: false }, // every frame: the expression shape is unit-tested
      );
      return t < 1;
    };
  }

  #pulse(target: AnimationTarget, duration: number, start: number) {
    const source = sourceId(target.layerId);
    const setPulse = (value: number) => {
      for (const id of target.featureIds)
        this.map.setFeatureState({ source, id }, { pulse: value });
    };
    this.#cleanups.push(() => setPulse(0));
    const period = 1200;
    return (now: number) => {
      const elapsed = now - start;
      if (elapsed >= duration) {
        setPulse(0);
        return false;
      }
      setPulse(((elapsed % period) / period) * 0.999 + 0.001);
      return true;
    };
  }

  stop() {
    if (this.#stopped) return;
    this.#stopped = true;
    cancelAnimationFrame(this.#frame);
    for (const cleanup of this.#cleanups) cleanup();
  }
}
