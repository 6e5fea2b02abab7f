// Interface strings in English and Chinese. Story text lives in the story file, not here.
import type { Lang } from '../story/schema';

const en = {
  appTitle: 'Zhongguancun Map Story',
  next: 'Next',
  previous: 'Previous',
  progress: (n: number, total: number) => `${n} / ${total}`,
  stepOf: (n: number, total: number) => `Step ${n} of ${total}`,
  timeline: 'Timeline',
  eras: 'Periods',
  jumpTo: (year: string, title: string) => `${year}: ${title}`,
  language: 'Language',
  switchTo: '中文',
  switchToLabel: 'Switch to Chinese',
  explore: 'Explore',
  resume: 'Resume story',
  about: 'About',
  close: 'Close',
  places: 'Places in this step',
  continues: 'More below ↓',
  showMore: 'Show the whole text',
  showLess: 'Show more of the map',
  loading: 'Loading the story…',
  storyFailed: 'This story could not be opened',
  storyWarnings: 'Some of the map data could not be used',
  editRefused: 'The saved file has errors: the version before it is still shown',
  mapLabel: (title: string) => `Map: ${title}`,
  credits: 'Credits',
  article: 'Based on the article',
  by: 'by',
  mediaCredit: 'Credit',
  dismiss: 'Dismiss',
  layers: 'Layers',
  yourData: 'Your data',
  otherLayers: 'Other layers',
  storyLayers: 'Story layers',
  addGeoJson: 'Add your own GeoJSON file',
  dropHint: 'or drop a .geojson file on the map. It stays on this device.',
  year: 'Year',
  playYears: 'Play through the years',
  pauseYears: 'Pause',
  search: 'Search places',
  searchPlaceholder: 'Name, 中文 or pinyin',
  noResults: 'No place found',
  kind: 'Kind',
  years: 'Years',
  today: 'today',
  source: 'Source',
  seeInStory: 'See it in the story',
  explorePanel: 'Explore the map',
  touchToExplore: 'Touch to explore',
  stillThere: 'Still there?',
  resettingIn: (s: number) => `The story starts again in ${s} s.`,
  imHere: 'I’m here',
  noMap: 'This browser cannot draw the map (WebGL is not available), so here is the story as text.',
  // ---- limits (issue 26): long lists of problems, summarised ----
  moreLike: (count: number, like: string) =>
    `… and ${count.toLocaleString('en-US')} more like: ${like}`,
  // ---- scroll reader (issue #22) ----
  scrollMotion: 'Move the map as I read',
};

export type Strings = typeof en;

const zh: Strings = {
  appTitle: '中关村地图故事',
  next: '下一步',
  previous: '上一步',
  progress: (n, total) => `${n} / ${total}`,
  stepOf: (n, total) => `第 ${n} 步，共 ${total} 步`,
  timeline: '时间轴',
  eras: '时期',
  jumpTo: (year, title) => `${year}：${title}`,
  language: '语言',
  switchTo: 'English',
  switchToLabel: '切换到英文',
  explore: '自由探索',
  resume: '回到故事',
  about: '关于',
  close: '关闭',
  places: '本步涉及的地点',
  continues: '下文还有 ↓',
  showMore: '展开全文',
  showLess: '收起，显示更多地图',
  loading: '正在载入故事……',
  storyFailed: '无法打开这个故事',
  storyWarnings: '部分地图数据无法使用',
  editRefused: '保存的文件有错误，仍显示之前的版本',
  mapLabel: (title) => `地图：${title}`,
  credits: '致谢',
  article: '改编自文章',
  by: '作者',
  mediaCredit: '来源',
  dismiss: '关闭提示',
  layers: '图层',
  yourData: '你的数据',
  otherLayers: '其他图层',
  storyLayers: '故事图层',
  addGeoJson: '添加你自己的 GeoJSON 文件',
  dropHint: '或把 .geojson 文件拖到地图上。文件只留在本机。',
  year: '年份',
  playYears: '按年份播放',
  pauseYears: '暂停',
  search: '搜索地点',
  searchPlaceholder: '英文名、中文名或拼音',
  noResults: '没有找到地点',
  kind: '类型',
  years: '年份',
  today: '至今',
  source: '来源',
  seeInStory: '在故事中查看',
  explorePanel: '探索地图',
  touchToExplore: '触摸屏幕，开始探索',
  stillThere: '还在看吗？',
  resettingIn: (s) => `${s} 秒后故事将重新开始。`,
  imHere: '我还在',
  noMap: '此浏览器无法绘制地图（不支持 WebGL），以下是故事的文字版。',
  // ---- limits (issue 26): long lists of problems, summarised ----
  moreLike: (count, like) => `……另有 ${count.toLocaleString('zh-CN')} 条同类问题：${like}`,
  // ---- scroll reader (issue #22) ----
  scrollMotion: '地图随阅读移动',
};

const STRINGS: Record<Lang, Strings> = { en, zh };

// ---- embedding (issue #22): MapLibre's cooperative-gesture hints, for an embedded map ----

/** MapLibre's own string ids, so `locale` patches its table. */
export function cooperativeGestureText(lang: Lang): Record<string, string> {
  return lang === 'zh'
    ? {
        'CooperativeGesturesHandler.WindowsHelpText': '按住 Ctrl 键并滚动以缩放地图',
        'CooperativeGesturesHandler.MacHelpText': '按住 ⌘ 键并滚动以缩放地图',
        'CooperativeGesturesHandler.MobileHelpText': '用两根手指移动地图',
      }
    : {
        'CooperativeGesturesHandler.WindowsHelpText': 'Use Ctrl + scroll to zoom the map',
        'CooperativeGesturesHandler.MacHelpText': 'Use ⌘ + scroll to zoom the map',
        'CooperativeGesturesHandler.MobileHelpText': 'Use two fingers to move the map',
      };
}

export function strings(lang: Lang): Strings {
  return STRINGS[lang];
}

/** BCP 47 tag for the `lang` attribute, so screen readers pick the right voice. */
export function langTag(lang: Lang): string {
  return lang === 'zh' ? 'zh-Hans' : 'en';
}
