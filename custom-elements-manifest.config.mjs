// The Custom Elements Manifest (custom-elements.json, read by editors and Storybook) of the
// npm package: <story-map>'s public contract and nothing else. The analyzer reads the
// element's source (its JSDoc lists the events and theme properties); this plugin keeps only
// the documented members (src/embed/public-api.ts: tests/unit/custom-elements.test.ts checks
// the two agree) and points the module at the package's entry.
//   npx custom-elements-manifest analyze   (scripts/build-package.ts runs it)

/** The public members of src/embed/public-api.ts's StoryMapElement. */
export const PUBLIC_MEMBERS = [
  'story',
  'mode',
  'lang',
  'basemap',
  'syncUrl',
  'map',
  'steps',
  'stepIndex',
  'goTo',
  'next',
  'prev',
];

function publicContractOnly() {
  return {
    name: 'story-map-public-contract',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        mod.path = 'dist-lib/index.js';
        mod.declarations = (mod.declarations ?? []).filter((d) => d.name === 'StoryMap');
        for (const d of mod.declarations) {
          d.members = (d.members ?? [])
            .filter((m) => PUBLIC_MEMBERS.includes(m.name) && m.privacy !== 'private')
            .map(({ privacy: _privacy, ...m }) => m);
          d.superclass = { name: 'HTMLElement' };
        }
        mod.exports = [
          { kind: 'js', name: 'StoryMap', declaration: { name: 'StoryMap', module: mod.path } },
          {
            kind: 'custom-element-definition',
            name: 'story-map',
            declaration: { name: 'StoryMap', module: mod.path },
          },
        ];
      }
    },
  };
}

export default {
  globs: ['src/app/story-map.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [publicContractOnly()],
};
