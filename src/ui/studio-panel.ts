// <studio-panel>: the authoring panel of `npm run studio` (the dev server only, `?studio`).
// It shows the step being edited, the live camera (center, zoom, bearing, pitch) and the
// YAML line for it with "Copy camera", "Fit to highlighted", and the story file's problems as
// soon as the file is saved. It sits in a corner of the map and folds down to one button, so
// it never has to cover the step card.
//
// English only, on purpose: it is a tool for the person writing the story, not part of the
// story a reader sees, and the validator's messages it lists are English too. Its root is
// marked lang="en" so a screen reader reads it as English on a Chinese page; `lang` is
// accepted like on every other component but does not change the text.
//
// Properties: camera (LiveCamera | undefined: set it on every map move), stepId (string),
//             highlighted (string[]: the step's highlighted feature ids), problems
//             (StudioProblem[]: formatError() text of each error and warning), lang,
//             open (boolean, reflected: the panel is unfolded; default true)
// @fires ui-studio-fit {} (Record<string, never>): frame the step's highlighted features
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { Lang } from '../story/schema';
import { cameraReadout, cameraSnippet, fitSnippet, type LiveCamera } from '../story/camera-snippet';
import { sharedStyles } from './tokens';

/** The event "Fit to highlighted" sends up; <story-map> frames the highlighted features. */
export const STUDIO_FIT_EVENT = 'ui-studio-fit';

export interface StudioProblem {
  severity: 'error' | 'warning';
  /** The problem as `formatError` (src/story/errors.ts) writes it: file:line › step › field. */
  text: string;
}

