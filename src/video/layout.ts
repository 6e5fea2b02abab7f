// Where the caption goes in a frame of a given shape, at what size, and what it leaves the
// camera: a band along the foot of a landscape or square frame, a box in the lower third of a
// portrait one (above the strip social apps cover with their own buttons). The caption's area
// is reserved whatever the caption says, so every step is framed above it. Text is measured by
// a function the caller gives (a canvas in the browser, an estimate in tests). Pure.

export type Shape = 'landscape' | 'portrait' | 'square';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Insets {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface FrameLayout {
  width: number;
  height: number;
  shape: Shape;
  /** The caption's area, background included. */
  box: Rect;
  /** Space between the box's edge and its text. */
  pad: number;
  titleSize: number;
  textSize: number;
  yearSize: number;
  titleLines: number;
  textLines: number;
  /** The year on a line of its own (portrait) or before the title. */
  yearOwnLine: boolean;
  /** What the camera must keep clear: the caption, and a margin at the other edges. */
  insets: Insets;
}

export const LINE_HEIGHT = { title: 1.22, text: 1.36, year: 1.2 };

export function shapeOf(width: number, height: number): Shape {
  const ratio = width / height;
  return ratio > 1.15 ? 'landscape' : ratio < 1 / 1.15 ? 'portrait' : 'square';
}

export function frameLayout(width: number, height: number): FrameLayout {
  const shape = shapeOf(width, height);
  // The unit is the frame's short side: what a phone shows across its width or height.
  const unit = Math.min(width, height);
  const f =
    shape === 'landscape'
      ? { title: 0.052, text: 0.037, titleLines: 1, textLines: 2, margin: 0 }
      : shape === 'square'
        ? { title: 0.054, text: 0.042, titleLines: 1, textLines: 3, margin: 0 }
        : { title: 0.062, text: 0.046, titleLines: 2, textLines: 4, margin: 0.06 };
  const titleSize = Math.round(unit * f.title);
  const textSize = Math.round(unit * f.text);
  const yearSize = Math.round(titleSize * (shape === 'portrait' ? 0.7 : 1));
  const pad = Math.round(unit * (shape === 'portrait' ? 0.045 : 0.034));
  const yearOwnLine = shape === 'portrait';
  const gap = Math.round(textSize * 0.3);
  const inner =
    (yearOwnLine ? yearSize * LINE_HEIGHT.year : 0) +
    f.titleLines * titleSize * LINE_HEIGHT.title +
    gap +
    f.textLines * textSize * LINE_HEIGHT.text;
  const boxHeight = Math.ceil(inner + 2 * pad);
  const side = Math.round(width * f.margin);
  // Vertical feeds lay their own buttons and text over the bottom eighth of the picture.
  const foot = shape === 'portrait' ? Math.round(height * 0.12) : 0;
  const box = { x: side, y: height - foot - boxHeight, width: width - 2 * side, height: boxHeight };
  const margin = Math.round(unit * 0.05);
  return {
    width,
    height,
    shape,
    box,
    pad,
    titleSize,
    textSize,
    yearSize,
    titleLines: f.titleLines,
    textLines: f.textLines,
    yearOwnLine,
    insets: { top: margin, left: margin, right: margin, bottom: height - box.y + margin },
  };
}

export type Measure = (text: string, size: number) => number;

// Characters that may not start a line in Chinese (closing punctuation).
const NO_LINE_START = /^[，。、；：！？）」』》”’,.;:!?)]/u;

/** Words for wrapping: a Latin word with its following space, or one Han character. */
export function wrapTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const m of text.matchAll(/\p{Script=Han}|[^\s\p{Script=Han}]+\s*|\s+/gu)) {
    const token = m[0];
    if (tokens.length && NO_LINE_START.test(token)) tokens[tokens.length - 1] += token;
    else tokens.push(token);
  }
  return tokens;
}

