// dist/story-map.js: the small loader an article page includes with
//   <script type="module" src="…/story-map.js"></script>
// It costs the page this module only (no Lit, no MapLibre, no data) until a <story-map>
// comes within about a screen of the viewport; then it loads the element (MapLibre, the
// worker, the story and its layers follow), which upgrades every <story-map> on the page.
// Until then `customElements.whenDefined('story-map')` is pending: await it (or `load()`)
// before calling the element's methods. Everything it loads is found relative to this
// module's own URL, so the page may be in any folder of the site. docs/EMBEDDING.md.
import { lazyDefine } from './lazy-define';

/** Loads and defines <story-map> now, whether or not one is near the viewport. */
export const load: () => Promise<void> = lazyDefine(() => import('./element'));
