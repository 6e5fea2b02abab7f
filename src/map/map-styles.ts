// MapLibre's own stylesheet, for components that render the map inside a shadow root.
import { unsafeCSS } from 'lit';
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?inline';

export const mapLibreStyles = unsafeCSS(maplibreCss);
