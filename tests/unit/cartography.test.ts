// Cartography per form factor: the whole style (basemap and story layers) scaled for every
// form factor still validates against the MapLibre style spec, and a kiosk's labels are at
// least 18 px at every zoom.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  validateStyleMin,
  type LayerSpecification,
  type StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { buildBasemapStyle } from '../../src/map/basemap-style';
import { sourceId, storyLayers, storySource } from '../../src/map/layer-styles';
import {
  CARTOGRAPHY,
  mapFormFactor,
  scaledProperties,
  scaleValue,
  type MapFormFactor,
} from '../../src/map/cartography';
import type { ManifestLayer } from '../../src/geo/manifest';

const manifest = JSON.parse(
  readFileSync(new URL('../../geo/layers.json', import.meta.url), 'utf8'),
) as { layers: ManifestLayer[] };

function wholeStyle(): StyleSpecification {
  const base = buildBasemapStyle({ baseUrl: 'http://x/', lang: 'en', fontFaces: {} });
  return {
    ...base,
    sources: {
      ...base.sources,
      ...Object.fromEntries(
        manifest.layers.map((l) => [
          sourceId(l.id),
          storySource({ type: 'FeatureCollection', features: [] }),
        ]),
      ),
    },
    layers: [...base.layers, ...manifest.layers.flatMap((l) => storyLayers(l, 'en', 1984))],
  };
}

function scaled(style: StyleSpecification, form: MapFormFactor): StyleSpecification {
  const c = CARTOGRAPHY[form];
  return {
    ...style,
    layers: style.layers.map((layer) => {
      const l = structuredClone(layer) as LayerSpecification & {
        layout?: Record<string, unknown>;
        paint?: Record<string, unknown>;
      };
      for (const [kind, name, value] of scaledProperties(
        { layout: l.layout ?? {}, paint: l.paint ?? {} },
        c,
      ))
        (l[kind] ??= {})[name] = value;
      return l as LayerSpecification;
    }),
  };
}

/** Every number a text-size value can come to (stop outputs, case outputs, plain numbers). */
function sizes(v: unknown): number[] {
  if (typeof v === 'number') return [v];
  if (!Array.isArray(v)) return [];
  const [op] = v;
  if (op === 'interpolate')
    return v
      .slice(4)
      .filter((_, i) => i % 2 === 0)
      .flatMap(sizes);
  if (op === 'max') return [Math.max(...sizes(v[1]))];
  return v.slice(1).flatMap(sizes);
}

describe('cartography per form factor', () => {
  // six whole styles to validate: slow on a busy machine
  it('keeps the whole style valid at every form factor', { timeout: 60_000 }, () => {
    const style = wholeStyle();
    expect(validateStyleMin(style)).toEqual([]);
    for (const form of Object.keys(CARTOGRAPHY) as MapFormFactor[])
      expect(validateStyleMin(scaled(style, form)), form).toEqual([]);
  });

  it('gives a kiosk labels of at least 18 px at every zoom, and larger lines and markers', () => {
    const style = scaled(wholeStyle(), 'kiosk');
    const labels = style.layers.filter((l) => l.type === 'symbol');
    expect(labels.length).toBeGreaterThan(10);
    for (const l of labels) {
      const size = (l.layout as Record<string, unknown> | undefined)?.['text-size'];
      if (size === undefined) continue;
      for (const px of sizes(size)) expect(px, l.id).toBeGreaterThanOrEqual(18);
    }
    expect(scaleValue(5, CARTOGRAPHY.kiosk.line)).toBe(7);
    expect(scaleValue(['interpolate', ['linear'], ['zoom'], 9, 1, 15, 3], 2)).toEqual([
      'interpolate',
      ['linear'],
      ['zoom'],
      9,
      2,
      15,
      6,
    ]);
    // a feature-state curve keeps its conditions and scales its outputs
    expect(scaleValue(['case', ['boolean', ['feature-state', 'x'], false], 9, 6], 2)).toEqual([
      'case',
      ['boolean', ['feature-state', 'x'], false],
      18,
      12,
    ]);
  });

  it('leaves the laptop as the style was written', () => {
    const style = wholeStyle();
    expect(scaled(style, 'laptop')).toEqual(style);
  });

  it('knows the form factor from the mode and the map size', () => {
    expect(mapFormFactor('kiosk', 1080, 1920)).toBe('kiosk');
    expect(mapFormFactor('print', 800, 600)).toBe('print');
    expect(mapFormFactor('story', 390, 700)).toBe('phone');
    expect(mapFormFactor('story', 1280, 750)).toBe('laptop');
    expect(mapFormFactor('story', 1920, 1030)).toBe('desktop');
  });
});
