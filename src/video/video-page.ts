// video.html: the page `npm run video` (and the video tests) drive. It offers the renderer and
// the file reader to the script driving it; the script streams the file's bytes out through
// `__videoWrite` when it provides one.
import { renderVideo, type VideoRequest, type VideoResult } from './render-video';
import type { Region } from './inspect';

declare global {
  interface Window {
    zgcVideo: typeof api;
    /** Given by the driving script: a piece of the file at its byte position (base64). */
    __videoWrite?: (position: number, base64: string) => Promise<void>;
    __videoProgress?: (done: number, total: number) => void;
  }
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): ArrayBuffer {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out.buffer;
}

let last: ArrayBuffer | undefined;

const api = {
  /** Renders; the bytes go to `__videoWrite` if given, else they stay here for `inspect`. */
  async render(
    req: VideoRequest,
  ): Promise<Omit<VideoResult, 'buffer'> & { error?: string; kind?: string }> {
    const write = window.__videoWrite;
    const progress = window.__videoProgress;
    let sent = 0;
    const writable = write
      ? new WritableStream<{ type: 'write'; data: Uint8Array; position: number }>({
          async write(chunk) {
            sent = Math.max(sent, chunk.position + chunk.data.length);
            await write(chunk.position, base64(chunk.data));
          },
        })
      : undefined;
    try {
      let lastReport = 0;
      const result = await renderVideo(req, {
        ...(writable ? { destination: { kind: 'stream', writable } } : {}),
        ...(progress
          ? {
              onProgress: (done: number, total: number) => {
                const now = performance.now();
                if (done === total || now - lastReport > 250) {
                  lastReport = now;
                  progress(done, total);
                }
              },
            }
          : {}),
      });
      const { buffer, ...rest } = result;
      last = buffer;
      return rest;
    } catch (err) {
      const e = err as Error;
      return { error: e.message, kind: e.constructor?.name ?? 'Error' } as never;
    }
  },
  /** The last file rendered into memory, as base64. */
  lastFile(): string | undefined {
    return last ? base64(new Uint8Array(last)) : undefined;
  },
  /** Reads a file (base64, or the last one rendered): metadata, frame hashes, region colours. */
  async inspect(file: string | undefined, frames: number[], regions: Region[] = [], png = false) {
    const { inspectVideo } = await import('./inspect');
    const bytes = file ? fromBase64(file) : last;
    if (!bytes) throw new Error('no video to inspect');
    return inspectVideo(bytes, frames, regions, png);
  },
  /** Where two frames of the last file rendered differ. */
  async diff(a: number, b: number) {
    const { diffFrames } = await import('./inspect');
    if (!last) throw new Error('no video to compare');
    return diffFrames(last, a, b);
  },
};

window.zgcVideo = api;
document.documentElement.dataset.videoReady = '';
