// <print-view>: the whole story as a handout, for A4 and Letter alike: a title page with the
// credits and the list of steps, then every step with its year, title, text (links followed
// by their address), places and a picture of its map. A step is never split across pages.
// On screen it is a long page to read, with "Back to the story" and "Print"; on paper the
// buttons go, everything is black on white, and pages are numbered.
//
// Properties: story (Story), lang ('en'|'zh'),
//             pictures (Map of step id → image URL, a data: URL of the map; assign a new
//               Map when one is added: Lit compares by identity),
//             placeNames (Map of feature id → name, in `lang`)
// @fires ui-print {} - Print was pressed (the app prints the page)
// @fires ui-nav { action: 'resume' } - Back to the story
import { LitElement, css, html, nothing } from 'lit';
import { localize, type Story, type Step } from '../story/model';
import type { Lang } from '../story/schema';
import { formatYear } from '../story/timeline';
import { safeHref } from '../story/markdown';
import { langTag, strings } from '../i18n/strings';
import { emit } from './events';
import { renderPrintMarkdown } from './markdown-print';
import { sharedStyles } from './tokens';

declare module './events' {
  interface UiEventMap {
    /** The handout's Print button. */
    'ui-print': Record<string, never>;
  }
}

const TEXT: Record<
  Lang,
  {
    print: string;
    back: string;
    contents: string;
    drawing: string;
    drawn: (n: number, total: number) => string;
    ready: string;
  }
> = {
  en: {
    print: 'Print',
    back: 'Back to the story',
    contents: 'In this story',
    drawing: 'The map is being drawn…',
    drawn: (n, total) => `Drawing the maps: ${n} of ${total}`,
    ready: 'Every map is drawn: ready to print.',
  },
  zh: {
    print: '打印',
    back: '返回故事',
    contents: '故事目录',
    drawing: '正在绘制地图……',
    drawn: (n, total) => `正在绘制地图：${n} / ${total}`,
    ready: '地图已全部绘制完成，可以打印。',
  },
};

/**
 * The paper's own rules. `@page` only applies from the document's style sheets, not from a
 * shadow root, so the element lends the document this sheet while it is on the page.
 * The margins suit A4 (210 × 297 mm) and Letter (216 × 279 mm) alike: the text block is
 * 180 mm wide at most and a step is laid out to fit the shorter Letter page.
 */
const PAGE_SHEET_TEXT = `
@page {
  margin: 16mm 15mm 18mm;
  @bottom-center {
    content: counter(page) " / " counter(pages);
    font: 9pt 'Noto Sans', 'Noto Sans SC', sans-serif;
    color: #444;
  }
}
@page :first {
  @bottom-center { content: none; }
}
`;

let pageSheet: CSSStyleSheet | undefined;
let pageSheetUsers = 0;

function lendPageSheet() {
  if (pageSheetUsers++ > 0) return;
  pageSheet ??= new CSSStyleSheet();
  pageSheet.replaceSync(PAGE_SHEET_TEXT);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];
}

function returnPageSheet() {
  if (--pageSheetUsers > 0) return;
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== pageSheet);
}

export class PrintView extends LitElement {
  static override properties = {
    story: { attribute: false },
    lang: { type: String },
    pictures: { attribute: false },
    placeNames: { attribute: false },
  };

  declare story: Story | undefined;
  declare lang: Lang;
  declare pictures: Map<string, string>;
  declare placeNames: Map<string, string>;

  constructor() {
    super();
    this.lang = 'en';
    this.pictures = new Map();
    this.placeNames = new Map();
  }

  override connectedCallback() {
    super.connectedCallback();
    lendPageSheet();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    returnPageSheet();
  }

