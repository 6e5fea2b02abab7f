import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { validateStory } from '../../src/story/validate-story';
import { normalizeStory } from '../../src/story/normalize-story';
import { captionOf, firstSentence, withoutYear } from '../../src/video/caption';
import {
  buildTimeline,
  frameAt,
  holdMiddles,
  holdMs,
  HOLD_BOUNDS_S,
} from '../../src/video/timeline';
import { frameLayout, placeCaption, wrapText, type Measure } from '../../src/video/layout';
import { flightCamera, type FlightCamera } from '../../src/spatial/flight';

const fixtureText = readFileSync(new URL('../fixtures/mini/story.yaml', import.meta.url), 'utf8');
const fixture = () =>
  parse(fixtureText) as Record<string, unknown> & { steps: Record<string, unknown>[] };

/** An estimate of text width: a Han character is a square, a Latin one about half of one. */
const measure: Measure = (text, size) =>
  [...text].reduce((w, c) => w + (/\p{Script=Han}/u.test(c) ? size : size * 0.55), 0);

describe('captions', () => {
  it('takes the first sentence of the body, in English and Chinese', () => {
    expect(firstSentence('Eleven researchers start Legend. It sells cards.')).toBe(
      'Eleven researchers start Legend.',
    );
    expect(firstSentence('The U.S. model was copied in 1988. Then more.')).toBe(
      'The U.S. model was copied in 1988.',
    );
    expect(firstSentence('十一位研究人员创办了联想。它卖汉卡。')).toBe(
      '十一位研究人员创办了联想。',
    );
    expect(firstSentence('No full stop here')).toBe('No full stop here');
  });

  it('drops the year a title starts with, as the caption shows it', () => {
    expect(withoutYear('1979: a physicist crosses the Pacific', '1979')).toBe(
      'A physicist crosses the Pacific',
    );
    expect(withoutYear('1979年：物理学家横渡太平洋', '1979')).toBe('物理学家横渡太平洋');
    expect(withoutYear('Lenovo in 1984', '1984')).toBe('Lenovo in 1984');
    expect(withoutYear('1984', '1984')).toBe('1984');
  });

  it("validates a step's caption like its other text, and prefers it to the body", () => {
    const data = fixture();
    data.steps[0]!.caption = { en: 'A short line.' };
    const result = validateStory(data, 'stories/test.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => `${e.path}: ${e.message}`)).toContain(
        'steps[0].caption.zh: missing "zh" text',
      );
    data.steps[0]!.caption = { en: 'A short line.', zh: '一句话。' };
    const ok = validateStory(data, 'stories/test.yaml');
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    const story = normalizeStory(ok.value, 'https://x.test/stories/test.yaml');
    expect(captionOf(story.steps[0]!, 'zh').text).toBe('一句话。');
    expect(captionOf(story.steps[1]!, 'en').text).toBe(
      firstSentence(captionOf(story.steps[1]!, 'en').text),
    );
    expect(story.steps[1]!.caption).toBeUndefined();
  });
});

describe('the video timeline', () => {
  const steps = [
    { index: 0, flightMs: 3000, holdMs: 5000 },
    { index: 1, flightMs: 0, holdMs: 4000 },
    { index: 2, flightMs: 2000, holdMs: 6000 },
  ];
  const timeline = buildTimeline(steps, { fps: 10, titleMs: 3000, endMs: 4000 });

  it('is a title card, a flight and a hold per step (a cut has no flight), and an end card', () => {
    expect(timeline.segments.map((s) => `${s.kind}${s.step ?? ''}:${s.frames}`)).toEqual([
      'title:30',
      'flight0:30',
      'hold0:50',
      'hold1:40',
      'flight2:20',
      'hold2:60',
      'end:40',
    ]);
    expect(timeline.frames).toBe(270);
  });

  it('tells what each frame shows', () => {
    const first = frameAt(timeline, 30);
    expect(first.segment.kind).toBe('flight');
    expect(first.progress).toBeCloseTo(1 / 30);
    expect(frameAt(timeline, 59).progress).toBe(1);
    expect(frameAt(timeline, 60)).toMatchObject({ local: 0, caption: 0 });
    expect(frameAt(timeline, 85).caption).toBe(1);
    expect(frameAt(timeline, 109).caption).toBe(0);
    expect(frameAt(timeline, 0).card).toBe(1);
    expect(frameAt(timeline, 29).card).toBe(0);
    expect(frameAt(timeline, 269).card).toBe(1);
    expect(frameAt(timeline, 45).timeMs).toBe(4500);
    expect(() => frameAt(timeline, 270)).toThrow(RangeError);
    expect(holdMiddles(timeline).map((h) => h.frame)).toEqual([85, 130, 200]);
  });

  it('holds a step long enough to read its caption, within bounds', () => {
    const short = holdMs('A title', 'One line.');
    const long = holdMs('A title', 'word '.repeat(200));
    expect(short).toBe(HOLD_BOUNDS_S.min * 1000);
    expect(long).toBe(HOLD_BOUNDS_S.max * 1000);
    const mid = holdMs(
      'Electronics Street',
      'Shops selling chips and computers line the road, a mile of them.',
    );
    expect(mid).toBeGreaterThan(short);
    expect(mid).toBeLessThan(long);
  });
});

