// Frames to a file: WebCodecs' VideoEncoder (H.264 High profile in MP4, or VP9 in WebM where
// asked or where the browser has no H.264 encoder) and mediabunny's muxer, writing into memory
// or into a stream the caller gives (the command line streams it to its file).
import {
  BufferTarget,
  EncodedPacket,
  EncodedVideoPacketSource,
  Mp4OutputFormat,
  Output,
  StreamTarget,
  WebMOutputFormat,
  type StreamTargetChunk,
} from 'mediabunny';

export type VideoFormat = 'mp4' | 'webm';

export interface CodecChoice {
  format: VideoFormat;
  /** mediabunny's name of the codec. */
  codec: 'avc' | 'vp9';
  config: VideoEncoderConfig;
  mimeType: string;
}

/** Why a browser cannot make the video, in words a reader understands; undefined if it can. */
export function webCodecsMissing(): string | undefined {
  if (typeof VideoEncoder === 'undefined' || typeof VideoFrame === 'undefined') return 'no-encoder';
  return undefined;
}

/**
 * A bitrate that keeps lines and type sharp: 10 Mb/s for 1080p at 30 frames a second, in
 * proportion to the pixels (and less than in proportion to the frame rate), never under 1 Mb/s.
 */
export function bitrateFor(width: number, height: number, fps: number): number {
  const pixels = (width * height) / (1920 * 1080);
  return Math.max(1_000_000, Math.round(10_000_000 * pixels * Math.sqrt(fps / 30)));
}

/** The H.264 level a frame size and rate need (High profile): 4.0 for 1080p30, more above. */
export function avcCodecString(width: number, height: number, fps: number): string {
  const macroblocks = Math.ceil(width / 16) * Math.ceil(height / 16);
  const perSecond = macroblocks * fps;
  if (macroblocks <= 8192 && perSecond <= 245_760) return 'avc1.640028'; // 4.0
  if (macroblocks <= 8704 && perSecond <= 522_240) return 'avc1.64002a'; // 4.2
  if (macroblocks <= 22_080 && perSecond <= 589_824) return 'avc1.640032'; // 5.0
  return 'avc1.640033'; // 5.1
}

/** The first codec this browser encodes at this size: H.264 for MP4 (else VP9), VP9 for WebM. */
export async function chooseCodec(
  wanted: VideoFormat,
  width: number,
  height: number,
  fps: number,
): Promise<CodecChoice | undefined> {
  if (webCodecsMissing()) return undefined;
  const base = {
    width,
    height,
    bitrate: bitrateFor(width, height, fps),
    framerate: fps,
    latencyMode: 'quality' as const,
  };
  const avc: CodecChoice = {
    format: 'mp4',
    codec: 'avc',
    config: { ...base, codec: avcCodecString(width, height, fps), avc: { format: 'avc' } },
    mimeType: 'video/mp4',
  };
  const vp9: CodecChoice = {
    format: 'webm',
    codec: 'vp9',
    config: { ...base, codec: 'vp09.00.40.08' },
    mimeType: 'video/webm',
  };
  for (const choice of wanted === 'mp4' ? [avc, vp9] : [vp9]) {
    try {
      const support = await VideoEncoder.isConfigSupported(choice.config);
      if (support.supported) return choice;
    } catch {
      // an unknown codec string throws in some browsers: not supported
    }
  }
  return undefined;
}

export type Destination =
  { kind: 'buffer' } | { kind: 'stream'; writable: WritableStream<StreamTargetChunk> };

/** One video being written: `add` each frame in order, then `finish`. */
export class VideoWriter {
  #output: Output;
  #source: EncodedVideoPacketSource;
  #encoder: VideoEncoder;
  #target: BufferTarget | StreamTarget;
  /** Packets go to the muxer one after another, in the encoder's order. */
  #queue: Promise<void> = Promise.resolve();
  #error: unknown;
  #keyEvery: number;
  /** The last picture encoded, kept to repeat it. */
  #last: VideoFrame | undefined;

  constructor(
    readonly choice: CodecChoice,
    destination: Destination,
    fps: number,
  ) {
    this.#target =
      destination.kind === 'buffer'
        ? new BufferTarget()
        : new StreamTarget(destination.writable, { chunked: true, chunkSize: 4 * 1024 * 1024 });
    this.#output = new Output({
      format:
        choice.format === 'mp4'
          ? new Mp4OutputFormat({ fastStart: destination.kind === 'buffer' ? 'in-memory' : false })
          : new WebMOutputFormat(),
      target: this.#target,
    });
    this.#source = new EncodedVideoPacketSource(choice.codec);
    this.#output.addVideoTrack(this.#source, { frameRate: fps });
    // A key frame every two seconds: players seek, and feeds cut, without long waits.
    this.#keyEvery = Math.max(1, Math.round(fps * 2));
    this.#encoder = new VideoEncoder({
      output: (chunk, meta) => {
        const packet = EncodedPacket.fromEncodedChunk(chunk);
        this.#queue = this.#queue.then(() => this.#source.add(packet, meta));
        this.#queue.catch((err: unknown) => (this.#error ??= err));
      },
      error: (err) => (this.#error ??= err),
    });
    this.#encoder.configure(choice.config);
  }

  async start() {
    await this.#output.start();
  }

  /**
   * Encodes `canvas` as frame `index`, or with `same` the picture of the frame before again
   * (a still map under a still caption: no new read of the canvas, which is the slow part);
   * waits while the encoder is behind.
   */
  async add(canvas: HTMLCanvasElement, index: number, fps: number, same = false) {
    if (this.#error) throw this.#error;
    const timing = {
      timestamp: Math.round((index * 1e6) / fps),
      duration: Math.round(1e6 / fps),
    };
    const frame =
      same && this.#last ? new VideoFrame(this.#last, timing) : new VideoFrame(canvas, timing);
    this.#encoder.encode(frame, { keyFrame: index % this.#keyEvery === 0 });
    this.#last?.close();
    this.#last = frame;
    while (this.#encoder.encodeQueueSize > 4 && !this.#error)
      await new Promise((r) => this.#encoder.addEventListener('dequeue', r, { once: true }));
    await this.#queue;
  }

  /** Flushes the encoder and writes the file's end; the bytes, when written into memory. */
  async finish(): Promise<ArrayBuffer | undefined> {
    await this.#encoder.flush();
    this.#last?.close();
    this.#last = undefined;
    await this.#queue;
    if (this.#error) throw this.#error;
    this.#encoder.close();
    await this.#output.finalize();
    return this.#target instanceof BufferTarget ? (this.#target.buffer ?? undefined) : undefined;
  }

  async cancel() {
    this.#last?.close();
    this.#last = undefined;
    if (this.#encoder.state !== 'closed') this.#encoder.close();
    await this.#output.cancel().catch(() => undefined);
  }
}