/**
 * Breaks `text` into lines no wider than `maxWidth`, at most `maxLines`; the last line ends in
 * an ellipsis when the text does not fit. A word wider than a line is cut.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  size: number,
  maxLines: number,
  measure: Measure,
): { lines: string[]; fits: boolean } {
  const lines: string[] = [];
  let line = '';
  const tokens = wrapTokens(text.trim());
  let i = 0;
  for (; i < tokens.length; i++) {
    const token = tokens[i]!;
    const candidate = line + token;
    if (!line || measure(candidate.trimEnd(), size) <= maxWidth) {
      line = candidate;
      continue;
    }
    lines.push(line.trimEnd());
    line = token.trimStart();
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines && line) {
    lines.push(line.trimEnd());
    line = '';
  }
  const fits = i >= tokens.length && !line;
  if (!fits && lines.length) {
    let last = lines[lines.length - 1]!;
    while (last && measure(`${last}…`, size) > maxWidth) last = [...last].slice(0, -1).join('');
    lines[lines.length - 1] = `${last.trimEnd()}…`;
  }
  // A single word wider than the line: cut it to fit.
  return {
    lines: lines.map((l) => {
      let out = l;
      while ([...out].length > 1 && measure(out, size) > maxWidth)
        out = `${[...out].slice(0, -2).join('')}…`;
      return out;
    }),
    fits,
  };
}

/** A run of text placed in the frame: its baseline's left end. */
export interface PlacedLine {
  text: string;
  x: number;
  y: number;
  size: number;
  role: 'year' | 'title' | 'text';
}

/**
 * The caption's lines in `layout`'s box. A title or text too long for its lines is set
 * smaller (down to 80 %) before it is cut with an ellipsis.
 */
export function placeCaption(
  caption: { year: string; title: string; text: string },
  layout: FrameLayout,
  measure: Measure,
): PlacedLine[] {
  const { box, pad } = layout;
  const left = box.x + pad;
  const width = box.width - 2 * pad;
  const fit = (text: string, size: number, lines: number, room: number) => {
    for (let s = size; s >= size * 0.8; s -= Math.max(1, Math.round(size * 0.05))) {
      const wrapped = wrapText(text, room, s, lines, measure);
      if (wrapped.fits) return { ...wrapped, size: s };
    }
    return { ...wrapText(text, room, Math.round(size * 0.8), lines, measure), size: size * 0.8 };
  };
  const out: PlacedLine[] = [];
  let y = box.y + pad;
  let titleLeft = left;
  if (layout.yearOwnLine) {
    y += layout.yearSize * LINE_HEIGHT.year;
    out.push({
      text: caption.year,
      x: left,
      y: y - layout.yearSize * 0.25,
      size: layout.yearSize,
      role: 'year',
    });
  } else {
    const yearWidth = measure(caption.year, layout.yearSize) + layout.titleSize * 0.6;
    out.push({
      text: caption.year,
      x: left,
      y: y + layout.titleSize * LINE_HEIGHT.title - layout.titleSize * 0.3,
      size: layout.yearSize,
      role: 'year',
    });
    titleLeft = left + yearWidth;
  }
  const title = fit(caption.title, layout.titleSize, layout.titleLines, width - (titleLeft - left));
  for (const [i, text] of title.lines.entries()) {
    y += layout.titleSize * LINE_HEIGHT.title;
    out.push({
      text,
      x: i === 0 ? titleLeft : left,
      y: y - layout.titleSize * 0.3,
      size: title.size,
      role: 'title',
    });
  }
  y += Math.round(layout.textSize * 0.3) + (layout.titleLines - title.lines.length) * 0;
  const text = fit(caption.text, layout.textSize, layout.textLines, width);
  for (const line of text.lines) {
    y += layout.textSize * LINE_HEIGHT.text;
    out.push({ text: line, x: left, y: y - layout.textSize * 0.36, size: text.size, role: 'text' });
  }
  return out;
}
