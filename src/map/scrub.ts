// The scroll reader's map between two steps: the camera part-way along the flight from one
// step's camera to the next (src/spatial/fly-path.ts) and the lines the next step draws,
// revealed to a fraction. Both are set directly (jumpTo, a paint property), once per frame
// of scrolling: no animation of MapLibre's runs, so the map is where the reader's progress
// says and nowhere else.
import type { Map as MapLibreMap, PaddingOptions } from 'maplibre-gl';
import { cameraAlongFlight, type FlyCamera } from '../spatial/fly-path';
import { GLOBE_FIT_BELOW_ZOOM } from '../spatial/fit';
import type { AnimationTarget } from './animations';
import { progressGradient, styleLayerIds } from './layer-styles';

/** The camera of the flight from `from` to `to` at `progress`, for a map of this size. */
export function scrubCamera(
  from: FlyCamera,
  to: FlyCamera,
  progress: number,
  size: { width: number; height: number },
): FlyCamera {
  // On a world-scale leg the globe is on screen: the center follows the great circle.
  const globe = Math.min(from.zoom, to.zoom) < GLOBE_FIT_BELOW_ZOOM;
  return cameraAlongFlight(from, to, progress, { ...size, globe });
}

/** Lines drawn to a fraction on their animation layers; `clear()` hides them again. */
export class LineReveal {
  #shown = new Set<string>();

  constructor(private readonly map: MapLibreMap) {}

  /** Shows `targets` drawn to `fraction` (0…1) and hides any other revealed layer. */
  set(targets: readonly AnimationTarget[], fraction: number) {
    const wanted = new Set<string>();
    for (const target of fraction > 0 ? targets : []) {
      const anim = styleLayerIds(target.layerId).anim;
      if (!this.map.getLayer(anim)) continue;
      wanted.add(anim);
      if (!this.#shown.has(anim)) {
        this.map.setFilter(anim, ['in', ['get', 'id'], ['literal', target.featureIds]]);
        this.map.setLayoutProperty(anim, 'visibility', 'visible');
      }
      this.map.setPaintProperty(anim, 'line-gradient', progressGradient(target.color, fraction), {
        validate: false,
      });
    }
    for (const anim of this.#shown)
      if (!wanted.has(anim) && this.map.getLayer(anim)) {
        this.map.setLayoutProperty(anim, 'visibility', 'none');
        this.map.setFilter(anim, ['in', ['get', 'id'], ['literal', []]]);
      }
    this.#shown = wanted;
  }

  clear() {
    this.set([], 0);
  }
}

/** Moves the camera at once, tagged as the story's so it is never taken for the reader's. */
export function jumpToScrubbed(
  map: MapLibreMap,
  camera: FlyCamera,
  padding: PaddingOptions,
  eventData: object,
) {
  map.jumpTo({ ...camera, padding }, eventData);
}
