// <kiosk-status>: the technician's view of a kiosk (`?mode=kiosk&status`): version, uptime,
// the service worker and what its caches hold, and the last resets, reloads, errors and
// updates from the kiosk log. A small panel in a corner, for reading only: it takes no input
// (pointer-events: none) so the exhibit under it works as usual, and it is not a live region.
//
// Properties: snapshot (StatusSnapshot from the update controller)
// Events:     none
import { LitElement, css, html, nothing } from 'lit';
import type { StatusSnapshot } from '../offline/update-controller';
import type { KioskLogEntry } from '../kiosk/kiosk-log';
import { describeWorker, formatBytes, formatDuration, formatTime } from '../offline/format';

export class KioskStatus extends LitElement {
  static override properties = {
    snapshot: { attribute: false },
    now: { state: true },
  };

  declare snapshot: StatusSnapshot | undefined;
  declare now: number;
  #tick: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.snapshot = undefined;
    this.now = Date.now();
  }

  override connectedCallback() {
    super.connectedCallback();
    // Only the uptime moves by itself; the rest changes when the controller says so.
    this.#tick = setInterval(() => (this.now = Date.now()), 1000);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.#tick);
  }

  #entries(label: string, entries: KioskLogEntry[], total?: number, showKind = false) {
    return html`<dt>
        ${label}${total !== undefined ? html` <span class="n">${total}</span>` : nothing}
      </dt>
      <dd>
        ${
          entries.length
            ? html`<ul>
                ${entries.map(
                  (e) =>
                    html`<li>
                      <time>${formatTime(e.t, this.now)}</time>
                      ${showKind ? html`<b>${e.kind}</b>` : nothing} ${e.detail ?? ''}
                    </li>`,
                )}
              </ul>`
            : html`<span class="none">none</span>`
        }
      </dd>`;
  }

  override render() {
    const s = this.snapshot;
    if (!s) return nothing;
    const w = s.worker;
    return html`<section aria-label="Kiosk status" lang="en">
      <h2>Kiosk status</h2>
      <dl>
        <dt>Version</dt>
        <dd>${s.build}</dd>
        <dt>Uptime</dt>
        <dd>
          ${formatDuration(this.now - s.startedAt)}
          <span class="muted">since ${formatTime(s.startedAt, this.now)}</span>
        </dd>
        <dt>Phase</dt>
        <dd>${s.phase}</dd>
        <dt>Worker</dt>
        <dd>
          ${describeWorker(w)}
          ${
            w.lastCheck
              ? html`<br /><span class="muted"
                    >checked
                    ${formatTime(w.lastCheck, this.now)}${
                      w.lastCheckError ? `: ${w.lastCheckError}` : ''
                    }</span
                  >`
              : nothing
          }
        </dd>
        <dt>Cache</dt>
        <dd>
          ${
            s.cache
              ? html`precache ${s.cache.precache.entries} files,
                ${formatBytes(s.cache.precache.bytes)}
                ${s.cache.caches
                  .filter((c) => !c.name.includes('precache'))
                  .map(
                    (c) =>
                      html`<br /><span class="muted"
                          >${c.name}: ${c.entries} files, ${formatBytes(c.bytes)}</span
                        >`,
                  )}`
              : html`<span class="none">no caches</span>`
          }
        </dd>
        ${this.#entries('Resets', s.resets, s.counts.resets)}
        ${this.#entries('Starts', s.starts, s.counts.starts)}
        ${this.#entries('Reloads', s.reloads, s.counts.reloads)}
        ${this.#entries('Errors', s.errors, s.counts.errors)}
        ${this.#entries('Updates', s.updates, undefined, true)}
      </dl>
    </section>`;
  }

  static override styles = css`
    :host {
      position: absolute;
      z-index: 6;
      top: 8px;
      right: 8px;
      width: min(420px, calc(100% - 16px));
      max-height: calc(100% - 16px);
      overflow: hidden;
      pointer-events: none;
      font:
        12px/1.4 ui-monospace,
        'Noto Sans Mono',
        'DejaVu Sans Mono',
        monospace;
    }
    section {
      padding: 8px 10px;
      border-radius: 6px;
      background: rgb(28 25 23 / 0.88);
      color: #ffffff;
    }
    h2 {
      margin: 0 0 4px;
      font-size: 12px;
      text-transform: uppercase;
      letter-spacing: 0.06em;
      color: #fca5a5;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 2px 10px;
      margin: 0;
    }
    dt {
      color: #d6d3d1;
    }
    dd {
      margin: 0;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .muted,
    .none,
    time {
      color: #a8a29e;
    }
    .n {
      color: #ffffff;
    }
  `;
}

customElements.define('kiosk-status', KioskStatus);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-status': KioskStatus;
  }
}
