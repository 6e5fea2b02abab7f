// Street-level Haidian for the embedded basemap: subway lines and stations, the arterial roads
// the story's places sit on, neighbourhood names and the two imperial parks, written to
// geo/basemap/haidian-streets.geojson (every feature with the data contract's properties).
//
//   npx tsx scripts/build-haidian.ts && npx tsx scripts/build-basemap.ts
//
// Deterministic: every position is recorded below with where it came from. Station positions
// are OpenStreetMap nodes (WGS84, © OpenStreetMap contributors, ODbL) read from the reference
// dataset described in geo/notes/haidian-streets.md; roads are drawn through those nodes where
// a line runs under the road, and through published interchange positions elsewhere. No value
// from a Chinese web map (GCJ-02 / BD-09) is used. The file is checked by
// tests/unit/haidian-streets.test.ts (every station within 100 m of its node).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Feature, FeatureCollection, Position } from 'geojson';

export interface StationNode {
  name: string;
  name_zh: string;
  /** OpenStreetMap node id (public_transport=station) */
  osm: number;
  lat: number;
  lon: number;
  /** The year the station first opened, on whichever line came first. */
  since: number;
}

/**
 * Station nodes, keyed by a kebab-case slug. Coordinates are the OSM node positions as
 * published (WGS84). Where OSM has two nodes for one station (one per line), the one for the
 * line that opened first is used and the other is named in the notes.
 */
