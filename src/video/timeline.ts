// The video's timeline: a title card, then for each step the flight from the previous camera
// and a hold long enough to read its caption, then an end card. Every frame's content is a
// function of its number alone, so a render is the same however slow the machine. Pure.
import { dwellSeconds } from '../kiosk/dwell';

/** How long a caption takes to fade in or out, in ms. */
export const FADE_MS = 400;
/** The title card's and the end card's length, in ms. */
export const TITLE_MS = 3500;
export const END_MS = 5000;
/** A video's caption is a sentence, not a kiosk's page: it holds for less. */
export const HOLD_BOUNDS_S = { min: 4, max: 16 };

export interface TimelineStep {
  /** The step's index in the story. */
  index: number;
  /** The camera's move to it, in ms (0 for a cut). */
  flightMs: number;
  /** How long it holds once arrived, in ms. */
  holdMs: number;
}

export type SegmentKind = 'title' | 'flight' | 'hold' | 'end';

export interface Segment {
  kind: SegmentKind;
  /** The position in `steps` (not the story index) of a flight or hold. */
  step?: number;
  /** First frame. */
  start: number;
  frames: number;
}

export interface Timeline {
  fps: number;
  frames: number;
  steps: readonly TimelineStep[];
  segments: Segment[];
}

export interface FrameInfo {
  frame: number;
  /** The video's clock at this frame, in ms. */
  timeMs: number;
  segment: Segment;
  /** Frames since the segment started. */
  local: number;
  /** Ms since the segment started. */
  localMs: number;
  /**
   * How far through the segment: a flight's last frame is 1 (the camera has arrived), its
   * first is 1/frames (the frame before was the previous step's last).
   */
  progress: number;
  /** The caption's opacity: it fades in after arrival and out before the next flight. */
  caption: number;
  /** The title card's or the end card's opacity. */
  card: number;
}

/** How long a step holds: the kiosk's reading time for its title and caption, for a video. */
export function holdMs(title: string, caption: string): number {
  return dwellSeconds(title, caption, undefined, HOLD_BOUNDS_S) * 1000;
}

const framesOf = (ms: number, fps: number) => Math.max(0, Math.round((ms * fps) / 1000));

export function buildTimeline(
  steps: readonly TimelineStep[],
  { fps, titleMs = TITLE_MS, endMs = END_MS }: { fps: number; titleMs?: number; endMs?: number },
): Timeline {
  if (!(fps > 0)) throw new Error(`fps must be positive, not ${fps}`);
  const segments: Segment[] = [];
  let at = 0;
  const push = (kind: SegmentKind, frames: number, step?: number) => {
    if (frames <= 0) return;
    segments.push({ kind, start: at, frames, ...(step !== undefined ? { step } : {}) });
    at += frames;
  };
  push('title', Math.max(1, framesOf(titleMs, fps)));
  steps.forEach((s, i) => {
    push('flight', framesOf(s.flightMs, fps), i);
    push('hold', Math.max(1, framesOf(s.holdMs, fps)), i);
  });
  push('end', Math.max(1, framesOf(endMs, fps)));
  return { fps, frames: at, steps, segments };
}

const ramp = (ms: number, fade: number) => (fade <= 0 ? 1 : Math.min(1, Math.max(0, ms / fade)));

export function frameAt(timeline: Timeline, frame: number): FrameInfo {
  if (!Number.isInteger(frame) || frame < 0 || frame >= timeline.frames)
    throw new RangeError(`frame ${frame} is outside 0–${timeline.frames - 1}`);
  const segment = timeline.segments.find((s) => frame < s.start + s.frames)!;
  const local = frame - segment.start;
  const msPerFrame = 1000 / timeline.fps;
  const localMs = local * msPerFrame;
  const lengthMs = segment.frames * msPerFrame;
  const progress =
    segment.kind === 'flight' ? (local + 1) / segment.frames : local / segment.frames;
  // The fades fit inside short segments too: never more than a third of the segment each.
  const fade = Math.min(FADE_MS, lengthMs / 3);
  const untilEnd = lengthMs - localMs - msPerFrame;
  let caption = 0;
  let card = 0;
  if (segment.kind === 'hold') caption = Math.min(ramp(localMs, fade), ramp(untilEnd, fade));
  if (segment.kind === 'title') card = ramp(untilEnd, fade);
  if (segment.kind === 'end') card = ramp(localMs, fade);
  return {
    frame,
    timeMs: frame * msPerFrame,
    segment,
    local,
    localMs,
    progress,
    caption,
    card,
  };
}

/** The frame in the middle of each step's hold: where its caption is fully shown. */
export function holdMiddles(timeline: Timeline): { step: number; frame: number }[] {
  return timeline.segments
    .filter((s) => s.kind === 'hold')
    .map((s) => ({ step: s.step!, frame: s.start + Math.floor(s.frames / 2) }));
}

export function durationMs(timeline: Timeline): number {
  return (timeline.frames * 1000) / timeline.fps;
}