describe('caption layout', () => {
  it('puts the caption in a band at the foot of landscape and square frames', () => {
    for (const [w, h] of [
      [1920, 1080],
      [1080, 1080],
      [480, 270],
    ] as const) {
      const l = frameLayout(w, h);
      expect(l.box.y + l.box.height).toBe(h);
      expect(l.box.width).toBe(w);
      expect(l.box.height / h).toBeLessThan(0.34);
      expect(l.insets.bottom).toBeGreaterThan(l.box.height);
    }
  });

  it('puts it in the lower third of a portrait frame, above the strip feeds cover', () => {
    const l = frameLayout(1080, 1920);
    expect(l.shape).toBe('portrait');
    expect(l.box.y).toBeGreaterThan(1920 / 2);
    expect(l.box.y + l.box.height).toBeLessThan(1920 * 0.9);
    expect(l.insets.bottom).toBeGreaterThan(1920 - l.box.y);
  });

  it('sets text large enough to read on a phone', () => {
    // A phone shows the short side of the frame across about 6.5 cm: 40 px of 1080 is ~2.4 mm.
    expect(frameLayout(1920, 1080).textSize).toBeGreaterThanOrEqual(38);
    expect(frameLayout(1080, 1920).textSize).toBeGreaterThanOrEqual(44);
    expect(frameLayout(1080, 1080).titleSize).toBeGreaterThan(frameLayout(1080, 1080).textSize);
  });

  it('wraps English at spaces and Chinese between characters, never before a comma', () => {
    const en = wrapText('one two three four five six', 6 * 0.55 * 10 * 2, 10, 5, measure);
    expect(en.lines.every((l) => measure(l, 10) <= 66)).toBe(true);
    expect(en.lines.join(' ')).toBe('one two three four five six');
    const zh = wrapText('中关村电子一条街，从这里开始。', 95, 10, 3, measure);
    expect(zh.lines[0]).toBe('中关村电子一条街，');
    expect(zh.fits).toBe(true);
    const cut = wrapText('word '.repeat(50), 100, 10, 2, measure);
    expect(cut.lines).toHaveLength(2);
    expect(cut.lines[1]!.endsWith('…')).toBe(true);
    expect(cut.fits).toBe(false);
  });

  it('keeps every line of a caption inside its box', () => {
    for (const [w, h] of [
      [1920, 1080],
      [1080, 1920],
      [1080, 1080],
    ] as const) {
      const layout = frameLayout(w, h);
      const lines = placeCaption(
        {
          year: '1999–2003',
          title: 'The Science Park takes in the whole district and more besides',
          text: 'A long sentence about the park, its companies and the universities around it, which goes on for a while.',
        },
        layout,
        measure,
      );
      for (const line of lines) {
        expect(line.x).toBeGreaterThanOrEqual(layout.box.x);
        expect(line.x + measure(line.text, line.size)).toBeLessThanOrEqual(
          layout.box.x + layout.box.width,
        );
        expect(line.y - line.size).toBeGreaterThanOrEqual(layout.box.y);
        expect(line.y).toBeLessThanOrEqual(layout.box.y + layout.box.height);
      }
      expect(lines.filter((l) => l.role === 'text').length).toBeLessThanOrEqual(layout.textLines);
    }
  });
});

