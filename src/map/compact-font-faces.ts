// public/fonts/font-faces.json in a compact form, for the app to fetch before it makes the map.
// The file lists every font file with its CSS `unicode-range`s: for the 101 Noto Sans SC
// subsets that is 9 000 ranges, 148 kB (32 kB gzip) of "U+4E00-4E01"-style text. Here each
// face's ranges are one string of base-36 numbers, each range as the gap since the previous
// one and, when it spans more than one code point, `+` and its length minus one: 26 kB
// (11 kB gzip). `scripts/build-lazy-data.ts` writes it; a unit test keeps it equal to the JSON.
// Pure: no DOM, no MapLibre.
import type { FontFacesJson } from './basemap-style';

/** public/fonts/font-faces.compact.json. */
export interface CompactFontFaces {
  /** The format; a reader refuses any other. */
  format: 'zgc-font-faces-1';
  /** Font name -> its files: [url relative to the file, ranges]. */
  faces: Record<string, [url: string, ranges: string][]>;
}

export const COMPACT_FONT_FACES_FORMAT = 'zgc-font-faces-1';

const RANGE = /^U\+([0-9A-F]{1,6})(?:-([0-9A-F]{1,6}))?$/i;

/** `U+4E00-4E01` or `U+4E00` as [first, last] code points; undefined for anything else. */
export function parseUnicodeRange(range: string): [number, number] | undefined {
  const m = RANGE.exec(range.trim());
  if (!m) return undefined;
  const first = parseInt(m[1]!, 16);
  const last = m[2] ? parseInt(m[2], 16) : first;
  return last >= first ? [first, last] : undefined;
}

/** Encodes one face's ranges; they must be in ascending order and must not overlap. */
export function encodeRanges(ranges: readonly string[]): string {
  let next = 0;
  return ranges
    .map((r) => {
      const parsed = parseUnicodeRange(r);
      if (!parsed) throw new Error(`not a unicode-range this format can hold: "${r}"`);
      const [first, last] = parsed;
      if (first < next) throw new Error(`unicode-range "${r}" is out of order or overlaps`);
      const gap = (first - next).toString(36);
      next = last + 1;
      return last > first ? `${gap}+${(last - first).toString(36)}` : gap;
    })
    .join(' ');
}

/** The ranges `encodeRanges` wrote, as `U+` strings (upper-case hex, no padding). */
export function decodeRanges(encoded: string): string[] {
  if (!encoded) return [];
  let next = 0;
  const hex = (n: number) => n.toString(16).toUpperCase();
  return encoded.split(' ').map((token) => {
    const [gap, span] = token.split('+');
    const first = next + parseInt(gap!, 36);
    const last = span === undefined ? first : first + parseInt(span, 36);
    if (!Number.isFinite(first) || !Number.isFinite(last))
      throw new Error(`not a compact range: "${token}"`);
    next = last + 1;
    return last > first ? `U+${hex(first)}-${hex(last)}` : `U+${hex(first)}`;
  });
}

export function encodeFontFaces(json: FontFacesJson): CompactFontFaces {
  const faces: CompactFontFaces['faces'] = {};
  for (const [name, list] of Object.entries(json))
    faces[name] = list.map((f) => [f.url, encodeRanges(f['unicode-range'] ?? [])]);
  return { format: COMPACT_FONT_FACES_FORMAT, faces };
}

/** The font-faces.json the compact form stands for; throws on anything but this format. */
export function decodeFontFaces(compact: unknown): FontFacesJson {
  const c = compact as Partial<CompactFontFaces> | null;
  if (!c || c.format !== COMPACT_FONT_FACES_FORMAT || typeof c.faces !== 'object' || !c.faces)
    throw new Error(`not a ${COMPACT_FONT_FACES_FORMAT} file`);
  const out: FontFacesJson = {};
  for (const [name, list] of Object.entries(c.faces)) {
    if (!Array.isArray(list)) continue;
    out[name] = list.map(([url, ranges]) => {
      const decoded = decodeRanges(ranges);
      return decoded.length ? { url, 'unicode-range': decoded } : { url };
    });
  }
  return out;
}
