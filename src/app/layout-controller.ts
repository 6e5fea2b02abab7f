// The story UI's footprint over the map, as a Lit reactive controller: how much of the map
// the header, card, sheet, panels and timeline cover (the camera's insets, so a step's
// subject stays in view), and the band at the map's foot that MapLibre's own controls must
// sit above. It measures what overlaps the map, so it needs no breakpoints of its own: the
// layouts live in story-map.styles.ts only.
import type { LitElement, ReactiveController } from 'lit';
import type { Insets } from '../map/map-controller';

/** What covers the map, from the edges inwards, given the map's and the overlays' boxes. */
export function coveredInsets(
  map: DOMRectReadOnly,
  overlays: readonly { rect: DOMRectReadOnly; sheet?: number }[],
): Insets {
  const insets = { top: 0, bottom: 0, left: 0, right: 0 };
  for (const { rect, sheet } of overlays) {
    const left = Math.max(map.left, rect.left);
    const right = Math.min(map.right, rect.right);
    const top = Math.max(map.top, rect.top);
    const bottom = Math.min(map.bottom, rect.bottom);
    if (right - left < 1 || bottom - top < 1) continue;
    if (right - left >= map.width * 0.9) {
      // A band across the map: the header at the top, a sheet or the timeline at the foot.
      if (top - map.top < map.bottom - bottom) insets.top = Math.max(insets.top, bottom - map.top);
      else {
        // A sheet counts as folded, whatever the reader did with it, so every step frames
        // the same way.
        const from = sheet !== undefined ? Math.max(top, bottom - sheet * map.height) : top;
        insets.bottom = Math.max(insets.bottom, map.bottom - from);
      }
    } else if (left - map.left <= map.right - right)
      insets.left = Math.max(insets.left, right - map.left);
    else insets.right = Math.max(insets.right, map.right - left);
  }
  // Never squeeze the map below a usable size.
  insets.left = Math.min(insets.left, map.width * 0.6);
  insets.right = Math.min(insets.right, map.width * 0.6);
  insets.bottom = Math.min(insets.bottom, map.height * 0.65);
  return insets;
}

export class LayoutController implements ReactiveController {
  #observed = new Set<HTMLElement>();
  #resize = new ResizeObserver(() => this.#placeMapControls());

  constructor(private readonly host: LitElement) {
    host.addController(this);
  }

  hostUpdated() {
    const parts = this.#overlayElements();
    for (const el of this.#observed)
      if (!parts.includes(el)) {
        this.#resize.unobserve(el);
        this.#observed.delete(el);
      }
    for (const el of parts)
      if (!this.#observed.has(el)) {
        this.#resize.observe(el);
        this.#observed.add(el);
      }
    this.#placeMapControls();
  }

  hostDisconnected() {
    this.#resize.disconnect();
    this.#observed.clear();
  }

  /** The parts whose size the insets depend on: the step card and timeline, or the explore panel. */
  #parts(): LitElement[] {
    return ['step-card', 'scroll-reader', 'timeline-bar', 'explore-panel'].flatMap((tag) => {
      const el = this.host.renderRoot.querySelector<LitElement>(tag);
      return el ? [el] : [];
    });
  }

  /** The printed handout: nothing covers the map it pictures. */
  #printing(): boolean {
    return this.host.renderRoot.querySelector('print-view') !== null;
  }

  #overlayElements(): HTMLElement[] {
    const root = this.host.renderRoot;
    const kiosk = root.querySelector('kiosk-overlay')?.shadowRoot;
    return [
      ...['story-header', '.card', '.explore', 'timeline-bar'].map((sel) =>
        root.querySelector<HTMLElement>(sel),
      ),
      // The hand-off code's card, in the map's corner.
      kiosk?.querySelector<HTMLElement>('.qr-corner') ?? null,
      // A scroll reader's text column covers the map's side; its cards on a phone pass over it.
      root.querySelector<HTMLElement>('scroll-reader') ?? null,
    ].filter(
      (el): el is HTMLElement =>
        el !== null &&
        (el.localName !== 'scroll-reader' ||
          getComputedStyle(el).getPropertyValue('--card-layout').trim() === 'side'),
    );
  }

  /** The story UI is on screen and rendered, so its sizes can be measured. */
  get ready(): boolean {
    const parts = this.#parts();
    return (
      !this.host.isUpdatePending &&
      (parts.length > 0 || this.#printing()) &&
      parts.every((el) => el.hasUpdated && !el.isUpdatePending)
    );
  }

  /** Resolves once the host and the parts it shows have rendered. */
  async whenReady(): Promise<void> {
    await this.host.updateComplete;
    await Promise.all(this.#parts().map((el) => el.updateComplete));
  }

  /**
   * Space the story UI takes over the map. It comes from the layout's boxes, which do not
   * depend on the step's text (the card is as tall as its column; a sheet counts folded), so
   * a step frames the same whichever step came before. On a narrow screen MapLibre's credits
   * line spans the map's foot above the sheet: the camera keeps the subject clear of it too.
   */
  insets(): Insets {
    const map = this.#mapBox();
    if (!map) return { top: 0, bottom: 0, left: 0, right: 0 };
    const covered = this.#covered(map);
    return { ...covered, bottom: covered.bottom + this.#creditsBand(map) };
  }

  #covered(map: DOMRect): Insets {
    return coveredInsets(
      map,
      this.#overlayElements().map((el) => {
        const style = getComputedStyle(el);
        const sheet =
          style.getPropertyValue('--card-layout').trim() === 'sheet'
            ? Number(style.getPropertyValue('--sheet-max')) || 0.4
            : undefined;
        return { rect: el.getBoundingClientRect(), ...(sheet !== undefined ? { sheet } : {}) };
      }),
    );
  }

  #mapBox(): DOMRect | undefined {
    return this.host.renderRoot.querySelector('#map')?.getBoundingClientRect();
  }

  /** The height of MapLibre's bottom controls when they run across most of the map. */
  #creditsBand(map: DOMRect): number {
    const controls = this.host.renderRoot
      .querySelector('.maplibregl-ctrl-bottom-right')
      ?.getBoundingClientRect();
    if (!controls || controls.width < map.width * 0.6) return 0;
    return controls.height;
  }

  /** MapLibre's attribution and controls sit above whatever covers the map's foot. */
  #placeMapControls() {
    // What the UI covers, without the credits themselves: they sit on top of it.
    const map = this.host.isConnected ? this.#mapBox() : undefined;
    const bottom = map ? this.#covered(map).bottom : 0;
    this.host.style.setProperty('--map-bottom-controls', `${Math.round(bottom)}px`);
  }
}
