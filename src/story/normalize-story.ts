// Applies defaults and resolves URLs, so the rest of the app never needs to know which
// fields a story left out.
import type { AnimationFile, CameraFile, StoryFile } from './schema.ts';
import type { Animation, Camera, Step, Story } from './model.ts';

export const DEFAULT_DURATION_MS = 3000;
export const DEFAULT_PADDING_PX = 60;
/**
 * Only for a story the validator would refuse (a step with nothing to frame): the whole
 * world, so that no place is favoured.
 */
const WORLD_CAMERA: CameraFile = { center: [0, 20], zoom: 1 };

/**
 * A step's camera: its own, else the story's default, else framing what it highlights,
 * else framing the layers it shows.
 */
export function cameraSource(
  camera: CameraFile | undefined,
  fallback: CameraFile | undefined,
  highlight: readonly string[],
  layers: readonly string[],
): CameraFile | undefined {
  if (camera) return camera;
  if (fallback) return fallback;
  if (highlight.length) return { fit: [...highlight] };
  if (layers.length) return { fit: [...layers] };
  return undefined;
}

function normalizeCamera(c: CameraFile): Camera {
  return {
    ...(c.fit ? { fit: [...c.fit] } : { center: c.center, zoom: c.zoom }),
    bearing: c.bearing ?? 0,
    pitch: c.pitch ?? 0,
    padding: c.padding ?? DEFAULT_PADDING_PX,
    ...(c.maxZoom !== undefined ? { maxZoom: c.maxZoom } : {}),
    transition: c.transition ?? 'fly',
    duration: c.duration ?? DEFAULT_DURATION_MS,
  };
}

function normalizeAnimation(a: AnimationFile): Animation {
  return {
    type: a.type,
    targets: typeof a.target === 'string' ? [a.target] : [...a.target],
    duration: a.duration ?? (a.type === 'pulse' ? 2400 : 2000),
  };
}

const unique = (ids: string[]) => [...new Set(ids)];

export function normalizeStory(file: StoryFile, url: string): Story {
  const defaults = file.defaults ?? {};
  const steps: Step[] = file.steps.map((s, index) => {
    const [year, yearEnd] = Array.isArray(s.year) ? s.year : [s.year, undefined];
    const mapYear = s.mapYear ?? yearEnd ?? year;
    const highlight = s.highlight ?? [];
    const layers = unique([...(defaults.layers ?? []), ...(s.layers ?? [])]);
    return {
      id: s.id,
      index,
      ...(year !== undefined ? { year } : {}),
      ...(yearEnd !== undefined && yearEnd !== year ? { yearEnd } : {}),
      ...(mapYear !== undefined ? { mapYear } : {}),
      title: s.title,
      body: s.body,
      ...(s.caption ? { caption: s.caption } : {}),
      camera: normalizeCamera(
        cameraSource(s.camera, defaults.camera, highlight, layers) ?? WORLD_CAMERA,
      ),
      layers,
      highlight,
      animations: (s.animations ?? []).map(normalizeAnimation),
      places: s.places ?? highlight,
      media: (s.media ?? []).map((m) => ({ ...m, src: new URL(m.src, url).href })),
    };
  });
  // A loop, not Math.min(...years): a story of many steps must not overflow the stack.
  let firstYear: number | undefined;
  let lastYear: number | undefined;
  for (const s of steps) {
    if (s.year === undefined) continue;
    for (const y of [s.year, s.yearEnd ?? s.year, s.mapYear ?? s.year]) {
      firstYear = firstYear === undefined ? y : Math.min(firstYear, y);
      lastYear = lastYear === undefined ? y : Math.max(lastYear, y);
    }
  }
  return {
    id: file.id,
    url,
    title: file.title,
    ...(file.subtitle ? { subtitle: file.subtitle } : {}),
    languages: [...file.languages],
    ...(file.layers !== undefined ? { layersUrl: new URL(file.layers, url).href } : {}),
    ...(file.basemap !== undefined ? { basemapUrl: new URL(file.basemap, url).href } : {}),
    ...(file.credits?.article ? { article: file.credits.article } : {}),
    ...(file.credits?.text ? { creditsText: file.credits.text } : {}),
    steps,
    eras: (file.eras ?? []).map((e) => ({ from: e.from, to: e.to, label: e.label })),
    ...(firstYear !== undefined && lastYear !== undefined ? { firstYear, lastYear } : {}),
  };
}
