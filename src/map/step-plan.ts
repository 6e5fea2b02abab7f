// What the map controller works out before it touches the map: the camera that frames a
// step's features, the features a step's ids stand for in its year, and what each animation
// runs on. Pure functions of the story's data and the map's size: no MapLibre, unit-tested
// in tests/unit/step-plan.test.ts.
import type { Subject } from './subject-marks';
import type { Feature } from 'geojson';
import { coordAll } from '@turf/meta';
import type { FeatureIndex } from '../geo/feature-index';
import type { Step } from '../story/model';
import { existsIn } from '../story/timeline';
import { featuresBBox } from '../spatial/bounds';
import { fitBounds, fitOnGlobe, GLOBE_FIT_BELOW_ZOOM } from '../spatial/fit';
import type { AnimationTarget } from './animations';

/** The closest a fitted camera comes when a step gives no maxZoom. */
export const FIT_MAX_ZOOM = 16;
/** Two lines of a place's label (13–14 px text below its dot), in screen pixels. */
export const POINT_LABEL_ROOM_PX = 36;

/** The space the story UI covers on each side of the map, in CSS px. */
export interface Insets {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface MapSize {
  width: number;
  height: number;
}

/**
 * The camera that frames these features in the map's free part, the same from any camera:
 * in Web Mercator, or on the globe when the view is world-wide. Undefined for no geometry.
 */
export function fitCamera(
  features: readonly Feature[],
  size: MapSize,
  framedBy: Insets,
  padding: number,
  maxZoom: number,
): { center: [number, number]; zoom: number } | undefined {
  const bbox = featuresBBox(features);
  if (!bbox) return undefined;
  // A place's name hangs below its dot: room for two lines of it under the lowest place
  // (and as much above, as the box stays centred), so no name runs under the card or timeline.
  const room = features.some((f) => /Point$/.test(f.geometry?.type ?? ''))
    ? POINT_LABEL_ROOM_PX
    : 0;
  const insets = { ...framedBy, top: framedBy.top + room, bottom: framedBy.bottom + room };
  const flat = fitBounds({ bbox, ...size, insets, padding, maxZoom });
  if (flat.zoom >= GLOBE_FIT_BELOW_ZOOM) return flat;
  const points = features.flatMap((f) => (f.geometry ? coordAll(f) : [])) as [number, number][];
  return fitOnGlobe(points, { ...size, insets, padding, maxZoom }) ?? flat;
}

/**
 * The features these ids stand for (see FeatureIndex.featuresOf); a layer's only as far as
 * they existed in `year`, while a feature named by its own id counts whatever its dates.
 */
export function featuresFor(
  index: FeatureIndex,
  ids: readonly string[],
  year: number | undefined,
): Feature[] {
  return ids.flatMap((id) => {
    const features = index.featuresOf([id]);
    return year !== undefined && index.layer(id)
      ? features.filter((f) => existsIn(f.properties, year))
      : features;
  });
}

/** Where a step's camera goes: its own center and zoom, or the frame of what it fits. */
export function stepCamera(
  step: Step,
  index: FeatureIndex,
  size: MapSize,
  insets: Insets,
): { center?: [number, number]; zoom?: number; bearing: number; pitch: number; padding: Insets } {
  const cam = step.camera;
  let center = cam.center;
  let zoom = cam.zoom;
  if (cam.fit) {
    // A lone point would fit at any zoom: stop at street scale unless the step says.
    const features = featuresFor(index, cam.fit, step.mapYear);
    const fitted = fitCamera(features, size, insets, cam.padding, cam.maxZoom ?? FIT_MAX_ZOOM);
    if (fitted) ({ center, zoom } = fitted);
  }
  return {
    ...(center ? { center } : {}),
    ...(zoom !== undefined ? { zoom } : {}),
    bearing: cam.bearing,
    pitch: cam.pitch,
    padding: insets,
  };
}

/** What an animation's ids run on, layer by layer: features of `year`, in one target per layer. */
export function animationTargets(
  index: FeatureIndex,
  ids: readonly string[],
  year: number | undefined,
): AnimationTarget[] {
  const byLayer = new Map<string, string[]>();
  for (const id of ids) {
    const layerId = index.layer(id) ? id : index.feature(id)?.layerId;
    if (!layerId) continue;
    const featureIds = featuresFor(index, [id], year).map((f) => String(f.properties?.id));
    if (!featureIds.length) continue;
    byLayer.set(layerId, [...(byLayer.get(layerId) ?? []), ...featureIds]);
  }
  return [...byLayer].map(([layerId, featureIds]) => ({
    layerId,
    featureIds,
    color: index.layer(layerId)!.meta.color,
  }));
}

/** A step's highlighted features on its visible layers, with their layers' colours. */
export function stepSubjects(step: Step, index: FeatureIndex): Subject[] {
  return step.highlight.flatMap((id) => {
    const layerId = index.layer(id) ? id : index.feature(id)?.layerId;
    const meta = layerId ? index.layer(layerId)?.meta : undefined;
    if (!meta || !step.layers.includes(meta.id)) return [];
    return featuresFor(index, [id], step.mapYear).map((feature) => ({
      feature,
      color: meta.color,
    }));
  });
}
