// Knight Lab StoryMapJS (https://storymap.knightlab.com/) JSON → our story.
// StoryMapJS draws its map with Leaflet on 256-px tiles; MapLibre's zoom counts 512-px tiles,
// so the same ground resolution is one zoom level lower here: zoom = Leaflet zoom − 1.
import { htmlToMarkdown, htmlToText, textToMarkdown } from './html-to-markdown';
import { ImportError } from './import-error';
import type { Feature, FeatureCollection, LineString } from 'geojson';
import {
  IdPool,
  PLACEHOLDER,
  PLACES_LAYER_ID,
  Report,
  buildMarkers,
  clamp,
  detectLanguage,
  isFiniteNumber,
  isRemote,
  mediaSource,
  regionNote,
  reportSwapped,
  resolveYears,
  ROUTE_LAYER_ID,
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
  type Located,
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
  show_history_line: 'the line of places already visited',
  line_follows_path: 'the dashed line between places',
  line_color: 'the dashed line between places',
  line_color_inactive: 'the dashed line between places',
  line_join: 'the dashed line between places',
  line_weight: 'the dashed line between places',
  line_opacity: 'the dashed line between places',
  line_dash: 'the dashed line between places',
  width: 'the size of the embedded page',
  height: 'the size of the embedded page',
};
/** Keys the importer reads (or reports in its own words): anything else is named as such. */
const HANDLED_STORYMAP = new Set([
  'slides',
  'language',
  'map_as_image',
  'map_access_token',
  'calculate_zoom',
  'show_lines',
  'zoomify',
  'route',
  'storymap',
]);
const HANDLED_SLIDE = new Set(['type', 'date', 'text', 'media', 'location', 'background', 'route']);
const HANDLED_LOCATION = new Set(['lat', 'lon', 'lng', 'zoom', 'name', 'icon', 'line', 'route']);
const HANDLED_MEDIA = new Set(['url', 'caption', 'credit']);

/** A setting that is on: not absent, false, empty, null or an empty object or list. */
function isSet(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isObj(v)) return Object.values(v).some(isSet);
  return true;
}

/** Keys of `obj` that are set but not in `handled`, as `name`. */
const unhandled = (obj: Obj, handled: ReadonlySet<string>) =>
  Object.keys(obj).filter((k) => !handled.has(k) && !(k in SETTINGS_NOT_CARRIED) && isSet(obj[k]));

/**
 * A custom route: a list of [lat, lon] pairs (Leaflet's order, as StoryMapJS writes
 * positions), {lat, lon} objects, or a GeoJSON LineString. The order of bare pairs is
 * decided by the story's places: whichever reading lies nearer to them.
 */
