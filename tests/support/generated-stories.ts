// Stories and layers generated at any size, for the limit tests, the hostile-input e2e test
// and the scale benchmark: nothing big is committed, the tests make what they need.

export interface GeneratedStory {
  /** Files by path relative to the story's folder. */
  files: Record<string, string>;
  /** The story file's name among them. */
  story: string;
}

const point = (i: number, n: number): [number, number] => {
  // Spread over a square degree around Haidian, on a grid.
  const side = Math.max(1, Math.ceil(Math.sqrt(n)));
  return [
    Number((116.2 + ((i % side) / side) * 0.3).toFixed(6)),
    Number((39.9 + (Math.floor(i / side) / side) * 0.2).toFixed(6)),
  ];
};

/** A layer file of `n` points that meets the data contract. */
export function pointLayer(id: string, n: number): string {
  const features = Array.from({ length: n }, (_, i) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: point(i, n) },
    properties: {
      id: `${id}-${i + 1}`,
      name: `${id} ${i + 1}`,
      kind: 'place',
      description: 'A generated place.',
      description_zh: '生成的地点。',
      source: 'generated',
      precision_m: 10,
    },
  }));
  return JSON.stringify({ type: 'FeatureCollection', features });
}

/** A reader's file: `n` bare points, no contract. */
export function userPoints(n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++)
    parts.push(
      `{"type":"Feature","geometry":{"type":"Point","coordinates":[${point(i, n).join(',')}]},"properties":{"name":"p${i}"}}`,
    );
  return `{"type":"FeatureCollection","features":[${parts.join(',')}]}`;
}

export interface StoryOptions {
  steps: number;
  layers: number;
  /** Features per layer. */
  features?: number;
  /** The first step shows every layer (an overview). Default true. */
  overview?: boolean;
  /** Replaces the body of the first step. */
  body?: string;
  /** Extra layer ids the first step names (unknown ones, for the summaries). */
  extraLayers?: string[];
}

/** A story of `steps` steps over `layers` point layers, as JSON, with its manifest. */
export function generateStory({
  steps,
  layers,
  features = 3,
  overview = true,
  body,
  extraLayers = [],
}: StoryOptions): GeneratedStory {
  const layerIds = Array.from({ length: layers }, (_, i) => `layer-${i + 1}`);
  const files: Record<string, string> = {};
  files['layers.json'] = JSON.stringify({
    layers: layerIds.map((id, i) => ({
      id,
      file: `${id}.geojson`,
      kind: 'point',
      color: `#${((i * 2654435761) % 0xffffff).toString(16).padStart(6, '0')}`,
      title: { en: `Layer ${i + 1}`, zh: `图层 ${i + 1}` },
    })),
  });
  for (const id of layerIds) files[`${id}.geojson`] = pointLayer(id, features);
  const story = {
    id: 'generated',
    title: { en: 'A generated story', zh: '生成的故事' },
    languages: ['en', 'zh'],
    layers: 'layers.json',
    steps: Array.from({ length: steps }, (_, i) => {
      const layer = layerIds[i % Math.max(1, layers)];
      return {
        id: `step-${i + 1}`,
        year: 1950 + (i % 70),
        title: { en: `Step ${i + 1}`, zh: `第 ${i + 1} 步` },
        body: {
          en: i === 0 && body !== undefined ? body : `Step *${i + 1}* of the story.`,
          zh: `故事的第 ${i + 1} 步。`,
        },
        camera: { center: [116.3, 39.98], zoom: 11 + (i % 4) },
        layers: [
          ...(i === 0 && overview ? layerIds : layer ? [layer] : []),
          ...(i === 0 ? extraLayers : []),
        ],
      };
    }),
  };
  files['story.json'] = JSON.stringify(story);
  return { files, story: 'story.json' };
}

/** YAML aliases nested `levels` deep, `width` to a level: width^levels values. */
export function yamlAliasBomb(levels: number, width: number): string {
  const lines = [`l0: &l0 [${Array(width).fill('"x"').join(', ')}]`];
  for (let l = 1; l < levels; l++)
    lines.push(
      `l${l}: &l${l} [${Array(width)
        .fill(`*l${l - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\n`;
}
