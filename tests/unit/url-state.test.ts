import { describe, expect, it } from 'vitest';
import { formatUrlState, parseCamera, parseUrlState } from '../../src/app/url-state';
import { keyAction } from '../../src/app/keyboard';

describe('URL state', () => {
  it('reads the public parameters and ignores bad values', () => {
    expect(
      parseUrlState('?mode=kiosk&lang=zh&step=lenovo&idle=30&dwell=abc&year=1999&layers=a,b'),
    ).toEqual({
      mode: 'kiosk',
      lang: 'zh',
      step: 'lenovo',
      idle: 30,
      year: 1999,
      layers: ['a', 'b'],
    });
    expect(parseUrlState('?mode=party&lang=fr')).toEqual({});
  });

  it('writes state while keeping parameters it does not own', () => {
    expect(formatUrlState('?foo=1&step=old', { mode: 'story', step: 'new', lang: 'en' })).toBe(
      '?foo=1&step=new&mode=story&lang=en',
    );
    expect(formatUrlState('?step=old', { step: undefined })).toBe('');
    expect(formatUrlState('', { layers: ['a', 'b'] })).toBe('?layers=a,b');
  });

  it('round-trips a camera', () => {
    const camera = parseCamera('116.31,39.98,12.5')!;
    expect(camera).toEqual({ center: [116.31, 39.98], zoom: 12.5, bearing: 0, pitch: 0 });
    expect(parseUrlState(formatUrlState('', { camera })).camera).toEqual(camera);
    expect(parseCamera('1,2')).toBeUndefined();
    expect(parseCamera('0,95,3')).toBeUndefined();
  });
});

describe('keys', () => {
  const key = (k: string, mods = {}) =>
    keyAction({ key: k, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });
  it('maps arrows, clicker keys and Home/End', () => {
    expect(key('ArrowRight')).toBe('next');
    expect(key('PageDown')).toBe('next');
    expect(key('ArrowLeft')).toBe('prev');
    expect(key('PageUp')).toBe('prev');
    expect(key('Home')).toBe('first');
    expect(key('End')).toBe('last');
    expect(key('a')).toBeUndefined();
    expect(key('ArrowRight', { ctrlKey: true })).toBeUndefined();
  });
});
