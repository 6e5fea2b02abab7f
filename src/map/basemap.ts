// Loads the embedded basemap: the font-faces list written by scripts/build-basemap.ts and
// the style built from it. The style references only files inside the app.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import {
  BASEMAP_LABEL_LAYER_IDS,
  buildBasemapStyle,
  labelTextField,
  type FontFacesJson,
} from './basemap-style';
import type { Lang } from './layer-styles';

export async function loadBasemapStyle(baseUrl: string, lang: Lang): Promise<StyleSpecification> {
  const url = new URL('fonts/font-faces.json', baseUrl).href;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} could not be loaded (HTTP ${res.status})`);
  const fontFaces = (await res.json()) as FontFacesJson;
  return buildBasemapStyle({ baseUrl, lang, fontFaces });
}

export function setBasemapLanguage(map: MapLibreMap, lang: Lang) {
  for (const id of BASEMAP_LABEL_LAYER_IDS) {
    if (map.getLayer(id)) map.setLayoutProperty(id, 'text-field', labelTextField(lang));
  }
}
