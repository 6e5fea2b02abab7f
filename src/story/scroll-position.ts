// Where a scroll reader is in a story, as a pure function of the page's geometry: the step
// blocks' boxes relative to the viewport and the viewport's height. The active step is the
// last block whose top has crossed the reading line; between a block's end and the next
// block's top the map moves from one step to the next with the reader's progress. Computed
// afresh from the boxes on every scroll and resize, never from a stream of enter/exit events,
// so a jump, a fling, a reload in mid-page or a resize always lands on the right step.

export interface BlockBox {
  /** The block's top and bottom edges, in px from the viewport's top (getBoundingClientRect). */
  top: number;
  bottom: number;
}

export interface ScrollGeometry {
  blocks: readonly BlockBox[];
  viewportHeight: number;
  /** Where the reading line is, as a fraction of the viewport's height from its top. */
  readingLine?: number;
  /** The shortest transition, as a fraction of the viewport's height: close blocks still move the map smoothly. */
  minTransition?: number;
}

export interface ScrollPosition {
  /** The active step: the last block whose top is at or above the reading line (0 before the first). */
  index: number;
  /** 0…1 of the way from step `index` to step `index + 1` (always 0 at the last step). */
  progress: number;
}

export const READING_LINE = 0.55;
export const MIN_TRANSITION = 0.35;

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

export function scrollPosition(geometry: ScrollGeometry): ScrollPosition {
  const { blocks, viewportHeight } = geometry;
  if (!blocks.length) return { index: -1, progress: 0 };
  const line = viewportHeight * (geometry.readingLine ?? READING_LINE);
  let index = 0;
  for (let i = 0; i < blocks.length; i++) if (blocks[i]!.top <= line) index = i;
  const here = blocks[index]!;
  const next = blocks[index + 1];
  if (!next || here.top > line) return { index, progress: 0 };
  // The transition ends when the next block reaches the line and starts when this block's
  // text has passed it, or earlier if the gap between them is short.
  const span = viewportHeight * (geometry.minTransition ?? MIN_TRANSITION);
  const end = next.top;
  const start = Math.max(here.top, Math.min(here.bottom, end - span));
  if (end <= start) return { index, progress: 0 };
  return { index, progress: clamp01((line - start) / (end - start)) };
}

/** The scroll offset (from the scroll root's current position) that puts block `i`'s top on the reading line. */
export function scrollDeltaTo(
  block: BlockBox,
  viewportHeight: number,
  readingLine = READING_LINE,
): number {
  // A hair past the line, so rounding of the scroll offset never leaves the block short of it.
  return block.top - viewportHeight * readingLine + 1;
}

/** The year the timeline shows part-way between two steps' years. */
export function yearBetween(from: number, to: number, progress: number): number {
  return Math.round(from + (to - from) * clamp01(progress));
}

/**
 * How much of the lines the next step draws are shown, for the reader's progress towards it:
 * they start once the camera is under way and are complete when it arrives.
 */
export function lineReveal(progress: number): number {
  const t = clamp01((progress - 0.25) / 0.75);
  return t * t * (3 - 2 * t);
}
