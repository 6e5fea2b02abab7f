// Knight Lab StoryMapJS (https://storymap.knightlab.com/) JSON → our story.
// StoryMapJS draws its map with Leaflet on 256-px tiles; MapLibre's zoom counts 512-px tiles,
// so the same ground resolution is one zoom level lower here: zoom = Leaflet zoom − 1.
import { htmlToMarkdown, htmlToText, textToMarkdown } from './html-to-markdown';
import { ImportError } from './import-error';
import {
  IdPool,
  PLACEHOLDER,
  PLACES_LAYER_ID,
  Report,
  buildMarkers,
  clamp,
  detectLanguage,
  inChina,
  isFiniteNumber,
  isRemote,
  mediaSource,
  resolveYears,
  round,
  slugify,
  text,
  validLngLat,
  yearInTexts,
  yearOfDate,
  type CameraDraft,
  type ImportOptions,
  type ImportResult,
  type Lang,
  type MarkerInput,
  type MediaDraft,
  type StepDraft,
  type StoryDraft,
  type YearCandidate,
} from './common';

/** Leaflet's zoom counts 256-px tiles, MapLibre's 512-px tiles: one level apart. */
export const LEAFLET_TO_MAPLIBRE_ZOOM = -1;
/** StoryMapJS's own accent colour (its line_color default), for the marker layer. */
const STORYMAPJS_COLOR = '#c34528';
const DEFAULT_LEAFLET_ZOOM = 10;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? v.trim() : undefined;
/** Hand-made StoryMapJS files sometimes quote numbers ("lat": "55.95"); the editor does not. */
const num = (v: unknown): number | undefined => {
  const n = typeof v === 'string' && v.trim() ? Number(v) : v;
  return isFiniteNumber(n) ? n : undefined;
};
/** A date as written; a bare number (1890) is a year too. */
const dateText = (v: unknown): string | undefined => (isFiniteNumber(v) ? String(v) : str(v));

