// What a step says in the video: its title and a short line, the step's own `caption` or the
// first sentence of its body. Pure: no DOM.
import { plainText } from '../story/markdown';
import { localize, type Step } from '../story/model';
import type { Lang } from '../story/schema';

export interface Caption {
  year: string;
  title: string;
  text: string;
}

/**
 * The first sentence of plain text: up to the first full stop, question or exclamation mark
 * that ends a sentence (followed by a space and a capital, an opening quote, or the end), or
 * the first Chinese 。！？. Abbreviations such as "U.S." or "No. 1" do not end one.
 */
export function firstSentence(text: string): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  const han = /^.*?[。！？]/u.exec(plain);
  const latin = /^.*?[^\s.A-Z][.!?]["'”’)]?(?=\s+["“‘(]?[A-Z0-9]|$)/u.exec(plain);
  const found = [han?.[0], latin?.[0]].filter((s): s is string => Boolean(s));
  if (!found.length) return plain;
  return found.reduce((a, b) => (a.length <= b.length ? a : b)).trim();
}

/** A step's year as the timeline writes it: 1988, or 1999–2003 for a range. */
export function yearLabel(step: Pick<Step, 'year' | 'yearEnd'>): string {
  return step.yearEnd !== undefined ? `${step.year}–${step.yearEnd}` : String(step.year);
}

/** A title without the year it starts with ("1979: A physicist…"): the caption shows the year. */
export function withoutYear(title: string, year: string): string {
  if (!title.startsWith(year)) return title;
  const rest = title.slice(year.length).replace(/^\s*年?\s*[:：,，.。–—-]?\s*/u, '');
  if (!rest) return title;
  return rest[0]!.toLocaleUpperCase() + rest.slice(1);
}

export function captionOf(step: Step, lang: Lang): Caption {
  const own = step.caption ? localize(step.caption, lang) : '';
  const year = yearLabel(step);
  return {
    year,
    title: withoutYear(localize(step.title, lang), year),
    text: own ? own.trim() : firstSentence(plainText(localize(step.body, lang))),
  };
}
