// The loader's one job: define <story-map> (by importing `implementation`) once one comes
// within about a screen of the viewport, or at once when asked. It imports nothing else, so
// the page pays for this module only until then. Elements added later (and inside the
// document, not inside other shadow roots) are watched too.
const TAG = 'story-map';
/** About one screen above and below the viewport. */
const NEAR = '100% 0px 100% 0px';

/** Watches the page and returns `load`, which defines the element now. */
export function lazyDefine(implementation: () => Promise<unknown>): () => Promise<void> {
  let loading: Promise<void> | undefined;
  const watching: { near?: IntersectionObserver; added?: MutationObserver } = {};
  const load = () =>
    (loading ??= implementation().then(() => {
      watching.near?.disconnect();
      watching.added?.disconnect();
    }));
  if (customElements.get(TAG)) return load;
  if (typeof IntersectionObserver !== 'function') {
    void load();
    return load;
  }
  const seen = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) void load();
    },
    { rootMargin: NEAR },
  );
  watching.near = seen;
  const watch = (root: ParentNode) => {
    for (const el of root.querySelectorAll(TAG)) seen.observe(el);
  };
  const added = new MutationObserver((records) => {
    for (const r of records)
      for (const node of r.addedNodes)
        if (node instanceof Element) {
          if (node.localName === TAG) seen.observe(node);
          watch(node);
        }
  });
  watching.added = added;
  added.observe(document, { childList: true, subtree: true });
  watch(document);
  return load;
}