export const STATIONS: Record<string, StationNode> = {
  // Line 4 (2009) and its interchanges
  'anheqiao-bei': {
    name: 'Anheqiao North',
    name_zh: '安河桥北',
    osm: 5441503035,
    lat: 40.0110618,
    lon: 116.2639202,
    since: 2009,
  },
  beigongmen: {
    name: 'Beigongmen',
    name_zh: '北宫门',
    osm: 6497814374,
    lat: 40.0011928,
    lon: 116.2713671,
    since: 2009,
  },
  xiyuan: {
    name: 'Xiyuan',
    name_zh: '西苑',
    osm: 6580603898,
    lat: 39.9966984,
    lon: 116.2855319,
    since: 2009,
  },
  yuanmingyuan: {
    name: 'Yuanmingyuan Park',
    name_zh: '圆明园',
    osm: 7861046849,
    lat: 39.9982949,
    lon: 116.3036739,
    since: 2009,
  },
  'pku-east-gate': {
    name: 'East Gate of Peking University',
    name_zh: '北京大学东门',
    osm: 7861046850,
    lat: 39.9907813,
    lon: 116.3097264,
    since: 2009,
  },
  zhongguancun: {
    name: 'Zhongguancun',
    name_zh: '中关村',
    osm: 7861046851,
    lat: 39.9826574,
    lon: 116.3103787,
    since: 2009,
  },
  'haidian-huangzhuang': {
    name: 'Haidian Huangzhuang',
    name_zh: '海淀黄庄',
    osm: 6606270273,
    lat: 39.9747132,
    lon: 116.3115201,
    since: 2008,
  },
  'renmin-university': {
    name: 'Renmin University',
    name_zh: '人民大学',
    osm: 7861046852,
    lat: 39.965744,
    lon: 116.3157286,
    since: 2009,
  },
  weigongcun: {
    name: 'Weigongcun',
    name_zh: '魏公村',
    osm: 7861046853,
    lat: 39.9563044,
    lon: 116.3171815,
    since: 2009,
  },
  'national-library': {
    name: 'National Library',
    name_zh: '国家图书馆',
    osm: 5429413631,
    lat: 39.9412214,
    lon: 116.3187284,
    since: 2009,
  },
  'beijing-zoo': {
    name: 'Beijing Zoo',
    name_zh: '动物园',
    osm: 5429399341,
    lat: 39.9369392,
    lon: 116.332733,
    since: 2009,
  },
  xizhimen: {
    name: 'Xizhimen',
    name_zh: '西直门',
    osm: 5430462574,
    lat: 39.9392172,
    lon: 116.3492348,
    since: 1984,
  },
  // Line 10
  gongzhufen: {
    name: 'Gongzhufen',
    name_zh: '公主坟',
    osm: 5430421400,
    lat: 39.9061762,
    lon: 116.3041253,
    since: 1969,
  },
  xidiaoyutai: {
    name: 'Xidiaoyutai',
    name_zh: '西钓鱼台',
    osm: 5453388186,
    lat: 39.9218994,
    lon: 116.2919093,
    since: 2012,
  },
  cishousi: {
    name: 'Cishousi',
    name_zh: '慈寿寺',
    osm: 5430509863,
    lat: 39.9315586,
    lon: 116.2888626,
    since: 2012,
  },
  chedaogou: {
    name: 'Chedaogou',
    name_zh: '车道沟',
    osm: 5453371982,
    lat: 39.9451275,
    lon: 116.2878965,
    since: 2012,
  },
  changchunqiao: {
    name: 'Changchunqiao',
    name_zh: '长春桥',
    osm: 5444434450,
    lat: 39.9574108,
    lon: 116.2880393,
    since: 2012,
  },
  huoqiying: {
    name: 'Huoqiying',
    name_zh: '火器营',
    osm: 5444436956,
    lat: 39.9643309,
    lon: 116.2834171,
    since: 2012,
  },
  bagou: {
    name: 'Bagou',
    name_zh: '巴沟',
    osm: 5430448102,
    lat: 39.9732969,
    lon: 116.2874286,
    since: 2008,
  },
  suzhoujie: {
    name: 'Suzhoujie',
    name_zh: '苏州街',
    osm: 5448587388,
    lat: 39.9743281,
    lon: 116.2999736,
    since: 2008,
  },
  zhichunli: {
    name: 'Zhichunli',
    name_zh: '知春里',
    osm: 7896877681,
    lat: 39.9749496,
    lon: 116.3229284,
    since: 2008,
  },
  zhichunlu: {
    name: 'Zhichunlu',
    name_zh: '知春路',
    osm: 5430403863,
    lat: 39.9750927,
    lon: 116.3343902,
    since: 2002,
  },
  xitucheng: {
    name: 'Xitucheng',
    name_zh: '西土城',
    osm: 5448585739,
    lat: 39.9748659,
    lon: 116.3477745,
    since: 2008,
  },
  mudanyuan: {
    name: 'Mudanyuan',
    name_zh: '牡丹园',
    osm: 5448581898,
    lat: 39.9749126,
    lon: 116.3630635,
    since: 2008,
  },
  jiandemen: {
    name: 'Jiandemen',
    name_zh: '健德门',
    osm: 5447625351,
    lat: 39.9750859,
    lon: 116.3747659,
    since: 2008,
  },
  // Line 13
  dazhongsi: {
    name: 'Dazhongsi',
    name_zh: '大钟寺',
    osm: 6617852356,
    lat: 39.9652731,
    lon: 116.3390137,
    since: 2002,
  },
  wudaokou: {
    name: 'Wudaokou',
    name_zh: '五道口',
    osm: 5442237543,
    lat: 39.9914779,
    lon: 116.3317017,
    since: 2002,
  },
  shangdi: {
    name: 'Shangdi',
    name_zh: '上地',
    osm: 6617852359,
    lat: 40.0317646,
    lon: 116.3140843,
    since: 2002,
  },
  qinghe: {
    name: 'Qinghe Railway Station',
    name_zh: '清河站',
    osm: 7116372189,
    lat: 40.0397784,
    lon: 116.3086826,
    since: 2019,
  },
  xierqi: {
    name: "Xi'erqi",
    name_zh: '西二旗',
    osm: 5430533767,
    lat: 40.0517165,
    lon: 116.3001813,
    since: 2002,
  },
  longze: {
    name: 'Longze',
    name_zh: '龙泽',
    osm: 6617852360,
    lat: 40.0695732,
    lon: 116.3132033,
    since: 2002,
  },
  // Line 15
  'qinghuadonglu-xikou': {
    name: 'Qinghuadonglu Xikou',
    name_zh: '清华东路西口',
    osm: 3379245690,
    lat: 39.9993038,
    lon: 116.3336262,
    since: 2014,
  },
  liudaokou: {
    name: 'Liudaokou',
    name_zh: '六道口',
    osm: 5687426566,
    lat: 39.9996659,
    lon: 116.3466428,
    since: 2014,
  },
  beishatan: {
    name: 'Beishatan',
    name_zh: '北沙滩',
    osm: 3379245686,
    lat: 40.0001238,
    lon: 116.3620432,
    since: 2014,
  },
  // Line 16 (Bei'anhe, Wenyang Road and Tundian are west of Yongfeng South; Daoxianghu Road and
  // Yongfeng, between them, have no node in the reference and are not drawn)
  beianhe: {
    name: "Bei'anhe",
    name_zh: '北安河',
    osm: 4564113110,
    lat: 40.0668592,
    lon: 116.1243785,
    since: 2016,
  },
  'wenyang-lu': {
    name: 'Wenyang Road',
    name_zh: '温阳路',
    osm: 4564113107,
    lat: 40.0675113,
    lon: 116.1555687,
    since: 2016,
  },
  tundian: {
    name: 'Tundian',
    name_zh: '屯佃',
    osm: 4564113101,
    lat: 40.0673089,
    lon: 116.2093337,
    since: 2016,
  },
  'yongfeng-nan': {
    name: 'Yongfeng South',
    name_zh: '永丰南',
    osm: 4564112888,
    lat: 40.0630145,
    lon: 116.2435428,
    since: 2016,
  },
  xibeiwang: {
    name: 'Xibeiwang',
    name_zh: '西北旺',
    osm: 4564112882,
    lat: 40.0478932,
    lon: 116.2520781,
    since: 2016,
  },
  malianwa: {
    name: 'Malianwa',
    name_zh: '马连洼',
    osm: 4564112875,
    lat: 40.031445,
    lon: 116.265829,
    since: 2016,
  },
  'nongda-nanlu': {
    name: 'Nongda Nanlu',
    name_zh: '农大南路',
    osm: 4564112873,
    lat: 40.0184431,
    lon: 116.2770283,
    since: 2017,
  },
  wanquanheqiao: {
    name: 'Wanquanheqiao',
    name_zh: '万泉河桥',
    osm: 4564112855,
    lat: 39.9839185,
    lon: 116.2942646,
    since: 2020,
  },
  suzhouqiao: {
    name: 'Suzhouqiao',
    name_zh: '苏州桥',
    osm: 4564112846,
    lat: 39.9612484,
    lon: 116.3015319,
    since: 2020,
  },
  wanshousi: {
    name: 'Wanshousi',
    name_zh: '万寿寺',
    osm: 4564112842,
    lat: 39.9471407,
    lon: 116.3032926,
    since: 2020,
  },
  // Changping Line
  'life-science-park': {
    name: 'Life Science Park',
    name_zh: '生命科学园',
    osm: 8073325263,
    lat: 40.093573,
    lon: 116.288183,
    since: 2010,
  },
  zhufangbei: {
    name: 'Zhufangbei',
    name_zh: '朱房北',
    osm: 13161970243,
    lat: 40.0347054,
    lon: 116.3259094,
    since: 2024,
  },
  'qinghe-xiaoyingqiao': {
    name: 'Qinghe Xiaoyingqiao',
    name_zh: '清河小营桥',
    osm: 10605339567,
    lat: 40.0338705,
    lon: 116.3367846,
    since: 2023,
  },
  xuezhiyuan: {
    name: 'Xuezhiyuan',
    name_zh: '学知园',
    osm: 10605339566,
    lat: 40.0136302,
    lon: 116.3457528,
    since: 2023,
  },
  xueyuanqiao: {
    name: 'Xueyuanqiao',
    name_zh: '学院桥',
    osm: 10605339565,
    lat: 39.9868013,
    lon: 116.3472515,
    since: 2023,
  },
  jimenqiao: {
    name: 'Jimenqiao',
    name_zh: '蓟门桥',
    osm: 12430713733,
    lat: 39.9663129,
    lon: 116.3488274,
    since: 2024,
  },
  // Lines 6 and 9
  huayuanqiao: {
    name: 'Huayuanqiao',
    name_zh: '花园桥',
    osm: 5441522470,
    lat: 39.9312135,
    lon: 116.3039811,
    since: 2012,
  },
  'baishiqiao-nan': {
    name: 'Baishiqiao South',
    name_zh: '白石桥南',
    osm: 5430545454,
    lat: 39.9323878,
    lon: 116.3193762,
    since: 2012,
  },
  baiduizi: {
    name: 'Baiduizi',
    name_zh: '白堆子',
    osm: 5448545746,
    lat: 39.9225738,
    lon: 116.3196813,
    since: 2012,
  },
};

