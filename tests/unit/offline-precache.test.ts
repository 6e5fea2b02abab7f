import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  fontFilesForText,
  labelNamesOf,
  parseUnicodeRange,
  planFiles,
  planPrecache,
  type FontFaces,
} from '../../scripts/offline-precache';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FACES = JSON.parse(readFileSync(`${ROOT}public/fonts/font-faces.json`, 'utf8')) as FontFaces;

describe('unicode-range items', () => {
  it('reads single code points, ranges and wildcards', () => {
    expect(parseUnicodeRange('U+4E2D')).toEqual([0x4e2d, 0x4e2d]);
    expect(parseUnicodeRange('U+0000-00FF')).toEqual([0, 0xff]);
    expect(parseUnicodeRange('u+1F300-1F5FF')).toEqual([0x1f300, 0x1f5ff]);
    expect(parseUnicodeRange('U+4??')).toEqual([0x400, 0x4ff]);
  });

  it('refuses what is not one', () => {
    for (const bad of ['', '4E00', 'U+', 'U+00FF-0000', 'U+4?-4F', 'U+?4', 'U+GG'])
      expect(parseUnicodeRange(bad), bad).toBeUndefined();
  });
});

describe('font files for a text', () => {
  const faces: FontFaces = {
    Latin: [{ url: 'latin.woff2', 'unicode-range': ['U+0000-00FF'] }],
    Han: [
      { url: 'han-a.woff2', 'unicode-range': ['U+4E2D', 'U+5173'] },
      { url: 'han-b.woff2', 'unicode-range': ['U+6751-6752'] },
      { url: 'han-c.woff2', 'unicode-range': ['U+9F98'] },
    ],
    Any: [{ url: 'fallback.woff2' }],
  };

  it('picks exactly the files covering the characters used', () => {
    expect(fontFilesForText('中关村', faces)).toEqual([
      'fallback.woff2',
      'han-a.woff2',
      'han-b.woff2',
    ]);
    expect(fontFilesForText('Lenovo 中', faces)).toEqual([
      'fallback.woff2',
      'han-a.woff2',
      'latin.woff2',
    ]);
  });

  it('is not swayed by whitespace alone', () => {
    expect(fontFilesForText(' \n\t', { Latin: faces['Latin']! })).toEqual([]);
  });
});

describe('label names', () => {
  it('takes name and name_zh of each feature, nothing else', () => {
    expect(
      labelNamesOf({
        type: 'FeatureCollection',
        features: [
          { properties: { name: 'Lenovo', name_zh: '联想', description: '不' } },
          { properties: { name: 'Haidian' } },
          { properties: null },
        ],
      }),
    ).toEqual(['Lenovo', '联想', 'Haidian']);
    expect(labelNamesOf({})).toEqual([]);
  });
});

describe('the default story precache', () => {
  const plan = planPrecache({ root: ROOT });

  it('has the story twin, its manifest and every layer the manifest lists', () => {
    const manifest = JSON.parse(readFileSync(`${ROOT}geo/layers.json`, 'utf8')) as {
      layers: { file: string }[];
    };
    expect(plan.dataFiles.slice(0, 2)).toEqual(['stories/zhongguancun.json', 'geo/layers.json']);
    expect(plan.dataFiles.slice(2)).toEqual(manifest.layers.map((l) => `geo/${l.file}`));
  });

  it('has the embedded basemap, the font list and the Latin fonts', () => {
    expect(plan.basemapFiles).toContain('basemap/world.geojson');
    expect(plan.basemapFiles).toContain('basemap/haidian-streets.geojson');
    expect(plan.fontFiles).toContain('fonts/font-faces.json');
    // every font list the app may read first, the compact twin included
    for (const f of readdirSync(`${ROOT}public/fonts`).filter((n) => n.endsWith('.json')))
      expect(plan.fontFiles).toContain(`fonts/${f}`);
    expect(plan.fontFiles).toContain('fonts/noto-sans-latin-400-normal.woff2');
    expect(plan.fontFiles).toContain('fonts/noto-sans-latin-700-normal.woff2');
    expect(planFiles(plan)).not.toContainEqual(expect.stringMatching(/\.pmtiles$|\.yaml$/));
  });

  it('covers every character of every map label, with a fraction of the Chinese subsets', () => {
    const files = new Set(plan.fontFiles.map((f) => f.replace(/^fonts\//, '')));
    const chosen: FontFaces = Object.fromEntries(
      Object.entries(FACES).map(([name, list]) => [name, list.filter((f) => files.has(f.url))]),
    );
    const labels = [
      ...plan.dataFiles.filter((f) => f.endsWith('.geojson')),
      ...plan.basemapFiles.map((f) => `public/${f}`),
    ].flatMap((f) => labelNamesOf(JSON.parse(readFileSync(`${ROOT}${f}`, 'utf8'))));
    const missing = [...new Set(labels.join(''))].filter(
      (ch) => !/\s/.test(ch) && fontFilesForText(ch, chosen).length === 0,
    );
    expect(missing).toEqual([]);
    const allSc = FACES['Noto Sans SC Regular']!.length;
    const sc = plan.fontFiles.filter((f) => f.includes('noto-sans-sc-')).length;
    expect(sc).toBeGreaterThan(0);
    expect(sc).toBeLessThan(allSc / 2);
  });

  it('leaves out a subset no label or story text uses', () => {
    // U+9F98 (a rare character) is in one subset file; nothing in the story uses it
    const rare = fontFilesForText('\u9f98', FACES);
    expect(rare).toHaveLength(1);
    expect(plan.fontFiles).not.toContain(`fonts/${rare[0]}`);
  });

  it('chooses by label names alone when asked, which needs no more files', () => {
    const names = planPrecache({ root: ROOT, namesOnly: true });
    expect(names.fontFiles.length).toBeLessThanOrEqual(plan.fontFiles.length);
    for (const f of names.fontFiles) expect(plan.fontFiles).toContain(f);
  });
});