describe('the flight path', () => {
  const a: FlightCamera = { center: [-122.4, 37.8], zoom: 10, bearing: 0, pitch: 0 };
  const b: FlightCamera = { center: [116.31, 39.98], zoom: 13, bearing: 20, pitch: 40 };
  const view = { width: 1280, height: 720 };

  it('starts at the first camera and ends at the second', () => {
    const start = flightCamera(a, b, 0, view);
    expect(start.center[0]).toBeCloseTo(a.center[0], 6);
    expect(start.zoom).toBeCloseTo(a.zoom, 6);
    expect(flightCamera(a, b, 1, view)).toEqual(b);
  });

  it('zooms out on the way over a long distance and goes the short way round', () => {
    const path = Array.from({ length: 21 }, (_, i) => flightCamera(a, b, i / 20, view));
    expect(Math.min(...path.map((c) => c.zoom))).toBeLessThan(4);
    const mid = flightCamera(a, b, 0.25, view);
    // From San Francisco to Beijing the short way crosses the Pacific (the antimeridian).
    expect(Math.abs(mid.center[0])).toBeGreaterThan(150);
    expect(mid.pitch).toBeGreaterThan(0);
    expect(mid.pitch).toBeLessThan(40);
    // Zoom goes down, then up, once.
    const zooms = path.map((c) => c.zoom);
    const low = zooms.indexOf(Math.min(...zooms));
    expect(zooms.slice(0, low + 1)).toEqual([...zooms.slice(0, low + 1)].sort((x, y) => y - x));
    expect(zooms.slice(low)).toEqual([...zooms.slice(low)].sort((x, y) => x - y));
  });

  it('is a pure function of time; an ease glides straight, a jump cuts', () => {
    expect(flightCamera(a, b, 0.3, view)).toEqual(flightCamera(a, b, 0.3, view));
    const near: FlightCamera = { ...a, center: [-122.3, 37.8], zoom: 12 };
    const ease = flightCamera(a, near, 0.5, { ...view, kind: 'ease' });
    expect(ease.zoom).toBeGreaterThan(10);
    expect(ease.zoom).toBeLessThan(12);
    expect(flightCamera(a, near, 0.01, { ...view, kind: 'jump' })).toEqual(near);
  });
});

describe('npm run video options', () => {
  it('reads the options, with defaults', async () => {
    const { parseVideoArgs } = await import('../../scripts/video-args');
    expect(parseVideoArgs(['--out', 'a.mp4'])).toMatchObject({
      out: 'a.mp4',
      lang: 'en',
      width: 1920,
      height: 1080,
      fps: 30,
      format: 'mp4',
    });
    expect(
      parseVideoArgs(['--out=v.webm', '--size', '1080x1920', '--steps', '3-5', '--lang', 'zh']),
    ).toMatchObject({ format: 'webm', width: 1080, height: 1920, steps: { from: 3, to: 5 } });
  });

  it('explains a bad option clearly', async () => {
    const { parseVideoArgs } = await import('../../scripts/video-args');
    expect(() => parseVideoArgs(['--out', 'a.mp4', '--sise', '1x1'])).toThrow(
      /unknown option "--sise"/,
    );
    expect(() => parseVideoArgs([])).toThrow(/--out FILE is required/);
    expect(() => parseVideoArgs(['--out', 'a.mp4', '--size', '1921x1080'])).toThrow(/even/);
    expect(() => parseVideoArgs(['--out', 'a.mp4', '--steps', '5-2'])).toThrow(/FROM/);
    expect(() => parseVideoArgs(['--out', 'a.mp4', '--fps', '0'])).toThrow(/1 to 60/);
    expect(() => parseVideoArgs(['--out', 'a.mp4', '--format', 'webm'])).toThrow(/\.webm/);
    expect(() => parseVideoArgs(['--out', 'a.mp4', '--lang', 'fr'])).toThrow(/en or zh/);
  });
});
