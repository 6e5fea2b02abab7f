// The Custom Elements Manifest lists <story-map>'s public contract and nothing else: the
// analyzer, run here as `npm run build:package` runs it (with the Lit plugin and our
// filter), on the element's source; its members are those of src/embed/public-api.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';

// The analyzer, its Lit plugin and our config are plain JavaScript without declarations.
type Plugin = Record<string, unknown>;
// Its own TypeScript (another version than ours) parses what it analyses.
const { create, ts: analyzerTs } =
  (await import('@custom-elements-manifest/analyzer')) as unknown as {
    create(opts: { modules: ts.SourceFile[]; plugins: Plugin[] }): unknown;
    ts: typeof ts;
  };
const { litPlugin } = (await import(
  // @ts-expect-error -- no declarations
  '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js'
)) as { litPlugin: () => Plugin[] };
const { default: config, PUBLIC_MEMBERS } = (await import(
  // @ts-expect-error -- no declarations
  '../../custom-elements-manifest.config.mjs'
)) as { default: { plugins: Plugin[] }; PUBLIC_MEMBERS: string[] };

interface Declaration {
  name: string;
  members?: { name: string; kind: string }[];
  attributes?: { name: string }[];
  events?: { name: string }[];
  cssProperties?: { name: string }[];
}

function manifest() {
  const file = 'src/app/story-map.ts';
  const source = analyzerTs.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    analyzerTs.ScriptTarget.ES2022,
    true,
  );
  const plugins = [...litPlugin(), ...config.plugins];
  return create({ modules: [source], plugins }) as {
    modules: { path: string; declarations: Declaration[]; exports: { name: string }[] }[];
  };
}

/** The members of the StoryMapElement interface, read from its source. */
function contractMembers(): string[] {
  const file = 'src/embed/public-api.ts';
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.ES2022,
    true,
  );
  const names: string[] = [];
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === 'StoryMapElement')
      for (const m of node.members) if (m.name && ts.isIdentifier(m.name)) names.push(m.name.text);
  });
  return [...new Set(names)].filter((n) => !/EventListener$/.test(n));
}

describe('custom-elements.json', () => {
  const cem = manifest();
  const element = cem.modules[0]!.declarations[0]!;

  it('describes the one element, <story-map>, from the package entry', () => {
    expect(cem.modules).toHaveLength(1);
    expect(cem.modules[0]!.path).toBe('dist-lib/index.js');
    expect(cem.modules[0]!.declarations.map((d) => d.name)).toEqual(['StoryMap']);
    expect(cem.modules[0]!.exports.map((e) => e.name)).toEqual(['StoryMap', 'story-map']);
  });

  it('lists exactly the contract’s members, attributes and events', () => {
    expect(contractMembers().sort()).toEqual([...PUBLIC_MEMBERS].sort());
    expect(element.members!.map((m) => m.name).sort()).toEqual([...PUBLIC_MEMBERS].sort());
    expect(element.attributes!.map((a) => a.name).sort()).toEqual(
      ['basemap', 'lang', 'mode', 'story', 'sync-url'].sort(),
    );
    expect(element.events!.map((e) => e.name).sort()).toEqual(
      ['step-change', 'step-settled', 'story-error', 'story-ready'].sort(),
    );
  });

  it('lists the theme’s custom properties, each documented in docs/EMBEDDING.md', () => {
    const docs = readFileSync('docs/EMBEDDING.md', 'utf8');
    const props = element.cssProperties!.map((p) => p.name);
    expect(props).toContain('--story-map-accent');
    for (const p of props) expect(docs).toContain(`\`${p}\``);
    // and each one is read by the tokens
    const tokens = readFileSync('src/ui/tokens.ts', 'utf8');
    for (const p of props) expect(tokens).toContain(`var(${p},`);
  });
});
