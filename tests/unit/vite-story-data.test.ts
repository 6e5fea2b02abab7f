import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DATA_CHANGED_EVENT,
  YamlSyntaxError,
  jsonTwin,
  storyDataPlugin,
} from '../../scripts/vite-story-data';

const ROOT = '/project';

type HotUpdate = (
  this: { environment: { name: string } },
  options: { file: string; server: unknown },
) => unknown;

function devPlugin() {
  const plugin = storyDataPlugin();
  (plugin.configResolved as (c: unknown) => void)({ root: ROOT, command: 'serve' });
  const sent: unknown[] = [];
  const server = { ws: { send: (payload: unknown) => sent.push(payload) } };
  const hotUpdate = plugin.hotUpdate as HotUpdate;
  const save = (file: string, environment = 'client') =>
    hotUpdate.call({ environment: { name: environment } }, { file, server });
  return { save, sent };
}

describe('live preview: data changes become one custom HMR event', () => {
  afterEach(() => vi.useRealTimers());

  it('sends story-data:changed with the changed files, debounced, and skips Vite’s own update', () => {
    vi.useFakeTimers();
    const { save, sent } = devPlugin();
    expect(save(`${ROOT}/stories/examples/kendall-square/story.yaml`)).toEqual([]);
    expect(save(`${ROOT}/geo/companies.geojson`)).toEqual([]);
    expect(save(`${ROOT}/stories/examples/kendall-square/story.yaml`)).toEqual([]);
    // The server-side environment skips the default handling too, without a second event.
    expect(save(`${ROOT}/geo/companies.geojson`, 'ssr')).toEqual([]);
    vi.advanceTimersByTime(49);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([
      {
        type: 'custom',
        event: DATA_CHANGED_EVENT,
        data: { files: ['geo/companies.geojson', 'stories/examples/kendall-square/story.yaml'] },
      },
    ]);
    save(`${ROOT}/geo/layers.json`);
    vi.advanceTimersByTime(50);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ data: { files: ['geo/layers.json'] } });
  });

  it('leaves other files to Vite', () => {
    vi.useFakeTimers();
    const { save, sent } = devPlugin();
    expect(save(`${ROOT}/src/main.ts`)).toBeUndefined();
    expect(save(`${ROOT}/geography/x.json`)).toBeUndefined();
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([]);
  });
});

describe('JSON twins of YAML stories', () => {
  const dir = mkdtempSync(join(tmpdir(), 'h2-twin-'));
  mkdirSync(join(dir, 'stories'));

  it('converts a story and leaves other files alone', () => {
    writeFileSync(join(dir, 'stories/ok.yaml'), 'id: ok\nsteps: []\n');
    expect(JSON.parse(jsonTwin(dir, 'stories/ok.yaml')!)).toEqual({ id: 'ok', steps: [] });
    expect(jsonTwin(dir, 'geo/layers.json')).toBeUndefined();
  });

  it('names the file and line of a syntax error instead of throwing a parser stack', () => {
    writeFileSync(join(dir, 'stories/bad.yaml'), 'id: bad\nsteps:\n  - id: a\n   title: x\n');
    let error: unknown;
    try {
      jsonTwin(dir, 'stories/bad.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(YamlSyntaxError);
    expect((error as Error).message).toMatch(/^stories\/bad.yaml:4: not valid YAML: /);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('on a real dev server', () => {
  it('a saved story reaches the page as the custom event, never as a full reload', async () => {
    const { createServer } = await import('vite');
    const dir = mkdtempSync(join(tmpdir(), 'h2-dev-'));
    mkdirSync(join(dir, 'stories'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(dir, 'stories/s.yaml'), 'id: s\n');
    const server = await createServer({
      root: dir,
      configFile: false,
      logLevel: 'silent',
      plugins: [storyDataPlugin()],
      server: { middlewareMode: true, watch: { usePolling: true, interval: 50 } },
    });
    const sent: { type: string; event?: string; data?: unknown }[] = [];
    const send = server.ws.send.bind(server.ws) as (payload: unknown) => void;
    server.ws.send = ((payload: { type: string }) => {
      sent.push(payload);
      send(payload);
    }) as typeof server.ws.send;
    try {
      await new Promise((r) => setTimeout(r, 300)); // the watcher's first scan
      writeFileSync(join(dir, 'stories/s.yaml'), 'id: s\ntitle: { en: Changed }\n');
      const deadline = Date.now() + 5000;
      while (!sent.some((p) => p.type === 'custom') && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect(sent.filter((p) => p.type === 'custom')).toEqual([
        { type: 'custom', event: DATA_CHANGED_EVENT, data: { files: ['stories/s.yaml'] } },
      ]);
      expect(sent.some((p) => p.type === 'full-reload')).toBe(false);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 15000);
});
