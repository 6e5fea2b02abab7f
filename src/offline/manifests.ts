// The web app manifests, as data (vite.config.ts writes them into the build).
//
// A manifest has one start_url, and the app has two kinds of install:
// - a reader's (`manifest.webmanifest`, linked from index.html): the story in a window of its
//   own, `display: standalone`, starting at the story;
// - an exhibition's (`manifest-kiosk.webmanifest`, linked instead while the page is a kiosk,
//   see register.ts): `display: fullscreen`, starting in kiosk mode, so an installed exhibit
//   opens as the exhibit with no browser frame.
// Their ids differ, so one machine can hold both. URLs are relative to the manifest file,
// which sits at the root of the build, so the app installs from any sub-folder.

/** The app's palette: the header ink (and the icon's ground) and the basemap's land. */
export const THEME_COLOR = '#1c1917';
export const BACKGROUND_COLOR = '#f5f2eb';

export const KIOSK_MANIFEST_FILE = 'manifest-kiosk.webmanifest';
export const READER_MANIFEST_FILE = 'manifest.webmanifest';

export interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: 'any' | 'maskable';
}

/** Made by scripts/build-icons.ts from public/favicon.svg. */
export const ICONS: ManifestIcon[] = [
  { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
  { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
  { src: 'icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
  { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
];

const common = {
  name: 'Zhongguancun Map Story · 中关村地图故事',
  description:
    "How Beijing's Zhongguancun became China's Silicon Valley, 1979–2022, as a map journey. " +
    '北京中关村如何成为“中国硅谷”：1979—2022年的地图之旅。',
  lang: 'en',
  dir: 'ltr',
  scope: './',
  theme_color: THEME_COLOR,
  background_color: BACKGROUND_COLOR,
  icons: ICONS,
  categories: ['education', 'news'],
} as const;

export const READER_MANIFEST = {
  ...common,
  id: './',
  short_name: 'ZGC 中关村',
  start_url: './',
  display: 'standalone',
  orientation: 'any',
} as const;

export const KIOSK_MANIFEST = {
  ...common,
  id: './?mode=kiosk',
  name: 'Zhongguancun Map Story · 中关村地图故事 (kiosk)',
  short_name: '中关村 Kiosk',
  start_url: './?mode=kiosk',
  display: 'fullscreen',
  orientation: 'any',
} as const;
