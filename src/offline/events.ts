// The one event of the offline parts: <update-note> sends it up when the reader closes the
// note; the update controller listens on <story-map>. Bubbles and crosses shadow roots, like
// every ui- event (its type belongs in src/ui/events.ts's UiEventMap).
export const NOTE_DISMISS_EVENT = 'ui-update-note-dismiss';

export function emitNoteDismiss(from: EventTarget): void {
  from.dispatchEvent(new CustomEvent(NOTE_DISMISS_EVENT, { bubbles: true, composed: true }));
}