export interface LineSection {
  /** Opening year of this section. */
  since: number;
  /** Station slugs in running order. */
  stations: string[];
  note: string;
  /** How far the straight station-to-station line may be from the track (default 150 m). */
  precision_m?: number;
}

export interface SubwayLine {
  id: string;
  name: string;
  name_zh: string;
  /** The operator's line colour (reference lines.json). */
  colour: string;
  sections: LineSection[];
}

/**
 * The lines through Haidian, each cut into the sections that opened in different years.
 * Opening dates: Beijing Subway / MTR announcements and encyclopaedia histories (see notes).
 */
export const LINES: SubwayLine[] = [
  {
    id: 'line-4',
    name: 'Line 4',
    name_zh: '4号线',
    colour: '#009BC0',
    sections: [
      {
        since: 2009,
        stations: [
          'anheqiao-bei',
          'beigongmen',
          'xiyuan',
          'yuanmingyuan',
          'pku-east-gate',
          'zhongguancun',
          'haidian-huangzhuang',
          'renmin-university',
          'weigongcun',
          'national-library',
          'beijing-zoo',
          'xizhimen',
        ],
        note: 'opened 28 September 2009',
      },
    ],
  },
  {
    id: 'line-10',
    name: 'Line 10',
    name_zh: '10号线',
    colour: '#009AC8',
    sections: [
      {
        since: 2008,
        stations: [
          'bagou',
          'suzhoujie',
          'haidian-huangzhuang',
          'zhichunli',
          'zhichunlu',
          'xitucheng',
          'mudanyuan',
          'jiandemen',
        ],
        note: 'phase 1 (Bagou to Jinsong) opened 19 July 2008',
      },
      {
        since: 2012,
        stations: [
          'gongzhufen',
          'xidiaoyutai',
          'cishousi',
          'chedaogou',
          'changchunqiao',
          'huoqiying',
          'bagou',
        ],
        note: 'phase 2, Bagou to Xiju, opened 30 December 2012',
      },
    ],
  },
  {
    id: 'line-13',
    name: 'Line 13',
    name_zh: '13号线',
    colour: '#FFD100',
    sections: [
      {
        since: 2002,
        stations: [
          'xizhimen',
          'dazhongsi',
          'zhichunlu',
          'wudaokou',
          'shangdi',
          'qinghe',
          'xierqi',
          'longze',
        ],
        note: 'western half (Xizhimen to Huoying) opened 28 September 2002; Qinghe station was added on 30 December 2019',
      },
    ],
  },
  {
    id: 'line-15',
    name: 'Line 15',
    name_zh: '15号线',
    colour: '#6B3FA0',
    sections: [
      {
        since: 2014,
        stations: ['qinghuadonglu-xikou', 'liudaokou', 'beishatan'],
        note: 'western section (Wangjing West to Qinghuadonglu Xikou) opened 28 December 2014',
      },
    ],
  },
  {
    id: 'line-16',
    name: 'Line 16',
    name_zh: '16号线',
    colour: '#007A53',
    sections: [
      {
        since: 2016,
        stations: [
          'beianhe',
          'wenyang-lu',
          'tundian',
          'yongfeng-nan',
          'xibeiwang',
          'malianwa',
          'nongda-nanlu',
          'xiyuan',
        ],
        note: "northern section (Bei'anhe to Xiyuan) opened 31 December 2016, Nongda Nanlu station on 30 December 2017; Daoxianghu Road and Yongfeng stations have no OSM node in the reference, so the line runs straight past them",
        // two stations without nodes: the straight runs past them may cut a curve
        precision_m: 250,
      },
      {
        since: 2020,
        stations: [
          'xiyuan',
          'wanquanheqiao',
          'suzhoujie',
          'suzhouqiao',
          'wanshousi',
          'national-library',
        ],
        note: 'middle section (Xiyuan to Ganjiakou) opened 31 December 2020',
      },
    ],
  },
  {
    id: 'changping',
    name: 'Changping Line',
    name_zh: '昌平线',
    colour: '#FFA8B4',
    sections: [
      {
        since: 2010,
        stations: ['life-science-park', 'xierqi'],
        note: "phase 1 (Xi'erqi to Nanshao) opened 30 December 2010",
      },
      {
        since: 2021,
        stations: ['xierqi', 'qinghe'],
        note: "one-station extension from Xi'erqi to Qinghe Railway Station, 31 December 2021",
      },
      {
        since: 2023,
        stations: [
          'qinghe',
          'zhufangbei',
          'qinghe-xiaoyingqiao',
          'xuezhiyuan',
          'liudaokou',
          'xueyuanqiao',
          'xitucheng',
        ],
        note: 'southern extension Qinghe to Xitucheng opened 4 February 2023 (Zhufangbei station on 15 December 2024)',
      },
      {
        since: 2024,
        stations: ['xitucheng', 'jimenqiao'],
        note: 'Xitucheng to Jimenqiao opened 15 December 2024',
      },
    ],
  },
  {
    id: 'line-9',
    name: 'Line 9',
    name_zh: '9号线',
    colour: '#7FBA00',
    sections: [
      {
        since: 2012,
        stations: ['national-library', 'baishiqiao-nan', 'baiduizi'],
        note: 'Beijing West Railway Station to National Library opened 30 December 2012',
      },
    ],
  },
  {
    id: 'line-6',
    name: 'Line 6',
    name_zh: '6号线',
    colour: '#D29B00',
    sections: [
      {
        since: 2012,
        stations: ['cishousi', 'huayuanqiao', 'baishiqiao-nan'],
        note: 'phase 1 (Haidian Wuluju to Caofang) opened 30 December 2012',
      },
    ],
  },
];

