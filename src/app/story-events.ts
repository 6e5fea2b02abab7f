// The public events of <story-map> (DESIGN.md's contract): embedders and tests listen to
// them. All bubble and cross shadow roots.

export interface StepEventDetail {
  index: number;
  id: string;
}

export interface StoryMapEventMap {
  'story-ready': { steps: number };
  'step-change': StepEventDetail;
  'step-settled': StepEventDetail;
  'story-error': { messages: string[] };
}

type StoryMapEvents = { [K in keyof StoryMapEventMap]: CustomEvent<StoryMapEventMap[K]> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends StoryMapEvents {}
}

export function emitPublic<K extends keyof StoryMapEventMap>(
  from: EventTarget,
  type: K,
  detail: StoryMapEventMap[K],
) {
  from.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
