import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import {
  checkStory,
  sharedRuns,
  storyTexts,
  tokenize,
  DEFAULT_RUN,
} from '../../scripts/check-originality';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const storyPath = path.resolve(repoRoot, 'stories/zhongguancun.yaml');
const articlePath = path.resolve(repoRoot, '../shared/source/article.txt');

describe('tokenize', () => {
  it('lowercases and drops punctuation', () => {
    expect(tokenize('Hello, World! “Quoted” — dash-ed.')).toEqual([
      'hello',
      'world',
      'quoted',
      'dash',
      'ed',
    ]);
  });

  it('joins apostrophes and separators inside numbers', () => {
    expect(tokenize("China's 9,000 branches and $2.3 trillion")).toEqual([
      'chinas',
      '9000',
      'branches',
      'and',
      '23',
      'trillion',
    ]);
  });

  it('ignores URLs but keeps link text', () => {
    expect(tokenize('see [the article](https://example.org/a-b-c) or <https://x.y/z>')).toEqual([
      'see',
      'the',
      'article',
      'or',
    ]);
  });

  it('counts each Chinese character as a word', () => {
    expect(tokenize('中关村 2010年')).toEqual(['中', '关', '村', '2010', '年']);
  });
});

describe('sharedRuns', () => {
  const source = 'The quick brown fox jumps over the lazy dog while the cat sleeps.';

  it('finds nothing when no run is long enough', () => {
    expect(sharedRuns('A quick brown fox ran away from the dog.', source, 4)).toEqual([]);
  });

  it('reports a run of exactly n shared words', () => {
    expect(sharedRuns('Look: the quick brown fox is here.', source, 4)).toEqual([
      'the quick brown fox',
    ]);
  });

  it('merges overlapping matches into one maximal run', () => {
    expect(sharedRuns('So THE QUICK brown fox, jumps over... the lazy cat', source, 4)).toEqual([
      'the quick brown fox jumps over the lazy',
    ]);
  });

  it('reports separate runs separately, each once', () => {
    const text = 'the quick brown fox and then the cat sleeps at last; the quick brown fox';
    expect(sharedRuns(text, source, 3)).toEqual(['the quick brown fox', 'the cat sleeps']);
  });

  it('ignores case and punctuation on both sides', () => {
    expect(sharedRuns('over-the lazy DOG!', 'Over the lazy dog', 4)).toEqual(['over the lazy dog']);
  });

  it('handles texts shorter than n and rejects a bad n', () => {
    expect(sharedRuns('the quick', source, 8)).toEqual([]);
    expect(sharedRuns('', '', 8)).toEqual([]);
    expect(() => sharedRuns('a', 'a', 0)).toThrow(RangeError);
  });

  it('defaults to runs of 8 words', () => {
    expect(DEFAULT_RUN).toBe(8);
    const seven = 'one two three four five six seven';
    const eight = `${seven} eight`;
    expect(sharedRuns(seven, eight)).toEqual([]);
    expect(sharedRuns(`x ${eight} y`, eight)).toEqual([eight]);
  });
});

describe('storyTexts', () => {
  it('collects prose and skips ids, references and addresses', () => {
    const texts = storyTexts({
      id: 'the-story',
      title: { en: 'Title', zh: '标题' },
      credits: { article: { url: 'https://example.org', title: 'Article' } },
      steps: [{ id: 's', layers: ['a'], body: { en: 'Body' }, camera: { fit: ['x'] } }],
    });
    expect(texts.map((t) => t.path)).toEqual([
      'title.en',
      'title.zh',
      'credits.article.title',
      'steps[0].body.en',
    ]);
  });
});

describe('the Zhongguancun story', () => {
  it.runIf(existsSync(articlePath))(
    `shares no run of ${DEFAULT_RUN} words with the source article`,
    () => {
      const story = parse(readFileSync(storyPath, 'utf8')) as unknown;
      const article = readFileSync(articlePath, 'utf8');
      const findings = checkStory(story, article, DEFAULT_RUN);
      expect(findings.flatMap((f) => f.runs.map((r) => `${f.path}: ${r}`))).toEqual([]);
      // The check must actually have read the story's texts.
      expect(storyTexts(story).length).toBeGreaterThan(40);
    },
  );
});
