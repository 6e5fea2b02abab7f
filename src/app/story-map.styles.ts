// Layout of <story-map>: the map fills the element; the step card floats beside it on wide
// screens and becomes a bottom sheet on narrow ones.
import { css } from 'lit';

export const storyMapStyles = css`
  :host {
    --ink: #1c1917;
    --muted: #57534e;
    --accent: #b91c1c;
    --paper: #ffffff;
    --line: #a8a29e;
    --focus: #2563eb;
    --link: #1d4ed8;
    --font-text: 'Noto Sans', 'Noto Sans SC', system-ui, sans-serif;
    /* How much of a narrow screen the bottom sheet may take; the camera insets read it too. */
    --sheet-max: 0.42;
    display: block;
    position: relative;
    width: 100%;
    height: 100%;
    min-height: 320px;
    overflow: hidden;
    container-type: size;
    color: var(--ink);
    font-family: var(--font-text);
    background: #dfe7ec;
  }
  .map {
    position: absolute;
    inset: 0;
  }
  /* Keep MapLibre's attribution clear of the timeline. */
  .map .maplibregl-ctrl-bottom-right,
  .map .maplibregl-ctrl-bottom-left {
    bottom: var(--map-bottom-controls, 0px);
  }
  :host([mode='kiosk']) {
    --touch-target: 56px;
    --marker-target: 48px;
    --marker-row: 30px;
    --timeline-height: 72px;
    user-select: none;
    -webkit-user-select: none;
    -webkit-touch-callout: none;
  }
  :host([mode='kiosk']) .card {
    font-size: 1.1rem;
  }
  :host-context(html.kiosk-cursor-hidden),
  :host-context(html.kiosk-cursor-hidden) * {
    cursor: none !important;
  }
  kiosk-overlay {
    position: absolute;
    inset: 0;
    z-index: 5;
    pointer-events: none;
  }

  story-header {
    position: absolute;
    top: 0;
    left: 0;
    right: 0;
    z-index: 3;
  }
  .card {
    /* Read by the layout controller: 'side' (a column beside the map) or 'sheet'. */
    --card-layout: side;
    position: absolute;
    z-index: 2;
    left: 16px;
    top: 64px;
    width: min(380px, 42%);
    max-height: calc(100% - 76px - var(--map-bottom-controls, 110px));
    overflow: auto;
    box-sizing: border-box;
    padding: 1rem 1.1rem;
    border-radius: 10px;
    background: rgb(255 255 255 / 0.97);
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.18);
  }
  timeline-bar {
    position: absolute;
    z-index: 2;
    left: 0;
    right: 0;
    bottom: 0;
    padding: 0 8px 24px;
    background: rgb(255 255 255 / 0.92);
    border-top: 1px solid rgb(0 0 0 / 0.08);
  }
  .explore,
  .feature {
    position: absolute;
    z-index: 2;
    box-sizing: border-box;
    overflow: auto;
    padding: 0.9rem 1rem;
    border-radius: 10px;
    background: rgb(255 255 255 / 0.97);
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.18);
  }
  .explore {
    --card-layout: side;
    left: 16px;
    top: 64px;
    bottom: 16px;
    width: min(340px, 42%);
  }
  .feature {
    right: 16px;
    bottom: 16px;
    width: min(360px, calc(100% - 32px));
    max-height: 55%;
  }
  .text-only {
    position: absolute;
    inset: 54px 0 0;
    z-index: 2;
  }
  .alerts {
    position: absolute;
    z-index: 4;
    top: 60px;
    right: 16px;
    width: min(520px, calc(100% - 32px));
    display: grid;
    gap: 8px;
  }
  .loading {
    position: absolute;
    top: 50%;
    left: 50%;
    transform: translate(-50%, -50%);
    margin: 0;
    padding: 0.5rem 1rem;
    background: rgb(255 255 255 / 0.9);
    border-radius: 6px;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @container (max-width: 700px) {
    .explore {
      --card-layout: sheet;
      left: 0;
      right: 0;
      top: auto;
      bottom: 0;
      width: auto;
      max-height: calc(var(--sheet-max) * 100%);
      border-radius: 14px 14px 0 0;
    }
    .feature {
      top: 56px;
      bottom: auto;
      right: 8px;
      left: 8px;
      width: auto;
      max-height: 40%;
    }
    .card {
      --card-layout: sheet;
      left: 0;
      right: 0;
      top: auto;
      bottom: var(--map-bottom-controls, 96px);
      width: auto;
      max-height: calc(var(--sheet-max) * 100%);
      border-radius: 14px 14px 0 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
