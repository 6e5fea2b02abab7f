// `npx tsx scripts/build-icons.ts`: the install icons in public/icons/, drawn from
// public/favicon.svg with no image library and no network.
//
// The favicon is a few flat shapes (rounded rects and circles, filled or stroked); this reads
// exactly those, draws them with anti-aliased edges (signed distances, one pixel of blend) and
// writes PNGs with node:zlib. Anything else in the SVG stops the script, so a redrawn favicon
// cannot silently give wrong icons.
//   icons/icon.svg            the favicon itself (purpose any, any size)
//   icons/icon-{192,512}.png  the favicon, rounded corners transparent
//   icons/maskable-*.png      full-bleed ground, the mark scaled into the maskable safe circle
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

export type Rgba = readonly [number, number, number, number];

export type Shape =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; rx: number; fill: Rgba }
  | {
      kind: 'circle';
      cx: number;
      cy: number;
      r: number;
      fill?: Rgba;
      stroke?: Rgba;
      strokeWidth: number;
    };

export interface Drawing {
  size: number;
  shapes: Shape[];
}

export function parseColour(value: string | undefined): Rgba | undefined {
  if (!value || value === 'none') return undefined;
  const named: Record<string, string> = { white: '#ffffff', black: '#000000' };
  const hex = (named[value] ?? value).replace('#', '');
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new Error(`unsupported colour "${value}"`);
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)).concat(255) as unknown as Rgba;
}

/** The favicon's shapes; throws on any element or viewBox this drawer does not understand. */
export function parseIconSvg(svg: string): Drawing {
  const viewBox = /viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(svg);
  if (!viewBox || viewBox[1] !== viewBox[2]) throw new Error('needs a square viewBox at 0 0');
  const shapes: Shape[] = [];
  const body = svg.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  for (const m of body.matchAll(/<(\w+)([^>]*?)\/?>/g)) {
    const [, tag, attrText] = m;
    const attrs = Object.fromEntries(
      [...attrText!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]),
    );
    const num = (k: string, d = 0) => (attrs[k] === undefined ? d : Number(attrs[k]));
    if (tag === 'rect') {
      const fill = parseColour(attrs['fill'] ?? '#000000');
      if (!fill || attrs['stroke']) throw new Error('rect: only filled rects are drawn');
      shapes.push({
        kind: 'rect',
        x: num('x'),
        y: num('y'),
        w: num('width'),
        h: num('height'),
        rx: num('rx', num('ry')),
        fill,
      });
    } else if (tag === 'circle') {
      const fill = parseColour(attrs['fill'] ?? '#000000');
      const stroke = parseColour(attrs['stroke']);
      shapes.push({
        kind: 'circle',
        cx: num('cx'),
        cy: num('cy'),
        r: num('r'),
        ...(fill ? { fill } : {}),
        ...(stroke ? { stroke } : {}),
        strokeWidth: num('stroke-width', 1),
      });
    } else throw new Error(`unsupported element <${tag}>`);
  }
  return { size: Number(viewBox[1]), shapes };
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

function roundedRectDistance(px: number, py: number, s: Extract<Shape, { kind: 'rect' }>) {
  const rx = Math.min(s.rx, s.w / 2, s.h / 2);
  const qx = Math.abs(px - (s.x + s.w / 2)) - (s.w / 2 - rx);
  const qy = Math.abs(py - (s.y + s.h / 2)) - (s.h / 2 - rx);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - rx;
}

export interface RenderOptions {
  /** Output width and height in pixels. */
  pixels: number;
  /** Scale of the drawing around its centre (maskable icons draw the mark smaller). */
  scale?: number;
  /** A colour filling the whole square first (maskable icons are full-bleed). */
  ground?: Rgba;
}

