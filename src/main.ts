// Entry point: defines <story-map>, which index.html mounts. The page (not the embeddable
// element) owns the document's language, so screen readers and fonts follow the story's.
import { langTag } from './i18n/strings';
import type { Lang } from './story/schema';
import './app/story-map';
import { startOffline } from './offline/register';

const root = document.querySelector('story-map');
if (root) {
  const follow = () => (document.documentElement.lang = langTag(root.lang as Lang));
  new MutationObserver(follow).observe(root, { attributes: true, attributeFilter: ['lang'] });
  follow();
}
startOffline({ root });
