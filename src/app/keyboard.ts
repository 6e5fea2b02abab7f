// Which key does what in a story: arrows and a presenter clicker's PageUp/PageDown step,
// Home/End jump to the ends. Pure, so it can be tested without a browser.

export type KeyAction = 'next' | 'prev' | 'first' | 'last';

export function keyAction(
  e: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
): KeyAction | undefined {
  if (e.altKey || e.ctrlKey || e.metaKey) return undefined;
  switch (e.key) {
    case 'ArrowRight':
    case 'PageDown':
      return 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'prev';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    default:
      return undefined;
  }
}

/** Keys typed into a form field or used by the map (arrows pan it) are not story keys. */
export function isOwnedByControl(path: readonly EventTarget[]): boolean {
  return path.some(
    (t) =>
      t instanceof HTMLElement &&
      (t.isContentEditable ||
        ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) ||
        t.classList.contains('maplibregl-canvas-container') ||
        t.classList.contains('maplibregl-canvas')),
  );
}