/** Errors before warnings, each kind in the order the validator gave them. */
export function sortProblems(problems: readonly StudioProblem[]): StudioProblem[] {
  return [
    ...problems.filter((p) => p.severity === 'error'),
    ...problems.filter((p) => p.severity !== 'error'),
  ];
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** "No problems", "1 error", "2 errors, 1 warning", "3 warnings". */
export function problemSummary(problems: readonly StudioProblem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (!errors && !warnings) return 'No problems';
  return [errors ? count(errors, 'error') : '', warnings ? count(warnings, 'warning') : '']
    .filter(Boolean)
    .join(', ');
}

/** How long "Copied" stays in the status line. */
const CONFIRMATION_MS = 2500;

/**
 * The copy of last resort: a selected textarea and the old copy command. The async clipboard
 * is missing on an insecure origin, which a dev server reached from a phone over the LAN is.
 */
function copyWithTextarea(text: string, root: Node): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.readOnly = true;
  // Off screen but selectable (display: none could not be selected).
  area.style.setProperty('position', 'fixed');
  area.style.setProperty('left', '-9999px');
  area.style.setProperty('opacity', '0');
  root.appendChild(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}

export class StudioPanel extends LitElement {
  static override properties = {
    camera: { attribute: false },
    stepId: { type: String, attribute: 'step-id' },
    highlighted: { attribute: false },
    problems: { attribute: false },
    lang: { type: String },
    open: { type: Boolean, reflect: true },
    status: { state: true },
  };

  declare camera: LiveCamera | undefined;
  declare stepId: string;
  declare highlighted: string[];
  declare problems: StudioProblem[];
  declare lang: Lang;
  declare open: boolean;
  /** The copy confirmation (or failure) in the live region; empty when there is none. */
  declare status: string;
  #statusTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.camera = undefined;
    this.stepId = '';
    this.highlighted = [];
    this.problems = [];
    this.lang = 'en';
    this.open = true;
    this.status = '';
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.#statusTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    // "Copied" belongs to the step it was copied for: on another step it would mislead.
    if (changed.has('stepId') && changed.get('stepId') !== undefined) this.#say('');
  }

  #say(message: string) {
    clearTimeout(this.#statusTimer);
    this.status = message;
    if (message) this.#statusTimer = setTimeout(() => (this.status = ''), CONFIRMATION_MS);
  }

  async #copy(text: string | undefined) {
    if (!text) return;
    let copied = false;
    try {
      if (!navigator.clipboard) throw new Error('no async clipboard');
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch {
      copied = copyWithTextarea(text, this.renderRoot);
    }
    this.#say(copied ? 'Copied' : 'Could not copy: select the line above and copy it');
  }

  #fit() {
    if (!this.highlighted.length) return;
    this.dispatchEvent(
      new CustomEvent<Record<string, never>>(STUDIO_FIT_EVENT, {
        detail: {},
        bubbles: true,
        composed: true,
      }),
    );
  }

  override render() {
    const problems = sortProblems(this.problems);
    const errors = problems.filter((p) => p.severity === 'error').length;
    const summary = problemSummary(problems);
    const snippet = this.camera ? cameraSnippet(this.camera) : undefined;
    const readout = this.camera ? cameraReadout(this.camera) : undefined;
    const highlighted = [...new Set(this.highlighted)];
    return html`<section lang="en" aria-labelledby="studio-title">
      <h2 id="studio-title">
        <button
          type="button"
          class="toggle"
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-controls="studio-body"
          @click=${() => (this.open = !this.open)}
        >
          <span class="chevron" aria-hidden="true">${this.open ? '▾' : '▸'}</span>
          <span>Studio</span>
          <span class=${`badge ${errors ? 'has-errors' : problems.length ? 'has-warnings' : ''}`}
            >${summary}</span
          >
        </button>
      </h2>
      ${
        errors
          ? html`<p class="alert" role="alert">
              ${`The story file has ${count(errors, 'error')}.`}
            </p>`
          : nothing
      }
      <div id="studio-body" ?hidden=${!this.open}>
        <p class="step">Step <code>${this.stepId || '—'}</code></p>
        <dl class="readout">
          <div>
            <dt>center</dt>
            <dd>${readout?.center ?? '—'}</dd>
          </div>
          <div>
            <dt>zoom</dt>
            <dd>${readout?.zoom ?? '—'}</dd>
          </div>
          <div>
            <dt>bearing</dt>
            <dd>${readout?.bearing ?? '—'}</dd>
          </div>
          <div>
            <dt>pitch</dt>
            <dd>${readout?.pitch ?? '—'}</dd>
          </div>
        </dl>
        <code class="snippet">${snippet ?? '—'}</code>
        <div class="actions">
          <button
            type="button"
            class="primary"
            aria-disabled=${snippet ? 'false' : 'true'}
            @click=${() => this.#copy(snippet)}
          >
            Copy camera
          </button>
          <button
            type="button"
            aria-disabled=${highlighted.length ? 'false' : 'true'}
            title=${highlighted.length ? nothing : 'This step highlights nothing'}
            @click=${() => this.#fit()}
          >
            Fit to highlighted
          </button>
        </div>
        ${
          highlighted.length
            ? html`<p class="fit">
                or frame them:
                <code class="snippet">${fitSnippet(highlighted)}</code>
                <button
                  type="button"
                  class="small"
                  @click=${() => this.#copy(fitSnippet(highlighted))}
                >
                  Copy fit
                </button>
              </p>`
            : nothing
        }
        <p class="status" role="status">${this.status}</p>
        <h3 id="studio-problems">Problems</h3>
        <div class="problems" role="region" aria-labelledby="studio-problems" tabindex="0">
          ${
            problems.length
              ? html`<ul>
                  ${problems.map(
                    (p) =>
                      html`<li class=${p.severity}>
                        <span class="severity"
                          >${p.severity === 'error' ? 'Error' : 'Warning'}</span
                        >
                        <code>${p.text}</code>
                      </li>`,
                  )}
                </ul>`
              : html`<p class="none">No problems</p>`
          }
        </div>
      </div>
    </section>`;
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        /* A corner of the map; <story-map> may place it elsewhere. */
        position: absolute;
        z-index: 3;
        right: var(--studio-right, 12px);
        bottom: var(--studio-bottom, 96px);
        width: min(21rem, calc(100% - 24px));
        font: 13px/1.4 var(--font-text, 'Noto Sans', system-ui, sans-serif);
        color: var(--ink, #1c1917);
        --studio-error: #b91c1c;
        --studio-warning: #92400e;
        --studio-warning-bar: #d97706;
        --mono: ui-monospace, 'Noto Sans Mono', 'DejaVu Sans Mono', monospace;
      }
      section {
        display: grid;
        gap: 6px;
        padding: 6px 10px 8px;
        border-radius: var(--radius-2, 10px);
        background: rgb(255 255 255 / 0.97);
        box-shadow: var(--shadow-2, 0 8px 28px rgb(0 0 0 / 0.18));
      }
      :host(:not([open])) section {
        justify-self: end;
        padding-bottom: 6px;
      }
      :host(:not([open])) {
        width: auto;
      }
      [hidden] {
        display: none !important;
      }
      h2,
      h3,
      p,
      dl,
      dd,
      ul {
        margin: 0;
      }
      h2 {
        font-size: inherit;
      }
      h3 {
        font-size: 12px;
        color: var(--muted, #57534e);
        text-transform: uppercase;
        letter-spacing: 0.04em;
      }
      button {
        min-height: 32px;
        padding: 0.25em 0.7em;
      }
      button[aria-disabled='true'] {
        opacity: 0.45;
        cursor: default;
      }
      button.small {
        min-height: 28px;
        padding: 0.1em 0.5em;
        font-size: 12px;
      }
      .toggle {
        display: flex;
        align-items: center;
        gap: 6px;
        width: 100%;
        padding: 0.2em 0.3em;
        border: 0;
        background: transparent;
        font-weight: 600;
        text-align: left;
      }
      .badge {
        margin-left: auto;
        padding: 0 0.5em;
        border-radius: 999px;
        background: var(--chip, #f1efeb);
        font-weight: 400;
        font-size: 12px;
      }
      .badge.has-errors {
        background: var(--studio-error);
        color: #fff;
      }
      .badge.has-warnings {
        background: #fef3c7;
        color: var(--studio-warning);
      }
      .alert {
        padding: 2px 8px;
        border-left: 4px solid var(--studio-error);
        color: var(--studio-error);
        font-weight: 600;
      }
      #studio-body {
        display: grid;
        gap: 6px;
        max-height: var(--studio-max-height, 55vh);
        overflow: auto;
      }
      code,
      dd {
        font-family: var(--mono);
        font-size: 12px;
      }
      .readout {
        display: grid;
        grid-template-columns: auto 1fr;
        column-gap: 10px;
      }
      .readout div {
        display: contents;
      }
      dt {
        color: var(--muted, #57534e);
      }
      dd {
        /* Every digit the same width, so the readout does not shimmer while the map moves. */
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .snippet {
        display: block;
        padding: 4px 6px;
        border-radius: var(--radius-1, 6px);
        background: var(--paper-tint, #f7f5f1);
        overflow-wrap: anywhere;
        /* One click selects the whole line, for copying by hand when the clipboard fails. */
        user-select: all;
        -webkit-user-select: all;
      }
      .fit {
        display: grid;
        gap: 4px;
        justify-items: start;
        color: var(--muted, #57534e);
        font-size: 12px;
      }
      .fit .snippet {
        justify-self: stretch;
        color: var(--ink, #1c1917);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
      }
      .status:empty {
        display: none;
      }
      .status {
        color: #166534;
        font-weight: 600;
      }
      .problems {
        max-height: 12rem;
        overflow: auto;
        border-radius: var(--radius-1, 6px);
      }
      .problems ul {
        display: grid;
        gap: 4px;
        padding: 0;
        list-style: none;
      }
      .problems li {
        display: grid;
        padding: 2px 6px;
        border-left: 4px solid;
      }
      .problems li.error {
        border-color: var(--studio-error);
        color: var(--studio-error);
      }
      .problems li.warning {
        border-color: var(--studio-warning-bar);
        color: var(--studio-warning);
      }
      .severity {
        font-size: 11px;
        font-weight: 700;
        text-transform: uppercase;
      }
      .problems code {
        white-space: pre-wrap;
        word-break: break-word;
      }
      .none {
        color: #166534;
      }
    `,
  ];
}

customElements.define('studio-panel', StudioPanel);

declare global {
  interface HTMLElementTagNameMap {
    'studio-panel': StudioPanel;
  }
}
