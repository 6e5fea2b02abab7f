// The kiosk's hand-off to a visitor's phone, as pure functions: the public address a phone
// opens for the step on screen, and the QR code's modules as one SVG path. No DOM, no
// encoder: the component (src/ui/handoff-qr.ts) feeds the encoder's matrix in.
import type { Lang } from '../story/schema';

/**
 * The link a phone opens to continue at `stepId` in `lang`: `base` (the exhibition's public
 * address, `?handoff=` / `KIOSK_HANDOFF`) with `step` and `lang` in its query. Its path and
 * other parameters stay (an exhibition may serve another story with `story=`); `mode` goes,
 * so a phone always opens the story, never a kiosk; so does a fragment, which the app does
 * not read and would only make the code denser. Anything but an absolute http(s) URL without
 * credentials gives undefined: the kiosk then shows no code rather than guess an address
 * (its own is usually localhost), and never prints a password into a code anyone can scan.
 */
export function handoffUrl(base: string, stepId: string, lang: Lang): string | undefined {
  const trimmed = base.trim();
  // The URL parser forgives `https:host` and backslashes; a public address must be written out.
  if (!/^https?:\/\/[^/\\]/i.test(trimmed) || !stepId) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password || !url.hostname) return undefined;
  url.searchParams.delete('mode');
  url.searchParams.delete('step');
  url.searchParams.delete('lang');
  url.searchParams.append('step', stepId);
  url.searchParams.append('lang', lang);
  url.hash = '';
  return url.href;
}

/** What a QR encoder gives: a square of modules, row by row, truthy for dark. */
export interface ModuleMatrix {
  size: number;
  data: ArrayLike<number | boolean>;
}

/** ISO/IEC 18004 asks for four light modules around the symbol; scanners rely on it. */
export const QUIET_ZONE_MODULES = 4;

/**
 * The dark modules as one SVG path in module units, offset by the quiet zone, one
 * rectangle per horizontal run (a few hundred commands instead of a thousand squares), and
 * the side of the whole square with its quiet zone, for the viewBox.
 */
export function qrPath(
  modules: ModuleMatrix,
  quiet: number = QUIET_ZONE_MODULES,
): { side: number; d: string } {
  const { size, data } = modules;
  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!data[row * size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && data[row * size + col]) col++;
      parts.push(`M${start + quiet} ${row + quiet}h${col - start}v1h-${col - start}z`);
    }
  }
  return { side: size + 2 * quiet, d: parts.join('') };
}
