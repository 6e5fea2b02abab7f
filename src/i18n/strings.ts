// Interface strings in English and Chinese. Story text lives in the story file, not here.
import type { Lang } from '../story/schema';

const en = {
  appTitle: 'Zhongguancun Map Story',
  next: 'Next',
  previous: 'Previous',
  progress: (n: number, total: number) => `${n} / ${total}`,
  stepOf: (n: number, total: number) => `Step ${n} of ${total}`,
  timeline: 'Timeline',
  jumpTo: (year: string, title: string) => `${year}: ${title}`,
  language: 'Language',
  switchTo: '中文',
  switchToLabel: 'Switch to Chinese',
  explore: 'Explore',
  resume: 'Resume story',
  about: 'About',
  close: 'Close',
  places: 'Places in this step',
  loading: 'Loading the story…',
  storyFailed: 'This story could not be opened',
  storyWarnings: 'Some of the map data could not be used',
  basemapFallback: 'Using the embedded basemap',
  map: 'Map',
  mapLabel: (title: string) => `Map: ${title}`,
  credits: 'Credits',
  article: 'Based on the article',
  by: 'by',
  mediaCredit: 'Credit',
  mode: { story: 'Story', explore: 'Explore', kiosk: 'Kiosk' },
  dismiss: 'Dismiss',
};

export type Strings = typeof en;

const zh: Strings = {
  appTitle: '中关村地图故事',
  next: '下一步',
  previous: '上一步',
  progress: (n, total) => `${n} / ${total}`,
  stepOf: (n, total) => `第 ${n} 步，共 ${total} 步`,
  timeline: '时间轴',
  jumpTo: (year, title) => `${year}：${title}`,
  language: '语言',
  switchTo: 'English',
  switchToLabel: '切换到英文',
  explore: '自由探索',
  resume: '回到故事',
  about: '关于',
  close: '关闭',
  places: '本步涉及的地点',
  loading: '正在载入故事……',
  storyFailed: '无法打开这个故事',
  storyWarnings: '部分地图数据无法使用',
  basemapFallback: '正在使用内置底图',
  map: '地图',
  mapLabel: (title) => `地图：${title}`,
  credits: '致谢',
  article: '改编自文章',
  by: '作者',
  mediaCredit: '来源',
  mode: { story: '故事', explore: '探索', kiosk: '展台' },
  dismiss: '关闭提示',
};

const STRINGS: Record<Lang, Strings> = { en, zh };

export function strings(lang: Lang): Strings {
  return STRINGS[lang];
}

/** BCP 47 tag for the `lang` attribute, so screen readers pick the right voice. */
export function langTag(lang: Lang): string {
  return lang === 'zh' ? 'zh-Hans' : 'en';
}