  #step(step: Step, total: number) {
    const lang = this.lang;
    const t = strings(lang);
    const title = localize(step.title, lang);
    const picture = this.pictures.get(step.id);
    const places = step.places.flatMap((id) => {
      const name = this.placeNames.get(id);
      return name ? [name] : [];
    });
    return html`<section class="step" id="step-${step.id}" aria-labelledby="title-${step.id}">
      <p class="eyebrow">
        ${step.year !== undefined ? html`<span class="year">${formatYear(step.year, step.yearEnd)}</span>` : nothing}
        <span class="progress">${t.stepOf(step.index + 1, total)}</span>
      </p>
      <h2 id="title-${step.id}">${title}</h2>
      <div class="body">${renderPrintMarkdown(localize(step.body, lang))}</div>
      ${
        places.length
          ? html`<p class="places"><strong>${t.places}:</strong> ${places.join(' · ')}</p>`
          : nothing
      }
      <figure class="picture">
        ${
          picture
            ? html`<img src=${picture} alt=${t.mapLabel(title)} />`
            : html`<div class="missing" role="img" aria-label=${t.mapLabel(title)}>
                <span>${TEXT[lang].drawing}</span>
              </div>`
        }
      </figure>
    </section>`;
  }

  #titlePage(story: Story) {
    const lang = this.lang;
    const t = strings(lang);
    const a = story.article;
    const articleHref = a ? safeHref(a.url) : undefined;
    const zh = lang === 'zh';
    const sep = zh ? '，' : ', ';
    return html`<section class="title-page">
      <h1>${localize(story.title, lang)}</h1>
      ${story.subtitle ? html`<p class="subtitle">${localize(story.subtitle, lang)}</p>` : nothing}
      <section class="credits" aria-labelledby="credits-title">
        <h2 id="credits-title">${t.credits}</h2>
        ${
          a
            ? html`<p class="article">
                ${t.article}${zh ? '：' : ': '}<cite>${zh ? `《${a.title}》` : a.title}</cite>${sep}${t.by}
                ${a.author}${sep}<i>${a.publication}</i>${sep}<time datetime=${a.date}
                  >${a.date}</time
                >${zh ? '。' : '.'}
                ${
                  articleHref
                    ? html`<br /><a
                          class="address"
                          href=${articleHref}
                          target="_blank"
                          rel="noopener noreferrer"
                          >${articleHref}</a
                        >`
                    : nothing
                }
              </p>`
            : nothing
        }
        ${
          story.creditsText
            ? html`<div class="credits-text">
                ${renderPrintMarkdown(localize(story.creditsText, lang))}
              </div>`
            : nothing
        }
      </section>
      <section class="contents" aria-labelledby="contents-title">
        <h2 id="contents-title">${TEXT[lang].contents}</h2>
        <ol>
          ${story.steps.map(
            (s) =>
              html`<li>
                ${s.year !== undefined ? html`<span class="year">${formatYear(s.year, s.yearEnd)}</span>` : nothing}
                <span>${localize(s.title, lang)}</span>
              </li>`,
          )}
        </ol>
      </section>
    </section>`;
  }

  override render() {
    const story = this.story;
    if (!story) return nothing;
    const lang = TEXT[this.lang] ? this.lang : 'en';
    const text = TEXT[lang];
    const total = story.steps.length;
    const drawn = story.steps.filter((s) => this.pictures.has(s.id)).length;
    return html`<div class="toolbar" lang=${langTag(lang)}>
        <button class="back" @click=${() => emit(this, 'ui-nav', { action: 'resume' })}>
          <span aria-hidden="true">←</span> ${text.back}
        </button>
        <p class="status">
          ${drawn < total ? text.drawn(drawn, total) : nothing}
          <span role="status">${drawn >= total ? text.ready : nothing}</span>
        </p>
        <button class="print primary" @click=${() => emit(this, 'ui-print', {})}>
          ${text.print}
        </button>
      </div>
      <article class="sheet" lang=${langTag(lang)}>
        ${this.#titlePage(story)} ${story.steps.map((s) => this.#step(s, total))}
      </article>`;
  }

  static override styles = [
    sharedStyles,
    css`
      /* On screen: a long page that scrolls by itself inside the app. */
      :host {
        display: block;
        box-sizing: border-box;
        height: 100%;
        overflow: auto;
        background: var(--paper-tint, #f7f5f1);
        color: var(--ink, #1c1917);
        font-family: var(--font-text, 'Noto Sans', 'Noto Sans SC', system-ui, sans-serif);
      }
      .toolbar {
        position: sticky;
        top: 0;
        z-index: 1;
        display: flex;
        align-items: center;
        gap: var(--space-3, 12px);
        padding: var(--space-2, 8px) var(--space-4, 16px);
        font-size: var(--text-ui, 14px);
        background: var(--paper, #fff);
        border-bottom: 1px solid var(--line-soft, #e7e5e4);
      }
      .status {
        flex: 1;
        margin: 0;
        color: var(--muted, #57534e);
        text-align: center;
      }
      .sheet {
        box-sizing: border-box;
        /* The text block of the paper (180 mm), so the screen shows how it will print. */
        max-width: 180mm;
        margin: var(--space-5, 24px) auto;
        padding: 14mm 12mm;
        background: var(--paper, #fff);
        box-shadow: var(--shadow-1, 0 1px 3px rgb(0 0 0 / 0.14));
        font-size: 16px;
        line-height: var(--leading-body, 1.55);
      }
      .sheet:lang(zh) {
        line-height: var(--leading-body-zh, 1.75);
      }
      h1 {
        margin: 0 0 0.3em;
        font-size: 2.1em;
        line-height: var(--leading-tight, 1.22);
      }
      h2 {
        margin: 0 0 0.4em;
        font-size: 1.35em;
        line-height: var(--leading-tight, 1.22);
      }
      .title-page h2 {
        margin-top: 1.4em;
        font-size: 1.05em;
        text-transform: uppercase;
        letter-spacing: 0.05em;
        color: var(--muted, #57534e);
      }
      .title-page h2:lang(zh) {
        letter-spacing: 0.1em;
      }
      .subtitle {
        margin: 0;
        font-size: 1.2em;
        color: var(--muted, #57534e);
      }
      .contents ol {
        margin: 0;
        padding: 0;
        list-style: none;
        columns: 2;
        column-gap: 8mm;
        font-size: 0.92em;
      }
      .contents li {
        display: flex;
        gap: 0.6em;
        break-inside: avoid;
        margin-bottom: 0.25em;
      }
      .contents .year {
        flex: none;
        min-width: 3.2em;
      }
      /* Titles and names in Chinese are marked by their brackets, never slanted. */
      cite:lang(zh),
      i:lang(zh) {
        font-style: normal;
      }
      .year {
        font-weight: 700;
        color: var(--accent, #b91c1c);
      }
      .step {
        /* Clear of the sticky toolbar when a link jumps to a step. */
        scroll-margin-top: 4.5em;
        margin-top: 12mm;
        padding-top: 6mm;
        border-top: 0.4mm solid var(--line-soft, #e7e5e4);
      }
      .eyebrow {
        display: flex;
        justify-content: space-between;
        margin: 0 0 0.3em;
        font-size: 0.85em;
        color: var(--muted, #57534e);
      }
      .body p,
      .body ul,
      .credits-text p {
        margin: 0 0 0.6em;
      }
      .address {
        overflow-wrap: anywhere;
        color: var(--muted, #57534e);
      }
      a.address {
        color: var(--link, #1d4ed8);
      }
      .places {
        margin: 0.4em 0;
        font-size: 0.9em;
        color: var(--muted, #57534e);
      }
      .picture {
        margin: 4mm 0 0;
      }
      /* The map as it was captured (the screen's shape), never taller than fits a page. */
      .picture img {
        display: block;
        box-sizing: border-box;
        max-width: 100%;
        max-height: 105mm;
        margin: 0 auto;
        border: 0.3mm solid var(--line, #a8a29e);
      }
      .missing {
        box-sizing: border-box;
        width: 100%;
        max-height: 105mm;
        aspect-ratio: 16 / 10;
        display: grid;
        place-items: center;
        border: 0.3mm dashed var(--line, #a8a29e);
        color: var(--muted, #57534e);
        background: var(--paper-tint, #f7f5f1);
      }

      @media print {
        :host {
          height: auto;
          overflow: visible;
          background: #fff;
          color: #000;
        }
        .toolbar {
          display: none;
        }
        .sheet {
          max-width: none;
          margin: 0;
          padding: 0;
          box-shadow: none;
          font-size: 10.5pt;
        }
        .title-page {
          break-after: page;
        }
        /* No step is split across pages; a short step shares a page with the next. */
        .step {
          break-inside: avoid;
          margin-top: 0;
          padding-top: 5mm;
          padding-bottom: 5mm;
          border-top: 0.3mm solid #999;
        }
        .title-page + .step {
          border-top: none;
          padding-top: 0;
        }
        .year,
        .eyebrow,
        .subtitle,
        .places,
        .address,
        a,
        a.address,
        .title-page h2 {
          color: #000;
        }
        a {
          text-decoration: none;
        }
        .picture img {
          border-color: #999;
        }
        /* A title stays with its text. */
        h2 {
          break-after: avoid;
        }
      }
    `,
  ];
}

customElements.define('print-view', PrintView);

declare global {
  interface HTMLElementTagNameMap {
    'print-view': PrintView;
  }
}
