// Layout of <story-map>, composed for each screen it runs on. The element is a size
// container, so every rule answers to the element's own size (an embed is laid out for its
// box, not for the window):
//   reader, wide      map full-bleed; the card floats in a column on the left, between the
//                     header and the timeline; type scales with the height
//   reader, narrow    (< 700 px wide) the card is a bottom sheet the reader can pull up
//   kiosk, landscape  a solid text column on the left, the map fills the rest, the timeline
//                     under the map; the attract invitation at the foot of the column
//   kiosk, portrait   the map above, the timeline, then the text at reading size below
// The camera insets are measured from what overlaps the map (layout-controller.ts).
import { css } from 'lit';
import { srOnlyStyles, tokens } from '../ui/tokens';

export const storyMapStyles = [
  tokens,
  // Not sharedStyles: its button rules would restyle MapLibre's controls, which live here.
  srOnlyStyles,
  css`
    :host {
      display: block;
      position: relative;
      width: 100%;
      height: 100%;
      /* With no height from its container (an article's flow): a screen's height, at most
         720 px, which leaves the text and the map room on a phone. docs/EMBEDDING.md. */
      min-height: min(100svh, 720px);
      overflow: hidden;
      container-type: size;
      color: var(--ink);
      font-family: var(--font-text);
      background: var(--space-bg);
    }
    /* Everything sits on the stage: a container cannot query itself, its children can. */
    .stage {
      /* Regions; the layouts below set them. */
      --header-h: 52px;
      --timeline-h: clamp(56px, 7.5cqh, 80px);
      --card-w: clamp(380px, 39cqw, 580px);
      --gap: var(--space-3);
      /* How much of a narrow screen the bottom sheet takes before it is pulled up. */
      --sheet-max: 0.4;
      --text-body: clamp(16px, calc(9px + 0.9cqh), 20px);
      --text-ui: clamp(14px, calc(8px + 0.6cqh), 17px);
      position: absolute;
      inset: 0;
      font-size: var(--text-ui);
    }
    .map {
      position: absolute;
      inset: 0;
    }
    /* MapLibre's own controls sit clear of the timeline and the card. */
    .map .maplibregl-ctrl-bottom-right,
    .map .maplibregl-ctrl-bottom-left {
      bottom: var(--map-bottom-controls, 0px);
    }
    story-header {
      position: absolute;
      z-index: 3;
      top: 0;
      left: 0;
      right: 0;
      height: var(--header-h);
    }
    .card {
      /* Read by the layout controller: 'side' (a column beside the map) or 'sheet'. */
      --card-layout: side;
      position: absolute;
      z-index: 2;
      left: var(--gap);
      top: calc(var(--header-h) + var(--gap));
      /* As tall as its text, up to the whole column between the header and the timeline. */
      max-height: calc(100% - var(--header-h) - var(--timeline-h) - 2 * var(--gap));
      width: var(--card-w);
      font-size: var(--text-body);
      border-radius: var(--radius-2);
      background: rgb(255 255 255 / 0.97);
      box-shadow: var(--shadow-2);
    }
    timeline-bar {
      position: absolute;
      z-index: 2;
      left: 0;
      right: 0;
      bottom: 0;
      height: var(--timeline-h);
      background: rgb(255 255 255 / 0.94);
      border-top: 1px solid var(--line-soft);
    }
    .explore,
    .feature {
      position: absolute;
      z-index: 2;
      box-sizing: border-box;
      overflow: auto;
      padding: var(--space-4);
      border-radius: var(--radius-2);
      background: rgb(255 255 255 / 0.97);
      box-shadow: var(--shadow-2);
    }
    .explore {
      --card-layout: side;
      left: var(--gap);
      top: calc(var(--header-h) + var(--gap));
      bottom: var(--gap);
      width: clamp(300px, 28cqw, 380px);
    }
    .feature {
      right: var(--gap);
      bottom: var(--gap);
      width: min(380px, calc(100% - 2 * var(--gap)));
      max-height: 55%;
    }
    .text-only {
      position: absolute;
      inset: var(--header-h) 0 0;
      z-index: 2;
    }
    .alerts {
      position: absolute;
      z-index: 4;
      top: calc(var(--header-h) + var(--gap));
      right: var(--gap);
      width: min(520px, calc(100% - 2 * var(--gap)));
      display: grid;
      gap: var(--space-2);
    }
    story-loading {
      position: absolute;
      inset: var(--header-h) 0 0;
      z-index: 4;
    }
    /* The studio's panel: the map's lower right, above the timeline and MapLibre's credits. */
    studio-panel {
      --studio-right: var(--gap);
      --studio-bottom: calc(var(--timeline-h) + var(--gap) + 28px);
      z-index: 5;
    }
    kiosk-overlay {
      position: absolute;
      inset: 0;
      z-index: 5;
      pointer-events: none;
    }
    /* The handout over the story, which still draws the map beneath for its pictures. */
    .handout {
      position: absolute;
      inset: 0;
      z-index: 6;
    }
    @media print {
      :host([mode='print']) {
        position: static;
        height: auto;
        min-height: 0;
        overflow: visible;
        container-type: normal;
        background: #fff;
      }
      :host([mode='print']) .stage {
        position: static;
      }
      :host([mode='print']) .stage > :not(.handout) {
        display: none;
      }
      :host([mode='print']) .handout {
        position: static;
      }
    }

    /* ---- reader, narrow: the bottom sheet ---------------------------------------- */
    @container (max-width: 700px) {
      /* Above the map, under the header: the bottom is the sheet's. */
      studio-panel {
        --studio-bottom: auto;
        top: calc(var(--header-h) + var(--gap));
      }
      .stage {
        --header-h: 48px;
        --timeline-h: 60px;
        --text-body: 16px;
      }
      .card {
        --card-layout: sheet;
        left: 0;
        right: 0;
        top: auto;
        bottom: var(--timeline-h);
        width: auto;
        height: calc(var(--sheet-max) * 100%);
        max-height: none;
        border-radius: var(--radius-3) var(--radius-3) 0 0;
        transition: height 0.25s ease;
      }
      .card[expanded] {
        height: calc(100% - var(--timeline-h) - var(--header-h) - var(--space-5));
      }
      .explore {
        --card-layout: sheet;
        left: 0;
        right: 0;
        top: auto;
        bottom: 0;
        width: auto;
        max-height: calc(var(--sheet-max) * 100%);
        border-radius: var(--radius-3) var(--radius-3) 0 0;
      }
      .feature {
        top: calc(var(--header-h) + var(--space-2));
        bottom: auto;
        left: var(--space-2);
        right: var(--space-2);
        width: auto;
        max-height: 40%;
      }
    }

    /* ---- kiosk: solid panels at reading distance ---------------------------------- */
    :host([mode='kiosk']) {
      --touch-target: 56px;
      --marker-target: 48px;
      --marker-dot: 14px;
      user-select: none;
      -webkit-user-select: none;
      -webkit-touch-callout: none;
    }
    :host([mode='kiosk']) story-header {
      --title-size: 1.45em;
    }
    :host([mode='kiosk']) .card {
      border-radius: 0;
      box-shadow: none;
      background: var(--paper);
    }
    :host-context(html.kiosk-cursor-hidden),
    :host-context(html.kiosk-cursor-hidden) * {
      cursor: none !important;
    }
    @container (orientation: landscape) {
      :host([mode='kiosk']) .stage {
        --header-h: max(64px, 6.5cqh);
        --panel-w: 38cqw;
        --invite-h: max(96px, 9cqh);
        --timeline-h: max(64px, 8cqh);
        --text-body: max(22px, 2.35cqh);
        --text-ui: max(18px, 1.75cqh);
      }
      :host([mode='kiosk']) .map {
        left: var(--panel-w);
        top: var(--header-h);
        bottom: var(--timeline-h);
      }
      :host([mode='kiosk']) .card {
        left: 0;
        top: var(--header-h);
        bottom: var(--invite-h);
        max-height: none;
        width: var(--panel-w);
        border-right: 1px solid var(--line-soft);
      }
      :host([mode='kiosk']) timeline-bar {
        left: var(--panel-w);
      }
      :host([mode='kiosk']) .explore {
        left: 0;
        top: var(--header-h);
        bottom: 0;
        width: var(--panel-w);
        border-radius: 0;
      }
    }
    @container (orientation: portrait) {
      :host([mode='kiosk']) .stage {
        --header-h: max(64px, 4.5cqh);
        --map-h: 48cqh;
        /* The hand-off code's card sits at the foot of the map band. */
        --qr-bottom: calc(100% - var(--header-h) - var(--map-h) + var(--gap));
        --invite-h: max(96px, 5.5cqh);
        --timeline-h: max(72px, 5.5cqh);
        --text-body: max(22px, 2.5cqw);
        --text-ui: max(18px, 1.9cqw);
      }
      :host([mode='kiosk']) .map {
        top: var(--header-h);
        bottom: auto;
        height: var(--map-h);
      }
      :host([mode='kiosk']) timeline-bar {
        top: calc(var(--header-h) + var(--map-h));
        bottom: auto;
      }
      :host([mode='kiosk']) .card {
        left: 0;
        right: 0;
        top: calc(var(--header-h) + var(--map-h) + var(--timeline-h));
        bottom: var(--invite-h);
        max-height: none;
        width: auto;
      }
      :host([mode='kiosk']) .explore {
        left: 0;
        right: 0;
        top: calc(var(--header-h) + var(--map-h));
        bottom: 0;
        width: auto;
        border-radius: 0;
      }
    }
  `,
];
