// What the service worker precaches, when the build has one (sw.js with Workbox's list):
// the bytes a kiosk holds to start offline. No browser needed.
//
//   npx tsx bench/precache.ts
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gz, isMain, kB, runStandalone, type BenchContext, type Section } from './harness.ts';

/**
 * What a service worker precaches, when the build has one (sw.js with Workbox's manifest):
 * the bytes a kiosk holds to start offline.
 */
export function precacheFigures(siteDir: string) {
  const sw = join(siteDir, 'sw.js');
  if (!existsSync(sw)) return undefined;
  const urls = [
    ...new Set(
      [...readFileSync(sw, 'utf8').matchAll(/["']?url["']?\s*:\s*["']([^"']+)["']/g)].map(
        (m) => m[1]!,
      ),
    ),
  ];
  let raw = 0;
  let gzip = 0;
  let missing = 0;
  for (const url of urls) {
    const file = join(siteDir, decodeURIComponent(url.split(/[?#]/)[0]!));
    if (!existsSync(file)) {
      missing += 1;
      continue;
    }
    const body = readFileSync(file);
    raw += body.length;
    gzip += gz(body);
  }
  return { files: urls.length, missing, raw, gzip };
}

export async function run(ctx: BenchContext): Promise<Section> {
  const pc = precacheFigures(ctx.config.siteDir);
  if (!pc) return { rows: [], results: {} };
  return {
    rows: [
      [
        'service worker precache: what a kiosk holds to start offline (files, raw / gzip)',
        `${pc.files}, ${kB(pc.raw)} / ${kB(pc.gzip)}${pc.missing ? ` (${pc.missing} not in the build)` : ''}`,
        '',
        '',
        '',
        '',
      ],
    ],
    results: { precache: pc },
  };
}

if (isMain(import.meta.url)) await runStandalone('precache', run);
