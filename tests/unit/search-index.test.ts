import { describe, expect, it } from 'vitest';
import { SearchIndex, normalizeForSearch } from '../../src/geo/search-index';

const index = new SearchIndex([
  {
    id: 'peking-university',
    layerId: 'universities',
    name: 'Peking University',
    nameZh: '北京大学',
    pinyin: 'Beijing Daxue',
  },
  {
    id: 'tsinghua-university',
    layerId: 'universities',
    name: 'Tsinghua University',
    nameZh: '清华大学',
    pinyin: 'Qinghua Daxue',
  },
  {
    id: 'lenovo',
    layerId: 'companies',
    name: 'Lenovo (Legend)',
    nameZh: '联想',
    pinyin: 'Lianxiang',
  },
  {
    id: 'beijing',
    layerId: 'bth-region',
    name: 'Beijing',
    nameZh: '北京市',
    pinyin: 'Beijing Shi',
  },
  { id: 'zhongguancun', layerId: 'x', name: 'Zhōngguāncūn', nameZh: '中关村' },
]);

describe('SearchIndex', () => {
  it('finds by English name, case-insensitively', () => {
    expect(index.search('tsinghua').map((e) => e.id)).toEqual(['tsinghua-university']);
    expect(index.search('LENOVO').map((e) => e.id)).toEqual(['lenovo']);
  });

  it('finds by Chinese name', () => {
    expect(index.search('清华').map((e) => e.id)).toEqual(['tsinghua-university']);
    expect(index.search('北京').map((e) => e.id)).toEqual(['beijing', 'peking-university']);
  });

  it('finds by toneless pinyin and ignores accents and spaces', () => {
    expect(index.search('lianxiang').map((e) => e.id)).toEqual(['lenovo']);
    expect(index.search('beijing daxue').map((e) => e.id)).toEqual(['peking-university']);
    expect(index.search('zhongguancun').map((e) => e.id)).toEqual(['zhongguancun']);
  });

  it('ranks exact and prefix matches before inner matches', () => {
    expect(index.search('beijing').map((e) => e.id)).toEqual(['beijing', 'peking-university']);
  });

  it('returns nothing for an empty query and respects the limit', () => {
    expect(index.search('  ')).toEqual([]);
    expect(index.search('university', 1)).toHaveLength(1);
    expect(normalizeForSearch('Zhōng-guān Cūn!')).toBe('zhongguancun');
  });
});
