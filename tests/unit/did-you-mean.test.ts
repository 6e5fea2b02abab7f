import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance } from '../../src/story/did-you-mean';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours', () => {
    expect(editDistance('highlight', 'highlight')).toBe(0);
    expect(editDistance('higlight', 'highlight')).toBe(1);
    expect(editDistance('hihglight', 'highlight')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('stops early past the limit', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 1)).toBe(2);
  });
});

describe('closest', () => {
  const fields = ['id', 'year', 'mapYear', 'title', 'body', 'camera', 'layers', 'highlight'];

  it('suggests the field a typo was meant to be', () => {
    expect(closest('higlight', fields)).toBe('highlight');
    expect(closest('layer', fields)).toBe('layers');
    expect(closest('map_year', fields)).toBe('mapYear');
    expect(closest('Title', fields)).toBe('title');
  });

  it('suggests nothing for a word that is not close to any candidate', () => {
    expect(closest('animation-speed', fields)).toBeUndefined();
    expect(closest('zz', fields)).toBeUndefined();
    expect(closest('anything', [])).toBeUndefined();
  });

  it('suggests nothing for a word that is itself a candidate', () => {
    expect(closest('title', fields)).toBeUndefined();
  });

  it('takes a unique prefix as meant', () => {
    expect(closest('kendall-mit', ['kendall-mit-station', 'broad-institute'])).toBe(
      'kendall-mit-station',
    );
    expect(closest('zgc', ['zgc-parks', 'zgc-science-city'])).toBeUndefined();
  });

  it('phrases the suggestion for a message', () => {
    expect(didYouMean('kendal-square', ['kendall-square', 'mit'])).toBe(
      ' (did you mean "kendall-square"?)',
    );
    expect(didYouMean('nothing-like-it', ['kendall-square'])).toBe('');
  });
});
