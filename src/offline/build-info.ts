// Which build is running: set at build time by vite.config.ts (`define`), shown in the
// technician's view and compared by the "updated" note.

export interface BuildInfo {
  /** package.json's version. */
  version: string;
  /** The git commit the build was made from, when it was made in a checkout. */
  commit?: string;
  /** ISO time of the build. */
  builtAt: string;
}

declare const __APP_BUILD__: BuildInfo | undefined;

/** Outside a Vite build or test (a plain tsx script) there is no define: say so. */
export const BUILD: BuildInfo =
  typeof __APP_BUILD__ !== 'undefined' ? __APP_BUILD__ : { version: '0.0.0', builtAt: '' };

/** One string per build: two builds of the same commit differ by their time. */
export function buildId(info: BuildInfo = BUILD): string {
  return `${info.version}+${info.commit ?? 'nogit'}.${info.builtAt}`;
}

/** `0.1.0 · edd2122 · built 2025-12-01 09:30 UTC` */
export function buildLabel(info: BuildInfo = BUILD): string {
  const when = info.builtAt ? `built ${info.builtAt.slice(0, 16).replace('T', ' ')} UTC` : '';
  return [info.version, info.commit, when].filter(Boolean).join(' · ');
}
