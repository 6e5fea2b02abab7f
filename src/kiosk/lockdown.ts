// Kiosk lockdown: nothing a visitor can break out of. No context menu, no text selection or
// dragging, no page zoom or overscroll (map gestures still work), no navigation away, and
// the cursor hides when nobody moves the mouse. Returns the function that undoes it all.

const CURSOR_HIDE_MS = 3000;

export function applyLockdown(doc: Document = document): () => void {
  const root = doc.documentElement;
  const prevent = (e: Event) => e.preventDefault();
  const onWheel = (e: WheelEvent) => {
    if (e.ctrlKey) e.preventDefault(); // ctrl+wheel and trackpad pinch zoom the page
  };
  const onKey = (e: KeyboardEvent) => {
    const zoomKey = (e.ctrlKey || e.metaKey) && ['+', '-', '=', '0'].includes(e.key);
    const escapeKey =
      e.key === 'F5' ||
      e.key === 'F11' ||
      e.key === 'F12' ||
      ((e.ctrlKey || e.metaKey) &&
        ['r', 'p', 's', 'o', 'w', 'n', 't', 'l'].includes(e.key.toLowerCase()));
    if (zoomKey || escapeKey || (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')))
      e.preventDefault();
  };
  const onClick = (e: MouseEvent) => {
    // Story text renders links as plain text in kiosk mode; this catches any other anchor.
    if (e.composedPath().some((t) => t instanceof HTMLAnchorElement && t.href)) e.preventDefault();
  };
  let cursorTimer: ReturnType<typeof setTimeout> | undefined;
  const onMouseMove = () => {
    root.classList.remove('kiosk-cursor-hidden');
    clearTimeout(cursorTimer);
    cursorTimer = setTimeout(() => root.classList.add('kiosk-cursor-hidden'), CURSOR_HIDE_MS);
  };
  const listeners: [string, EventListener, AddEventListenerOptions][] = [
    ['contextmenu', prevent, { capture: true }],
    ['selectstart', prevent, { capture: true }],
    ['dragstart', prevent, { capture: true }],
    ['gesturestart', prevent, { capture: true }],
    ['wheel', onWheel as EventListener, { capture: true, passive: false }],
    ['keydown', onKey as EventListener, { capture: true }],
    ['click', onClick as EventListener, { capture: true }],
    ['mousemove', onMouseMove, { capture: true, passive: true }],
  ];
  for (const [type, fn, opts] of listeners) doc.addEventListener(type, fn, opts);
  root.classList.add('kiosk', 'kiosk-cursor-hidden');

  // Page pinch-zoom is also refused at the viewport level.
  const viewport = doc.querySelector<HTMLMetaElement>('meta[name="viewport"]');
  const previousViewport = viewport?.content;
  if (viewport)
    viewport.content = 'width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no';

  return () => {
    for (const [type, fn, opts] of listeners) doc.removeEventListener(type, fn, opts);
    clearTimeout(cursorTimer);
    root.classList.remove('kiosk', 'kiosk-cursor-hidden');
    if (viewport && previousViewport !== undefined) viewport.content = previousViewport;
  };
}
