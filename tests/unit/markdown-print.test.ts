import { describe, expect, it } from 'vitest';
import { printedAddress } from '../../src/ui/markdown-print';

describe('printedAddress: what paper shows after a link', () => {
  it('prints the address after a link whose text is something else', () => {
    expect(printedAddress('the article', 'https://example.org/article')).toBe(
      'https://example.org/article',
    );
  });

  it('does not repeat an address the text already gives', () => {
    expect(printedAddress('https://example.org/a', 'https://example.org/a')).toBeUndefined();
    expect(printedAddress('example.org/a', 'https://example.org/a')).toBeUndefined();
    expect(printedAddress('www.Example.org', 'https://www.example.org/')).toBeUndefined();
  });

  it('prints it when the text only resembles the address', () => {
    expect(printedAddress('example.org', 'https://example.org/deep/page')).toBe(
      'https://example.org/deep/page',
    );
  });
});