/**
 * Road anchors that are not station nodes: interchanges placed on the lines the stations and
 * ring roads give (each with how it was placed).
 */
export const ROAD_POINTS: Record<string, { lon: number; lat: number; how: string }> = {
  'baishi-xinqiao': {
    lon: 116.319,
    lat: 39.94,
    how: 'Baishi Xinqiao over the Changhe, between the OSM National Library and Baishiqiao South nodes on the Line 4 / Line 9 axis',
  },
  'sitong-bridge': {
    lon: 116.3158,
    lat: 39.9655,
    how: 'Sitong Bridge: the North 3rd Ring (traced in geo/ring-roads.geojson) crossing the Line 4 axis between the Weigongcun and Renmin University nodes',
  },
  'zgc-yiqiao': {
    lon: 116.3102,
    lat: 39.9845,
    how: 'Zhongguancun Yiqiao: the North 4th Ring (geo/ring-roads.geojson) crossing the Line 4 axis between the Zhongguancun and PKU East Gate nodes',
  },
  'tsinghua-west-gate': {
    lon: 116.3094,
    lat: 40.0005,
    how: 'Tsinghua West Gate, on the line north from the PKU East Gate node along the PKU / Tsinghua boundary',
  },
  'jianting-bridge': {
    lon: 116.3085,
    lat: 40.024,
    how: 'Jianting Bridge, where the street passes under the North 5th Ring (geo/ring-roads.geojson), due north of Tsinghua West Gate',
  },
  'shangdi-8th-street': {
    lon: 116.3065,
    lat: 40.0435,
    how: 'north end of Xinxi Road at Shangdi 8th Street, estimated between the OSM Shangdi and Xi’erqi nodes',
  },
  'pku-south-gate': {
    lon: 116.3046,
    lat: 39.9862,
    how: 'Peking University south gate on the campus south edge (geo/universities.geojson)',
  },
  'haidian-qiao': {
    lon: 116.2995,
    lat: 39.9843,
    how: 'the North 4th Ring (geo/ring-roads.geojson) at the Suzhou Street line',
  },
  'chengfu-xueyuan': {
    lon: 116.3472,
    lat: 39.9923,
    how: 'east end of Chengfu Road on the Xueyuan Road line (OSM Changping Line nodes), between the Xueyuanqiao and Liudaokou nodes',
  },
  'shangdi-5th-ring': {
    lon: 116.3186,
    lat: 40.0255,
    how: 'the North 5th Ring (geo/ring-roads.geojson) just west of the Line 13 railway, on the line of the Shangdi and Xi’erqi nodes moved 120 m west',
  },
};

export interface RoadSpec {
  id: string;
  name: string;
  name_zh: string;
  since?: number;
  until?: number;
  /** Station slugs (prefixed `s:`) or road points (prefixed `p:`), in order. */
  path: string[];
  precision_m: number;
  description: string;
  description_zh: string;
  /** Offset the whole line by this many degrees of longitude (a road beside a rail line). */
  lonOffset?: number;
}

/**
 * Arterial roads. Names before 2000: Zhongguancun South Street was Baishiqiao Road, the
 * middle Zhongguancun Street was part of Haidian Road and the North Street was Yuanmingyuan
 * East Road; the present names date from 2000 (see notes), so each year shows its own names.
 */
// Roads renamed in 2000 are one path under two names, each with its years.
/** Baishiqiao Road until 1999, Zhongguancun South Street from 2000. */
const ZGC_SOUTH_STREET_PATH = [
  'p:baishi-xinqiao',
  's:national-library',
  's:weigongcun',
  'p:sitong-bridge',
];
/** Haidian Road until 1999, Zhongguancun Street from 2000. */
const ZGC_STREET_PATH = [
  'p:sitong-bridge',
  's:renmin-university',
  's:haidian-huangzhuang',
  's:zhongguancun',
  'p:zgc-yiqiao',
];

