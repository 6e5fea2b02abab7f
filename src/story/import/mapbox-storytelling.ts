// mapbox/storytelling (https://github.com/mapbox/storytelling) config.js → our story.
// The config is read as data (js-literal.ts); chapter HTML becomes safe Markdown. Mapbox GL
// and MapLibre share the 512-px tile scale, so zoom, pitch and bearing carry over as they are.
import { readConfigObject } from './js-literal';
import { htmlToMarkdown, htmlToText, textToMarkdown, type FoundImage } from './html-to-markdown';
import { ImportError } from './import-error';
import {
  IdPool,
  PLACEHOLDER,
  PLACES_LAYER_ID,
  Report,
  buildMarkers,
  clamp,
  detectLanguage,
  cameraForAll,
  hexColor,
  isFiniteNumber,
  isRemote,
  looksLikeImage,
  mediaSource,
  normalizeBearing,
  regionNote,
  reportSwapped,
  resolveYears,
  round,
  slugify,
  text,
  validLngLat,
  yearInTexts,
  type CameraDraft,
  type ImportOptions,
  type ImportResult,
  type Lang,
  type Located,
  type MarkerInput,
  type MediaDraft,
  type StepDraft,
  type StoryDraft,
} from './common';

const TEMPLATE_IMAGE = './path/to/image/source.png';
/** Mapbox's default marker colour (README: "The default color is light blue"). */
const MAPBOX_MARKER_COLOR = '#3fb1ce';
const ANIMATIONS: Record<string, CameraDraft['transition']> = {
  flyTo: 'fly',
  easeTo: 'ease',
  jumpTo: 'jump',
};
const KNOWN_TOP = new Set([
  'style',
  'accessToken',
  'showMarkers',
  'markerColor',
  'theme',
  'alignment',
  'use3dTerrain',
  'auto',
  'title',
  'subtitle',
  'byline',
  'footer',
  'chapters',
  'inset',
  'insetOptions',
  'insetPosition',
  'projection',
]);
const KNOWN_CHAPTER = new Set([
  'id',
  'alignment',
  'hidden',
  'title',
  'image',
  'description',
  'content',
  'location',
  'mapAnimation',
  'rotateAnimation',
  'callback',
  'onChapterEnter',
  'onChapterExit',
]);
const CARRIED_LOCATION = new Set(['center', 'zoom', 'pitch', 'bearing', 'duration']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? v.trim() : undefined;

function centerOf(center: unknown): [number, number] | undefined {
  if (Array.isArray(center) && validLngLat(center[0], center[1]))
    return [center[0] as number, center[1] as number];
  if (isObj(center)) {
    const lng = center.lng ?? center.lon;
    if (validLngLat(lng, center.lat)) return [lng as number, center.lat as number];
  }
  return undefined;
}

function humanize(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : id;
}

function layerNames(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) => (isObj(entry) && str(entry.layer) ? [str(entry.layer)!] : []));
}

