// The story UI's footprint over the map, as a Lit reactive controller: how much of the map
// the header, card, sheet and timeline cover (the camera's insets, so a step's subject stays
// in view), and the timeline's height for MapLibre's bottom controls.
import type { LitElement, ReactiveController } from 'lit';
import type { Insets } from '../map/map-controller';

export interface LayoutHost extends LitElement {
  /** True while the explore panel, not the step card, is on screen. */
  readonly exploringNow: boolean;
}

export class LayoutController implements ReactiveController {
  #observed: Element | null = null;
  #timelineObserver = new ResizeObserver(([entry]) => {
    const height = entry?.target.isConnected ? (entry.target as HTMLElement).offsetHeight : 0;
    this.host.style.setProperty('--map-bottom-controls', `${height}px`);
  });

  constructor(private readonly host: LayoutHost) {
    host.addController(this);
  }

  hostUpdated() {
    const timeline = this.host.renderRoot.querySelector('timeline-bar');
    if (timeline === this.#observed) return;
    if (this.#observed) this.#timelineObserver.unobserve(this.#observed);
    this.#observed = timeline;
    if (timeline) this.#timelineObserver.observe(timeline);
    else this.host.style.setProperty('--map-bottom-controls', '0px');
  }

  hostDisconnected() {
    this.#timelineObserver.disconnect();
    this.#observed = null;
  }

  #parts(): LitElement[] {
    const tags = this.host.exploringNow ? ['explore-panel'] : ['step-card', 'timeline-bar'];
    return tags.flatMap((tag) => {
      const el = this.host.renderRoot.querySelector<LitElement>(tag);
      return el ? [el] : [];
    });
  }

  /** The story UI is on screen and rendered, so its sizes can be measured. */
  get ready(): boolean {
    const parts = this.#parts();
    return (
      !this.host.isUpdatePending &&
      parts.length > 0 &&
      parts.every((el) => el.hasUpdated && !el.isUpdatePending)
    );
  }

  /** Resolves once the host and the parts it shows have rendered. */
  async whenReady(): Promise<void> {
    await this.host.updateComplete;
    await Promise.all(this.#parts().map((el) => el.updateComplete));
  }

  /**
   * Space the story UI takes over the map. It comes from the layout's fixed sizes (the
   * card's width, the sheet's maximum height), never from the current text, so a step frames
   * the same whichever step came before.
   */
  insets(): Insets {
    const root = this.host.renderRoot;
    const host = this.host.getBoundingClientRect();
    const cardEl = root.querySelector<HTMLElement>(this.host.exploringNow ? '.explore' : '.card');
    const card = cardEl?.getBoundingClientRect();
    const timeline = root.querySelector('timeline-bar')?.getBoundingClientRect();
    const header = root.querySelector('story-header')?.getBoundingClientRect();
    const insets = { top: header?.height ?? 0, bottom: timeline?.height ?? 0, left: 0, right: 0 };
    if (cardEl && card && card.width > 0) {
      // The breakpoints live in the styles only: they tell which layout is on screen.
      const style = getComputedStyle(cardEl);
      if (style.getPropertyValue('--card-layout').trim() === 'sheet')
        insets.bottom += host.height * Number(style.getPropertyValue('--sheet-max') || 0.42);
      else insets.left = card.right - host.left;
    }
    // Never squeeze the map below a usable size.
    insets.left = Math.min(insets.left, host.width * 0.6);
    insets.bottom = Math.min(insets.bottom, host.height * 0.6);
    return insets;
  }
}
