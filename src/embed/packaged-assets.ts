// The package's own files, listed for the consumer's bundler: `virtual:story-map-assets` is
// written by scripts/vite-packaged-assets.ts at the package's build (one
// `new URL('…', import.meta.url)` per file under public/basemap and public/fonts).
import files from 'virtual:story-map-assets';
import { registerAssetFiles } from './asset-url';

registerAssetFiles(files);
