// The story file schema: the single source of truth for what a story may contain.
// Structural checks live here (valibot); cross-references to layers and features are
// checked in check-story.ts, which knows the manifest.
import * as v from 'valibot';
import { safeHref } from './markdown';

export const LANGUAGES = ['en', 'zh'] as const;
export type Lang = (typeof LANGUAGES)[number];

const id = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9 and single hyphens)'),
);
const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
/** A URL or a path relative to the story file, such as `../geo/layers.json`. */
const relativeUrl = v.pipe(
  nonEmpty,
  v.check((u) => {
    try {
      new URL(u, 'https://story.invalid/stories/');
      return true;
    } catch {
      return false;
    }
  }, 'must be a URL or a path relative to the story file'),
);
const year = v.pipe(
  v.number(),
  v.integer('must be a whole year'),
  v.minValue(1000),
  v.maxValue(2999),
);

/** Text in each of the story's languages; completeness is checked against `languages`. */
export const LocalText = v.record(v.picklist(LANGUAGES), nonEmpty);

const Longitude = v.pipe(v.number(), v.minValue(-180), v.maxValue(180));
const Latitude = v.pipe(v.number(), v.minValue(-90), v.maxValue(90));

export const CameraSchema = v.pipe(
  v.strictObject({
    center: v.optional(v.tuple([Longitude, Latitude])),
    zoom: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(22))),
    bearing: v.optional(v.pipe(v.number(), v.minValue(-360), v.maxValue(360))),
    pitch: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(85))),
    fit: v.optional(v.pipe(v.array(id), v.minLength(1, 'must name at least one layer or feature'))),
    padding: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(500))),
    maxZoom: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(22))),
    transition: v.optional(v.picklist(['fly', 'ease', 'jump'])),
    duration: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(20000))),
  }),
  v.check(
    (c) => c.fit !== undefined || (c.center !== undefined && c.zoom !== undefined),
    'needs either center and zoom, or fit',
  ),
);

const Targets = v.union([id, v.pipe(v.array(id), v.minLength(1))]);
export const AnimationSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('draw-line'),
    target: Targets,
    duration: v.optional(v.number()),
  }),
  v.strictObject({
    type: v.literal('grow-arcs'),
    target: Targets,
    duration: v.optional(v.number()),
  }),
  v.strictObject({ type: v.literal('pulse'), target: Targets, duration: v.optional(v.number()) }),
]);

export const MediaSchema = v.strictObject({
  src: relativeUrl,
  alt: LocalText,
  credit: v.optional(nonEmpty),
});

export const StepSchema = v.strictObject({
  id,
  year: v.union([year, v.tuple([year, year])]),
  mapYear: v.optional(year),
  title: LocalText,
  body: LocalText,
  camera: v.optional(CameraSchema),
  layers: v.optional(v.array(id)),
  highlight: v.optional(v.array(id)),
  animations: v.optional(v.array(AnimationSchema)),
  places: v.optional(v.array(id)),
  media: v.optional(v.array(MediaSchema)),
});

export const StorySchema = v.strictObject({
  $schema: v.optional(v.string()),
  id,
  title: LocalText,
  subtitle: v.optional(LocalText),
  languages: v.pipe(v.array(v.picklist(LANGUAGES)), v.minLength(1)),
  layers: relativeUrl,
  credits: v.optional(
    v.strictObject({
      article: v.optional(
        v.strictObject({
          title: nonEmpty,
          author: nonEmpty,
          publication: nonEmpty,
          date: v.pipe(v.string(), v.isoDate('must be a date like 2022-05-22')),
          url: v.pipe(
            v.string(),
            v.check((u) => safeHref(u) !== undefined, 'must be an http(s) URL'),
          ),
        }),
      ),
      text: v.optional(LocalText),
    }),
  ),
  defaults: v.optional(
    v.strictObject({
      camera: v.optional(CameraSchema),
      layers: v.optional(v.array(id)),
    }),
  ),
  steps: v.pipe(v.array(StepSchema), v.minLength(1, 'a story needs at least one step')),
});

export type StoryFile = v.InferOutput<typeof StorySchema>;
export type StepFile = v.InferOutput<typeof StepSchema>;
export type CameraFile = v.InferOutput<typeof CameraSchema>;
export type AnimationFile = v.InferOutput<typeof AnimationSchema>;
export type LocalTextValue = v.InferOutput<typeof LocalText>;
