// The npm package's main entry (`import 'zhongguancun-map-story'`): defines <story-map> and
// exports its class, typed as the public contract (public-api.ts). Its own files (fonts, the
// embedded basemap, MapLibre's worker) are listed first with `new URL('…', import.meta.url)`,
// which the consumer's bundler copies and renames; the element finds them there.
import './packaged-assets';
import { StoryMap as Element } from '../app/story-map';
import type { StoryMapConstructor, StoryMapElement } from './public-api';

export type * from './public-api';

/** The <story-map> element's class. */
export const StoryMap: StoryMapConstructor = Element;
export type StoryMap = StoryMapElement;
// The package's types add `HTMLElementTagNameMap['story-map']` as this contract
// (scripts/build-package.ts writes it beside these declarations).
