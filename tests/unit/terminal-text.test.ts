import { describe, expect, it } from 'vitest';
import { escapeControl } from '../../src/story/terminal-text';

describe('text printed on a terminal', () => {
  it('writes control characters as escapes', () => {
    expect(escapeControl('a\u001b[2Jb')).toBe('a\\x1B[2Jb');
    expect(escapeControl('\u001b]0;title\u0007')).toBe('\\x1B]0;title\\x07');
    expect(escapeControl('one\ntwo\tthree\r')).toBe('one\\ntwo\\tthree\\r');
    expect(escapeControl('\u009b31m\u007f')).toBe('\\x9B31m\\x7F');
    expect(escapeControl('abc\u202Efdp.exe')).toBe('abc\\u202Efdp.exe');
  });

  it('leaves ordinary text alone, Chinese and punctuation included', () => {
    const text = 'Zhongguancun 中关村 — “1984”, ½ km';
    expect(escapeControl(text)).toBe(text);
  });

  it('leaves no raw control character in any string', () => {
    let all = '';
    for (let c = 0; c < 0x3000; c++) all += String.fromCharCode(c);
    expect(escapeControl(all)).not.toMatch(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/,
    );
  });
});

describe('npm run validate output', () => {
  it('escapes control characters that come from the files', async () => {
    const { formatReport } = await import('../../scripts/validate');
    const lines = formatReport({
      file: 'stories/x\u001b[31m.yaml',
      errors: [{ file: 'stories/x.yaml', path: 'steps[0]', message: 'unknown field "\u001b[2J"' }],
      warnings: [],
      files: [],
      summary: '',
    });
    expect(lines.join('\n')).not.toContain('\u001b');
    expect(lines.join('\n')).toContain('\\x1B[2J');
  });
});
