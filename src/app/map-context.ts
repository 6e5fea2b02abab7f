// Hands the map controller down to UI components that need intent-level map actions.
import { createContext } from '@lit/context';
import type { MapController } from '../map/map-controller';

export const mapControllerContext = createContext<MapController | undefined>(
  Symbol('map-controller'),
);
