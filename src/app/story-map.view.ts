// <story-map>'s template: a pure function of the app state (the story's data included).
// The children send what the reader does up as `ui-` events (src/ui/events.ts).
import { html, nothing, type TemplateResult } from 'lit';
import { localize, type Story } from '../story/model';
import type { Lang } from '../story/schema';
import { langTag, strings } from '../i18n/strings';
import { handoffUrl } from '../kiosk/handoff';
import { renderOfflineParts } from '../offline/offline-view';
import type { OfflineView } from '../offline/update-controller';
import type { StudioProblem } from '../ui/studio-panel';
import type { AppState } from './app-state';
import { exploringOf } from './app-state';
import { announcementOf, mapViewOf } from './derive';
import { renderExploreView } from './explore-view';
// The handout (print-view) and the studio's panel load on demand.
import '../ui/step-card';
import '../ui/timeline-bar';
import '../ui/error-panel';
import '../ui/about-panel';
import '../ui/story-header';
import '../ui/kiosk-overlay';
import '../ui/story-text';
import '../ui/story-loading';
import '../ui/scroll-reader';

export interface StoryMapViewInput {
  state: AppState;
  kioskSecondsLeft: number;
  offline: OfflineView;
  /** Kiosk: the public address for the QR code (`?handoff=`). */
  handoff?: string | undefined;
  /** The page's URL is the deep link, so Share can offer it. */
  shareable: boolean;
  /** Print mode: each step's map picture, by step index. */
  printPictures: ReadonlyMap<number, string>;
  /** The dev server's studio (`?studio`): the problems its panel lists. */
  studio?: StudioProblem[] | undefined;
  /** Scroll mode: the year between two steps the timeline shows, and whether steps switch whole. */
  scroll?: { year: number | undefined; whole: boolean };
}

/** The handout's code loads when a handout is asked for, not with the page. */
function loadPrintView(): typeof nothing {
  void import('../ui/print-view');
  return nothing;
}

