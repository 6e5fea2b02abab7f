// The scroll mode's reading position, as a Lit reactive controller. While the element is in
// scroll mode it listens (passively) to the scroll and resize of the window its document
// lives in (the iframe's own, inside an iframe) and to the size of the text column, and on
// each frame works out the active step and the progress to the next from the blocks' boxes
// (src/story/scroll-position.ts): a new active step becomes a `go`, the progress moves the
// camera along the flight's path. Nothing accumulates between frames, so a jump, a fling, a
// reload or a resize always lands on the right step. It also moves the page to a step's block
// when a key, the timeline or goTo() asks for a step.
import type { ReactiveController } from 'lit';
import type { AppState } from './app-state';
import type { Shell, StateListener } from './shell';
import type { ScrollReader } from '../ui/scroll-reader';
import {
  scrollDeltaTo,
  scrollPosition,
  yearBetween,
  type ScrollPosition,
} from '../story/scroll-position';

/** The map part-way from step `index` to the next (progress 0: the step itself). */
export type Scrub = (index: number, progress: number) => void;

export class ScrollController implements ReactiveController, StateListener {
  /** Where the reader is; undefined outside scroll mode. */
  position: ScrollPosition | undefined;
  /** The reader's own choice of whole steps (the reduced-motion preference also makes them whole). */
  wholeSteps = false;
  #win: Window | undefined;
  #frame = 0;
  /** Scroll events come once a frame: the first of a frame is acted on at once (no frame's delay). */
  #handledThisFrame = false;
  #resize = new ResizeObserver(() => this.#schedule());
  #observed: Element | undefined;
  #reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  /** A block to bring to the reading line once the blocks are laid out (a deep link). */
  #pendingScrollTo: number | undefined;

  constructor(
    private readonly shell: Shell,
    private readonly scrub: Scrub,
  ) {
    shell.host.addController(this);
    shell.listen(this);
  }

  stateChanged(prev: AppState, next: AppState) {
    // A step arrived (perhaps after its layers came in): put the camera back where the
    // reader's progress says.
    if (next.settled !== prev.settled) this.position = undefined;
  }

  get active(): boolean {
    const state = this.shell.state();
    return state.phase.name === 'scroll' && state.load === 'ready' && !state.noMap;
  }

  /** Steps switch whole: no camera moves with the scroll. */
  get whole(): boolean {
    return this.wholeSteps || this.#reducedMotion.matches;
  }

  /** The year the timeline shows: between two steps' years as the reader moves between them. */
  get year(): number | undefined {
    const p = this.position;
    const years = (this.shell.state().data?.story.steps ?? []).map((s) => s.year);
    if (!p || p.index < 0 || years[p.index] === undefined) return undefined;
    const next = years[p.index + 1];
    return next === undefined || this.whole
      ? years[p.index]
      : yearBetween(years[p.index]!, next, p.progress);
  }

  hostUpdated() {
    if (this.active) {
      this.#listen();
      // New blocks (a story, a language) may have moved everything: measure again.
      const reader = this.#reader();
      if (reader !== this.#observed) {
        if (this.#observed) this.#resize.unobserve(this.#observed);
        if (reader) this.#resize.observe(reader);
        this.#observed = reader;
      }
      this.#schedule();
    } else this.#stop();
  }

  hostDisconnected() {
    this.#stop();
  }

  setWholeSteps(whole: boolean) {
    this.wholeSteps = whole;
    this.position = undefined;
    this.shell.host.requestUpdate();
  }

  /** Opens on step `index`'s block once the blocks are there (a deep link with sync-url). */
  openAt(index: number) {
    this.#pendingScrollTo = index;
  }

  /**
   * In scroll mode the page's position is the step: a step asked for by a key, the timeline
   * or goTo() scrolls the page to its block, and the scroll then makes it the active step.
   * True when it did so.
   */
  scrollToStep(index: number): boolean {
    if (!this.active) return false;
    const block = this.#reader()?.block(index);
    const win = this.#win ?? this.shell.host.ownerDocument.defaultView;
    if (!block || !win) return false;
    const delta = scrollDeltaTo(block.getBoundingClientRect(), win.innerHeight);
    win.scrollBy({ top: delta, behavior: this.#reducedMotion.matches ? 'instant' : 'smooth' });
    return true;
  }

  #reader(): ScrollReader | undefined {
    return this.shell.host.renderRoot.querySelector('scroll-reader') ?? undefined;
  }

  #listen() {
    if (this.#win) return;
    const win = this.shell.host.ownerDocument.defaultView;
    if (!win) return;
    this.#win = win;
    win.addEventListener('scroll', this.#onScroll, { passive: true });
    win.addEventListener('resize', this.#schedule, { passive: true });
    this.#reducedMotion.addEventListener('change', this.#schedule);
  }

  #stop() {
    const win = this.#win;
    if (win) {
      win.removeEventListener('scroll', this.#onScroll);
      win.removeEventListener('resize', this.#schedule);
      this.#reducedMotion.removeEventListener('change', this.#schedule);
      win.cancelAnimationFrame(this.#frame);
    }
    this.#win = undefined;
    this.#frame = 0;
    this.#resize.disconnect();
    this.#observed = undefined;
    this.position = undefined;
  }

  #onScroll = () => {
    if (this.#handledThisFrame) {
      this.#schedule();
      return;
    }
    this.#handledThisFrame = true;
    this.#update();
    this.#win?.requestAnimationFrame(() => (this.#handledThisFrame = false));
  };

  #schedule = () => {
    const win = this.#win;
    if (!win || this.#frame) return;
    this.#frame = win.requestAnimationFrame(() => {
      this.#frame = 0;
      this.#update();
    });
  };

  #update() {
    const reader = this.#reader();
    const win = this.#win;
    if (!reader || !win || !this.active) return;
    const boxes = reader.blockBoxes();
    if (!boxes.length) return;
    const pending = this.#pendingScrollTo;
    if (pending !== undefined) {
      this.#pendingScrollTo = undefined;
      const box = boxes[pending];
      if (box) {
        win.scrollBy({ top: scrollDeltaTo(box, win.innerHeight), behavior: 'instant' });
        return; // the scroll event that follows measures the new position
      }
    }
    const position = scrollPosition({ blocks: boxes, viewportHeight: win.innerHeight });
    const before = this.position;
    const yearBefore = this.year;
    this.position = position;
    if (position.index !== this.shell.state().step)
      this.shell.dispatch({ type: 'go', to: position.index, scrolled: true });
    if (position.index !== before?.index || position.progress !== before.progress)
      this.scrub(position.index, this.whole ? 0 : position.progress);
    // The timeline's year follows; the rest of the element re-renders only when it changes.
    if (this.year !== yearBefore) this.shell.host.requestUpdate();
  }
}
