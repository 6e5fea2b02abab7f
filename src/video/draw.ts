// The video's type and cards, drawn on the frame's 2D canvas over the map's picture: the
// caption in its reserved box, the title card and the end card with the credits.
import { videoFont } from './fonts';
import { LINE_HEIGHT, wrapText, type FrameLayout, type Measure, type PlacedLine } from './layout';

/** The app's colour around the globe (--space-bg in src/ui/tokens.ts). */
export const SPACE_BG = '#dfe5ea';
const INK = '#f8fafc';
const SOFT = '#cbd5e1';
const YEAR = '#fca5a5';
const PANEL = 'rgba(15, 23, 42, 0.86)';
const CARD = 'rgba(15, 23, 42, 0.9)';

export function canvasMeasure(ctx: CanvasRenderingContext2D, weight: 400 | 700): Measure {
  return (text, size) => {
    ctx.font = videoFont(size, weight);
    return ctx.measureText(text).width;
  };
}

export function drawCaption(
  ctx: CanvasRenderingContext2D,
  layout: FrameLayout,
  lines: readonly PlacedLine[],
  opacity: number,
) {
  if (opacity <= 0) return;
  ctx.save();
  ctx.globalAlpha = opacity;
  ctx.fillStyle = PANEL;
  const { x, y, width, height } = layout.box;
  ctx.fillRect(x, y, width, height);
  ctx.textBaseline = 'alphabetic';
  for (const line of lines) {
    ctx.font = videoFont(line.size, line.role === 'text' ? 400 : 700);
    ctx.fillStyle = line.role === 'year' ? YEAR : line.role === 'title' ? INK : SOFT;
    ctx.fillText(line.text, line.x, line.y);
  }
  ctx.restore();
}

export interface CardText {
  /** Large lines first (a title), then normal ones; an empty string is a paragraph break. */
  heading: string[];
  lines: string[];
}

/** A full-frame card over the map: the title card and the end card. */
export function drawCard(
  ctx: CanvasRenderingContext2D,
  layout: FrameLayout,
  text: CardText,
  opacity: number,
) {
  if (opacity <= 0) return;
  const { width, height } = layout;
  const unit = Math.min(width, height);
  const headSize = Math.round(unit * (layout.shape === 'landscape' ? 0.075 : 0.078));
  const size = Math.round(unit * (layout.shape === 'landscape' ? 0.036 : 0.04));
  const column = Math.min(width * 0.84, unit * 1.4);
  const left = (width - column) / 2;
  const bold = canvasMeasure(ctx, 700);
  const regular = canvasMeasure(ctx, 400);
  type Row = { text: string; size: number; weight: 400 | 700; color: string; gap: number };
  const rows: Row[] = [];
  for (const h of text.heading)
    for (const l of wrapText(h, column, headSize, 3, bold).lines)
      rows.push({ text: l, size: headSize, weight: 700, color: INK, gap: 0 });
  let gap = headSize * 0.6;
  for (const para of text.lines) {
    if (!para) {
      gap = size * 0.7;
      continue;
    }
    for (const l of wrapText(para, column, size, 4, regular).lines) {
      rows.push({ text: l, size, weight: 400, color: SOFT, gap });
      gap = 0;
    }
  }
  const total = rows.reduce((h, r) => h + r.gap + r.size * LINE_HEIGHT.text, 0);
  ctx.save();
  ctx.globalAlpha = opacity;
  ctx.fillStyle = CARD;
  ctx.fillRect(0, 0, width, height);
  let y = (height - total) / 2;
  for (const row of rows) {
    y += row.gap + row.size * LINE_HEIGHT.text;
    ctx.font = videoFont(row.size, row.weight);
    ctx.fillStyle = row.color;
    ctx.fillText(row.text, left, y - row.size * 0.36);
  }
  ctx.restore();
}
