// The story file schema: the single source of truth for what a story may contain.
// Structural checks live here (valibot); checks across fields (languages, year order) are in
// validate-story.ts and cross-references to layers and features in check-references.ts.
// Every field carries a description and an example: `npm run build:schema` turns them into
// stories/story.schema.json, which is what an editor shows while a story is written.
import * as v from 'valibot';
import { safeHref } from './markdown.ts';

export const LANGUAGES = ['en', 'zh'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** Adds the help an editor shows for a field: what it means, and a value that is right. */
function help<const T extends v.GenericSchema>(schema: T, description: string, example: unknown) {
  return v.pipe(schema, v.description(description), v.metadata({ examples: [example] }));
}

export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const idBase = v.pipe(
  v.string(),
  v.regex(KEBAB_CASE, 'must be kebab-case (a-z, 0-9 and single hyphens)'),
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
const text = (description: string, example: Record<string, string>) =>
  help(LocalText, `${description} Give it in every language of the story.`, example);

const ids = (description: string, example: string[]) => help(v.array(idBase), description, example);

const Longitude = v.pipe(v.number(), v.minValue(-180), v.maxValue(180));
const Latitude = v.pipe(v.number(), v.minValue(-90), v.maxValue(90));

export const CameraSchema = help(
  v.pipe(
    v.strictObject({
      center: v.optional(
        help(
          v.tuple([Longitude, Latitude]),
          'Where the camera looks: [longitude, latitude] in WGS84 degrees (longitude first, as in GeoJSON).',
          [-71.0862, 42.3623],
        ),
      ),
      zoom: v.optional(
        help(
          v.pipe(v.number(), v.minValue(0), v.maxValue(22)),
          'Zoom level, 0 (the whole world) to 22; a city is about 11, a street about 16.',
          15,
        ),
      ),
      bearing: v.optional(
        help(
          v.pipe(v.number(), v.minValue(-360), v.maxValue(360)),
          'Compass direction at the top of the screen, in degrees clockwise from north (default 0).',
          -20,
        ),
      ),
      pitch: v.optional(
        help(
          v.pipe(v.number(), v.minValue(0), v.maxValue(85)),
          'Tilt in degrees: 0 looks straight down, 60 looks towards the horizon (default 0).',
          45,
        ),
      ),
      fit: v.optional(
        help(
          v.pipe(v.array(idBase), v.minLength(1, 'must name at least one layer or feature')),
          'Frame these layers or features instead of giving center and zoom.',
          ['kendall-mit-station', 'broad-institute'],
        ),
      ),
      padding: v.optional(
        help(
          v.pipe(v.number(), v.minValue(0), v.maxValue(500)),
          'Space in pixels kept around what `fit` frames (default 60).',
          80,
        ),
      ),
      maxZoom: v.optional(
        help(
          v.pipe(v.number(), v.minValue(0), v.maxValue(22)),
          'The closest `fit` may zoom in, so a single point is not shown at street level.',
          15,
        ),
      ),
      transition: v.optional(
        help(
          v.picklist(['fly', 'ease', 'jump']),
          'How the camera gets there: fly (zooms out and back in), ease (a straight glide) or jump (at once). Default fly.',
          'ease',
        ),
      ),
      duration: v.optional(
        help(
          v.pipe(v.number(), v.minValue(0), v.maxValue(20000)),
          'Length of the camera move in milliseconds (default 3000).',
          2500,
        ),
      ),
    }),
    v.check(
      (c) => c.fit !== undefined || (c.center !== undefined && c.zoom !== undefined),
      'needs either center and zoom, or fit',
    ),
  ),
  'Where the map looks in this step: center and zoom (with optional bearing and pitch), or fit to layers or features.',
  { center: [-71.0862, 42.3623], zoom: 15, pitch: 30, transition: 'fly', duration: 3000 },
);

const Targets = help(
  v.union([idBase, v.pipe(v.array(idBase), v.minLength(1))]),
  'The feature or layer id (or a list of them) to animate.',
  'longfellow-bridge',
);
const animationDuration = v.optional(
  help(v.number(), 'Length of the animation in milliseconds.', 2000),
);
export const AnimationSchema = help(
  v.variant('type', [
    v.strictObject({
      type: help(v.literal('draw-line'), 'Draw lines progressively from their start.', 'draw-line'),
      target: Targets,
      duration: animationDuration,
    }),
    v.strictObject({
      type: help(
        v.literal('grow-arcs'),
        'Grow every line of the target layers or features from its start, like routes being flown.',
        'grow-arcs',
      ),
      target: Targets,
      duration: animationDuration,
    }),
    v.strictObject({
      type: help(v.literal('pulse'), 'Pulse points to draw the eye to them.', 'pulse'),
      target: Targets,
      duration: animationDuration,
    }),
  ]),
  'An animation played when the step starts: draw-line, grow-arcs or pulse.',
  { type: 'pulse', target: 'kendall-mit-station' },
);

export const MediaSchema = help(
  v.strictObject({
    src: help(
      relativeUrl,
      'The image: a URL or a path relative to the story file.',
      'images/square.jpg',
    ),
    alt: text('What the image shows, for readers who cannot see it.', {
      en: 'Kendall Square seen from the Longfellow Bridge',
      zh: '从朗费罗桥看肯德尔广场',
    }),
    credit: v.optional(
      help(nonEmpty, 'Who made the image, and its licence.', 'Photo: A. Author, CC BY 4.0'),
    ),
  }),
  'An image shown with the step.',
  { src: 'images/square.jpg', alt: { en: 'The square', zh: '广场' }, credit: 'Photo: A. Author' },
);

const stepYear = help(
  v.union([year, v.tuple([year, year])]),
  'The year the step is about, or a range [from, to] in which from comes first. Optional: a story whose steps have no year has no timeline and no year filter; a story dates every step or none.',
  1912,
);

export const StepSchema = help(
  v.strictObject({
    id: help(
      idBase,
      'Unique id of the step, kebab-case; it is the deep link (?step=…).',
      'subway-arrives',
    ),
    year: v.optional(stepYear),
    mapYear: v.optional(
      help(
        year,
        'The year the map shows: features whose since/until exclude it are hidden. Default: the year, or the end of the range.',
        1912,
      ),
    ),
    title: text("The step's heading.", { en: 'The subway arrives', zh: '地铁来了' }),
    body: text(
      'The step\'s text, in the safe Markdown subset: *emphasis*, **strong**, [links](https://…) and "- " lists. Leave an empty line before a list.',
      { en: 'Kendall station opens in **1912**.', zh: '肯德尔站于**1912年**启用。' },
    ),
    caption: v.optional(
      text(
        "A short line for the story's video (`npm run video`), under the step's title; plain text, one or two sentences. Default: the body's first sentence.",
        { en: 'Kendall station opens in 1912.', zh: '肯德尔站于1912年启用。' },
      ),
    ),
    camera: v.optional(CameraSchema),
    layers: v.optional(
      ids('The layers shown in this step (besides defaults.layers); every other layer is hidden.', [
        'kendall-places',
        'kendall-crossings',
      ]),
    ),
    highlight: v.optional(
      ids('Features drawn emphasised; each must be on a layer this step shows.', [
        'kendall-mit-station',
      ]),
    ),
    animations: v.optional(
      help(v.array(AnimationSchema), 'Animations played when the step starts.', [
        { type: 'pulse', target: 'kendall-mit-station' },
      ]),
    ),
    places: v.optional(
      ids(
        'The places this step is about, listed as text for screen readers (default: highlight).',
        ['kendall-mit-station'],
      ),
    ),
    media: v.optional(
      help(v.array(MediaSchema), 'Images shown with the step.', [
        { src: 'images/station.jpg', alt: { en: 'The station', zh: '车站' } },
      ]),
    ),
  }),
  'One step of the story: it states its whole map (camera, layers, highlights, year), so it looks the same however the reader reaches it.',
  {
    id: 'subway-arrives',
    year: 1912,
    title: { en: 'The subway arrives', zh: '地铁来了' },
    body: { en: 'Kendall station opens.', zh: '肯德尔站启用。' },
    camera: { center: [-71.0862, 42.3623], zoom: 15 },
    layers: ['kendall-places'],
    highlight: ['kendall-mit-station'],
  },
);

export const EraSchema = help(
  v.strictObject({
    from: help(year, 'First year of the era (inclusive).', 1900),
    to: help(year, 'Last year of the era (inclusive); not before from.', 1920),
    label: text("The era's name, written on its band of the timeline.", {
      en: 'Bridge and subway',
      zh: '桥梁与地铁',
    }),
  }),
  'A named period, drawn as a labelled band on the timeline.',
  { from: 1900, to: 1920, label: { en: 'Bridge and subway', zh: '桥梁与地铁' } },
);

export const StorySchema = v.strictObject({
  $schema: v.optional(
    help(v.string(), 'Where editors find this schema; ignored by the app.', './story.schema.json'),
  ),
  id: help(idBase, "The story's id, kebab-case.", 'kendall-square'),
  title: text("The story's title, shown in the header.", {
    en: 'A square mile of invention',
    zh: '一平方英里的创新',
  }),
  subtitle: v.optional(
    text('A line under the title.', {
      en: 'Kendall Square, 1906–2020',
      zh: '肯德尔广场，1906–2020',
    }),
  ),
  languages: help(
    v.pipe(v.array(v.picklist(LANGUAGES)), v.minLength(1)),
    'The languages the story is written in; the first is the default. Every text must be given in each.',
    ['en', 'zh'],
  ),
  layers: v.optional(
    help(
      relativeUrl,
      'The layer manifest (a layers.json), relative to this file. Leave it out for a story on the basemap alone.',
      'layers.json',
    ),
  ),
  basemap: v.optional(
    help(
      relativeUrl,
      'The basemap: a MapLibre style JSON or a .pmtiles archive, as a URL or a path relative to this file. A basemap given in the page URL wins; without either the app uses its embedded basemap.',
      'basemap/cambridge.pmtiles',
    ),
  ),
  credits: v.optional(
    help(
      v.strictObject({
        article: v.optional(
          help(
            v.strictObject({
              title: help(
                nonEmpty,
                'Title of the article the story retells.',
                'A square mile of invention',
              ),
              author: help(nonEmpty, 'Its author.', 'A. Writer'),
              publication: help(nonEmpty, 'Where it was published.', 'The Example Times'),
              date: help(
                v.pipe(v.string(), v.isoDate('must be a date like 2022-05-22')),
                'Publication date, YYYY-MM-DD (quote it in YAML).',
                '2022-05-22',
              ),
              url: help(
                v.pipe(
                  v.string(),
                  v.check((u) => safeHref(u) !== undefined, 'must be an http(s) URL'),
                ),
                'Link to the article (http or https).',
                'https://example.org/article',
              ),
            }),
            'The article the story is based on, credited in the About panel.',
            {
              title: 'A square mile of invention',
              author: 'A. Writer',
              publication: 'The Example Times',
              date: '2022-05-22',
              url: 'https://example.org/article',
            },
          ),
        ),
        text: v.optional(
          text('Credits in Markdown: sources of the text and of the map data.', {
            en: 'Map data: our own layers from Wikipedia coordinates.',
            zh: '地图数据：根据维基百科坐标自行绘制。',
          }),
        ),
      }),
      'Credits shown in the About panel.',
      { text: { en: 'Map data: our own.', zh: '地图数据：自行绘制。' } },
    ),
  ),
  defaults: v.optional(
    help(
      v.strictObject({
        camera: v.optional(CameraSchema),
        layers: v.optional(
          ids("Layers shown in every step, besides the step's own.", ['kendall-crossings']),
        ),
      }),
      'Merged under every step: the camera of steps that give none, and layers shown throughout.',
      { camera: { center: [-71.0862, 42.3623], zoom: 14 }, layers: ['kendall-crossings'] },
    ),
  ),
  eras: v.optional(
    help(v.array(EraSchema), 'Named periods drawn as bands on the timeline.', [
      { from: 1900, to: 1920, label: { en: 'Bridge and subway', zh: '桥梁与地铁' } },
    ]),
  ),
  steps: help(
    v.pipe(v.array(StepSchema), v.minLength(1, 'a story needs at least one step')),
    'The steps, in reading order.',
    [
      {
        id: 'subway-arrives',
        year: 1912,
        title: { en: 'The subway arrives', zh: '地铁来了' },
        body: { en: 'Kendall station opens.', zh: '肯德尔站启用。' },
        camera: { center: [-71.0862, 42.3623], zoom: 15 },
      },
    ],
  ),
});

export type StoryFile = v.InferOutput<typeof StorySchema>;
export type StepFile = v.InferOutput<typeof StepSchema>;
export type CameraFile = v.InferOutput<typeof CameraSchema>;
export type AnimationFile = v.InferOutput<typeof AnimationSchema>;
export type EraFile = v.InferOutput<typeof EraSchema>;
export type LocalTextValue = v.InferOutput<typeof LocalText>;