/** StoryMapJS's own media detection (src/js/media/MediaType.js), in its order. */
const MEDIA_TYPES: [string, RegExp][] = [
  ['a YouTube video', /(www\.)?youtube|youtu\.be/i],
  ['a Vimeo video', /(player\.)?vimeo\.com/i],
  ['a DailyMotion video', /(www\.)?dailymotion\.com/i],
  ['a Vine video', /(www\.)?vine\.co/i],
  ['a SoundCloud track', /(player\.)?soundcloud\.com/i],
  ['a tweet', /(www\.)?(twitter|x)\.com\/.+\/status/i],
  ['a Flickr page (StoryMapJS asks Flickr for the picture)', /flickr\.com\/photos/i],
  ['image', /jpg|jpeg|png|gif|webp/i],
  ['a Google document', /google\.com\/.+\/d\/|drive\.google\.com/i],
  ['a Wikipedia article', /(www\.)?wikipedia\.org/i],
  ['an embedded frame (iframe)', /iframe/i],
  ['a quotation (blockquote)', /blockquote/i],
  ['an audio file', /(mp3|wav|m4a)(\?.*)?$/i],
  ['a video file', /(mp4|webm)(\?.*)?$/i],
  ['a web page', /https?:\/\//i],
];

export function mediaKind(url: string): string {
  return MEDIA_TYPES.find(([, re]) => re.test(url))?.[0] ?? 'media StoryMapJS could not show';
}

/** `Headline <small>more</small>` → the headline and the small print. */
function splitHeadline(html: string): { main: string; small?: string; notes: string[] } {
  const smalls: string[] = [];
  const rest = html.replace(/<small\b[^>]*>([\s\S]*?)<\/small\s*>/gi, (_, inner: string) => {
    smalls.push(inner);
    return ' ';
  });
  const main = htmlToText(rest);
  const small = smalls.length ? htmlToText(smalls.join(' ')) : undefined;
  return {
    main: main.text,
    ...(small?.text ? { small: small.text } : {}),
    notes: [...main.notes, ...(small?.notes ?? [])],
  };
}

function firstSentence(textValue: string, max = 200): string {
  const sentence = /^.*?[.!?。！？](?=\s|$)/u.exec(textValue)?.[0] ?? textValue;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : max).trimEnd()}…`;
}

const SETTINGS_NOT_CARRIED: Record<string, string> = {
  map_type: 'the map tiles',
  map_subdomains: 'the map tiles',
  attribution: 'the tiles’ attribution',
  map_background_color: 'the map background colour',
  call_to_action: 'the “start exploring” button',
  call_to_action_text: 'the “start exploring” button',
  map_mini: 'the mini map',
  font_css: 'the fonts',
  zoomify: 'the gigapixel image',
};

export function importStoryMapJS(source: string, options: ImportOptions = {}): ImportResult {
  const report = new Report();
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (err) {
    throw new ImportError(`not valid JSON: ${(err as Error).message}`);
  }
  if (!isObj(data)) throw new ImportError('a StoryMapJS file is a JSON object with "storymap"');
  let storymap: Obj;
  if (isObj(data.storymap)) storymap = data.storymap;
  else if (Array.isArray(data.slides)) {
    storymap = data;
    report.assumed('the file has `slides` at the top, without `storymap`: read it as the storymap');
  } else
    throw new ImportError(
      'no "storymap": { "slides": [...] } in the file: is this StoryMapJS JSON?',
    );
  const name = options.sourceName ?? 'storymap.json';

  if (storymap.map_as_image === true || str(storymap.map_type) === 'zoomify')
    throw new ImportError(
      'this StoryMapJS story is a gigapixel image ("map_as_image"): its slides are positions on a picture, not on Earth, and cannot be put on a map',
    );
  const allSlides = Array.isArray(storymap.slides) ? storymap.slides.filter(isObj) : [];
  if (!allSlides.length) throw new ImportError('the storymap has no slides: nothing to import');

  // Settings about StoryMapJS's own page and map.
  const settings = new Map<string, string[]>();
  for (const key of [...Object.keys(storymap), ...Object.keys(data)]) {
    const what = SETTINGS_NOT_CARRIED[key];
    if (what) settings.set(what, [...(settings.get(what) ?? []), key]);
  }
  if (str(storymap.map_type))
    report.notCarried(
      `map_type "${str(storymap.map_type)}": the story runs on the app's own offline basemap (set \`basemap:\` to a MapLibre style URL or .pmtiles file to use another)`,
    );
  if (storymap.map_access_token !== undefined)
    report.notCarried('map_access_token: the token is not needed and was not copied anywhere');
  for (const [what, keys] of settings)
    if (!keys.includes('map_type')) report.notCarried(`${keys.join(', ')}: ${what}`);
  if (storymap.calculate_zoom !== false)
    report.assumed(
      'calculate_zoom is on (StoryMapJS’s default), so StoryMapJS chose each slide’s zoom from its neighbours as it played; the story uses the zoom saved with each slide instead',
    );

  const overviewIndex = allSlides.findIndex((s) => s.type === 'overview');
  const overview = overviewIndex >= 0 ? allSlides[overviewIndex] : undefined;
  const slides = allSlides.filter((_, i) => i !== overviewIndex);
  if (!overview)
    report.assumed('there is no overview slide; the first slide’s headline is the story title');

  // Language: StoryMapJS names it; our stories are English or Chinese.
  const plainTexts: string[] = [];
  for (const s of allSlides) {
    const t = isObj(s.text) ? s.text : {};
    if (str(t.headline)) plainTexts.push(htmlToText(str(t.headline)!).text);
    if (str(t.text)) plainTexts.push(htmlToText(str(t.text)!).text);
  }
  const declared = str(storymap.language)?.toLowerCase();
  const detected = detectLanguage(plainTexts);
  let lang: Lang;
  if (declared?.startsWith('zh')) {
    lang = 'zh';
    report.assumed(
      `language "${declared}": the story is Chinese (zh)${declared !== 'zh-cn' ? '; the app marks Chinese text as Simplified (zh-Hans)' : ''}`,
    );
  } else if (detected === 'zh') {
    lang = 'zh';
    report.assumed(
      `the text is mostly Chinese${declared ? ` although language is "${declared}"` : ''}: the story is Chinese (zh)`,
    );
  } else {
    lang = 'en';
    report.assumed(
      declared && declared !== 'en'
        ? `language "${declared}": our stories are English or Chinese; the text is kept as written and marked English (en)`
        : 'the story is in English (en)',
    );
  }
  report.info(
    'to make the story bilingual, add the other language’s text and `languages: [en, zh]`',
  );

  const ids = new IdPool(['overview']);
  const remoteHosts = new Set<string>();
  const markerInputs: MarkerInput[] = [];
  const icons = new Set<string>();
  const noPath: string[] = [];
  const chinaCameras: string[] = [];
  let previousZoom: number | undefined;
  let unlocated = 0;

  const mediaOf = (slide: Obj, label: string, fallbackAlt: string): MediaDraft[] => {
    const media = isObj(slide.media) ? slide.media : undefined;
    const url = str(media?.url);
    if (!url) return [];
    const kind = mediaKind(url);
    if (kind !== 'image') {
      report.notCarried(
        `${label}: media ${url.length > 80 ? `${url.slice(0, 79)}…` : url} is ${kind}; only images are carried`,
      );
      return [];
    }
    const checked = mediaSource(url, options.rebaseUrl);
    if (!checked.src) {
      report.notCarried(`${label}: media ${checked.reason}`);
      return [];
    }
    if (isRemote(checked.src)) remoteHosts.add(new URL(checked.src).host);
    const caption = str(media?.caption) ? htmlToText(str(media!.caption)!).text : '';
    const credit = str(media?.credit) ? htmlToText(str(media!.credit)!) : undefined;
    if (credit && /<a\b/i.test(str(media!.credit)!))
      report.changed(`${label}: the media credit's link was kept as text`);
    if (!caption)
      report.assumed(`${label}: the image has no caption; its alt text is "${fallbackAlt}"`);
    return [
      {
        src: checked.src,
        alt: text(lang, caption || fallbackAlt),
        ...(credit?.text ? { credit: credit.text } : {}),
      },
    ];
  };

  interface Draft {
    step: StepDraft;
    candidate: YearCandidate;
  }
  const drafts: Draft[] = slides.map((slide) => {
    const number = allSlides.indexOf(slide) + 1;
    const label = `slide ${number}`;
    const t = isObj(slide.text) ? slide.text : {};
    const headline = str(t.headline) ? splitHeadline(str(t.headline)!) : undefined;
    for (const n of headline?.notes ?? []) report.changed(`${label} headline: ${n}`);
    const body = str(t.text) ? htmlToMarkdown(str(t.text)!) : undefined;
    for (const n of body?.notes ?? []) report.changed(`${label} text: ${n}`);
    if (body?.images.length)
      report.notCarried(
        `${label}: ${body.images.length} image(s) inside the text (only the slide's media is carried)`,
      );
    const location = isObj(slide.location) ? slide.location : undefined;
    const placeName = str(location?.name);
    const caption =
      isObj(slide.media) && str(slide.media.caption)
        ? htmlToText(str(slide.media.caption)!).text
        : '';

    let title = headline?.main ?? '';
    if (headline?.small) title = title ? `${title}: ${headline.small}` : headline.small;
    if (!title) {
      title = placeName ?? caption ?? '';
      title ||= lang === 'zh' ? `第 ${number} 张` : `Slide ${number}`;
      report.assumed(`${label} has no headline; its title is "${title}"`);
    }
    let markdown = body?.markdown ?? '';
    if (!markdown) {
      markdown = caption ? textToMarkdown(caption) : PLACEHOLDER.body[lang];
      report.assumed(
        `${label} has no text; its text is ${caption ? 'the media caption' : 'a placeholder'}`,
      );
    }
    const id = ids.take(
      slugify(headline?.main ?? '') || slugify(placeName ?? ''),
      `slide-${number}`,
    );

    // Camera: the slide's position at its saved zoom, converted from Leaflet's scale.
    let camera: CameraDraft | undefined;
    const lat = num(location?.lat);
    const lon = num(location?.lon ?? location?.lng);
    if (location && validLngLat(lon, lat)) {
      let zoom: number;
      const savedZoom = num(location.zoom);
      if (savedZoom !== undefined) zoom = savedZoom + LEAFLET_TO_MAPLIBRE_ZOOM;
      else {
        zoom = previousZoom ?? DEFAULT_LEAFLET_ZOOM + LEAFLET_TO_MAPLIBRE_ZOOM;
        report.assumed(`${label} has no zoom; used ${zoom}`);
      }
      if (zoom < 0 || zoom > 22) {
        report.changed(`${label}: zoom ${zoom} is outside 0–22; used ${clamp(zoom, 0, 22)}`);
        zoom = clamp(zoom, 0, 22);
      }
      previousZoom = zoom;
      camera = { center: [round(lon, 6), round(lat as number, 6)], zoom: round(zoom, 2) };
      markerInputs.push({
        stepId: id,
        name: placeName ?? title,
        lngLat: [round(lon, 6), round(lat as number, 6)],
        zoom,
        source: `${name}, slide ${number} location (imported with npm run import)`,
      });
      if (str(location.icon)) icons.add(str(location.icon)!);
      if (location.line === false) noPath.push(label);
      if (inChina(lon, lat as number)) chinaCameras.push(id);
    } else {
      unlocated++;
      if (location && (location.lat !== undefined || location.lon !== undefined))
        report.notCarried(
          `${label}: location ${JSON.stringify([location.lat, location.lon])} is not a valid latitude/longitude`,
        );
    }

    if (isObj(slide.background) && (str(slide.background.url) || str(slide.background.color)))
      report.notCarried(`${label}: background ${str(slide.background.url) ? 'image' : 'colour'}`);
    const media = mediaOf(slide, label, title);

    const date = dateText(slide.date);
    const fromDate = date ? yearOfDate(date) : undefined;
    if (date && fromDate === undefined)
      report.assumed(`${label}: date "${date}" names no four-digit year`);
    const found =
      fromDate !== undefined
        ? { value: fromDate, from: `its date "${date}"` }
        : yearInTexts([
            [headline?.main, 'its headline'],
            [body ? htmlToText(str(t.text)!).text : undefined, 'its text'],
          ]);
    if (found && fromDate === undefined)
      report.assumed(`${label}: no date; year ${String(found.value)} taken from ${found.from}`);
    return {
      step: {
        id,
        year: 0,
        title: text(lang, title),
        body: text(lang, markdown),
        ...(camera ? { camera } : {}),
        ...(media.length ? { media } : {}),
      },
      candidate: { label, ...(found ? { found } : {}) },
    };
  });

  const markers = markerInputs.length
    ? buildMarkers(markerInputs, lang, (placeName) => ({
        en: `A place in the story: "${placeName}", imported from StoryMapJS.`,
        zh: `故事中的地点"${placeName}"，从 StoryMapJS 导入。`,
      }))
    : undefined;

  // Slides without a position show StoryMapJS's overview of every marker: so do we.
  const fitAll: CameraDraft | undefined = markers
    ? { fit: [PLACES_LAYER_ID], padding: 80 }
    : undefined;
  for (const d of drafts) {
    const marker = markers?.markerOf.get(d.step.id);
    if (marker) d.step.highlight = [marker];
    if (!d.step.camera && fitAll) d.step.camera = { ...fitAll, fit: [...fitAll.fit!] };
  }
  if (unlocated)
    report.assumed(
      `${unlocated} slide${unlocated > 1 ? 's have' : ' has'} no location; ${fitAll ? `like StoryMapJS, ${unlocated > 1 ? 'they frame' : 'it frames'} every place` : `with no places at all, ${unlocated > 1 ? 'they have' : 'it has'} no camera`}`,
    );

  // The overview: the story's title and subtitle, and the opening step framing every place.
  const overviewText = overview && isObj(overview.text) ? overview.text : {};
  const firstHeadline =
    slides[0] && isObj(slides[0].text) ? str(slides[0].text.headline) : undefined;
  const titleParts = str(overviewText.headline)
    ? splitHeadline(str(overviewText.headline)!)
    : firstHeadline
      ? splitHeadline(firstHeadline)
      : undefined;
  for (const n of titleParts?.notes ?? []) report.changed(`overview headline: ${n}`);
  const storyTitle =
    titleParts?.main || titleParts?.small || (lang === 'zh' ? '导入的故事' : 'Imported story');
  if (!titleParts?.main) report.assumed(`the story has no headline; its title is "${storyTitle}"`);
  const overviewPlain = str(overviewText.text) ? htmlToText(str(overviewText.text)!).text : '';
  let subtitle = titleParts?.small && titleParts.main ? titleParts.small : undefined;
  if (!subtitle && overviewPlain) {
    subtitle = firstSentence(overviewPlain);
    report.assumed('the subtitle is the first sentence of the overview text');
  }

  const steps: StepDraft[] = drafts.map((d) => d.step);
  const years = resolveYears(
    drafts.map((d) => d.candidate),
    undefined,
    options.importYear ?? new Date().getFullYear(),
    report,
  );
  steps.forEach((s, i) => (s.year = years[i]!));
  if (overview) {
    const overviewBody = str(overviewText.text)
      ? htmlToMarkdown(str(overviewText.text)!)
      : undefined;
    for (const n of overviewBody?.notes ?? []) report.changed(`overview text: ${n}`);
    const date = dateText(overview.date);
    let year = date ? yearOfDate(date) : undefined;
    if (year === undefined) {
      // An overview without a date spans the whole story.
      const all = years.flatMap((y): number[] => (Array.isArray(y) ? y : [y]));
      const lo = all.length ? Math.min(...all) : (options.importYear ?? new Date().getFullYear());
      const hi = all.length ? Math.max(...all) : lo;
      year = lo === hi ? lo : [lo, hi];
      report.assumed(
        `the overview has no date${date ? ` with a year ("${date}")` : ''}; its year is the span of the slides, ${Array.isArray(year) ? year.join('–') : year}`,
      );
    }
    const media = mediaOf(overview, 'the overview slide', storyTitle);
    steps.unshift({
      id: 'overview',
      year,
      title: text(lang, storyTitle),
      body: text(
        lang,
        overviewBody?.markdown || (subtitle ? textToMarkdown(subtitle) : PLACEHOLDER.body[lang]),
      ),
      ...(fitAll ? { camera: { ...fitAll, fit: [...fitAll.fit!] } } : {}),
      ...(media.length ? { media } : {}),
    });
    report.info(
      `the overview slide is the story's title and subtitle, and its opening step "overview", which${fitAll ? ' frames every place' : ' has no camera (no slide has a location)'} as StoryMapJS does`,
    );
  }

  if (icons.size)
    report.notCarried(
      `custom marker icons (${[...icons].length}): the places layer draws its own markers`,
    );
  if (storymap.show_lines !== false && markerInputs.length - noPath.length > 1)
    report.notCarried(
      'the dashed line StoryMapJS draws from place to place (and its line_* settings)',
    );
  if (remoteHosts.size)
    report.assumed(
      `images stay on their servers (${[...remoteHosts].join(', ')}) and load from there when shown; copy them beside the story for a story that works offline`,
    );
  if (chinaCameras.length)
    report.assumed(
      `${chinaCameras.length} place${chinaCameras.length > 1 ? 's are' : ' is'} in mainland China: the coordinates were kept as WGS84 (StoryMapJS's tiles use it); if they were copied from a Chinese map service (GCJ-02), they are about 500 m off`,
    );

  const story: StoryDraft = {
    id: options.storyId ?? (slugify(storyTitle) || 'imported-story'),
    title: text(lang, storyTitle),
    ...(subtitle ? { subtitle: text(lang, subtitle) } : {}),
    languages: [lang],
    steps,
  };
  let layers: ImportResult['layers'];
  if (markers) {
    story.layers = options.layersFile ?? 'layers.json';
    story.defaults = { layers: [PLACES_LAYER_ID] };
    layers = {
      manifest: {
        layers: [
          {
            id: PLACES_LAYER_ID,
            file: options.placesFile ?? 'places.geojson',
            kind: 'point',
            color: STORYMAPJS_COLOR,
            title: text(lang, PLACEHOLDER.placesTitle[lang]),
            legend: text(lang, PLACEHOLDER.placesLegend[lang]),
            source: `${name} (slide locations)`,
          },
        ],
      },
      places: markers.places,
    };
  }
  report.summary(
    `${slides.length} slide${slides.length === 1 ? '' : 's'}${overview ? ' and the overview' : ''} became ${steps.length} step${steps.length === 1 ? '' : 's'}; ${markers ? `${markers.places.features.length} marker${markers.places.features.length === 1 ? '' : 's'} in the layer "${PLACES_LAYER_ID}"` : 'no markers (no slide has a location)'}; zoom converted from Leaflet's 256-px scale to MapLibre's 512-px scale (zoom − 1)`,
  );
  return { format: 'storymapjs', story, ...(layers ? { layers } : {}), report: report.list() };
}
