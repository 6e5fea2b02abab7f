// The app's own code: scripts/check-size.ts on the bench's build (every .js/.css the page
// loads except MapLibre's bundle and worker, gzipped), against its budget; the chunks loaded
// by import() apart. No browser needed.
//
//   npx tsx bench/size.ts
import { formatReport, measureAppCode, type SizeReport } from '../scripts/check-size.ts';
import {
  CONFIG,
  isMain,
  kB,
  log,
  runStandalone,
  yes,
  type BenchContext,
  type Row,
  type Section,
} from './harness.ts';

export async function run(ctx: BenchContext): Promise<Section> {
  log("size: the app's own code (scripts/check-size.ts)");
  const size = await measureAppCode(ctx.config.siteDir ?? CONFIG.siteDir);
  console.log(formatReport(size));
  return { rows: rows(size), results: { size } };
}

function rows(s: SizeReport): Row[] {
  return [
    [
      `app's own code + styles the page loads, gzip (${s.method})`,
      kB(s.app.eagerGzip),
      '',
      '',
      `< ${kB(s.budgetBytes)}`,
      yes(s.app.eagerGzip < s.budgetBytes),
    ],
    ["app's chunks loaded by import() (YAML parser), gzip", kB(s.app.lazyGzip), '', '', '', ''],
  ];
}

if (isMain(import.meta.url)) await runStandalone('size', run);
