// Reads a video file back (mediabunny's demuxer and the browser's decoder): its duration,
// size, codec and frame count, and a hash of the decoded pixels of chosen frames. What the
// tests check a written video with; `npm run video -- --stills` saves frames with it.
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input, VideoSampleSink } from 'mediabunny';

export interface VideoFacts {
  durationS: number;
  width: number;
  height: number;
  codec: string | null;
  packets: number;
  /** Per asked frame: a hash of its decoded pixels, and the mean colour of regions asked for. */
  frames: { frame: number; hash: string; regions: number[][] }[];
}

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function hashOf(data: Uint8ClampedArray<ArrayBuffer>) {
  const digest = await crypto.subtle.digest('SHA-256', data);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function inspectVideo(
  bytes: ArrayBuffer,
  frames: readonly number[] = [],
  regions: readonly Region[] = [],
  png = false,
): Promise<VideoFacts & { pngs?: string[] }> {
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack();
    if (!track) throw new Error('the file has no video track');
    let packets = 0;
    const packetSink = new EncodedPacketSink(track);
    for await (const packet of packetSink.packets(undefined, undefined, { metadataOnly: true })) {
      void packet;
      packets += 1;
    }
    const stats = await track.computePacketStats();
    const fps = stats.averagePacketRate;
    const sink = new VideoSampleSink(track);
    const canvas = document.createElement('canvas');
    canvas.width = track.displayWidth;
    canvas.height = track.displayHeight;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    const out: VideoFacts['frames'] = [];
    const pngs: string[] = [];
    for (const frame of frames) {
      // The middle of the frame's interval, so rounding never lands on its neighbour.
      const sample = await sink.getSample((frame + 0.5) / fps);
      if (!sample) throw new Error(`frame ${frame} could not be decoded`);
      sample.draw(ctx, 0, 0);
      sample.close();
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      const means = regions.map((r) => {
        const px = ctx.getImageData(r.x, r.y, r.width, r.height).data;
        let [r0, g0, b0] = [0, 0, 0];
        for (let i = 0; i < px.length; i += 4) {
          r0 += px[i]!;
          g0 += px[i + 1]!;
          b0 += px[i + 2]!;
        }
        const count = px.length / 4;
        return [r0 / count, g0 / count, b0 / count];
      });
      out.push({ frame, hash: await hashOf(data), regions: means });
      if (png) pngs.push(canvas.toDataURL('image/png'));
    }
    return {
      durationS: await input.computeDuration(),
      width: track.displayWidth,
      height: track.displayHeight,
      codec: track.codec,
      packets,
      frames: out,
      ...(png ? { pngs } : {}),
    };
  } finally {
    input.dispose();
  }
}

/**
 * Where two decoded frames differ (by more than `threshold` in any colour channel): the box
 * around those pixels and how many there are. Frames `a` and `b` are frame numbers.
 */
export async function diffFrames(
  bytes: ArrayBuffer,
  a: number,
  b: number,
  threshold = 48,
): Promise<{ count: number; box?: Region }> {
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  try {
    const track = (await input.getPrimaryVideoTrack())!;
    const fps = (await track.computePacketStats()).averagePacketRate;
    const sink = new VideoSampleSink(track);
    const { displayWidth: w, displayHeight: h } = track;
    const pixels = async (frame: number) => {
      const sample = await sink.getSample((frame + 0.5) / fps);
      if (!sample) throw new Error(`frame ${frame} could not be decoded`);
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
      sample.draw(ctx, 0, 0);
      sample.close();
      return ctx.getImageData(0, 0, w, h).data;
    };
    const pa = await pixels(a);
    const pb = await pixels(b);
    let count = 0;
    let [x0, y0, x1, y1] = [w, h, -1, -1];
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const i = (y * w + x) * 4;
        const d = Math.max(
          Math.abs(pa[i]! - pb[i]!),
          Math.abs(pa[i + 1]! - pb[i + 1]!),
          Math.abs(pa[i + 2]! - pb[i + 2]!),
        );
        if (d <= threshold) continue;
        count += 1;
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
      }
    return count
      ? { count, box: { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 } }
      : { count };
  } finally {
    input.dispose();
  }
}
