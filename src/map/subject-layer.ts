// Draws a step's subject marks (src/map/subject-marks.ts) on the map: markers and labels for
// subjects too small to see, labels for highlighted lines and journeys' ends, and invisible
// blockers inside and along each subject. Style layers are placed just below the highlighted
// labels, so MapLibre places highlighted labels, then these labels, then the blockers, and
// only then every other label: nothing else is written over a subject or its name.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import { STORY_FONT, labelField, type Lang } from './layer-styles';
import { BLOCKER_SPACING_PX } from './subject-marks';

export const SUBJECT_SOURCE_ID = 'story-subjects';
export const SUBJECT_LAYER_IDS = {
  blocker: 'story-subjects-blocker',
  marker: 'story-subjects-marker',
  label: 'story-subjects-label',
} as const;
const BLOCKER_IMAGE = 'story-subjects-blocker';
const BLOCKER_IMAGE_PX = 8;

const role = (...roles: string[]): FilterSpecification => [
  'match',
  ['get', 'role'],
  roles,
  true,
  false,
];

/** A blocker's icon, as wide as the spacing of blockers at the step's zoom, on the ground. */
export function blockerIconSize(zoom: number): ExpressionSpecification {
  const size = BLOCKER_SPACING_PX / BLOCKER_IMAGE_PX;
  return ['interpolate', ['exponential', 2], ['zoom'], zoom - 4, size / 16, zoom + 4, size * 16];
}

/** The style layers of the subject marks (typed style data, validated in unit tests). */
export function subjectLayers(lang: Lang, zoom = 3): LayerSpecification[] {
  return [
    {
      id: SUBJECT_LAYER_IDS.blocker,
      type: 'symbol',
      source: SUBJECT_SOURCE_ID,
      filter: role('blocker'),
      layout: {
        'icon-image': BLOCKER_IMAGE,
        'icon-size': blockerIconSize(zoom),
        'icon-allow-overlap': true,
        'icon-padding': 0,
      },
    },
    {
      id: SUBJECT_LAYER_IDS.marker,
      type: 'circle',
      source: SUBJECT_SOURCE_ID,
      filter: role('marker', 'end'),
      paint: {
        'circle-color': ['to-color', ['get', 'color'], '#111827'],
        'circle-radius': ['match', ['get', 'role'], 'marker', 7, 4.5],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: SUBJECT_LAYER_IDS.label,
      type: 'symbol',
      source: SUBJECT_SOURCE_ID,
      filter: ['all', role('marker', 'label', 'end'), ['has', 'name']] as FilterSpecification,
      layout: {
        'text-field': labelField(lang),
        'text-font': STORY_FONT,
        'text-size': 14,
        'text-max-width': 9,
        'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
        'text-radial-offset': 0.9,
        'text-justify': 'auto',
        'text-padding': 2,
      },
      paint: {
        'text-color': '#111827',
        'text-halo-color': 'rgba(255,255,255,0.95)',
        'text-halo-width': 1.8,
      },
    },
  ];
}

/** The subject marks' source and layers on one map. */
export class SubjectLayer {
  constructor(private readonly map: MapLibreMap) {
    if (!map.hasImage(BLOCKER_IMAGE))
      map.addImage(BLOCKER_IMAGE, {
        width: BLOCKER_IMAGE_PX,
        height: BLOCKER_IMAGE_PX,
        data: new Uint8Array(BLOCKER_IMAGE_PX * BLOCKER_IMAGE_PX * 4),
      });
    if (!map.getSource(SUBJECT_SOURCE_ID))
      map.addSource(SUBJECT_SOURCE_ID, {
        type: 'geojson',
        data: { type: 'FeatureCollection', features: [] },
      });
    for (const layer of subjectLayers('en')) if (!map.getLayer(layer.id)) map.addLayer(layer);
  }

  /** Shows a step's marks, made for the step's `zoom`. */
  show(marks: FeatureCollection, zoom: number) {
    const source = this.map.getSource(SUBJECT_SOURCE_ID) as
      { setData(d: FeatureCollection): void } | undefined;
    source?.setData(marks);
    this.map.setLayoutProperty(SUBJECT_LAYER_IDS.blocker, 'icon-size', blockerIconSize(zoom), {
      validate: false,
    });
  }

  setLanguage(lang: Lang) {
    this.map.setLayoutProperty(SUBJECT_LAYER_IDS.label, 'text-field', labelField(lang));
  }

  /** Keeps the marks' layers just below the highlighted labels, after story layers come. */
  arrange() {
    const before = this.map.getLayersOrder().find((id) => id.endsWith('-label-hl'));
    for (const id of [SUBJECT_LAYER_IDS.blocker, SUBJECT_LAYER_IDS.marker, SUBJECT_LAYER_IDS.label])
      if (this.map.getLayer(id)) this.map.moveLayer(id, before);
  }
}
