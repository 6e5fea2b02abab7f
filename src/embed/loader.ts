// dist/story-map.js: the small loader an article page includes with
//   <script type="module" src="…/story-map.js"></script>
// It costs the page this module only (no Lit, no MapLibre, no data) until a <story-map>
// comes within about a screen of the viewport; then it loads the element (MapLibre, the
// worker, the story and its layers follow), which upgrades every <story-map> on the page.
// Until then `customElements.whenDefined('story-map')` is pending: await it (or `load()`)
// before calling the element's methods. Everything it loads is found relative to this
// module's own URL, so the page may be in any folder of the site.
const TAG = 'story-map';
/** About one screen above and below the viewport. */
const NEAR = '100% 0px 100% 0px';

let loading: Promise<void> | undefined;

/** Loads and defines <story-map> now, whether or not one is near the viewport. */
export function load(): Promise<void> {
  loading ??= import('./element').then(() => {
    near?.disconnect();
    added?.disconnect();
  });
  return loading;
}

const near =
  typeof IntersectionObserver === 'function'
    ? new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting)) void load();
        },
        { rootMargin: NEAR },
      )
    : undefined;

function watch(root: ParentNode) {
  if (!near) return void load();
  for (const el of root.querySelectorAll(TAG)) near.observe(el);
}

const added =
  customElements.get(TAG) || typeof MutationObserver !== 'function'
    ? undefined
    : new MutationObserver((records) => {
        for (const r of records)
          for (const node of r.addedNodes)
            if (node instanceof Element) {
              if (node.localName === TAG) near?.observe(node);
              watch(node);
            }
      });

if (!customElements.get(TAG)) {
  added?.observe(document, { childList: true, subtree: true });
  watch(document);
}
