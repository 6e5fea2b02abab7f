// Cartography per form factor: how big the map's labels, halos, lines and markers are on a
// phone, a laptop, a desktop, a kiosk read from two metres and a printed handout. Typed data
// and small pure functions that scale a style layer's values; `applyCartography` writes them
// to a running map (the only function here that touches one).
import type { Map as MapLibreMap } from 'maplibre-gl';

export type MapFormFactor = 'phone' | 'laptop' | 'desktop' | 'kiosk' | 'print';

export interface Cartography {
  /** Multiplies every label's size... */
  text: number;
  /** ...which is then at least this many px. */
  minText: number;
  /** Multiplies text halos. */
  halo: number;
  /** Multiplies line widths. */
  line: number;
  /** Multiplies circle radii and strokes. */
  marker: number;
}

/**
 * A kiosk is read from about two metres: its labels are at least 18 px (the size of its UI
 * text), lines and markers grow with them. Print is read at arm's length on paper, where the
 * map picture is shrunk into a column: a little larger, with firmer halos.
 */
export const CARTOGRAPHY: Record<MapFormFactor, Cartography> = {
  phone: { text: 1, minText: 11, halo: 1, line: 1, marker: 1 },
  laptop: { text: 1, minText: 0, halo: 1, line: 1, marker: 1 },
  desktop: { text: 1.1, minText: 12, halo: 1.1, line: 1.1, marker: 1.1 },
  kiosk: { text: 1.4, minText: 18, halo: 1.4, line: 1.4, marker: 1.4 },
  print: { text: 1.15, minText: 12, halo: 1.3, line: 1.2, marker: 1.2 },
};

/** The form factor of a map `width` x `height` CSS px in the app's `mode`. */
export function mapFormFactor(mode: string | null | undefined, width: number, height: number) {
  if (mode === 'kiosk') return 'kiosk';
  if (mode === 'print') return 'print';
  if (Math.min(width, height) < 600) return 'phone';
  return width >= 1600 ? 'desktop' : 'laptop';
}

type Value = unknown;

/** Scales a style value (a number or an expression) by `k`, then keeps it at least `min`. */
export function scaleValue(v: Value, k: number, min = 0): Value {
  if (k === 1 && min === 0) return v;
  if (typeof v === 'number') return Math.max(min, Math.round(v * k * 100) / 100);
  if (!Array.isArray(v)) return v;
  const [op] = v as unknown[];
  // zoom curves: scale each stop's output (the curve itself must stay at the top level)
  if (op === 'interpolate' || op === 'interpolate-hcl' || op === 'interpolate-lab')
    return v.map((x, i) => (i >= 4 && i % 2 === 0 ? scaleValue(x, k, min) : x));
  if (op === 'step')
    return v.map((x, i) => (i === 2 || (i > 2 && i % 2 === 0) ? scaleValue(x, k, min) : x));
  if (op === 'case')
    return v.map((x, i) =>
      i > 0 && (i % 2 === 0 || i === v.length - 1) ? scaleValue(x, k, min) : x,
    );
  if (op === 'match')
    return v.map((x, i) =>
      i > 2 && (i % 2 === 1 || i === v.length - 1) ? scaleValue(x, k, min) : x,
    );
  if (op === 'literal') return v;
  // any other data expression (no zoom inside): multiply it
  const scaled = ['*', k, v];
  return min > 0 ? ['max', min, scaled] : scaled;
}

/** The properties a form factor scales, with the factor and floor of each. */
export const SCALED_PROPERTIES = [
  {
    type: 'symbol',
    kind: 'layout',
    name: 'text-size',
    k: (c: Cartography) => c.text,
    min: (c: Cartography) => c.minText,
  },
  {
    type: 'symbol',
    kind: 'paint',
    name: 'text-halo-width',
    k: (c: Cartography) => c.halo,
    min: () => 0,
  },
  { type: 'line', kind: 'paint', name: 'line-width', k: (c: Cartography) => c.line, min: () => 0 },
  {
    type: 'circle',
    kind: 'paint',
    name: 'circle-radius',
    k: (c: Cartography) => c.marker,
    min: () => 0,
  },
  {
    type: 'circle',
    kind: 'paint',
    name: 'circle-stroke-width',
    k: (c: Cartography) => c.marker,
    min: () => 0,
  },
] as const;

/** A style layer's scaled values for a form factor: [kind, property, value] to set. */
export function scaledProperties(
  base: { layout?: Record<string, Value>; paint?: Record<string, Value> },
  c: Cartography,
): ['layout' | 'paint', string, Value][] {
  const out: ['layout' | 'paint', string, Value][] = [];
  for (const p of SCALED_PROPERTIES) {
    const v = base[p.kind]?.[p.name];
    if (v === undefined) continue;
    out.push([p.kind, p.name, scaleValue(v, p.k(c), p.min(c))]);
  }
  return out;
}

interface Applied {
  form: MapFormFactor | undefined;
  /** Each layer's own values, as its style first gave them. */
  base: Map<string, { layout: Record<string, Value>; paint: Record<string, Value> }>;
}
const appliedByMap = new WeakMap<MapLibreMap, Applied>();

/**
 * Gives every style layer of `map` the sizes of `form`: layers seen for the first time are
 * recorded as they are and scaled; all layers are rescaled when the form factor changes.
 * A new style (a basemap change) starts afresh with `reset`.
 */
export function applyCartography(map: MapLibreMap, form: MapFormFactor, reset = false) {
  let applied = appliedByMap.get(map);
  if (!applied || reset) appliedByMap.set(map, (applied = { form: undefined, base: new Map() }));
  const changed = applied.form !== form;
  const c = CARTOGRAPHY[form];
  for (const id of map.getLayersOrder()) {
    let base = applied.base.get(id);
    const fresh = !base;
    if (!base) {
      base = { layout: {}, paint: {} };
      const type = map.getLayer(id)?.type;
      for (const p of SCALED_PROPERTIES) {
        if (p.type !== type) continue;
        const v =
          p.kind === 'layout'
            ? map.getLayoutProperty(id, p.name)
            : map.getPaintProperty(id, p.name);
        if (v !== undefined) base[p.kind][p.name] = v;
      }
      applied.base.set(id, base);
    }
    if (!fresh && !changed) continue;
    if (form === 'laptop' && fresh) continue; // the style's own sizes are the laptop's
    for (const [kind, name, value] of scaledProperties(base, c)) {
      // generated from values the style spec already accepted (scaling is unit-tested)
      if (kind === 'layout')
        map.setLayoutProperty(id, name as 'text-size', value as number, { validate: false });
      else map.setPaintProperty(id, name as 'line-width', value as number, { validate: false });
    }
  }
  applied.form = form;
}
