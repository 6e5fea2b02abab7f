// The page's offline set-up, called once from main.ts: registers the service worker (in a
// production build only: the dev server has none) and links the exhibition's manifest while
// the page is a kiosk, so "Install" on a kiosk gives a full-screen exhibit.
import { KIOSK_MANIFEST_FILE, READER_MANIFEST_FILE } from './manifests';
import { serviceWorkerLink, type ContainerLike } from './sw-link';

export interface StartOfflineOptions {
  /** The app's root element: its `mode` attribute picks the manifest. */
  root?: Element | null;
  /** Register even in a dev build (tests only). */
  force?: boolean;
}

/** The manifest for a mode: the exhibition's in kiosk mode, the reader's otherwise. */
export function manifestFor(mode: string | null): string {
  return mode === 'kiosk' ? KIOSK_MANIFEST_FILE : READER_MANIFEST_FILE;
}

function followManifest(root: Element) {
  const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
  if (!link) return;
  const follow = () => {
    const href = `./${manifestFor(root.getAttribute('mode'))}`;
    if (link.getAttribute('href') !== href) link.setAttribute('href', href);
  };
  new MutationObserver(follow).observe(root, { attributes: true, attributeFilter: ['mode'] });
  follow();
}

export function startOffline({ root, force = false }: StartOfflineOptions = {}): void {
  // Absent outside a secure context (plain http on another host than localhost).
  const container: ContainerLike | undefined =
    'serviceWorker' in navigator ? navigator.serviceWorker : undefined;
  if (!import.meta.env.PROD && !force) {
    // The dev server has no worker; one left on this origin by a production build served
    // here before would answer with that build's files instead of the sources.
    void navigator.serviceWorker
      ?.getRegistrations()
      .then((all) => all.forEach((r) => void r.unregister()));
    return;
  }
  if (root) followManifest(root);
  const url = new URL(`${import.meta.env.BASE_URL}sw.js`, location.href).href;
  const register = () => void serviceWorkerLink.start(url, container);
  // After the page's own load, so the precache download does not compete with the first step.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
