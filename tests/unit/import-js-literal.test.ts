// config.js is data to us: parsed by acorn, literal values only, never run.
import { afterEach, describe, expect, it } from 'vitest';
import { readConfigObject } from '../../src/story/import/js-literal';
import { ImportError } from '../../src/story/import/import-error';

declare global {
  var __ranConfig: unknown;
}

afterEach(() => {
  delete globalThis.__ranConfig;
});

describe('readConfigObject', () => {
  it('reads literals: strings, numbers, booleans, null, arrays, objects, templates, unary minus', () => {
    const { value, skipped } = readConfigObject(`
      // a comment
      var config = {
        title: 'Lisbon',
        'quoted-key': "double",
        42: 'numeric key',
        zoom: 13.5, bearing: -43.2, plus: +2, on: true, off: false, none: null,
        list: [1, , 'two', [3]],
        nested: { a: { b: 'c' } },
        template: \`plain template\`,
        joined: '<p>one</p>' +
                '<p>two</p>',
        continued: 'a \\
b',
      };`);
    expect(skipped).toEqual([]);
    expect(value).toEqual({
      '42': 'numeric key',
      title: 'Lisbon',
      'quoted-key': 'double',
      zoom: 13.5,
      bearing: -43.2,
      plus: 2,
      on: true,
      off: false,
      none: null,
      list: [1, 'two', [3]],
      nested: { a: { b: 'c' } },
      template: 'plain template',
      joined: '<p>one</p><p>two</p>',
      continued: 'a b',
    });
  });

  it('reports and skips functions, variables, calls and templates with ${}, by line', () => {
    const source = [
      "const color = '#f00';",
      'var config = {',
      '  markerColor: color,',
      '  title: `Hi ${name}`,',
      '  chapters: [{',
      "    id: 'one',",
      '    callback: function () { globalThis.__ranConfig = 1; },',
      '    onChapterEnter: [makeLayer()],',
      '    arrow: () => (globalThis.__ranConfig = 2),',
      '    method() { globalThis.__ranConfig = 3; },',
      '    get getter() { return (globalThis.__ranConfig = 4); },',
      "    concat: 'a' + color,",
      '    ...spread,',
      '    [computed]: 1,',
      '    big: 10n,',
      '    re: /x/,',
      '  }],',
      '};',
      'globalThis.__ranConfig = "top level";',
    ].join('\n');
    const { value, skipped } = readConfigObject(source);
    expect(value).toEqual({ chapters: [{ id: 'one', onChapterEnter: [] }] });
    expect(skipped).toEqual([
      'line 3: `markerColor` is the variable `color`, not data: skipped (the importer never runs code)',
      'line 4: `title` is a template with `${…}`, not data: skipped (the importer never runs code)',
      'line 7: `chapters[0].callback` is a function, not data: skipped (the importer never runs code)',
      'line 8: `chapters[0].onChapterEnter[0]` is a function call, not data: skipped (the importer never runs code)',
      'line 9: `chapters[0].arrow` is a function, not data: skipped (the importer never runs code)',
      'line 10: `chapters[0].method` is a function, not data: skipped (the importer never runs code)',
      'line 11: `chapters[0].getter` is a function, not data: skipped (the importer never runs code)',
      'line 12: `chapters[0].concat` is an expression, not data: skipped (the importer never runs code)',
      'line 13: `chapters[0]{…}` is a spread, not data: skipped (the importer never runs code)',
      'line 14: `chapters[0][…]` is a computed key, not data: skipped (the importer never runs code)',
      'line 15: `chapters[0].big` is a BigInt, not data: skipped (the importer never runs code)',
      'line 16: `chapters[0].re` is a regular expression, not data: skipped (the importer never runs code)',
    ]);
    // Nothing in the file ran.
    expect(globalThis.__ranConfig).toBeUndefined();
  });

  it('treats a "__proto__" key as data, never as the prototype', () => {
    const { value } = readConfigObject(
      "var config = { __proto__: { polluted: true }, chapters: [], constructor: 'x' };",
    );
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'chapters', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('finds the config however it is declared', () => {
    const forms = [
      "let config = { chapters: [{ id: 'a' }] };",
      "window.config = { chapters: [{ id: 'a' }] };",
      "module.exports = { chapters: [{ id: 'a' }] };",
      "export default { chapters: [{ id: 'a' }] };",
      "export const config = { chapters: [{ id: 'a' }] };",
      '{ "chapters": [{ "id": "a" }] }',
      "var other = { x: 1 }; var story = { chapters: [{ id: 'a' }] };",
    ];
    for (const source of forms)
      expect(readConfigObject(source).value, source).toEqual({ chapters: [{ id: 'a' }] });
  });

  it('refuses text that is not JavaScript, or has no config object', () => {
    expect(() => readConfigObject('var config = {')).toThrow(ImportError);
    expect(() => readConfigObject('var config = {')).toThrow(/not valid JavaScript: .*\(1:14\)/);
    expect(() => readConfigObject('console.log(1);')).toThrow(
      /no `var config = \{ … \}` object found/,
    );
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    const deep = `var config = { chapters: ${'['.repeat(200)}${']'.repeat(200)} };`;
    expect(() => readConfigObject(deep)).toThrow(/nests deeper than 64 levels/);
  });
});
