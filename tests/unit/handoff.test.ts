import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { handoffUrl, qrPath, QUIET_ZONE_MODULES } from '../../src/kiosk/handoff';

describe('handoffUrl: the link a phone opens', () => {
  it('adds the step and the language to the public address', () => {
    expect(handoffUrl('https://museum.example/zgc/', 'chen-1979', 'en')).toBe(
      'https://museum.example/zgc/?step=chen-1979&lang=en',
    );
    expect(handoffUrl('http://10.0.0.5:8080', 'lenovo', 'zh')).toBe(
      'http://10.0.0.5:8080/?step=lenovo&lang=zh',
    );
  });

  it('keeps the path as written, with or without a trailing slash', () => {
    expect(handoffUrl('https://museum.example/zgc', 'a', 'en')).toBe(
      'https://museum.example/zgc?step=a&lang=en',
    );
    expect(handoffUrl('https://museum.example/zgc/index.html', 'a', 'en')).toBe(
      'https://museum.example/zgc/index.html?step=a&lang=en',
    );
  });

  it('keeps the address’s own parameters and replaces its step and language', () => {
    expect(
      handoffUrl('https://museum.example/?story=stories/kendall.json&step=old&lang=zh', 'b', 'en'),
    ).toBe('https://museum.example/?story=stories%2Fkendall.json&step=b&lang=en');
    const kept = new URL(handoffUrl('https://m.example/?utm_source=kiosk&x=1', 's', 'zh')!);
    expect([...kept.searchParams]).toEqual([
      ['utm_source', 'kiosk'],
      ['x', '1'],
      ['step', 's'],
      ['lang', 'zh'],
    ]);
  });

  it('never sends a phone to kiosk (or any other) mode', () => {
    const url = new URL(handoffUrl('https://m.example/zgc/?mode=kiosk&mode=explore', 's', 'en')!);
    expect(url.searchParams.has('mode')).toBe(false);
    expect(url.searchParams.get('step')).toBe('s');
  });

  it('drops a fragment', () => {
    expect(handoffUrl('https://m.example/zgc/#top', 's', 'en')).toBe(
      'https://m.example/zgc/?step=s&lang=en',
    );
    expect(handoffUrl('https://m.example/zgc/?a=1#x?mode=kiosk', 's', 'en')).toBe(
      'https://m.example/zgc/?a=1&step=s&lang=en',
    );
  });

  it('encodes a step id that needs it', () => {
    const url = handoffUrl('https://m.example/', 'a b&c=d', 'en')!;
    expect(new URL(url).searchParams.get('step')).toBe('a b&c=d');
    expect(new URL(url).searchParams.get('lang')).toBe('en');
  });

  it('tolerates surrounding white space', () => {
    expect(handoffUrl('  https://m.example/x/ \n', 's', 'en')).toBe(
      'https://m.example/x/?step=s&lang=en',
    );
  });

  it.each([
    ['empty', ''],
    ['relative path', 'zgc/'],
    ['root-relative path', '/zgc/'],
    ['scheme-relative', '//museum.example/zgc/'],
    ['a bare host', 'museum.example'],
    ['javascript:', 'javascript:alert(1)//https://museum.example/'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['file:', 'file:///etc/passwd'],
    ['ftp:', 'ftp://museum.example/'],
    ['a scheme without slashes', 'https:museum.example/zgc/'],
    ['backslashes', 'https:\\\\museum.example\\zgc'],
    ['no host', 'https:///zgc'],
    ['credentials', 'https://user:secret@museum.example/'],
    ['a user name', 'https://user@museum.example/'],
    ['not a URL', 'https://exa mple.org/'],
  ])('refuses %s', (_what, base) => {
    expect(handoffUrl(base, 's', 'en')).toBeUndefined();
  });

  it('refuses an empty step id', () => {
    expect(handoffUrl('https://m.example/', '', 'en')).toBeUndefined();
  });
});

/** The dark cells a path draws, by rasterising its `M x y h w v1 h-w z` runs. */
function cellsOf(d: string): Set<string> {
  const cells = new Set<string>();
  for (const m of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)) {
    const [x, y, w, back] = [m[1], m[2], m[3], m[4]].map(Number) as [
      number,
      number,
      number,
      number,
    ];
    expect(back).toBe(w);
    for (let i = 0; i < w; i++) cells.add(`${x + i},${y}`);
  }
  return cells;
}

describe('qrPath: the modules as one path', () => {
  it('draws exactly the dark modules, offset by the quiet zone', () => {
    // 1 0 1
    // 1 1 0
    // 0 0 0
    const { side, d } = qrPath({ size: 3, data: [1, 0, 1, 1, 1, 0, 0, 0, 0] });
    expect(side).toBe(3 + 2 * QUIET_ZONE_MODULES);
    expect([...cellsOf(d)].sort()).toEqual(['4,4', '4,5', '5,5', '6,4'].sort());
    // Runs are merged: the second row is one rectangle.
    expect(d.match(/M/g)).toHaveLength(3);
    expect(d).toContain('M4 5h2v1h-2z');
  });

  it('handles empty and full rows and a custom quiet zone', () => {
    expect(qrPath({ size: 2, data: [0, 0, 0, 0] }).d).toBe('');
    expect(qrPath({ size: 2, data: [true, true, false, false] }, 0)).toEqual({
      side: 2,
      d: 'M0 0h2v1h-2z',
    });
  });

  it('reproduces a real code module for module', () => {
    const qr = QRCode.create('https://museum.example/zgc/?step=chen-1979&lang=en', {
      errorCorrectionLevel: 'M',
    });
    const { size, data } = qr.modules;
    const { side, d } = qrPath(qr.modules);
    expect(side).toBe(size + 8);
    const cells = cellsOf(d);
    let dark = 0;
    for (let r = 0; r < size; r++)
      for (let c = 0; c < size; c++) {
        const isDark = Boolean(data[r * size + c]);
        if (isDark) dark++;
        expect(cells.has(`${c + 4},${r + 4}`)).toBe(isDark);
      }
    expect(cells.size).toBe(dark);
    // Nothing is drawn in the quiet zone.
    for (const cell of cells) {
      const [x, y] = cell.split(',').map(Number) as [number, number];
      expect(x >= 4 && x < size + 4 && y >= 4 && y < size + 4).toBe(true);
    }
  });
});
