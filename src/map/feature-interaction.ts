// Hover and click on story features: hover sets feature-state `hover`, click reports the
// feature. Attached and detached with the map controller.
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { sourceId, styleLayerIds } from './layer-styles';

export interface PickedFeature {
  layerId: string;
  properties: Record<string, unknown>;
}

export class FeatureInteraction {
  #hovered: { layerId: string; id: string | number } | undefined;

  constructor(
    private readonly map: MapLibreMap,
    private readonly layerIds: () => string[],
    private readonly onPick: (picked: PickedFeature) => void,
  ) {
    map.on('mousemove', this.#onMove);
    map.on('mouseout', this.#clearHover);
    map.on('click', this.#onClick);
  }

  detach() {
    this.map.off('mousemove', this.#onMove);
    this.map.off('mouseout', this.#clearHover);
    this.map.off('click', this.#onClick);
  }

  #pick(e: MapMouseEvent): PickedFeature | undefined {
    const styleIds = this.layerIds().flatMap((id) => {
      const s = styleLayerIds(id);
      return [s.circle, s.line, s.fill, s.outline].filter(
        (l) => this.map.getLayoutProperty(l, 'visibility') === 'visible',
      );
    });
    if (!styleIds.length) return undefined;
    // A few pixels of slack make thin lines and small points easy to hit, also by touch.
    const { x, y } = e.point;
    const [feature] = this.map.queryRenderedFeatures(
      [
        [x - 5, y - 5],
        [x + 5, y + 5],
      ],
      { layers: styleIds },
    );
    if (!feature || feature.id === undefined) return undefined;
    const layerId = feature.source.replace(/^story-/, '');
    return { layerId, properties: { ...feature.properties } };
  }

  #onMove = (e: MapMouseEvent) => {
    const picked = this.#pick(e);
    const id = picked?.properties.id as string | undefined;
    if (this.#hovered && (this.#hovered.id !== id || this.#hovered.layerId !== picked?.layerId))
      this.#clearHover();
    if (picked && id !== undefined && !this.#hovered) {
      this.#hovered = { layerId: picked.layerId, id };
      this.map.setFeatureState({ source: sourceId(picked.layerId), id }, { hover: true });
    }
    this.map.getCanvas().style.cursor = picked ? 'pointer' : '';
  };

  #clearHover = () => {
    if (!this.#hovered) return;
    const { layerId, id } = this.#hovered;
    if (this.map.getSource(sourceId(layerId)))
      this.map.setFeatureState({ source: sourceId(layerId), id }, { hover: false });
    this.#hovered = undefined;
  };

  #onClick = (e: MapMouseEvent) => {
    const picked = this.#pick(e);
    if (picked) this.onPick(picked);
  };
}
