// `npm run kiosk`: builds the app, serves it on this machine and opens Chromium full-screen
// in kiosk mode on it. Exhibition settings come from environment variables:
//   KIOSK_LANG=en|zh   KIOSK_IDLE=60   KIOSK_DWELL=(derived)   KIOSK_STORY=(default story)
//   KIOSK_HANDOFF=https://museum.example/zgc/  (the public address phones continue on)
//   KIOSK_PROFILE=~/.cache/zgc-story-kiosk     (the browser profile: it keeps the offline copy)
//   PORT=4173          CHROMIUM_PATH=(the browser scripts/ensure-browser.ts found)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath } from './chromium-flags.ts';

const port = Number(process.env.PORT ?? 4173);
const params = new URLSearchParams({ mode: 'kiosk' });
if (process.env.KIOSK_LANG) params.set('lang', process.env.KIOSK_LANG);
if (process.env.KIOSK_IDLE) params.set('idle', process.env.KIOSK_IDLE);
if (process.env.KIOSK_DWELL) params.set('dwell', process.env.KIOSK_DWELL);
if (process.env.KIOSK_STORY) params.set('story', process.env.KIOSK_STORY);
if (process.env.KIOSK_HANDOFF) params.set('handoff', process.env.KIOSK_HANDOFF);
const url = `http://127.0.0.1:${port}/?${params}`;

const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn(
  'npx',
  ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
  {
    stdio: 'inherit',
  },
);
const stop = () => server.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not start on port ${port}`);
}

await waitForServer();
const chromium = chromiumPath();
if (!existsSync(chromium)) {
  console.log(
    `Kiosk served at ${url}\nChromium was not found at ${chromium}; open that address in a browser's kiosk mode.`,
  );
} else {
  // The same profile every time: the service worker's offline copy lives in it, so after a
  // power cut the exhibit starts even before its server is up.
  const profile = process.env.KIOSK_PROFILE ?? join(homedir(), '.cache', 'zgc-story-kiosk');
  mkdirSync(profile, { recursive: true });
  const browser = spawn(
    chromium,
    [
      '--kiosk',
      `--app=${url}`,
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--noerrdialogs',
      '--disable-infobars',
      '--disable-session-crashed-bubble',
      '--disable-translate',
      '--disable-features=Translate,TouchpadOverscrollHistoryNavigation',
      '--overscroll-history-navigation=0',
      '--disable-pinch',
      '--disable-background-networking',
      '--disable-component-update',
      '--autoplay-policy=no-user-gesture-required',
    ],
    { stdio: 'inherit' },
  );
  browser.on('exit', stop);
  console.log(`Kiosk running at ${url} (close the browser or press Ctrl+C to stop)`);
}
