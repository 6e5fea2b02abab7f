// <video-download>: "Download video" in the About panel. Renders the story as a video in the
// reader's own browser (src/video/, loaded only when asked), with a progress bar and Cancel,
// and hands the file over as a download; says plainly when the browser cannot encode video.
//
// Properties: story (Story), lang ('en'|'zh')
// Events:     none
import { LitElement, css, html, nothing } from 'lit';
import { sharedStyles } from './tokens';
import type { Story } from '../story/model';
import type { Lang } from '../story/schema';

const SIZES = [
  { id: 'landscape', width: 1920, height: 1080 },
  { id: 'portrait', width: 1080, height: 1920 },
  { id: 'square', width: 1080, height: 1080 },
] as const;

const TEXT = {
  en: {
    download: 'Download video',
    size: 'Shape',
    landscape: 'Landscape 1920×1080',
    portrait: 'Portrait 1080×1920',
    square: 'Square 1080×1080',
    making: 'Making the video',
    cancel: 'Cancel',
    cancelled: 'Cancelled.',
    done: 'Done: the video is in your downloads.',
    note: 'Made here, frame by frame: this takes a while; keep this tab open.',
    noEncoder:
      'This browser cannot make videos (it has no WebCodecs video encoder). Try a recent Chrome, Edge or Safari.',
    failed: 'The video could not be made',
  },
  zh: {
    download: '下载视频',
    size: '画幅',
    landscape: '横屏 1920×1080',
    portrait: '竖屏 1080×1920',
    square: '方形 1080×1080',
    making: '正在生成视频',
    cancel: '取消',
    cancelled: '已取消。',
    done: '完成：视频已保存到下载文件夹。',
    note: '视频在本机逐帧生成，需要一些时间，请保持此页面打开。',
    noEncoder:
      '此浏览器无法生成视频（没有 WebCodecs 视频编码器）。请使用较新的 Chrome、Edge 或 Safari。',
    failed: '视频未能生成',
  },
} as const;

export class VideoDownload extends LitElement {
  static override properties = {
    story: { attribute: false },
    lang: { type: String },
    _progress: { state: true },
    _message: { state: true },
    _size: { state: true },
  };

  declare story: Story | undefined;
  declare lang: Lang;
  declare _progress: number | undefined;
  declare _message: string | undefined;
  declare _size: (typeof SIZES)[number]['id'];
  #abort: AbortController | undefined;

  constructor() {
    super();
    this.lang = 'en';
    this._size = 'landscape';
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  async #start() {
    const t = TEXT[this.lang];
    const story = this.story;
    if (!story) return;
    if (typeof VideoEncoder === 'undefined') {
      this._message = t.noEncoder;
      return;
    }
    const size = SIZES.find((s) => s.id === this._size)!;
    const abort = new AbortController();
    this.#abort = abort;
    this._progress = 0;
    this._message = undefined;
    try {
      const { renderVideo, VideoUnsupportedError } = await import('../video/render-video');
      try {
        const result = await renderVideo(
          { story: story.url, lang: this.lang, width: size.width, height: size.height, fps: 30 },
          { signal: abort.signal, onProgress: (done, total) => (this._progress = done / total) },
        );
        const blob = new Blob([result.buffer!], { type: result.mimeType });
        const a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = `${story.id}-${this.lang}-${size.width}x${size.height}.${result.format}`;
        a.click();
        setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
        this._message = t.done;
      } catch (err) {
        if (abort.signal.aborted) this._message = t.cancelled;
        else if (err instanceof VideoUnsupportedError) this._message = t.noEncoder;
        else this._message = `${t.failed}: ${(err as Error).message}`;
      }
    } finally {
      this._progress = undefined;
      this.#abort = undefined;
    }
  }

  override render() {
    const t = TEXT[this.lang];
    const busy = this._progress !== undefined;
    return html`<div class="video">
      ${
        busy
          ? html`<label
                >${t.making} ${Math.round((this._progress ?? 0) * 100)}%
                <progress max="1" .value=${this._progress ?? 0}></progress>
              </label>
              <button type="button" @click=${() => this.#abort?.abort()}>${t.cancel}</button>
              <p class="note">${t.note}</p>`
          : html`<label
                >${t.size}
                <select
                  @change=${(e: Event) =>
                    (this._size = (e.target as HTMLSelectElement).value as typeof this._size)}
                >
                  ${SIZES.map(
                    (s) =>
                      html`<option value=${s.id} ?selected=${s.id === this._size}>
                        ${t[s.id]}
                      </option>`,
                  )}
                </select>
              </label>
              <button type="button" class="download" @click=${() => void this.#start()}>
                ${t.download}
              </button>`
      }
      ${this._message ? html`<p role="status">${this._message}</p>` : nothing}
    </div>`;
  }

  static override styles = [
    sharedStyles,
    css`
      .video {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 0.75rem;
        margin-top: 0.75rem;
      }
      button,
      select {
        min-height: 44px;
        font: inherit;
      }
      button {
        padding: 0.4rem 1rem;
      }
      progress {
        width: 12rem;
        vertical-align: middle;
      }
      p {
        flex-basis: 100%;
        margin: 0;
      }
      .note {
        font-size: 0.9em;
      }
    `,
  ];
}

customElements.define('video-download', VideoDownload);

declare global {
  interface HTMLElementTagNameMap {
    'video-download': VideoDownload;
  }
}
