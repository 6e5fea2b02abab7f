// A failed build leaves the previous `dist/` as it was. Rolldown still runs every plugin's
// `closeBundle` after a failed build (without the error), and vite-plugin-pwa writes `sw.js`
// and its Workbox file there: a running kiosk, which polls `sw.js`, would then find a
// "new version" listing the files of a build that never happened. This guard remembers that
// the build failed and skips the wrapped plugins' `closeBundle`.
import type { Plugin } from 'vite';

type Hook = (this: unknown, ...args: unknown[]) => unknown;

export function keepDistOnFailure(plugins: Plugin[]): Plugin[] {
  let failed = false;
  const guard: Plugin = {
    name: 'keep-dist-on-failure',
    apply: 'build',
    // First, so that a later plugin's failure in buildStart is seen.
    enforce: 'pre',
    buildStart() {
      failed = false;
    },
    buildEnd(error) {
      if (error) failed = true;
    },
    renderError() {
      failed = true;
    },
  };
  const wrapped = plugins.map((plugin): Plugin => {
    const hook = plugin.closeBundle as Hook | { handler: Hook } | undefined;
    if (!hook) return plugin;
    const handler = typeof hook === 'function' ? hook : hook.handler;
    const skipIfFailed: Hook = function (this: unknown, ...args) {
      if (failed || args[0]) return undefined;
      return handler.apply(this, args);
    };
    return {
      ...plugin,
      closeBundle: (typeof hook === 'function'
        ? skipIfFailed
        : { ...hook, handler: skipIfFailed }) as Plugin['closeBundle'],
    };
  });
  return [guard, ...wrapped];
}
