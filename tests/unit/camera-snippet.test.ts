// The studio's "Copy camera" snippet: readable rounding, and a line that parses back with the
// app's own YAML parser into a camera the story schema accepts.
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import * as v from 'valibot';
import { parse } from 'yaml';
import {
  cameraReadout,
  cameraSnippet,
  fitSnippet,
  normaliseBearing,
  roundCamera,
  type LiveCamera,
} from '../../src/story/camera-snippet';
import { parseDataText } from '../../src/story/parse-text';
import { CameraSchema } from '../../src/story/schema';

/** What a writer's step would get: the snippet parsed as the app parses a story file. */
async function pasted(snippet: string): Promise<unknown> {
  const result = await parseDataText(snippet, 'story.yaml');
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return (result.value as { camera: unknown }).camera;
}

const camera = (over: Partial<LiveCamera> = {}): LiveCamera => ({
  center: [116.316423456, 39.983149999],
  zoom: 14.2049,
  bearing: 30.04,
  pitch: 45,
  ...over,
});

describe('cameraSnippet', () => {
  it('writes the example line of the brief', () => {
    expect(cameraSnippet(camera())).toBe(
      'camera: { center: [116.31642, 39.98315], zoom: 14.2, bearing: 30, pitch: 45 }',
    );
  });

  it('leaves out bearing and pitch when they are 0, also after rounding', () => {
    expect(cameraSnippet(camera({ bearing: 0, pitch: 0 }))).toBe(
      'camera: { center: [116.31642, 39.98315], zoom: 14.2 }',
    );
    expect(cameraSnippet(camera({ bearing: -0.04, pitch: 0.03 }))).toBe(
      'camera: { center: [116.31642, 39.98315], zoom: 14.2 }',
    );
    expect(cameraSnippet(camera({ bearing: 0, pitch: 12.34 }))).toBe(
      'camera: { center: [116.31642, 39.98315], zoom: 14.2, pitch: 12.3 }',
    );
  });

  it('rounds to 5 decimals of a degree, 2 of zoom and 1 of bearing and pitch', () => {
    expect(
      roundCamera({ center: [-71.086249, 42.362351], zoom: 15.456, bearing: -20.06, pitch: 59.95 }),
    ).toEqual({ center: [-71.08625, 42.36235], zoom: 15.46, bearing: -20.1, pitch: 60 });
  });

  it('normalises the bearing to (-180, 180]', () => {
    expect(normaliseBearing(190)).toBe(-170);
    expect(normaliseBearing(-190)).toBe(170);
    expect(normaliseBearing(360)).toBe(0);
    expect(normaliseBearing(-180)).toBe(180);
    expect(normaliseBearing(540)).toBe(180);
    expect(roundCamera(camera({ bearing: 270 })).bearing).toBe(-90);
    // rounding up to -180.0 is the same bearing as 180
    expect(roundCamera(camera({ bearing: -179.97 })).bearing).toBe(180);
  });

  it('keeps the snippet inside the schema where MapLibre allows more', () => {
    const c = roundCamera({ center: [200.5, 39.9], zoom: 23.5, bearing: 0, pitch: 88 });
    expect(c).toEqual({ center: [-159.5, 39.9], zoom: 22, pitch: 85 });
  });

  it('parses back with the app’s YAML parser into the camera it was made from', async () => {
    const value = await pasted(cameraSnippet(camera()));
    expect(value).toEqual({ center: [116.31642, 39.98315], zoom: 14.2, bearing: 30, pitch: 45 });
    expect(v.safeParse(CameraSchema, value).success).toBe(true);
  });

  it('pastes into a step of a story file as it is', () => {
    const snippet = cameraSnippet(camera({ bearing: -45.5 }));
    const story = parse(`steps:\n  - id: a\n    ${snippet}\n    layers: [sites]\n`) as {
      steps: { camera: unknown; layers: string[] }[];
    };
    expect(story.steps[0]!.camera).toEqual(roundCamera(camera({ bearing: -45.5 })));
    expect(story.steps[0]!.layers).toEqual(['sites']);
  });

  it('validates for any camera the map can report, within the rounding of each field', async () => {
    const live = fc.record({
      center: fc.tuple(
        fc.double({ min: -540, max: 540, noNaN: true }),
        fc.double({ min: -85.06, max: 85.06, noNaN: true }),
      ),
      zoom: fc.double({ min: 0, max: 24, noNaN: true }),
      bearing: fc.double({ min: -720, max: 720, noNaN: true }),
      pitch: fc.double({ min: 0, max: 85, noNaN: true }),
    });
    await fc.assert(
      fc.asyncProperty(live, async (c) => {
        const value = (await pasted(cameraSnippet(c))) as {
          center: [number, number];
          zoom: number;
          bearing?: number;
          pitch?: number;
        };
        expect(v.safeParse(CameraSchema, value).success).toBe(true);
        // the same meridian (a pan past the antimeridian wraps), to about a metre
        const east = normaliseBearing(value.center[0] - c.center[0]);
        expect(Math.min(Math.abs(east), 360 - Math.abs(east))).toBeLessThanOrEqual(0.000005 + 1e-9);
        expect(Math.abs(value.center[1] - c.center[1])).toBeLessThanOrEqual(0.000005 + 1e-9);
        if (c.zoom <= 22) expect(Math.abs(value.zoom - c.zoom)).toBeLessThanOrEqual(0.005 + 1e-9);
        // the same direction on the compass, to the tenth of a degree
        const turn = normaliseBearing((value.bearing ?? 0) - c.bearing);
        expect(Math.min(Math.abs(turn), Math.abs(360 - Math.abs(turn)))).toBeLessThanOrEqual(
          0.05 + 1e-9,
        );
        expect(Math.abs((value.pitch ?? 0) - c.pitch)).toBeLessThanOrEqual(0.05 + 1e-9);
      }),
      { numRuns: 300 },
    );
  });
});

describe('fitSnippet', () => {
  it('frames the ids given, once each, in their order', async () => {
    const snippet = fitSnippet(['site-new', 'street-main', 'site-new']);
    expect(snippet).toBe('camera: { fit: [site-new, street-main] }');
    const value = await pasted(snippet);
    expect(value).toEqual({ fit: ['site-new', 'street-main'] });
    expect(v.safeParse(CameraSchema, value).success).toBe(true);
  });

  it('quotes ids YAML would read as something other than text', async () => {
    const snippet = fitSnippet(['1984', 'null', 'no', 'a b']);
    expect(await pasted(snippet)).toEqual({ fit: ['1984', 'null', 'no', 'a b'] });
  });

  it('refuses an empty list, which the schema refuses too', () => {
    expect(() => fitSnippet([])).toThrow(RangeError);
    expect(v.safeParse(CameraSchema, { fit: [] }).success).toBe(false);
  });
});

describe('cameraReadout', () => {
  it('gives every field a fixed number of decimals', () => {
    expect(cameraReadout({ center: [116.3, 39.98], zoom: 14, bearing: 0, pitch: 0 })).toEqual({
      center: '116.30000, 39.98000',
      zoom: '14.00',
      bearing: '0.0°',
      pitch: '0.0°',
    });
    expect(
      cameraReadout({ center: [-71.086249, 42.362351], zoom: 15.456, bearing: 190, pitch: 45.04 }),
    ).toEqual({
      center: '-71.08625, 42.36235',
      zoom: '15.46',
      bearing: '-170.0°',
      pitch: '45.0°',
    });
  });
});
