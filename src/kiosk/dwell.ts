// How long the attract loop lingers on a step: long enough to read its text, within bounds.
import { plainText } from '../story/markdown';

export const MIN_DWELL_S = 8;
export const MAX_DWELL_S = 40;
const WORDS_PER_SECOND = 3.2; // a relaxed reading pace for an exhibition visitor
const HAN_PER_SECOND = 6;

/** Seconds to read `text`: Han characters and words counted separately, so zh and en match. */
export function readingSeconds(text: string): number {
  const plain = plainText(text);
  const han = (plain.match(/\p{Script=Han}/gu) ?? []).length;
  const words = plain
    .replace(/\p{Script=Han}/gu, ' ')
    .split(/\s+/)
    .filter((w) => /\p{L}|\p{N}/u.test(w)).length;
  return words / WORDS_PER_SECOND + han / HAN_PER_SECOND;
}

/**
 * The dwell for a step: `override` (from ?dwell=) if given, else derived from its text,
 * within `bounds` (the kiosk's by default; the video holds a short caption for less).
 */
export function dwellSeconds(
  title: string,
  body: string,
  override?: number,
  bounds: { min: number; max: number } = { min: MIN_DWELL_S, max: MAX_DWELL_S },
): number {
  if (override !== undefined && override > 0) return override;
  const seconds = 2 + readingSeconds(`${title}\n\n${body}`);
  return Math.min(bounds.max, Math.max(bounds.min, Math.round(seconds)));
}