export function renderStoryMap({
  state,
  kioskSecondsLeft,
  offline,
  handoff,
  shareable,
  printPictures,
  studio,
  scroll,
}: StoryMapViewInput): TemplateResult {
  const data = state.data;
  const story = data?.story;
  const index = data?.index;
  const lang = state.lang;
  const t = strings(lang);
  const step = story?.steps[state.step];
  const title = story ? localize(story.title, lang) : t.appTitle;
  const view = mapViewOf(state);
  const { phase } = state;
  const kiosk = phase.name === 'kiosk';
  const scrolling = phase.name === 'scroll';
  // The frame is the scroll mode's sticky map; in every other mode it is display: contents.
  return html`<div class="stage ${kiosk && handoff ? 'handoff' : ''}">
    <div class="frame">
      <div id="map" class="map" role="region" aria-label=${t.mapLabel(title)}></div>
      ${
        phase.name === 'print'
          ? nothing
          : html`<story-header
              .heading=${title}
              .lang=${lang}
              .exploring=${exploringOf(state) !== undefined}
              .showLang=${!(phase.name === 'kiosk' && phase.presence === 'attract')}
            ></story-header>`
      }
      <div class="alerts">
        <error-panel
          .heading=${t.storyFailed}
          .messages=${state.errors}
          .lang=${lang}
        ></error-panel>
        <error-panel
          .heading=${t.editRefused}
          .messages=${state.editErrors}
          .lang=${lang}
        ></error-panel>
        <error-panel
          .heading=${t.storyWarnings}
          .messages=${state.warnings}
          .lang=${lang}
          dismissible
        ></error-panel>
      </div>
      ${
        story && index && state.noMap
          ? html`<story-text
              class="text-only"
              .story=${story}
              .lang=${lang}
              .placeNames=${new Map(
                story.steps.flatMap((s) => s.places).map((id) => [id, index.name(id, lang) ?? id]),
              )}
              .reason=${state.noMap}
            ></story-text>`
          : nothing
      }
      ${
        story && step && view.kind === 'step' && phase.name !== 'print' && !scrolling
          ? html`<step-card
                class="card"
                .step=${step}
                .lang=${lang}
                .total=${story.steps.length}
                .places=${step.places.flatMap((id) => {
                  const name = index?.name(id, lang);
                  return name ? [{ id, name }] : [];
                })}
                .linksNavigate=${!kiosk}
                .shareUrl=${
                  !kiosk && shareable && phase.name === 'story'
                    ? (handoffUrl(location.href, step.id, lang) ?? '')
                    : ''
                }
                .shareTitle=${`${title}: ${localize(step.title, lang)}`}
              ></step-card>
              ${renderTimeline(story, state.step, lang)}`
          : nothing
      }
      ${
        story && step && view.kind === 'step' && scrolling
          ? renderTimeline(story, state.step, lang, scroll?.year)
          : nothing
      }
      ${
        data && view.kind === 'explore'
          ? renderExploreView(data.story, data.groups, data.index, view, lang)
          : nothing
      }
      ${
        phase.name === 'kiosk'
          ? html`<kiosk-overlay
              .phase=${phase.presence}
              .secondsLeft=${kioskSecondsLeft}
              .lang=${lang}
              .handoffUrl=${
                step && handoff && !exploringOf(state)
                  ? (handoffUrl(handoff, step.id, lang) ?? '')
                  : ''
              }
            ></kiosk-overlay>`
          : nothing
      }
      ${state.load === 'loading' ? html`<story-loading .lang=${lang}></story-loading>` : nothing}
    </div>
    ${
      story && scrolling && !state.noMap
        ? html`<scroll-reader
            .steps=${story.steps}
            .lang=${lang}
            .current=${state.step}
            .wholeSteps=${scroll?.whole ?? false}
            .places=${new Map(
              story.steps.map((s, i) => [
                i,
                s.places.flatMap((id) => {
                  const name = index?.name(id, lang);
                  return name ? [name] : [];
                }),
              ]),
            )}
          ></scroll-reader>`
        : nothing
    }
    ${
      story && phase.name === 'print'
        ? html`${loadPrintView()}<print-view
              class="handout"
              .story=${story}
              .lang=${lang}
              .pictures=${new Map(
                [...printPictures].flatMap(([i, url]) => {
                  const id = story.steps[i]?.id;
                  return id ? [[id, url] as const] : [];
                }),
              )}
              .placeNames=${new Map(
                story.steps
                  .flatMap((s) => s.places)
                  .map((id) => [id, index?.name(id, lang) ?? id] as const),
              )}
            ></print-view>`
        : nothing
    }
    ${
      studio
        ? html`<studio-panel
            .stepId=${step?.id ?? ''}
            .highlighted=${step?.highlight ?? []}
            .problems=${studio}
          ></studio-panel>`
        : nothing
    }
    <about-panel
      .printable=${!kiosk && phase.name !== 'print'}
      .story=${story}
      .lang=${lang}
      .open=${state.about}
      .linksNavigate=${!kiosk}
    ></about-panel>
    ${renderOfflineParts(state, offline)}
    <div class="sr-only" aria-live="polite" aria-atomic="true" lang=${langTag(lang)}>
      ${announcementOf(state)}
    </div>
  </div>`;
}

/** The story's timeline at step `current`; the scroll reader also marks the year between steps. */
function renderTimeline(story: Story, current: number, lang: Lang, year?: number): TemplateResult {
  return html`<timeline-bar
    .steps=${story.steps.map((s) => ({
      id: s.id,
      year: s.year,
      ...(s.yearEnd ? { yearEnd: s.yearEnd } : {}),
      title: localize(s.title, lang),
    }))}
    .eras=${story.eras.map((e) => ({ from: e.from, to: e.to, label: localize(e.label, lang) }))}
    .first=${story.firstYear}
    .last=${story.lastYear}
    .current=${current}
    .year=${year}
    .lang=${lang}
  ></timeline-bar>`;
}
