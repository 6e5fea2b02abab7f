// The offline parts of <story-map>'s template: the "updated" note and the technician's
// panel. story-map.view.ts calls renderOfflineParts(state, offline) with the update
// controller's `view`; both parts are positioned by their own styles.
import { html, nothing, type TemplateResult } from 'lit';
import type { AppState } from '../app/app-state';
import type { OfflineView } from './update-controller';

export function renderOfflineParts(
  state: AppState,
  offline: OfflineView,
): TemplateResult | typeof nothing {
  if (!offline.note && !offline.status) return nothing;
  // Both are rare (the note once per new version, the panel for technicians): their code
  // loads when they are first shown, not with the page. Precached, so this works offline.
  if (offline.note) void import('../ui/update-note');
  if (offline.status) void import('../ui/kiosk-status');
  return html`${offline.note ? html`<update-note .lang=${state.lang}></update-note>` : nothing}
  ${offline.status ? html`<kiosk-status .snapshot=${offline.status}></kiosk-status>` : nothing}`;
}