/** RGBA pixels, straight (not premultiplied) alpha, row by row. */
export function render(drawing: Drawing, { pixels, scale = 1, ground }: RenderOptions): Buffer {
  const out = Buffer.alloc(pixels * pixels * 4);
  const unit = drawing.size / pixels / scale; // drawing units per output pixel
  const centre = drawing.size / 2;
  for (let y = 0; y < pixels; y++) {
    for (let x = 0; x < pixels; x++) {
      // premultiplied accumulation, composited "over" shape by shape
      let [r, g, b, a] = ground
        ? [ground[0] / 255, ground[1] / 255, ground[2] / 255, 1]
        : [0, 0, 0, 0];
      const px = centre + (x + 0.5 - pixels / 2) * unit;
      const py = centre + (y + 0.5 - pixels / 2) * unit;
      const paint = (distance: number, colour: Rgba) => {
        const cover = clamp01(0.5 - distance / unit) * (colour[3] / 255);
        if (cover === 0) return;
        r = (colour[0] / 255) * cover + r * (1 - cover);
        g = (colour[1] / 255) * cover + g * (1 - cover);
        b = (colour[2] / 255) * cover + b * (1 - cover);
        a = cover + a * (1 - cover);
      };
      for (const s of drawing.shapes) {
        if (s.kind === 'rect') paint(roundedRectDistance(px, py, s), s.fill);
        else {
          const d = Math.hypot(px - s.cx, py - s.cy) - s.r;
          if (s.fill) paint(d, s.fill);
          if (s.stroke) paint(Math.abs(d) - s.strokeWidth / 2, s.stroke);
        }
      }
      const i = (y * pixels + x) * 4;
      out[i] = a ? Math.round((r / a) * 255) : 0;
      out[i + 1] = a ? Math.round((g / a) * 255) : 0;
      out[i + 2] = a ? Math.round((b / a) * 255) : 0;
      out[i + 3] = Math.round(a * 255);
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGBA PNG. */
export function encodePng(rgba: Buffer, width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Maskable icons are cropped to as little as a centred circle of 80% of their width: the
 * mark is scaled so its farthest point stays inside that circle, with a small margin.
 */
export function maskableScale(drawing: Drawing): number {
  const c = drawing.size / 2;
  let reach = 0;
  for (const s of drawing.shapes) {
    // the first full-size rect is the ground, which a maskable icon replaces
    if (s.kind === 'rect' && s.w >= drawing.size && s.h >= drawing.size) continue;
    if (s.kind === 'rect')
      reach = Math.max(reach, Math.hypot(Math.abs(s.x - c) + s.w, Math.abs(s.y - c) + s.h));
    else reach = Math.max(reach, Math.hypot(s.cx - c, s.cy - c) + s.r + s.strokeWidth / 2);
  }
  return reach === 0 ? 1 : Math.min(1, (0.4 * drawing.size * 0.9) / reach);
}

export function buildIcons(root: string) {
  const svgPath = join(root, 'public', 'favicon.svg');
  const drawing = parseIconSvg(readFileSync(svgPath, 'utf8'));
  const ground = drawing.shapes.find(
    (s): s is Extract<Shape, { kind: 'rect' }> =>
      s.kind === 'rect' && s.w >= drawing.size && s.h >= drawing.size,
  );
  const dir = join(root, 'public', 'icons');
  mkdirSync(dir, { recursive: true });
  copyFileSync(svgPath, join(dir, 'icon.svg'));
  const written = ['icon.svg'];
  for (const pixels of [192, 512]) {
    writeFileSync(
      join(dir, `icon-${pixels}.png`),
      encodePng(render(drawing, { pixels }), pixels, pixels),
    );
    const maskable = {
      size: drawing.size,
      shapes: drawing.shapes.filter((s) => s !== ground),
    };
    writeFileSync(
      join(dir, `maskable-${pixels}.png`),
      encodePng(
        render(maskable, {
          pixels,
          scale: maskableScale(drawing),
          ...(ground ? { ground: ground.fill } : {}),
        }),
        pixels,
        pixels,
      ),
    );
    written.push(`icon-${pixels}.png`, `maskable-${pixels}.png`);
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  console.log(`public/icons/: ${buildIcons(root).join(', ')}`);
}
