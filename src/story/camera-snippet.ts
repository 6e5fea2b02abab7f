// The camera as a writer pastes it into a step: what the studio's "Copy camera" puts on the
// clipboard, and the readout beside it. Pure (no DOM, no maplibre), so it is unit-tested
// against the story schema: a snippet the studio hands out must validate as it is.
//
// Rounding is for reading, not for precision the map does not have: 5 decimals of a degree
// are about 1 m on the ground, zoom to 2 decimals is below a visible step, and bearing and
// pitch to a tenth of a degree. Bearing and pitch are left out when they are 0 (the
// schema's defaults), so a flat, north-up camera reads as `{ center, zoom }`.

/** A camera as the map reports it (MapLibre's getCenter/getZoom/getBearing/getPitch). */
export interface LiveCamera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/** The camera as a step gives it: `center` and `zoom`, and bearing and pitch unless 0. */
export interface SnippetCamera {
  center: [number, number];
  zoom: number;
  bearing?: number;
  pitch?: number;
}

// The story schema's bounds (src/story/schema.ts CameraSchema). MapLibre allows a little
// more (zoom to 24, pitch past 85 with maxPitch), which no step may give.
const MAX_ZOOM = 22;
const MAX_PITCH = 85;

const round = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  // -0 would print as "0" anyway, but keep it out of comparisons and JSON.
  return rounded === 0 ? 0 : rounded;
};

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** An angle in degrees in (-180, 180]: a compass bearing as a writer reads it. */
export function normaliseBearing(degrees: number): number {
  const wrapped = degrees - 360 * Math.ceil((degrees - 180) / 360);
  return wrapped === 0 ? 0 : wrapped;
}

/** A longitude in [-180, 180]: the map's center can run past the antimeridian after a pan. */
function wrapLongitude(degrees: number): number {
  if (degrees >= -180 && degrees <= 180) return degrees;
  return normaliseBearing(degrees);
}

/** The camera rounded for reading, inside the schema's bounds. */
export function roundCamera(camera: LiveCamera): SnippetCamera {
  const [lng, lat] = camera.center;
  const out: SnippetCamera = {
    center: [round(wrapLongitude(lng), 5), round(clamp(lat, -90, 90), 5)],
    zoom: round(clamp(camera.zoom, 0, MAX_ZOOM), 2),
  };
  // Round after normalising, then normalise again: 179.96 rounds to 180.0, -179.96 to -180.0,
  // and -180 is the same bearing as 180.
  const bearing = normaliseBearing(round(normaliseBearing(camera.bearing), 1));
  const pitch = round(clamp(camera.pitch, 0, MAX_PITCH), 1);
  if (bearing !== 0) out.bearing = bearing;
  if (pitch !== 0) out.pitch = pitch;
  return out;
}

/**
 * One line of YAML for a step, e.g.
 * `camera: { center: [116.31642, 39.98315], zoom: 14.2, bearing: 30, pitch: 45 }`.
 */
export function cameraSnippet(camera: LiveCamera): string {
  const c = roundCamera(camera);
  const fields = [`center: [${c.center[0]}, ${c.center[1]}]`, `zoom: ${c.zoom}`];
  if (c.bearing !== undefined) fields.push(`bearing: ${c.bearing}`);
  if (c.pitch !== undefined) fields.push(`pitch: ${c.pitch}`);
  return `camera: { ${fields.join(', ')} }`;
}

// A plain YAML scalar in a flow sequence: story ids are kebab-case; anything else is quoted
// (JSON strings are valid YAML), so an odd id cannot turn into a number, a null or syntax.
// YAML reads a bare `1984` as a number and `null`, `true`, `no` (YAML 1.1) as other types.
const PLAIN_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const YAML_WORDS = /^(?:null|true|false|yes|no|on|off|y|n)$/;
const yamlId = (id: string) =>
  PLAIN_ID.test(id) && !YAML_WORDS.test(id) ? id : JSON.stringify(id);

/**
 * A camera that frames layers or features: `camera: { fit: [a, b] }`. Ids keep their first
 * order and appear once. Throws on an empty list, which the schema refuses.
 */
export function fitSnippet(ids: readonly string[]): string {
  const unique = [...new Set(ids)];
  if (!unique.length) throw new RangeError('fitSnippet needs at least one layer or feature id');
  return `camera: { fit: [${unique.map(yamlId).join(', ')}] }`;
}

/**
 * The live readout, fixed-width per field so the digits do not jump while the map moves
 * (the panel shows it in a monospaced font).
 */
export function cameraReadout(camera: LiveCamera): {
  center: string;
  zoom: string;
  bearing: string;
  pitch: string;
} {
  const c = roundCamera(camera);
  return {
    center: `${c.center[0].toFixed(5)}, ${c.center[1].toFixed(5)}`,
    zoom: c.zoom.toFixed(2),
    bearing: `${(c.bearing ?? 0).toFixed(1)}°`,
    pitch: `${(c.pitch ?? 0).toFixed(1)}°`,
  };
}