export const ROADS: RoadSpec[] = [
  {
    id: 'bm-road-baishiqiao',
    name: 'Baishiqiao Road',
    name_zh: '白石桥路',
    until: 1999,
    path: ZGC_SOUTH_STREET_PATH,
    precision_m: 100,
    description:
      'Baishiqiao Road, the southern part of the Baishiqiao–Summer Palace road; renamed Zhongguancun South Street in 2000.',
    description_zh: '白石桥路，白颐路的南段；2000年更名为中关村南大街。',
  },
  {
    id: 'bm-road-zgc-south',
    name: 'Zhongguancun South Street',
    name_zh: '中关村南大街',
    since: 2000,
    path: ZGC_SOUTH_STREET_PATH,
    precision_m: 100,
    description:
      'From Baishi Xinqiao to Sitong Bridge on the North 3rd Ring; called Baishiqiao Road until 2000. Line 4 runs beneath it.',
    description_zh: '南起白石新桥，北至北三环四通桥；2000年前称白石桥路。地铁4号线在其下方。',
  },
  {
    id: 'bm-road-haidian-old',
    name: 'Haidian Road',
    name_zh: '海淀路',
    until: 1999,
    path: ZGC_STREET_PATH,
    precision_m: 100,
    description:
      'This stretch of the Baishiqiao–Summer Palace road was part of Haidian Road, the spine of 1980s Electronics Street; it became Zhongguancun Street in 2000.',
    description_zh:
      '白颐路的这一段原属海淀路，是20世纪80年代电子一条街的主轴；2000年起称中关村大街。',
  },
  {
    id: 'bm-road-zgc',
    name: 'Zhongguancun Street',
    name_zh: '中关村大街',
    since: 2000,
    path: ZGC_STREET_PATH,
    precision_m: 100,
    description:
      'The main street of Zhongguancun, from Sitong Bridge (North 3rd Ring) to Zhongguancun Yiqiao (North 4th Ring); Line 4 runs beneath it.',
    description_zh:
      '中关村的主干道，南起四通桥（北三环），北至中关村一桥（北四环）；地铁4号线在其下方。',
  },
  {
    id: 'bm-road-yuanmingyuan-east',
    name: 'Yuanmingyuan East Road',
    name_zh: '圆明园东路',
    until: 1999,
    path: ['p:zgc-yiqiao', 's:pku-east-gate', 'p:tsinghua-west-gate', 'p:jianting-bridge'],
    precision_m: 200,
    description:
      'The road between Peking University and Tsinghua along the east side of the Old Summer Palace; renamed Zhongguancun North Street in 2000.',
    description_zh: '北大与清华之间、圆明园东侧的道路；2000年更名为中关村北大街。',
  },
  {
    id: 'bm-road-zgc-north',
    name: 'Zhongguancun North Street',
    name_zh: '中关村北大街',
    since: 2000,
    path: ['p:zgc-yiqiao', 's:pku-east-gate', 'p:tsinghua-west-gate', 'p:jianting-bridge'],
    precision_m: 200,
    description:
      'From the North 4th Ring past the East Gate of Peking University and Tsinghua’s west gate to Jianting Bridge under the 5th Ring; formerly Yuanmingyuan East Road.',
    description_zh: '南起北四环，经北大东门、清华西门，北至五环箭亭桥；原称圆明园东路。',
  },
  {
    id: 'bm-road-xinxi',
    name: 'Xinxi Road',
    name_zh: '信息路',
    since: 2000,
    path: ['p:jianting-bridge', 'p:shangdi-8th-street'],
    precision_m: 250,
    description:
      'The northward continuation of Zhongguancun Street into the Shangdi information-industry base.',
    description_zh: '中关村大街向北延伸进入上地信息产业基地的一段。',
  },
  {
    id: 'bm-road-shangdi-east',
    name: 'Shangdi East Road',
    name_zh: '上地东路',
    path: ['p:shangdi-5th-ring', 's:shangdi', 's:qinghe', 's:xierqi'],
    lonOffset: -0.0014,
    precision_m: 200,
    description:
      'The eastern edge road of the Shangdi base, beside the railway that Line 13 follows, from the 5th Ring to Xi’erqi.',
    description_zh: '上地信息产业基地东缘的道路，沿地铁13号线所走的铁路，从五环至西二旗。',
  },
  {
    id: 'bm-road-haidian',
    name: 'Haidian Road',
    name_zh: '海淀路',
    path: ['p:zgc-yiqiao', 'p:pku-south-gate', 'p:haidian-qiao'],
    precision_m: 200,
    description:
      'The old road past Peking University’s south gate toward the Summer Palace; in the 1980s Electronics Street spilled along it.',
    description_zh: '经北大南门通往颐和园的老路；20世纪80年代电子一条街也延伸到这里。',
  },
  {
    id: 'bm-road-chengfu',
    name: 'Chengfu Road',
    name_zh: '成府路',
    path: ['s:pku-east-gate', 's:wudaokou', 'p:chengfu-xueyuan'],
    precision_m: 150,
    description:
      'East–west between Peking University’s east gate and Xueyuan Road, crossing the railway at Wudaokou.',
    description_zh: '东西走向，西起北大东门，东至学院路，在五道口与铁路相交。',
  },
  {
    id: 'bm-road-zhichun',
    name: 'Zhichun Road',
    name_zh: '知春路',
    path: ['s:haidian-huangzhuang', 's:zhichunli', 's:zhichunlu', 's:xitucheng'],
    precision_m: 100,
    description: 'East–west from Haidian Huangzhuang to Xueyuan Road; Line 10 runs beneath it.',
    description_zh: '东西走向，西起海淀黄庄，东至学院路；地铁10号线在其下方。',
  },
  {
    id: 'bm-road-haidian-south',
    name: 'Haidian South Road',
    name_zh: '海淀南路',
    path: ['s:suzhoujie', 's:haidian-huangzhuang'],
    precision_m: 150,
    description:
      'The southern edge of the Zhongguancun West Zone, from Suzhou Street to Zhongguancun Street.',
    description_zh: '中关村西区南缘，西起苏州街，东至中关村大街。',
  },
  {
    id: 'bm-road-suzhou',
    name: 'Suzhou Street',
    name_zh: '苏州街',
    path: ['s:suzhouqiao', 's:suzhoujie', 'p:haidian-qiao'],
    precision_m: 120,
    description:
      'North–south from Suzhou Bridge on the 3rd Ring to the North 4th Ring, the west side of the Zhongguancun West Zone.',
    description_zh: '南北走向，南起三环苏州桥，北至北四环，是中关村西区的西界。',
  },
  {
    id: 'bm-road-xueyuan',
    name: 'Xueyuan Road',
    name_zh: '学院路',
    path: [
      's:jimenqiao',
      's:xitucheng',
      's:xueyuanqiao',
      'p:chengfu-xueyuan',
      's:liudaokou',
      's:xuezhiyuan',
    ],
    precision_m: 100,
    description:
      'The “academy road” of the 1950s institutes (Beihang and others), from Jimen Bridge north to Xuezhi Bridge; the Changping Line runs beneath it.',
    description_zh:
      '上世纪50年代八大学院所在的道路（北航等），南起蓟门桥，北至学知桥；地铁昌平线在其下方。',
  },
  {
    id: 'bm-road-qinghua-east',
    name: 'Qinghua East Road',
    name_zh: '清华东路',
    path: ['s:qinghuadonglu-xikou', 's:liudaokou', 's:beishatan'],
    precision_m: 100,
    description: 'East–west north of Tsinghua; Line 15 runs beneath it.',
    description_zh: '清华北侧的东西向道路；地铁15号线在其下方。',
  },
  {
    id: 'bm-road-xizhimen-north',
    name: 'Xizhimen North Street',
    name_zh: '西直门北大街',
    path: ['s:xizhimen', 's:jimenqiao'],
    precision_m: 120,
    description:
      'North from Xizhimen on the 2nd Ring to Jimen Bridge on the 3rd Ring, where it continues as Xueyuan Road.',
    description_zh: '南起二环西直门，北至三环蓟门桥，向北接学院路。',
  },
];

