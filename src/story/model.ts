// The validated, normalised story the app runs on: every default applied, every URL resolved.
import type { Lang, LocalTextValue } from './schema.ts';

export type LocalText = LocalTextValue;

export interface Camera {
  center?: [number, number];
  zoom?: number;
  bearing: number;
  pitch: number;
  /** Layer or feature ids to frame instead of center/zoom. */
  fit?: string[];
  padding: number;
  maxZoom?: number;
  transition: 'fly' | 'ease' | 'jump';
  duration: number;
}

export interface Animation {
  type: 'draw-line' | 'grow-arcs' | 'pulse';
  targets: string[];
  duration: number;
}

export interface Media {
  src: string;
  alt: LocalText;
  credit?: string;
}

export interface Step {
  id: string;
  index: number;
  /**
   * The year shown to the reader: a year or an inclusive range. Undefined in a story whose
   * steps have no year (it has no timeline; see Story.timed).
   */
  year?: number;
  yearEnd?: number;
  /**
   * The year the map filters features to (`since` <= mapYear <= `until`); undefined: the
   * map shows every feature, whatever its years.
   */
  mapYear?: number;
  title: LocalText;
  body: LocalText;
  /** A short line for the video; absent: the body's first sentence. */
  caption?: LocalText;
  camera: Camera;
  layers: string[];
  highlight: string[];
  animations: Animation[];
  places: string[];
  media: Media[];
}

/** A named period, drawn as a band on the timeline. */
export interface Era {
  from: number;
  to: number;
  label: LocalText;
}

export interface ArticleCredit {
  title: string;
  author: string;
  publication: string;
  date: string;
  url: string;
}

export interface Story {
  id: string;
  /** Where the story was loaded from; other URLs in it resolve against this. */
  url: string;
  title: LocalText;
  subtitle?: LocalText;
  languages: Lang[];
  /** The layer manifest, resolved; absent for a story on the basemap alone. */
  layersUrl?: string;
  /**
   * The story's own basemap (a MapLibre style JSON or a .pmtiles archive), resolved. The app
   * prefers a basemap given by the page (URL parameter or attribute) and falls back to its
   * embedded basemap.
   */
  basemapUrl?: string;
  article?: ArticleCredit;
  creditsText?: LocalText;
  steps: Step[];
  /** Named periods in file order (empty when the story declares none). */
  eras: Era[];
  /**
   * The span of the steps' years, for the timeline and the explore year filter; both are
   * undefined in a story whose steps have no year, which has neither.
   */
  firstYear?: number;
  lastYear?: number;
}

/** Whether a story has a timeline: its steps have years. */
export const isTimed = (story: Pick<Story, 'firstYear' | 'lastYear'>): boolean =>
  story.firstYear !== undefined && story.lastYear !== undefined;

/** Text in the wanted language, falling back to the story's first language. */
export function localize(text: LocalText | undefined, lang: Lang, fallback: Lang = 'en'): string {
  if (!text) return '';
  return text[lang] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}
