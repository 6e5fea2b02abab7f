// How this project runs Chromium headless: SwiftShader WebGL and no background traffic (the
// machines have no network). Shared by the e2e tests, the kiosk and the benchmark.
import { findBrowser, isExecutableFile, readRecord, realSystem } from './ensure-browser.ts';

export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

// What the project used before scripts/ensure-browser.ts; returned only when nothing else is
// known, so that the failure is Playwright's familiar "executable doesn't exist".
const LEGACY_DEFAULT = '/usr/bin/chromium';

let resolved: string | undefined;

/**
 * The browser every consumer launches: CHROMIUM_PATH, else the one scripts/ensure-browser.ts
 * recorded, else a synchronous search (no install). Run ensure-browser first to install one.
 */
export function chromiumPath(): string {
  const configured = process.env.CHROMIUM_PATH?.trim();
  if (configured) return configured;
  if (resolved) return resolved;
  const recorded = readRecord()?.path;
  if (recorded && isExecutableFile(recorded)) return (resolved = recorded);
  const search = findBrowser(realSystem());
  return (resolved = search.kind === 'found' ? search.browser.path : LEGACY_DEFAULT);
}