export interface AreaLabel {
  id: string;
  name: string;
  name_zh: string;
  kind: 'neighbourhood';
  lon: number;
  lat: number;
  precision_m: number;
  how: string;
  description: string;
  description_zh: string;
}

/** Neighbourhood names: label points inside each area, placed from the station it grew round. */
export const NEIGHBOURHOODS: AreaLabel[] = [
  {
    id: 'bm-nb-zhongguancun',
    name: 'Zhongguancun',
    name_zh: '中关村',
    kind: 'neighbourhood',
    lon: 116.3165,
    lat: 39.9812,
    precision_m: 500,
    how: 'the CAS campus quarter east of the Zhongguancun node',
    description:
      'The quarter of the Chinese Academy of Sciences institutes that gave the district its name.',
    description_zh: '中国科学院各研究所所在的街区，中关村因此得名。',
  },
  {
    id: 'bm-nb-haidian-huangzhuang',
    name: 'Haidian Huangzhuang',
    name_zh: '海淀黄庄',
    kind: 'neighbourhood',
    lon: 116.3072,
    lat: 39.9768,
    precision_m: 400,
    how: 'north-west of the Haidian Huangzhuang node',
    description: 'The crossroads of Zhongguancun Street, Zhichun Road and Haidian South Road.',
    description_zh: '中关村大街、知春路与海淀南路交会的路口一带。',
  },
  {
    id: 'bm-nb-wudaokou',
    name: 'Wudaokou',
    name_zh: '五道口',
    kind: 'neighbourhood',
    lon: 116.3372,
    lat: 39.9935,
    precision_m: 400,
    how: 'north-east of the Wudaokou node',
    description:
      'The student quarter at the railway crossing on Chengfu Road, between Tsinghua and the Xueyuan Road colleges.',
    description_zh: '成府路铁路道口一带的学生街区，位于清华与学院路高校之间。',
  },
  {
    id: 'bm-nb-zhichunlu',
    name: 'Zhichunlu',
    name_zh: '知春路',
    kind: 'neighbourhood',
    lon: 116.3395,
    lat: 39.9785,
    precision_m: 400,
    how: 'north-east of the Zhichunlu node',
    description: 'The office blocks around the Line 10 / Line 13 interchange on Zhichun Road.',
    description_zh: '知春路上10号线与13号线换乘站周围的写字楼区。',
  },
  {
    id: 'bm-nb-dazhongsi',
    name: 'Dazhongsi',
    name_zh: '大钟寺',
    kind: 'neighbourhood',
    lon: 116.3432,
    lat: 39.9628,
    precision_m: 400,
    how: 'south-east of the Dazhongsi node, round the Big Bell Temple',
    description: 'Named after the Big Bell Temple on the North 3rd Ring.',
    description_zh: '因北三环旁的大钟寺得名。',
  },
  {
    id: 'bm-nb-weigongcun',
    name: 'Weigongcun',
    name_zh: '魏公村',
    kind: 'neighbourhood',
    lon: 116.3215,
    lat: 39.9558,
    precision_m: 400,
    how: 'east of the Weigongcun node',
    description:
      'The village-turned-neighbourhood between the Minzu University and the Beijing Institute of Technology.',
    description_zh: '位于中央民族大学与北京理工大学之间的街区。',
  },
  {
    id: 'bm-nb-shangdi',
    name: 'Shangdi',
    name_zh: '上地',
    kind: 'neighbourhood',
    lon: 116.3035,
    lat: 40.0375,
    precision_m: 600,
    how: 'west of the Shangdi node, in the information-industry base',
    description:
      'The Shangdi information-industry base north of the 5th Ring, home to Baidu and many software firms.',
    description_zh: '五环以北的上地信息产业基地，百度等众多软件企业在此。',
  },
  {
    id: 'bm-nb-xierqi',
    name: "Xi'erqi",
    name_zh: '西二旗',
    kind: 'neighbourhood',
    lon: 116.3085,
    lat: 40.0548,
    precision_m: 600,
    how: 'north-east of the Xi’erqi node',
    description:
      'The interchange at the north end of the Shangdi base; its commuter crush became a byword for tech work.',
    description_zh: '上地北端的换乘站一带，其通勤高峰成为科技从业者的代名词。',
  },
  {
    id: 'bm-nb-qinghe',
    name: 'Qinghe',
    name_zh: '清河',
    kind: 'neighbourhood',
    lon: 116.3305,
    lat: 40.03,
    precision_m: 700,
    how: 'the old Qinghe town east of the railway, between the Qinghe Xiaoyingqiao and Shangdi nodes',
    description: 'The old town on the Qing River east of the railway, now a residential district.',
    description_zh: '铁路以东、清河边的老镇，如今是居住区。',
  },
  {
    id: 'bm-nb-xiyuan',
    name: 'Xiyuan',
    name_zh: '西苑',
    kind: 'neighbourhood',
    lon: 116.283,
    lat: 39.999,
    precision_m: 500,
    how: 'north-west of the Xiyuan node, east of the Summer Palace',
    description: 'The area east of the Summer Palace where Lines 4 and 16 meet.',
    description_zh: '颐和园以东、4号线与16号线交会的一带。',
  },
];

