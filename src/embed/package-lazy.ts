// The package's `/lazy` entry: the same small loader as dist/story-map.js, for a consumer's
// bundle. <story-map> is defined when one comes within about a screen of the viewport (or
// when `load()` is called); the element's code is a chunk of its own in the consumer's build.
import { lazyDefine } from './lazy-define';

/** Loads and defines <story-map> now; resolves with its class. */
export const load: () => Promise<void> = lazyDefine(() => import('./package'));
