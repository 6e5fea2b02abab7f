// Every event a UI component sends up to <story-map>, in one typed map. All are prefixed
// `ui-`, bubble and cross shadow roots; the public events of <story-map> itself are in
// src/app/story-events.ts.
import type { Lang } from '../story/schema';

export interface UiEventMap {
  /** A story control: Previous, Next, Explore, Resume story, About, the language switch. */
  'ui-nav': { action: 'next' | 'prev' | 'explore' | 'resume' | 'about' | 'lang' | 'print' };
  /** A step picked on the timeline or from a feature card. */
  'ui-jump': { index: number };
  'ui-layer-toggle': { id: string; visible: boolean };
  'ui-year-change': { year: number };
  'ui-place-select': { id: string };
  'ui-geojson-file': { file: File };
  'ui-feature-close': Record<string, never>;
  /** The language chosen on the kiosk's attract screen. */
  'ui-kiosk-lang': { lang: Lang };
  /** The handout's Print button. */
  'ui-print': Record<string, never>;
  /** The studio's "Fit to highlighted": frame the step's highlighted features. */
  'ui-studio-fit': Record<string, never>;
  /** The reader closed the "updated" note. */
  'ui-update-note-dismiss': Record<string, never>;
  /** Scroll reader (issue #22): the reader wants steps whole (no camera moved by scrolling), or moving. */
  'ui-scroll-motion': { whole: boolean };
}

export type UiEventType = keyof UiEventMap;
export type StoryNavDetail = UiEventMap['ui-nav'];
export type StoryJumpDetail = UiEventMap['ui-jump'];

type UiEvents = { [K in UiEventType]: CustomEvent<UiEventMap[K]> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends UiEvents {}
}

export function emit<K extends UiEventType>(
  from: EventTarget,
  type: K,
  detail: UiEventMap[K],
): boolean {
  return from.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
