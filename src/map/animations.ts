// Step animations, driven by requestAnimationFrame and MapLibre paint properties / feature
// state only: no DOM and no source updates per frame.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Animation } from '../story/model';
import { progressGradient, sourceId, styleLayerIds } from './layer-styles';

export interface AnimationTarget {
  layerId: string;
  color: string;
  featureIds: string[];
}

const easeOutCubic = (t: number) => 1 - (1 - t) ** 3;

/** Runs a set of animations; `stop()` ends them and restores the resting style. */
export class AnimationRun {
  #frame = 0;
  #stopped = false;
  #cleanups: (() => void)[] = [];

  constructor(
    private readonly map: MapLibreMap,
    animations: readonly { animation: Animation; targets: AnimationTarget[] }[],
  ) {
    const start = performance.now();
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
    const tick = (now: number) => {
      if (this.#stopped) return;
      const running = tickers.map((t) => t(now)).some(Boolean);
      if (running) this.#frame = requestAnimationFrame(tick);
    };
    if (tickers.length) this.#frame = requestAnimationFrame(tick);
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