export function importMapboxStorytelling(
  source: string,
  options: ImportOptions = {},
): ImportResult {
  const report = new Report();
  const { value: config, skipped } = readConfigObject(source);
  const name = options.sourceName ?? 'config.js';
  for (const s of skipped) report.notCarried(s);

  const chapters = Array.isArray(config.chapters) ? config.chapters.filter(isObj) : [];
  if (!chapters.length) throw new ImportError('the config has no `chapters`: nothing to import');

  // Settings that belong to Mapbox's page or map, not to the story.
  if (str(config.style))
    report.notCarried(
      `style "${str(config.style)}": the story runs on the app's own offline basemap (set \`basemap:\` in the story to a MapLibre style URL or .pmtiles file to use another)`,
    );
  if (config.accessToken !== undefined)
    report.notCarried('accessToken: the Mapbox token is not needed and was not copied anywhere');
  if (config.theme !== undefined)
    report.notCarried(`theme "${String(config.theme)}": the app has its own look`);
  if (config.alignment !== undefined || chapters.some((c) => c.alignment !== undefined))
    report.notCarried(
      'alignment: the app places the step card itself, so that it never covers the subject',
    );
  if (config.use3dTerrain === true) report.notCarried('use3dTerrain: the basemap has no terrain');
  if (config.auto === true)
    report.notCarried('auto (the story plays by itself): open the story with ?mode=kiosk for that');
  if (config.inset === true)
    report.notCarried(
      `inset${['insetOptions', 'insetPosition']
        .filter((k) => config[k] !== undefined)
        .map((k) => `, ${k}`)
        .join('')}: the app shows no inset map`,
    );
  if (config.projection !== undefined)
    report.notCarried(`projection "${String(config.projection)}": the app chooses its projection`);
  for (const key of Object.keys(config))
    if (!KNOWN_TOP.has(key)) report.notCarried(`setting \`${key}\` (not part of the template)`);

  const ids = new IdPool();
  const plainTexts: string[] = [];
  const titleText = str(config.title) ? htmlToText(str(config.title)!) : undefined;
  const subtitleText = str(config.subtitle) ? htmlToText(str(config.subtitle)!) : undefined;
  const bylineText = str(config.byline) ? htmlToText(str(config.byline)!) : undefined;
  for (const t of [titleText, subtitleText, bylineText]) if (t?.text) plainTexts.push(t.text);

  interface Draft {
    step: Omit<StepDraft, 'year' | 'title' | 'body' | 'media'>;
    label: string;
    title?: string;
    body?: string;
    hidden: boolean;
    images: { image: FoundImage; fromDescription: boolean }[];
    center?: [number, number];
    zoom?: number;
    yearText: [string | undefined, string][];
  }
  const drafts: Draft[] = [];
  let previous: CameraDraft | undefined;
  const located: Located[] = [];
  /** Chapters before the first one with a place: they frame the whole story. */
  const placeless: string[] = [];

  const seenIds = new Set<string>();
  chapters.forEach((chapter, i) => {
    const originalId = str(chapter.id);
    const id = ids.take(originalId, `chapter-${i + 1}`);
    // The template's own example repeats "slug-style-id": number such chapters in the report.
    const label =
      originalId && !seenIds.has(originalId)
        ? `chapter "${originalId}"`
        : `chapter ${i + 1}${originalId ? ` ("${originalId}")` : ''}`;
    if (originalId) seenIds.add(originalId);
    if (originalId && originalId !== id)
      report.changed(`${label} is step "${id}" (ids must be unique and kebab-case)`);
    for (const key of Object.keys(chapter))
      if (!KNOWN_CHAPTER.has(key))
        report.notCarried(`${label}: \`${key}\` (not part of the template)`);

    const title = str(chapter.title) ? htmlToText(str(chapter.title)!) : undefined;
    for (const n of title?.notes ?? []) report.changed(`${label} title: ${n}`);
    let description = str(chapter.description);
    if (!description && str(chapter.content)) {
      description = str(chapter.content);
      report.assumed(
        `${label}: \`content\` (used by some forks of the template) read as its description`,
      );
    }
    const body = description ? htmlToMarkdown(description) : undefined;
    for (const n of body?.notes ?? []) report.changed(`${label} description: ${n}`);
    const plainBody = description ? htmlToText(description).text : '';
    if (title?.text) plainTexts.push(title.text);
    if (plainBody) plainTexts.push(plainBody);

    const images: Draft['images'] = [];
    const image = str(chapter.image);
    if (image === TEMPLATE_IMAGE)
      report.notCarried(`${label}: image "${TEMPLATE_IMAGE}" is the template's placeholder`);
    else if (image) images.push({ image: { src: image }, fromDescription: false });
    for (const img of body?.images ?? []) {
      if (looksLikeImage(img.src)) images.push({ image: img, fromDescription: true });
      else
        report.notCarried(
          `${label} description: <img src="${img.src.slice(0, 60)}">, which is not an image file`,
        );
    }

    // The camera: as the chapter states it; what it leaves out stays as it was, as flyTo does.
    const location = isObj(chapter.location) ? chapter.location : undefined;
    const center = centerOf(location?.center);
    let camera: CameraDraft | undefined;
    if (center) {
      let zoom = isFiniteNumber(location?.zoom) ? location.zoom : undefined;
      if (zoom === undefined) {
        zoom = previous?.zoom ?? 2;
        report.assumed(`${label}: location has no zoom; used ${zoom}`);
      } else if (zoom < 0 || zoom > 22) {
        report.changed(`${label}: zoom ${zoom} is outside 0–22; used ${clamp(zoom, 0, 22)}`);
        zoom = clamp(zoom, 0, 22);
      }
      let pitch = isFiniteNumber(location?.pitch) ? location.pitch : (previous?.pitch ?? 0);
      if (pitch < 0 || pitch > 85) {
        report.changed(`${label}: pitch ${pitch} is outside 0–85; used ${clamp(pitch, 0, 85)}`);
        pitch = clamp(pitch, 0, 85);
      }
      const bearing = isFiniteNumber(location?.bearing)
        ? normalizeBearing(location.bearing)
        : (previous?.bearing ?? 0);
      camera = {
        center: [round(center[0], 6), round(center[1], 6)],
        zoom: round(zoom, 2),
        bearing,
        pitch: round(pitch, 2),
      };
      const raw = location?.center;
      located.push({
        label,
        written: Array.isArray(raw)
          ? `location.center [${raw.join(', ')}]`
          : `location.center { lng/lon: ${center[0]}, lat: ${center[1]} }`,
        lngLat: center,
      });
    } else if (previous) {
      camera = { ...previous };
      delete camera.transition;
      delete camera.duration;
      report.assumed(
        `${label}: no place of its own (location.center ${JSON.stringify(location?.center ?? null)}); it keeps the camera of the step before, as the original's map stays where it was`,
      );
    } else {
      placeless.push(label);
    }
    if (camera) {
      const animation = str(chapter.mapAnimation);
      if (animation) {
        const transition = ANIMATIONS[animation];
        if (transition) camera.transition = transition;
        else
          report.assumed(
            `${label}: mapAnimation "${animation}" is not flyTo, easeTo or jumpTo; used fly`,
          );
      }
      if (isFiniteNumber(location?.duration) && center) {
        camera.duration = Math.round(clamp(location.duration, 0, 20000));
        if (camera.duration !== location.duration)
          report.changed(
            `${label}: duration ${location.duration} ms became ${camera.duration} ms (0–20000)`,
          );
      }
      const extra = Object.keys(location ?? {}).filter((k) => !CARRIED_LOCATION.has(k));
      if (extra.length) report.notCarried(`${label}: location.${extra.join(', location.')}`);
      previous = camera;
    }

    if (chapter.rotateAnimation === true)
      report.notCarried(
        `${label}: rotateAnimation (a slow turn once the camera arrives) has no equivalent; the camera stays at bearing ${camera?.bearing ?? 0}`,
      );
    if (str(chapter.callback))
      report.notCarried(
        `${label}: callback "${str(chapter.callback)}" (the page's own code, run on entering the chapter)`,
      );
    const enter = layerNames(chapter.onChapterEnter);
    const exit = layerNames(chapter.onChapterExit);
    const studio = [...new Set([...enter, ...exit])];
    if (studio.length)
      report.notCarried(
        `${label}: onChapterEnter/onChapterExit fade Mapbox Studio layer${studio.length > 1 ? 's' : ''} ${studio.map((l) => `"${l}"`).join(', ')}, which live in the Mapbox style; add the data as GeoJSON layers to show ${studio.length > 1 ? 'them' : 'it'}`,
      );

    const hidden = chapter.hidden === true;
    if (hidden)
      report.assumed(
        `${label} is hidden (the reader sees its map view with no text): kept as step "${id}" with its camera${body?.markdown ? ' and text' : ' and a placeholder text'}; edit or delete it`,
      );

    drafts.push({
      step: { id, ...(camera ? { camera } : {}) },
      label,
      ...(title?.text ? { title: title.text } : {}),
      ...(body?.markdown ? { body: body.markdown } : {}),
      hidden,
      images,
      ...(center ? { center } : {}),
      ...(camera?.zoom !== undefined ? { zoom: camera.zoom } : {}),
      yearText: [
        [title?.text, 'its title'],
        [plainBody, 'its description'],
      ],
    });
  });

  const lang: Lang = detectLanguage(plainTexts);
  report.assumed(
    `the story is in ${lang === 'zh' ? 'Chinese (zh): most of its text is Chinese' : 'English (en)'}; add the other language's text and \`languages: [en, zh]\` to make it bilingual`,
  );

  // Years: the template has no dates; a year in a chapter's own words is a guess.
  const years = resolveYears(
    drafts.map((d) => {
      const found = yearInTexts(d.yearText);
      return { label: d.label, ...(found ? { found } : {}) };
    }),
    report,
  );

  // Media: the chapter image and images found in the description, each checked.
  const remoteHosts = new Set<string>();
  let altFromTitle = 0;
  const steps: StepDraft[] = drafts.map((d, i) => {
    const stepTitle =
      d.title ?? (d.hidden ? (lang === 'zh' ? '地图视图' : 'Map view') : humanize(d.step.id));
    if (!d.title) report.assumed(`${d.label} has no title; used "${stepTitle}"`);
    if (!d.body && !d.hidden)
      report.assumed(`${d.label} has no description; used a placeholder text`);
    const media: MediaDraft[] = [];
    for (const { image, fromDescription } of d.images) {
      const checked = mediaSource(image.src, options.rebaseUrl);
      if (!checked.src) {
        report.notCarried(`${d.label}: image ${checked.reason}`);
        continue;
      }
      if (isRemote(checked.src)) remoteHosts.add(new URL(checked.src).host);
      if (!image.alt) altFromTitle++;
      media.push({ src: checked.src, alt: text(lang, image.alt ?? stepTitle) });
      if (fromDescription)
        report.changed(`${d.label}: an image in the description became the step's media`);
    }
    const year = years[i];
    return {
      ...d.step,
      ...(year !== undefined ? { year } : {}),
      title: text(lang, stepTitle),
      body: text(lang, d.body ?? PLACEHOLDER.body[lang]),
      ...(media.length ? { media } : {}),
    };
  });
  if (altFromTitle)
    report.assumed(
      `${altFromTitle} image${altFromTitle > 1 ? 's have' : ' has'} no description; the alt text is the step title: describe each image for readers who cannot see it`,
    );
  if (remoteHosts.size)
    report.assumed(
      `images stay on their servers (${[...remoteHosts].join(', ')}) and load from there when shown; copy them beside the story for a story that works offline`,
    );
  const region = regionNote(located, options.regionOf);
  if (region) report.assumed(region);
  reportSwapped(located, report, 'write center:');

  // Markers: the template moves one marker to each chapter's centre; we draw them all and
  // highlight the current one.
  let layers: ImportResult['layers'];
  const story: StoryDraft = {
    id:
      options.storyId ??
      (slugify(titleText?.text ?? '') || slugify(name.replace(/\.[^.]+$/, '')) || 'imported-story'),
    title: text(lang, titleText?.text || steps[0]!.title[lang]!),
    ...(subtitleText?.text ? { subtitle: text(lang, subtitleText.text) } : {}),
    languages: [lang],
    steps,
  };
  if (!titleText?.text)
    report.assumed(`the config has no title; used the first step's title "${story.title[lang]}"`);
  for (const n of [...(titleText?.notes ?? []), ...(subtitleText?.notes ?? [])])
    report.changed(`title/subtitle: ${n}`);

  const credits: string[] = [];
  if (bylineText?.text) credits.push(textToMarkdown(bylineText.text));
  if (str(config.footer)) {
    const footer = htmlToMarkdown(str(config.footer)!);
    for (const n of footer.notes) report.changed(`footer: ${n}`);
    if (footer.images.length) report.notCarried(`footer: ${footer.images.length} image(s)`);
    if (footer.markdown) credits.push(footer.markdown);
  }
  if (credits.length) {
    story.credits = { text: text(lang, credits.join('\n\n')) };
    report.info('byline and footer are the story credits (shown in the About panel)');
  }

  if (config.showMarkers === true) {
    const markerInputs: MarkerInput[] = drafts.flatMap((d, i) =>
      d.center
        ? [
            {
              stepId: d.step.id,
              name: steps[i]!.title[lang]!,
              weakName: !d.title,
              lngLat: d.center,
              zoom: d.zoom ?? 10,
              source: `${name}, chapter "${chapters[i]!.id ?? i + 1}" location.center (the camera's centre, imported with npm run import)`,
            },
          ]
        : [],
    );
    const { places, markerOf } = buildMarkers(markerInputs, lang, (placeName) => ({
      en: `Where the step "${placeName}" is set, imported from a mapbox/storytelling story.`,
      zh: `"${placeName}"一步所在的位置，从 mapbox/storytelling 故事导入。`,
    }));
    for (const step of steps) {
      const marker = markerOf.get(step.id);
      if (marker) step.highlight = [marker];
    }
    const color = hexColor(config.markerColor ?? MAPBOX_MARKER_COLOR);
    if (!color)
      report.assumed(
        `markerColor "${String(config.markerColor)}" is not a colour we can read; used ${MAPBOX_MARKER_COLOR}`,
      );
    layers = {
      manifest: {
        layers: [
          {
            id: PLACES_LAYER_ID,
            file: options.placesFile ?? 'places.geojson',
            kind: 'point',
            color: color ?? MAPBOX_MARKER_COLOR,
            title: text(lang, PLACEHOLDER.placesTitle[lang]),
            legend: text(lang, PLACEHOLDER.placesLegend[lang]),
            source: `${name} (chapter cameras)`,
          },
        ],
      },
      places,
    };
    story.layers = options.layersFile ?? 'layers.json';
    story.defaults = { layers: [PLACES_LAYER_ID] };
    report.info(
      `showMarkers: the marker that moved to each chapter's centre is now the layer "${PLACES_LAYER_ID}" with ${places.features.length} marker${places.features.length > 1 ? 's' : ''} (one per distinct centre), each step highlighting its own`,
    );
  } else {
    report.info(
      'no markers (showMarkers is off): the story has no layers and shows the basemap only',
    );
  }
  // Chapters before the first with a place (an intro with `center: []`): the whole story.
  if (placeless.length) {
    const all: CameraDraft = layers
      ? { fit: [PLACES_LAYER_ID], padding: 80 }
      : cameraForAll(located.map((l) => l.lngLat));
    steps.forEach((step) => {
      if (!step.camera) step.camera = all.fit ? { ...all, fit: [...all.fit] } : { ...all };
    });
    report.assumed(
      `${placeless.join(', ')}: no place of ${placeless.length > 1 ? 'their' : 'its'} own (no usable location.center) and no chapter before ${placeless.length > 1 ? 'them' : 'it'}: ${placeless.length > 1 ? 'they frame' : 'it frames'} ${located.length ? 'every place of the story' : 'the whole world (no chapter has a place)'}`,
    );
  }
  report.summary(
    `${steps.length} chapter${steps.length > 1 ? 's' : ''} became ${steps.length} step${steps.length > 1 ? 's' : ''}; zoom, pitch and bearing are the same in MapLibre as in Mapbox GL`,
  );
  return {
    format: 'mapbox-storytelling',
    story,
    ...(layers ? { layers } : {}),
    report: report.list(),
  };
}
