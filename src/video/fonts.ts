// The video's type: the fonts the app ships for its map labels (Noto Sans, and Noto Sans SC in
// 101 subsets by unicode-range), registered for the canvas under a family of their own, and
// loaded for exactly the text the video sets before its first frame is drawn, so no frame is
// ever set in a fallback font.
import { decodeFontFaces } from '../map/compact-font-faces';

export const VIDEO_FONT_FAMILY = 'ZGC Video Sans';
const FALLBACK = `"${VIDEO_FONT_FAMILY}", "Noto Sans", "Noto Sans SC", sans-serif`;

export const videoFont = (size: number, weight: 400 | 700 = 400) =>
  `${weight} ${Math.round(size)}px ${FALLBACK}`;

let registered: Promise<void> | undefined;

/** Registers the app's fonts for the canvas (once per page). */
export function registerVideoFonts(baseUrl: string): Promise<void> {
  registered ??= (async () => {
    const fileUrl = new URL('fonts/font-faces.compact.json', baseUrl);
    const res = await fetch(fileUrl);
    if (!res.ok)
      throw new Error(`the video's fonts could not be loaded (${fileUrl}: HTTP ${res.status})`);
    const faces = decodeFontFaces(await res.json());
    // Faces of one family are tried last-added first: the Latin faces go in last, so Latin
    // text and punctuation (quotes, dashes) are set in Noto Sans, not in the Chinese font.
    const entries = Object.entries(faces).sort(
      ([a], [b]) => Number(/SC/.test(b)) - Number(/SC/.test(a)),
    );
    for (const [name, files] of entries) {
      // Noto Sans SC comes in one weight; the browser makes its bold.
      const weight = /bold/i.test(name) ? '700' : '400';
      for (const file of files) {
        const face = new FontFace(VIDEO_FONT_FAMILY, `url(${new URL(file.url, fileUrl).href})`, {
          weight,
          ...(file['unicode-range']?.length
            ? { unicodeRange: file['unicode-range'].join(', ') }
            : {}),
        });
        document.fonts.add(face);
      }
    }
  })();
  return registered;
}

/** Loads the font files that `texts` need, in both weights. */
export async function loadVideoFonts(texts: readonly string[]): Promise<void> {
  const all = [...new Set(texts.join(''))].join('');
  await Promise.all([
    document.fonts.load(videoFont(40, 400), all),
    document.fonts.load(videoFont(40, 700), all),
  ]);
}
