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
