// The typed events UI components send up to <story-map>. All bubble and cross shadow roots.

export interface StoryNavDetail {
  action: 'next' | 'prev' | 'explore' | 'resume' | 'about' | 'lang';
}
export interface StoryJumpDetail {
  index: number;
}

declare global {
  interface HTMLElementEventMap {
    'story-nav': CustomEvent<StoryNavDetail>;
    'story-jump': CustomEvent<StoryJumpDetail>;
  }
}

export function emit<T>(from: EventTarget, type: string, detail: T): boolean {
  return from.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
}
