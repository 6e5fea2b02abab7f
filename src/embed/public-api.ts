// <story-map>'s public contract as a type: what the npm package declares to its consumers
// (docs/EMBEDDING.md, DESIGN.md's "Public contract") and nothing else. The element's class
// is checked against it where the package exports it (src/embed/package.ts), so the two
// cannot drift apart; the Custom Elements Manifest lists the same members
// (custom-elements-manifest.config.mjs).
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { StoryMapEventMap } from '../app/story-events';

export type { StoryMapEventMap, StepEventDetail } from '../app/story-events';

/** One step as the element lists it, in the current language. */
export interface StoryMapStep {
  id: string;
  /** Undefined in a story whose steps carry no dates (it has no timeline). */
  year: number | undefined;
  title: string;
}

/** How the story is used. */
export type StoryMapMode = 'story' | 'scroll' | 'explore' | 'kiosk' | 'print';

export interface StoryMapElement extends HTMLElement {
  /** URL of a story file (YAML or JSON), relative to the page. */
  story: string;
  /** `story` | `scroll` | `explore` | `kiosk` | `print`; an unknown value is refused. */
  mode: string;
  /** `en` | `zh`. */
  lang: string;
  /** URL of a MapLibre style or a `.pmtiles` archive, relative to the page. */
  basemap: string | undefined;
  /** Read and write the page URL (the app's own page; not for embeds). */
  syncUrl: boolean;
  /** The MapLibre map, once ready. */
  readonly map: MapLibreMap | undefined;
  /** The story's steps in the current language. */
  readonly steps: StoryMapStep[];
  /** The current step; -1 before the story is loaded. */
  readonly stepIndex: number;
  /** Goes to a step by index or id; false when there is no such step. */
  goTo(target: number | string): boolean;
  /** The next step; false at the end. */
  next(): boolean;
  /** The previous step; false at the start. */
  prev(): boolean;
  addEventListener<K extends keyof StoryMapEvents>(
    type: K,
    listener: (this: StoryMapElement, ev: StoryMapEvents[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: StoryMapElement, ev: HTMLElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof StoryMapEvents>(
    type: K,
    listener: (this: StoryMapElement, ev: StoryMapEvents[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: StoryMapElement, ev: HTMLElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

/** The element's events, as `addEventListener` delivers them. */
export type StoryMapEvents = {
  [K in keyof StoryMapEventMap]: CustomEvent<StoryMapEventMap[K]>;
};

export interface StoryMapConstructor {
  new (): StoryMapElement;
  readonly prototype: StoryMapElement;
}
