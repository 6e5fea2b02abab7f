import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  crc32,
  encodePng,
  maskableScale,
  parseColour,
  parseIconSvg,
  render,
} from '../../scripts/build-icons';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FAVICON = readFileSync(`${ROOT}public/favicon.svg`, 'utf8');

const pixel = (rgba: Buffer, size: number, x: number, y: number) => [
  ...rgba.subarray((y * size + x) * 4, (y * size + x) * 4 + 4),
];

describe('icons from the favicon', () => {
  const drawing = parseIconSvg(FAVICON);

  it('reads the favicon as shapes', () => {
    expect(drawing.size).toBe(32);
    expect(drawing.shapes.map((s) => s.kind)).toEqual(['rect', 'circle', 'circle']);
  });

  it('refuses what it cannot draw', () => {
    expect(() => parseIconSvg('<svg viewBox="0 0 32 32"><path d="M0 0"/></svg>')).toThrow(/path/);
    expect(() => parseIconSvg('<svg viewBox="0 0 32 16"></svg>')).toThrow(/square/);
    expect(() => parseColour('rgb(1,2,3)')).toThrow(/colour/);
  });

  it('draws the mark: ground, red ring, white centre, transparent rounded corners', () => {
    const size = 192;
    const rgba = render(drawing, { pixels: size });
    expect(pixel(rgba, size, 96, 96)).toEqual([255, 255, 255, 255]);
    expect(pixel(rgba, size, 96, 96 - 54)).toEqual([...parseColour('#b91c1c')!]); // r = 9 of 32
    expect(pixel(rgba, size, 20, 96)).toEqual([...parseColour('#1c1917')!]);
    expect(pixel(rgba, size, 0, 0)[3]).toBe(0);
  });

  it('makes maskable icons full-bleed, the mark inside the safe circle', () => {
    const size = 192;
    const ground = parseColour('#1c1917')!;
    const rgba = render(
      { size: 32, shapes: drawing.shapes.slice(1) },
      { pixels: size, scale: maskableScale(drawing), ground },
    );
    expect(pixel(rgba, size, 0, 0)).toEqual([...ground]);
    // nothing but ground outside the central 80% circle
    for (let y = 0; y < size; y += 4)
      for (let x = 0; x < size; x += 4)
        if (Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2) > 0.4 * size)
          expect(pixel(rgba, size, x, y)).toEqual([...ground]);
  });

  it('writes a PNG that decodes to the same pixels', () => {
    const rgba = render(drawing, { pixels: 16 });
    const png = encodePng(rgba, 16, 16);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(16); // IHDR width
    const idatAt = png.indexOf('IDAT');
    const raw = inflateSync(png.subarray(idatAt + 4, idatAt + 4 + png.readUInt32BE(idatAt - 4)));
    expect(raw.length).toBe(16 * (16 * 4 + 1));
    expect(raw.subarray(1, 65).equals(rgba.subarray(0, 64))).toBe(true);
    expect(crc32(Buffer.from('IEND'))).toBe(0xae426082);
  });

  it('the committed icons are the ones the script makes', () => {
    const png = readFileSync(`${ROOT}public/icons/icon-192.png`);
    expect(png.equals(encodePng(render(drawing, { pixels: 192 }), 192, 192))).toBe(true);
  });
});
