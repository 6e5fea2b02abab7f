// The story as a video, rendered frame by frame in this page: the story is loaded, a map of
// exactly the video's size is made off screen, and every frame of the timeline is drawn
// (map, caption, cards), encoded and muxed. The same request gives the same frames on any
// machine, however slow: nothing in a frame depends on the wall clock.
import { loadStory } from '../story/load-story';
import { DataErrors, formatError } from '../story/errors';
import { localize, type Step, type Story } from '../story/model';
import type { Lang } from '../story/schema';
import { FeatureIndex } from '../geo/feature-index';
import { VideoMap } from '../map/video-map';
import { animationsMs } from '../map/animations';
import { flightCamera, type FlightCamera } from '../spatial/flight';
import { captionOf, type Caption } from './caption';
import { buildTimeline, durationMs, frameAt, holdMs, type Timeline } from './timeline';
import { frameLayout, placeCaption, type FrameLayout, type PlacedLine, type Rect } from './layout';
import { canvasMeasure, drawCaption, drawCard, SPACE_BG, type CardText } from './draw';
import { loadVideoFonts, registerVideoFonts } from './fonts';
import { chooseCodec, VideoWriter, type Destination, type VideoFormat } from './encode';

export interface VideoRequest {
  /** The story's URL, absolute or relative to the page. */
  story: string;
  lang: Lang;
  width: number;
  height: number;
  fps: number;
  /** 1-based, inclusive; default every step. */
  steps?: { from: number; to: number };
  format?: VideoFormat;
  basemap?: string;
  /** Also give a hash of every frame as drawn (for tests: costs a read of every frame). */
  hashes?: boolean;
}

export interface VideoCheck {
  /** The step's index in the story. */
  step: number;
  /** The frame in the middle of its hold. */
  frame: number;
  /** The caption's box, and where the step's highlighted (or framed) features are. */
  box: Rect;
  subject: [number, number][];
}

export interface VideoResult {
  width: number;
  height: number;
  fps: number;
  frames: number;
  durationMs: number;
  format: VideoFormat;
  codec: string;
  mimeType: string;
  /** The file, when it was written into memory. */
  buffer?: ArrayBuffer;
  hashes?: string[];
  checks: VideoCheck[];
  segments: Timeline['segments'];
  warnings: string[];
  /** Where the time went: frames the map drew (the others repeat it), ms in the map, encoding. */
  stats: { mapFrames: number; mapMs: number; encodeMs: number; totalMs: number };
}

export interface RenderOptions {
  destination?: Destination;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** A request the story cannot satisfy (an unknown step, a language it lacks). */
export class VideoRequestError extends Error {}

export class VideoUnsupportedError extends Error {}

/** The steps the request asks for, 0-based, or a clear error. */
export function chooseSteps(story: Story, range?: { from: number; to: number }): Step[] {
  const count = story.steps.length;
  if (!range) return story.steps;
  const { from, to } = range;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < from)
    throw new VideoRequestError(`--steps ${from}-${to}: give FROM-TO with 1 ≤ FROM ≤ TO`);
  if (to > count)
    throw new VideoRequestError(
      `--steps ${from}-${to}: the story has ${count} step${count === 1 ? '' : 's'} (1-${count})`,
    );
  return story.steps.slice(from - 1, to);
}

function titleCard(story: Story, lang: Lang): CardText {
  const a = story.article;
  const by = lang === 'zh' ? '改编自' : 'After';
  return {
    heading: [localize(story.title, lang)],
    lines: [
      ...(story.subtitle ? [localize(story.subtitle, lang)] : []),
      ...(a
        ? ['', `${by} “${a.title}”, ${a.author}, ${a.publication}, ${a.date.slice(0, 4)}`]
        : []),
    ],
  };
}

function endCard(story: Story, lang: Lang, attributions: string[]): CardText {
  const a = story.article;
  const zh = lang === 'zh';
  const credits = story.creditsText ? localize(story.creditsText, lang) : '';
  // The credits are Markdown: its links and emphasis read as plain text here.
  const plain = credits
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return {
    heading: [localize(story.title, lang)],
    lines: [
      ...(a
        ? [
            zh ? '原文' : 'The article',
            `“${a.title}”, ${a.author}, ${a.publication}, ${a.date}`,
            a.url,
            '',
          ]
        : []),
      ...plain.flatMap((p) => [p, '']),
      ...(attributions.length ? [`${zh ? '底图' : 'Basemap'}: ${attributions.join(' · ')}`] : []),
    ],
  };
}