function readRoute(
  raw: unknown,
  near: readonly [number, number][],
): { line: [number, number][]; order: string } | undefined {
  let pairs: unknown = raw;
  if (isObj(raw) && raw.type === 'LineString') pairs = raw.coordinates;
  if (isObj(raw) && raw.type === 'Feature' && isObj(raw.geometry))
    return readRoute(raw.geometry, near);
  if (!Array.isArray(pairs) || pairs.length < 2) return undefined;
  const asObjects = pairs.every((p) => isObj(p));
  if (asObjects) {
    const line = pairs.map((p) => {
      const o = p as Obj;
      return [num(o.lon ?? o.lng), num(o.lat)] as [number | undefined, number | undefined];
    });
    return line.every(([x, y]) => validLngLat(x, y))
      ? { line: line as [number, number][], order: '{lat, lon} points' }
      : undefined;
  }
  if (!pairs.every((p) => Array.isArray(p) && p.length >= 2)) return undefined;
  const a = (pairs as unknown[][]).map((p) => [num(p[1]), num(p[0])]) as [number, number][];
  const b = (pairs as unknown[][]).map((p) => [num(p[0]), num(p[1])]) as [number, number][];
  const ok = (line: [number, number][]) => line.every(([x, y]) => validLngLat(x, y));
  const distance = (line: [number, number][]) =>
    near.length
      ? Math.min(
          ...line
            .slice(0, 50)
            .flatMap(([x, y]) => near.slice(0, 200).map(([u, v]) => Math.hypot(x - u, y - v))),
        )
      : 0;
  const latLon = ok(a) ? distance(a) : Infinity;
  const lonLat = ok(b) ? distance(b) : Infinity;
  if (latLon === Infinity && lonLat === Infinity) return undefined;
  return latLon <= lonLat
    ? { line: a, order: '[lat, lon] pairs (Leaflet’s order)' }
    : { line: b, order: '[lon, lat] pairs' };
}

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

  const zoomify =
    str(storymap.map_type) === 'zoomify' || (isObj(storymap.zoomify) && isSet(storymap.zoomify));
  if (zoomify || storymap.map_as_image === true)
    throw new ImportError(
      zoomify
        ? `this StoryMapJS story is a gigapixel (zoomify) image${str(storymap.map_type) === 'zoomify' ? ' (map_type "zoomify")' : ''}: its slides are positions on a picture, not on Earth, and cannot be put on a map`
        : 'this StoryMapJS story treats its map as an image ("map_as_image": true): its slides are positions on a picture, not on Earth, and cannot be put on a map',
    );
  const allSlides = Array.isArray(storymap.slides) ? storymap.slides.filter(isObj) : [];
  if (!allSlides.length) throw new ImportError('the storymap has no slides: nothing to import');

  // Settings about StoryMapJS's own page and map.
  const settings = new Map<string, string[]>();
  const sources = storymap === data ? [storymap] : [storymap, data];
  for (const source of sources)
    for (const key of Object.keys(source)) {
      const what = SETTINGS_NOT_CARRIED[key];
      if (what && isSet(source[key]) && !settings.get(what)?.includes(key))
        settings.set(what, [...(settings.get(what) ?? []), key]);
    }
  for (const source of sources)
    for (const key of unhandled(source, HANDLED_STORYMAP))
      report.notCarried(`\`${key}\` (a setting the importer does not know)`);
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
  const located: Located[] = [];
  let previousZoom: number | undefined;
  let unlocated = 0;

  const mediaOf = (slide: Obj, label: string, fallbackAlt: string): MediaDraft[] => {
    const media = isObj(slide.media) ? slide.media : undefined;
    for (const key of media ? unhandled(media, HANDLED_MEDIA) : [])
      report.notCarried(`${label}: media.${key}`);
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
  const routes: { raw: unknown; label: string }[] = [];
  if (isSet(storymap.route)) routes.push({ raw: storymap.route, label: 'the storymap' });
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
    for (const key of unhandled(slide, HANDLED_SLIDE)) report.notCarried(`${label}: \`${key}\``);
    for (const key of location ? unhandled(location, HANDLED_LOCATION) : [])
      report.notCarried(`${label}: location.${key}`);
    for (const raw of [slide.route, location?.route]) if (isSet(raw)) routes.push({ raw, label });
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
      located.push({
        label,
        written: `location lat ${String(location.lat)}, lon ${String(location.lon ?? location.lng)}`,
        lngLat: [lon, lat as number],
      });
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
    return {
      step: {
        id,
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
    report,
  );
  steps.forEach((s, i) => {
    const year = years[i];
    if (year !== undefined) s.year = year;
  });
  const timed = years.some((y) => y !== undefined);
  if (overview) {
    const overviewBody = str(overviewText.text)
      ? htmlToMarkdown(str(overviewText.text)!)
      : undefined;
    for (const n of overviewBody?.notes ?? []) report.changed(`overview text: ${n}`);
    const date = dateText(overview.date);
    let year = date && timed ? yearOfDate(date) : undefined;
    if (date && !timed && yearOfDate(date) !== undefined)
      report.notCarried(
        `the overview's date "${date}": no slide has a date, so the story has no timeline`,
      );
    if (year === undefined && timed) {
      // An overview without a date spans the whole story.
      let lo = Infinity;
      let hi = -Infinity;
      for (const y of years)
        for (const v of y === undefined ? [] : Array.isArray(y) ? y : [y]) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      year = lo === hi ? lo : [lo, hi];
      report.assumed(
        `the overview has no date${date ? ` with a year ("${date}")` : ''}; its year is the span of the slides, ${Array.isArray(year) ? year.join('–') : year}`,
      );
    }
    const media = mediaOf(overview, 'the overview slide', storyTitle);
    steps.unshift({
      id: 'overview',
      ...(year !== undefined ? { year } : {}),
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
  const region = regionNote(located, options.regionOf);
  if (region) report.assumed(region);
  reportSwapped(located, report, 'write "lat" and "lon" as');

  // Custom routes: a line layer of their own, shown throughout.
  const routeFeatures: Feature<LineString>[] = [];
  for (const { raw, label } of routes) {
    const read = readRoute(
      raw,
      located.map((l) => l.lngLat),
    );
    if (!read) {
      report.notCarried(`${label}: route (not a list of positions the importer can read)`);
      continue;
    }
    const n = routeFeatures.length + 1;
    routeFeatures.push({
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: read.line.map(([x, y]) => [round(x, 6), round(y, 6)]),
      },
      properties: {
        id: `route-${n}`,
        name: lang === 'zh' ? `路线 ${n}` : `Route ${n}`,
        ...(lang === 'zh' ? { name_zh: `路线 ${n}` } : {}),
        kind: 'route',
        description: 'A route drawn in the StoryMapJS story, imported with npm run import.',
        description_zh: '从 StoryMapJS 故事导入的路线。',
        source: `${name}, ${label} route (imported with npm run import)`,
        precision_m: 50,
      },
    });
    report.info(
      `${label}: its route (${read.line.length} positions, read as ${read.order}) is the line "route-${n}" in the layer "${ROUTE_LAYER_ID}", shown in every step`,
    );
  }

  const story: StoryDraft = {
    id: options.storyId ?? (slugify(storyTitle) || 'imported-story'),
    title: text(lang, storyTitle),
    ...(subtitle ? { subtitle: text(lang, subtitle) } : {}),
    languages: [lang],
    steps,
  };
  let layers: ImportResult['layers'];
  if (!markers && routeFeatures.length)
    report.notCarried(
      `${routeFeatures.length} route${routeFeatures.length > 1 ? 's' : ''}: no slide has a place, so the story has no layers to draw ${routeFeatures.length > 1 ? 'them' : 'it'} on`,
    );
  if (markers) {
    story.layers = options.layersFile ?? 'layers.json';
    story.defaults = {
      layers: [...(routeFeatures.length ? [ROUTE_LAYER_ID] : []), PLACES_LAYER_ID],
    };
    const route: FeatureCollection<LineString> | undefined = routeFeatures.length
      ? { type: 'FeatureCollection', features: routeFeatures }
      : undefined;
    layers = {
      ...(route ? { route } : {}),
      manifest: {
        layers: [
          ...(route
            ? [
                {
                  id: ROUTE_LAYER_ID,
                  file: options.routeFile ?? 'route.geojson',
                  kind: 'line' as const,
                  color: STORYMAPJS_COLOR,
                  title: text(lang, lang === 'zh' ? '路线' : 'Route'),
                  source: `${name} (route)`,
                },
              ]
            : []),
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
