import { describe, expect, it } from 'vitest';
import { share, type ShareEnv } from '../../src/ui/share';

const TARGET = { url: 'https://m.example/?step=a&lang=en', title: 'A story: a step' };

/** A browser made of fakes that records what the page asked of it. */
function fakeBrowser(parts: {
  share?: 'ok' | 'abort' | 'refuse';
  canShare?: boolean;
  clipboard?: 'ok' | 'refuse';
  fallback?: 'ok' | 'refuse' | 'throw';
}) {
  const calls: string[] = [];
  const env: ShareEnv = {};
  if (parts.share) {
    const how = parts.share;
    env.share = async (data) => {
      calls.push(`share ${data.url} ${data.title}`);
      if (how === 'abort') throw new DOMException('Share canceled', 'AbortError');
      if (how === 'refuse') throw new DOMException('Not allowed', 'NotAllowedError');
    };
  }
  if (parts.canShare !== undefined) {
    const can = parts.canShare;
    env.canShare = () => can;
  }
  if (parts.clipboard) {
    const how = parts.clipboard;
    env.clipboard = async (text) => {
      calls.push(`clipboard ${text}`);
      if (how === 'refuse') throw new DOMException('Denied', 'NotAllowedError');
    };
  }
  if (parts.fallback) {
    const how = parts.fallback;
    env.copyFallback = (text) => {
      calls.push(`fallback ${text}`);
      if (how === 'throw') throw new Error('no document');
      return how === 'ok';
    };
  }
  return { env, calls };
}

describe('share: the best way the browser offers', () => {
  it('uses the share sheet when there is one, with the link and the title', async () => {
    const { env, calls } = fakeBrowser({ share: 'ok', clipboard: 'ok' });
    expect(await share(TARGET, env)).toBe('shared');
    expect(calls).toEqual([`share ${TARGET.url} ${TARGET.title}`]);
  });

  it('treats a closed share sheet as the reader’s choice: no copy, no error', async () => {
    const { env, calls } = fakeBrowser({ share: 'abort', clipboard: 'ok' });
    expect(await share(TARGET, env)).toBe('cancelled');
    expect(calls).toHaveLength(1);
  });

  it('copies the link when the share sheet refuses for another reason', async () => {
    const { env, calls } = fakeBrowser({ share: 'refuse', clipboard: 'ok' });
    expect(await share(TARGET, env)).toBe('copied');
    expect(calls.at(-1)).toBe(`clipboard ${TARGET.url}`);
  });

  it('does not offer the share sheet data it says it cannot share', async () => {
    const { env, calls } = fakeBrowser({ share: 'ok', canShare: false, clipboard: 'ok' });
    expect(await share(TARGET, env)).toBe('copied');
    expect(calls).toEqual([`clipboard ${TARGET.url}`]);
  });

  it('copies with the clipboard API where there is no share sheet', async () => {
    const { env, calls } = fakeBrowser({ clipboard: 'ok', fallback: 'ok' });
    expect(await share(TARGET, env)).toBe('copied');
    expect(calls).toEqual([`clipboard ${TARGET.url}`]);
  });

  it('falls back to the copy command when the clipboard is refused or missing', async () => {
    const refused = fakeBrowser({ clipboard: 'refuse', fallback: 'ok' });
    expect(await share(TARGET, refused.env)).toBe('copied');
    expect(refused.calls).toEqual([`clipboard ${TARGET.url}`, `fallback ${TARGET.url}`]);
    const missing = fakeBrowser({ fallback: 'ok' });
    expect(await share(TARGET, missing.env)).toBe('copied');
  });

  it('says so when nothing works', async () => {
    expect(await share(TARGET, {})).toBe('failed');
    expect(await share(TARGET, fakeBrowser({ fallback: 'refuse' }).env)).toBe('failed');
    expect(await share(TARGET, fakeBrowser({ clipboard: 'refuse', fallback: 'throw' }).env)).toBe(
      'failed',
    );
    expect(await share(TARGET, fakeBrowser({ share: 'refuse' }).env)).toBe('failed');
  });
});
