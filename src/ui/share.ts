// Sharing a link, as a decision over what the browser offers, so it can be tested with fakes:
// the system share sheet (Web Share API) where there is one, otherwise the clipboard,
// otherwise the old copy command. <share-button> passes the real browser in.

export interface ShareTarget {
  url: string;
  title: string;
}

/** What the browser can do, each part optional (most desktop browsers have no share sheet). */
export interface ShareEnv {
  /** `navigator.share`, bound. */
  share?: (data: { url: string; title: string }) => Promise<void>;
  /** `navigator.canShare`, bound: a browser may have a share sheet that refuses some data. */
  canShare?: (data: { url: string; title: string }) => boolean;
  /** `navigator.clipboard.writeText`, bound. */
  clipboard?: (text: string) => Promise<void>;
  /** Copies with a selected text field and `document.execCommand('copy')`; false if refused. */
  copyFallback?: (text: string) => boolean;
}

export type ShareOutcome = 'shared' | 'copied' | 'cancelled' | 'failed';

/** The reader closed the share sheet: their choice, not an error to report. */
function isCancel(err: unknown): boolean {
  return (
    typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AbortError'
  );
}

/**
 * Shares `target` the best way `env` offers. A share sheet that fails for another reason
 * (not allowed here, data refused) falls back to copying, so the reader still gets the link.
 */
export async function share(target: ShareTarget, env: ShareEnv): Promise<ShareOutcome> {
  const data = { url: target.url, title: target.title };
  if (env.share && (env.canShare?.(data) ?? true)) {
    try {
      await env.share(data);
      return 'shared';
    } catch (err) {
      if (isCancel(err)) return 'cancelled';
    }
  }
  if (env.clipboard) {
    try {
      await env.clipboard(target.url);
      return 'copied';
    } catch {
      // Refused (no permission, page not focused): the old way may still work.
    }
  }
  if (env.copyFallback) {
    try {
      if (env.copyFallback(target.url)) return 'copied';
    } catch {
      // nothing left to try
    }
  }
  return 'failed';
}
