// `npx tsx scripts/check-originality.ts [story.yaml] [article.txt] [--n 8]`: reports every run
// of N (default 8) consecutive words that a story's reader-facing text shares with its source
// article, and exits 1 if there is any. Words are compared lowercased, without punctuation;
// URLs are ignored on both sides; Chinese characters count as one word each.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

export const DEFAULT_RUN = 8;

/** Lowercased words without punctuation; URLs dropped; each Han character is its own word. */
export function tokenize(text: string): string[] {
  const cleaned = text
    .normalize('NFKC')
    .toLowerCase()
    // Markdown links keep their text, lose their target; bare and <bracketed> URLs go too.
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<?\b(?:https?:\/\/|www\.)[^\s>)]*>?/g, ' ')
    // Apostrophes join ("china's" -> "chinas"); separators inside numbers too ("9,000", "2.3").
    .replace(/['’‘`]/g, '')
    .replace(/(\d)[.,](?=\d)/g, '$1');
  return cleaned.match(/\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu) ?? [];
}

/**
 * The runs of at least `n` consecutive words of `text` that also occur, word for word, in
 * `source`. Overlapping matches are merged into one maximal run; each run is returned once,
 * as its words joined by single spaces.
 */
export function sharedRuns(text: string, source: string, n: number = DEFAULT_RUN): string[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`run length must be >= 1 (got ${n})`);
  const words = tokenize(text);
  const src = tokenize(source);
  if (words.length < n || src.length < n) return [];
  const grams = new Set<string>();
  for (let i = 0; i + n <= src.length; i++) grams.add(src.slice(i, i + n).join(' '));

  const runs: string[] = [];
  let start = -1; // first word of the current run
  let end = -1; // one past its last word
  const flush = () => {
    if (start >= 0) runs.push(words.slice(start, end).join(' '));
    start = end = -1;
  };
  for (let i = 0; i + n <= words.length; i++) {
    if (grams.has(words.slice(i, i + n).join(' '))) {
      if (start >= 0 && i <= end) end = i + n;
      else {
        flush();
        start = i;
        end = i + n;
      }
    }
  }
  flush();
  return [...new Set(runs)];
}

/** Keys whose values are identifiers, references or addresses, not prose. */
const NOT_PROSE = new Set([
  '$schema',
  'id',
  'layers',
  'url',
  'src',
  'highlight',
  'places',
  'target',
  'fit',
  'type',
  'transition',
  'date',
]);

export interface TextField {
  path: string;
  text: string;
}

/** Every prose string in a parsed story, with a path such as `steps[3].body.en`. */
export function storyTexts(story: unknown): TextField[] {
  const out: TextField[] = [];
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'string') out.push({ path, text: node });
    else if (Array.isArray(node)) node.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (!NOT_PROSE.has(k)) walk(v, path ? `${path}.${k}` : k);
      }
    }
  };
  walk(story, '');
  return out;
}

export interface Finding extends TextField {
  runs: string[];
}

export function checkStory(story: unknown, source: string, n: number = DEFAULT_RUN): Finding[] {
  return storyTexts(story)
    .map((f) => ({ ...f, runs: sharedRuns(f.text, source, n) }))
    .filter((f) => f.runs.length > 0);
}

function main(args: string[]): number {
  const root = fileURLToPath(new URL('..', import.meta.url));
  let n = DEFAULT_RUN;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--n' || a === '-n') n = Number(args[++i]);
    else if (a.startsWith('--n=')) n = Number(a.slice(4));
    else files.push(a);
  }
  const storyPath = resolve(files[0] ?? resolve(root, 'stories/zhongguancun.yaml'));
  const articlePath = resolve(files[1] ?? resolve(root, '../shared/source/article.txt'));
  if (!files[1] && !existsSync(articlePath)) {
    // The article is a reference copy kept outside the repository (it is not ours to
    // publish); a clone without it passes, but says plainly that nothing was compared.
    console.warn(
      [
        `⚠ Originality check NOT RUN: the article it compares the story with is absent.`,
        `  Looked for: ${articlePath}`,
        `  The story was not compared with anything. To run the check, put the article's`,
        `  plain text there, or name it: npx tsx scripts/check-originality.ts <story> <article.txt>`,
      ].join('\n'),
    );
    return 0;
  }
  for (const p of [storyPath, articlePath]) {
    if (!existsSync(p)) {
      console.error(`Not found: ${p}`);
      return 2;
    }
  }
  const story = parse(readFileSync(storyPath, 'utf8')) as unknown;
  const source = readFileSync(articlePath, 'utf8');
  const findings = checkStory(story, source, n);
  if (!findings.length) {
    const fields = storyTexts(story).length;
    console.log(`✓ ${storyPath}: no run of ${n} words shared with the article (${fields} texts)`);
    return 0;
  }
  console.error(`✗ ${storyPath}: ${findings.length} text(s) share ${n}+ words with the article`);
  for (const f of findings) for (const r of f.runs) console.error(`  ${f.path}: "${r}"`);
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exit(main(process.argv.slice(2)));
}