export interface ParkArea {
  id: string;
  name: string;
  name_zh: string;
  kind: 'park';
  ring: Position[];
  precision_m: number;
  how: string;
  description: string;
  description_zh: string;
}

/**
 * The two imperial parks as areas (their names are the landmark labels already in
 * geo/basemap/landmarks.geojson, so these carry no label of their own).
 */
export const PARKS: ParkArea[] = [
  {
    id: 'bm-park-summer-palace',
    name: 'Summer Palace',
    name_zh: '颐和园',
    kind: 'park',
    ring: [
      [116.2595, 39.9995],
      [116.2645, 40.0015],
      [116.2712, 40.0018],
      [116.2765, 40.0002],
      [116.2772, 39.996],
      [116.2768, 39.988],
      [116.2752, 39.98],
      [116.2725, 39.9752],
      [116.268, 39.975],
      [116.2652, 39.98],
      [116.262, 39.986],
      [116.2585, 39.9935],
      [116.2595, 39.9995],
    ],
    precision_m: 250,
    how: 'a rough outline round the Kunming Lake polygon (geo/basemap/beijing-water.geojson) and Longevity Hill, bounded on the north by the Beigongmen node (north palace gate) and on the east by the Wikipedia palace coordinate 39.9975N 116.2689E',
    description:
      'The imperial garden of Kunming Lake and Longevity Hill, rebuilt in 1888 and a World Heritage Site.',
    description_zh: '以昆明湖和万寿山为主体的皇家园林，1888年重建，世界文化遗产。',
  },
  {
    id: 'bm-park-yuanmingyuan',
    name: 'Old Summer Palace (Yuanmingyuan)',
    name_zh: '圆明园',
    kind: 'park',
    ring: [
      [116.2915, 39.999],
      [116.303, 39.9985],
      [116.3085, 39.9995],
      [116.309, 40.006],
      [116.3088, 40.013],
      [116.3, 40.015],
      [116.2915, 40.014],
      [116.29, 40.007],
      [116.2915, 39.999],
    ],
    precision_m: 300,
    how: 'a rough outline: south gate at the Yuanmingyuan Park node, east side along Zhongguancun North Street, the published area of about 3.5 km²',
    description:
      'The ruins of the imperial gardens destroyed in 1860, now a heritage park north of Peking University.',
    description_zh: '1860年被毁的皇家园林遗址，现为北大以北的遗址公园。',
  },
];

// ---------------------------------------------------------------------------------------------

const OSM = '© OpenStreetMap contributors (ODbL)';
const round = (v: number) => Math.round(v * 1e5) / 1e5;
const pos = (lon: number, lat: number): Position => [round(lon), round(lat)];

/** RFC 7946: exterior rings run counter-clockwise (positive shoelace area). */
function counterClockwise(ring: Position[]): Position[] {
  let area = 0;
  for (let i = 0; i < ring.length - 1; i++)
    area += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return area >= 0 ? ring : [...ring].reverse();
}

