// The visual identity in one place: design tokens as CSS custom properties on <story-map>
// (they inherit into every component's shadow root), and the component styles several
// components share. Type sizes per form factor are set by the layout (story-map.styles.ts);
// components size their text in em of those.
import { css } from 'lit';

// The public theme: a page sets --story-map-* on the element (or any ancestor); each
// defaults to our own value. docs/EMBEDDING.md lists them; keep the two in step.
export const tokens = css`
  :host {
    /* Colours. Text on --paper and --accent-soft passes WCAG AA (4.5:1) at every size. */
    --ink: var(--story-map-ink, #1c1917);
    --muted: var(--story-map-muted, #57534e);
    --paper: var(--story-map-paper, #ffffff);
    --paper-tint: var(--story-map-paper-tint, #f7f5f1);
    --line: #a8a29e;
    --line-soft: #e7e5e4;
    --chip: #f1efeb;
    --accent: var(--story-map-accent, #b91c1c);
    --accent-soft: var(--story-map-accent-soft, #fde8e8);
    --link: var(--story-map-link, #1d4ed8);
    --focus: var(--story-map-focus, #2563eb);
    --on-dark: #ffffff;
    --scrim: rgb(28 25 23 / 0.9);
    /* The quiet space around the globe. */
    --space-bg: #dfe5ea;

    /* Type. The layout sets --text-body (and --text-ui) for each form factor. */
    --font-text: var(--story-map-font, 'Noto Sans', 'Noto Sans SC', system-ui, sans-serif);
    --text-body: 16px;
    --text-ui: 14px;
    --leading-body: 1.55;
    --leading-body-zh: 1.75;
    --leading-tight: 1.22;

    /* Space, shape, depth. */
    --space-1: 4px;
    --space-2: 8px;
    --space-3: 12px;
    --space-4: 16px;
    --space-5: 24px;
    --space-6: 32px;
    --radius-1: 6px;
    --radius-2: 10px;
    --radius-3: 16px;
    --shadow-1: 0 1px 3px rgb(0 0 0 / 0.14);
    --shadow-2: 0 8px 28px rgb(0 0 0 / 0.18);

    /* Touch targets: 44 px for readers, larger on a kiosk. */
    --touch-target: 44px;
  }
`;

/** Text for screen readers only: in the page, not on screen. */
export const srOnlyStyles = css`
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
`;

/** Buttons, focus and helpers every component uses the same way. */
export const sharedStyles = css`
  button {
    min-height: var(--touch-target, 44px);
    padding: 0.35em 0.9em;
    border: 1px solid var(--line, #a8a29e);
    border-radius: var(--radius-1, 6px);
    background: var(--paper, #fff);
    color: var(--ink, #1c1917);
    font: inherit;
    line-height: 1.2;
    white-space: nowrap;
    cursor: pointer;
  }
  button:disabled {
    opacity: 0.45;
    cursor: default;
  }
  button.primary {
    background: var(--ink, #1c1917);
    border-color: var(--ink, #1c1917);
    color: var(--on-dark, #fff);
  }
  :focus-visible {
    outline: 3px solid var(--focus, #2563eb);
    outline-offset: 2px;
  }
  a {
    color: var(--link, #1d4ed8);
  }
  /* Chinese: emphasis marks, never slanted characters. */
  em:lang(zh),
  :lang(zh) em {
    font-style: normal;
    text-emphasis: filled dot;
    text-emphasis-position: under right;
  }
  ${srOnlyStyles}
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