async function sha256(ctx: CanvasRenderingContext2D, width: number, height: number) {
  const data = ctx.getImageData(0, 0, width, height).data as Uint8ClampedArray<ArrayBuffer>;
  const digest = await crypto.subtle.digest('SHA-256', data);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function makeCanvas(width: number, height: number) {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  // In memory, not on the GPU: reading a GPU canvas back for each frame is far slower here.
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  return { canvas, ctx };
}

function sameCamera(a: FlightCamera | undefined, b: FlightCamera) {
  return (
    a !== undefined &&
    a.zoom === b.zoom &&
    a.bearing === b.bearing &&
    a.pitch === b.pitch &&
    a.center[0] === b.center[0] &&
    a.center[1] === b.center[1]
  );
}

export async function renderVideo(
  req: VideoRequest,
  opts: RenderOptions = {},
): Promise<VideoResult> {
  const { width, height, fps } = req;
  const warnings: string[] = [];
  const base = document.baseURI;
  const choice = await chooseCodec(req.format ?? 'mp4', width, height, fps);
  if (!choice)
    throw new VideoUnsupportedError(
      typeof VideoEncoder === 'undefined'
        ? 'This browser cannot encode video (no WebCodecs VideoEncoder).'
        : `This browser encodes neither H.264 nor VP9 at ${width}x${height}.`,
    );

  let loaded;
  try {
    loaded = await loadStory(new URL(req.story, base).href, base);
  } catch (err) {
    if (err instanceof DataErrors)
      throw new VideoRequestError(err.errors.map(formatError).join('\n'));
    throw err;
  }
  const story = loaded.story;
  if (!story.languages.includes(req.lang))
    throw new VideoRequestError(
      `--lang ${req.lang}: the story is written in ${story.languages.join(', ')}`,
    );
  const steps = chooseSteps(story, req.steps);
  const lang = req.lang;
  const layout: FrameLayout = frameLayout(width, height);

  // Type: the app's own fonts, loaded for every text the video sets.
  await registerVideoFonts(base);
  const captions: Caption[] = steps.map((s) => captionOf(s, lang));
  const opening = titleCard(story, lang);

  const container = document.createElement('div');
  for (const [k, v] of Object.entries({
    position: 'fixed',
    left: '0',
    top: '0',
    width: `${width}px`,
    height: `${height}px`,
    // Behind everything: the reader's page stays as it was.
    'z-index': '-1',
    'pointer-events': 'none',
    visibility: 'visible',
  }))
    container.style.setProperty(k, v);
  container.setAttribute('aria-hidden', 'true');
  document.body.append(container);

  const index = new FeatureIndex(loaded.layers);
  const map = new VideoMap(container, {
    lang,
    baseUrl: base,
    ...((req.basemap ?? story.basemapUrl) ? { basemapUrl: req.basemap ?? story.basemapUrl } : {}),
    onWarning: (m) => warnings.push(m),
  });
  let writer: VideoWriter | undefined;
  try {
    await map.open(index, layout.insets);
    const closing = endCard(story, lang, map.attributions());
    await loadVideoFonts([
      ...captions.flatMap((c) => [c.year, c.title, c.text, '…']),
      ...opening.heading,
      ...opening.lines,
      ...closing.heading,
      ...closing.lines,
    ]);

    const { ctx } = makeCanvas(width, height);
    const { ctx: mapCtx } = makeCanvas(width, height);
    const measure = canvasMeasure(ctx, 700);
    const placed: PlacedLine[][] = captions.map((c) => placeCaption(c, layout, measure));

    // The opening camera: the step before the range, or the world around the first step.
    const first = steps[0]!;
    const previous = story.steps[first.index - 1];
    let start: FlightCamera;
    if (previous) {
      start = map.showStep(previous);
      map.setCamera(start);
    } else {
      const arrival = map.showStep(first);
      start = { center: arrival.center, zoom: Math.min(2.2, arrival.zoom), bearing: 0, pitch: 0 };
    }

    const timeline = buildTimeline(
      steps.map((s, i) => ({
        index: s.index,
        flightMs: s.camera.transition === 'jump' ? 0 : s.camera.duration,
        holdMs: Math.max(
          holdMs(captions[i]!.title, captions[i]!.text),
          animationsMs(s.animations) + 1000,
        ),
      })),
      { fps },
    );

    writer = new VideoWriter(choice, opts.destination ?? { kind: 'buffer' }, fps);
    await writer.start();

    const stats = { mapFrames: 0, mapMs: 0, encodeMs: 0, totalMs: 0 };
    const began = performance.now();
    const hashes: string[] = [];
    const checks: VideoCheck[] = [];
    let from = start;
    let to = start;
    let shown: FlightCamera | undefined;
    let stepAt = -1;
    let animating = false;
    let drawn = false;
    let mapVersion = 0;
    let lastKey = '';
    for (let n = 0; n < timeline.frames; n++) {
      if (opts.signal?.aborted) throw new DOMException('The video was cancelled.', 'AbortError');
      const info = frameAt(timeline, n);
      const seg = info.segment;
      let changed = !drawn;
      if (seg.step !== undefined && seg.step !== stepAt) {
        // A new step: its layers, year and highlights now; the flight from where the camera is.
        stepAt = seg.step;
        from = shown ?? start;
        to = map.showStep(steps[stepAt]!);
        changed = true;
      }
      let camera: FlightCamera;
      if (seg.kind === 'flight') {
        const kind = steps[stepAt]!.camera.transition;
        camera = flightCamera(from, to, info.progress, { width, height, kind });
      } else if (seg.kind === 'title') camera = start;
      else camera = to;
      if (!sameCamera(shown, camera)) {
        map.setCamera(camera);
        shown = camera;
        changed = true;
      }
      if (seg.kind === 'hold' && info.local === 0) {
        map.startAnimations(steps[stepAt]!);
        animating = true;
      }
      if (animating) {
        // One more frame after the last one moves: the animations' resting state.
        animating = map.seekAnimations(info.localMs);
        changed = true;
      }
      if (changed) {
        const t0 = performance.now();
        await map.frame(info.timeMs, (mapCanvas) => {
          mapCtx.clearRect(0, 0, width, height);
          mapCtx.drawImage(mapCanvas, 0, 0, width, height);
        });
        stats.mapMs += performance.now() - t0;
        stats.mapFrames += 1;
        mapVersion += 1;
        drawn = true;
      }
      // The same map under the same overlay: the frame before, again.
      const key = `${mapVersion}|${seg.kind}|${stepAt}|${info.caption}|${info.card}`;
      const same = key === lastKey;
      lastKey = key;
      if (!same) {
        // Around the globe the map is transparent: the app's space colour shows there.
        ctx.fillStyle = SPACE_BG;
        ctx.fillRect(0, 0, width, height);
        ctx.drawImage(mapCtx.canvas, 0, 0);
        if (seg.kind === 'hold') drawCaption(ctx, layout, placed[stepAt]!, info.caption);
        if (seg.kind === 'title') drawCard(ctx, layout, opening, info.card);
        if (seg.kind === 'end') drawCard(ctx, layout, closing, info.card);
      }
      if (seg.kind === 'hold' && info.local === Math.floor(seg.frames / 2)) {
        const step = steps[stepAt]!;
        const ids = step.highlight.length ? step.highlight : (step.camera.fit ?? []);
        checks.push({
          step: step.index,
          frame: n,
          box: layout.box,
          subject: map.subjectPoints(ids),
        });
      }
      if (req.hashes)
        hashes.push(same ? hashes[hashes.length - 1]! : await sha256(ctx, width, height));
      const t1 = performance.now();
      await writer.add(ctx.canvas, n, fps, same);
      stats.encodeMs += performance.now() - t1;
      opts.onProgress?.(n + 1, timeline.frames);
    }
    const buffer = await writer.finish();
    writer = undefined;
    stats.totalMs = performance.now() - began;
    return {
      width,
      height,
      fps,
      frames: timeline.frames,
      durationMs: durationMs(timeline),
      format: choice.format,
      codec: String(choice.config.codec),
      mimeType: choice.mimeType,
      ...(buffer ? { buffer } : {}),
      ...(req.hashes ? { hashes } : {}),
      checks,
      stats,
      segments: timeline.segments,
      warnings,
    };
  } finally {
    await writer?.cancel();
    map.close();
    container.remove();
  }
}