function stationPos(slug: string): Position {
  const s = STATIONS[slug];
  if (!s) throw new Error(`unknown station ${slug}`);
  return pos(s.lon, s.lat);
}

function anchorPos(ref: string, lonOffset = 0): Position {
  const [kind, slug] = ref.split(':') as [string, string];
  if (kind === 's') {
    const p = stationPos(slug);
    return pos(p[0]! + lonOffset, p[1]!);
  }
  const p = ROAD_POINTS[slug];
  if (!p) throw new Error(`unknown road point ${slug}`);
  return pos(p.lon, p.lat);
}

function anchorSource(ref: string): string {
  const [kind, slug] = ref.split(':') as [string, string];
  if (kind === 's') return `${STATIONS[slug]!.name} (OSM node ${STATIONS[slug]!.osm})`;
  return ROAD_POINTS[slug]!.how;
}

/** The lines serving each station, in LINES order, for its description. */
function linesAt(slug: string): SubwayLine[] {
  return LINES.filter((l) => l.sections.some((s) => s.stations.includes(slug)));
}

function props(p: Record<string, string | number | undefined>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as Record<
    string,
    string | number
  >;
}

export function buildHaidian(): FeatureCollection {
  const features: Feature[] = [];
  for (const line of LINES) {
    line.sections.forEach((section, i) => {
      const first = STATIONS[section.stations[0]!]!;
      const last = STATIONS[section.stations[section.stations.length - 1]!]!;
      features.push({
        type: 'Feature',
        properties: props({
          id: `bm-${line.id}${line.sections.length > 1 ? `-${i + 1}` : ''}`,
          name: line.name,
          name_zh: line.name_zh,
          kind: 'subway-line',
          line: line.id,
          colour: line.colour,
          since: section.since,
          description: `${line.name}, ${first.name} – ${last.name}: ${section.note}. Drawn station to station.`,
          description_zh: `${line.name_zh}${first.name_zh}至${last.name_zh}段，${section.since}年开通。按车站顺序连线。`,
          source: `Station to station through OpenStreetMap station nodes ${section.stations.map((s) => STATIONS[s]!.osm).join(', ')} (${OSM}); opening year: ${section.note}`,
          // straight segments between stations; the tracks curve between them
          precision_m: section.precision_m ?? 150,
        }),
        geometry: { type: 'LineString', coordinates: section.stations.map(stationPos) },
      });
    });
  }
  for (const [slug, s] of Object.entries(STATIONS)) {
    const lines = linesAt(slug);
    features.push({
      type: 'Feature',
      properties: props({
        id: `bm-station-${slug}`,
        name: s.name,
        name_zh: s.name_zh,
        kind: 'subway-station',
        lines: lines.map((l) => l.name).join(', '),
        since: s.since,
        description: `Subway station (${lines.map((l) => l.name).join(', ')}), opened ${s.since}.`,
        description_zh: `地铁站（${lines.map((l) => l.name_zh).join('、')}），${s.since}年启用。`,
        source: `OpenStreetMap node ${s.osm} (${OSM})`,
        precision_m: 20,
      }),
      geometry: { type: 'Point', coordinates: stationPos(slug) },
    });
  }
  for (const road of ROADS) {
    features.push({
      type: 'Feature',
      properties: props({
        id: road.id,
        name: road.name,
        name_zh: road.name_zh,
        kind: 'road',
        since: road.since,
        until: road.until,
        description: road.description,
        description_zh: road.description_zh,
        source: `Centreline drawn through ${road.path.map(anchorSource).join('; ')}${road.lonOffset ? `, moved ${Math.round(Math.abs(road.lonOffset) * 85300)} m west of the station line` : ''} (${OSM})`,
        precision_m: road.precision_m,
      }),
      geometry: {
        type: 'LineString',
        coordinates: road.path.map((ref) => anchorPos(ref, road.lonOffset)),
      },
    });
  }
  for (const n of NEIGHBOURHOODS) {
    features.push({
      type: 'Feature',
      properties: props({
        id: n.id,
        name: n.name,
        name_zh: n.name_zh,
        kind: n.kind,
        description: n.description,
        description_zh: n.description_zh,
        source: `Label point placed ${n.how} (${OSM})`,
        precision_m: n.precision_m,
      }),
      geometry: { type: 'Point', coordinates: pos(n.lon, n.lat) },
    });
  }
  for (const p of PARKS) {
    features.push({
      type: 'Feature',
      properties: props({
        id: p.id,
        name: p.name,
        name_zh: p.name_zh,
        kind: p.kind,
        description: p.description,
        description_zh: p.description_zh,
        source: `Drawn by the geo team as ${p.how}`,
        precision_m: p.precision_m,
      }),
      geometry: {
        type: 'Polygon',
        coordinates: [counterClockwise(p.ring.map(([x, y]) => pos(x!, y!)))],
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

export const HAIDIAN_STREETS_FILE = 'geo/basemap/haidian-streets.geojson';

function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const fc = buildHaidian();
  // one feature per line: small diffs when a position changes
  const text = `{"type":"FeatureCollection","features":[\n${fc.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
  writeFileSync(path.join(root, HAIDIAN_STREETS_FILE), text);
  const count = (kind: string) => fc.features.filter((f) => f.properties?.kind === kind).length;
  console.log(
    `${HAIDIAN_STREETS_FILE}: ${count('subway-line')} line sections, ${count('subway-station')} stations, ` +
      `${count('road')} roads, ${count('neighbourhood')} neighbourhoods, ${count('park')} parks`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
