// Writes an imported story as YAML that reads like a hand-written one: cameras and id lists
// on one line, long text as block scalars, and the import report as a comment on top.
import { Document, isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import type { StoryDraft } from './common';

const STORY_KEYS = [
  '$schema',
  'id',
  'title',
  'subtitle',
  'languages',
  'layers',
  'basemap',
  'credits',
  'defaults',
  'steps',
];
const STEP_KEYS = ['id', 'year', 'title', 'body', 'camera', 'layers', 'highlight', 'media'];
const CAMERA_KEYS = [
  'center',
  'zoom',
  'bearing',
  'pitch',
  'fit',
  'padding',
  'transition',
  'duration',
];

function ordered<T extends object>(value: T, keys: readonly string[]): T {
  const entries = Object.entries(value);
  const rank = (k: string) => (keys.includes(k) ? keys.indexOf(k) : keys.length);
  return Object.fromEntries(entries.sort(([a], [b]) => rank(a) - rank(b))) as T;
}

/** The story with its keys in the order a person would write them. */
export function orderStory(story: StoryDraft): StoryDraft {
  const steps = story.steps.map((step) =>
    ordered(
      { ...step, ...(step.camera ? { camera: ordered(step.camera, CAMERA_KEYS) } : {}) },
      STEP_KEYS,
    ),
  );
  return ordered({ ...story, steps }, STORY_KEYS);
}

const FLOW_MAPS = new Set(['camera', 'title', 'alt', 'subtitle']);
const MAX_FLOW_WIDTH = 90;

export function storyToYaml(story: StoryDraft, header: readonly string[] = []): string {
  // Every step spells out its own values: no YAML anchors, even where two steps share one.
  const doc = new Document(orderStory(story), { aliasDuplicateObjects: false });
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value;
      if (isSeq(value) && value.items.every((item) => isScalar(item))) value.flow = true;
      if (isMap(value) && FLOW_MAPS.has(key)) {
        const flat = value.items.every(
          (item) => isPair(item) && (isScalar(item.value) || isSeq(item.value)),
        );
        if (flat && JSON.stringify(value.toJSON()).length <= MAX_FLOW_WIDTH) value.flow = true;
      }
    },
  });
  if (header.length)
    doc.commentBefore = header.map((line) => ` ${line.replace(/\s*\n\s*/g, ' ')}`).join('\n');
  return doc.toString({ lineWidth: 0, blockQuote: 'literal', flowCollectionPadding: true });
}
