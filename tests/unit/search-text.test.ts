import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSearchDocument, toSearchQuery } from '../../src-main/domain/search-text';

/** Tokens of a document as FTS5's unicode61 would split them on white space. */
function tokens(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** A MATCH expression made only of quoted terms joined by AND: nothing the user typed can become FTS5 syntax. */
const SAFE_QUERY = /^"[^"]+"\*?( AND "[^"]+"\*?)*$/u;

describe('Search: documents (toSearchDocument)', () => {
  it('Search: a Chinese name is indexed as overlapping bigrams plus its last character', () => {
    expect(tokens(toSearchDocument('深圳华强电子有限公司'))).toEqual(['深圳', '圳华', '华强', '强电', '电子', '子有', '有限', '限公', '公司', '司']);
  });

  it('Search: a one-character run stays one token; Latin text is left to the tokenizer', () => {
    expect(tokens(toSearchDocument('华'))).toEqual(['华']);
    expect(toSearchDocument('Válvulas Ibéricas S.L.')).toBe('Válvulas Ibéricas S.L.');
  });

  it('Search: mixed text splits CJK runs away from Latin words', () => {
    expect(tokens(toSearchDocument('ABC深圳XYZ 华强'))).toEqual(['ABC', '深圳', '圳', 'XYZ', '华强', '强']);
  });

  it('Search: Japanese kana and Korean Hangul are bigrammed like Chinese', () => {
    expect(tokens(toSearchDocument('서울무역'))).toEqual(['서울', '울무', '무역', '역']);
    expect(tokens(toSearchDocument('トヨタ'))).toEqual(['トヨ', 'ヨタ', 'タ']);
  });

  it('Search: every character of a CJK run begins some token (so one-character prefixes find it)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'深圳华强电子有限公司宁波义乌'), { minLength: 1, maxLength: 12 }), (chars) => {
        const starts = new Set(tokens(toSearchDocument(chars.join(''))).map((t) => [...t][0]));
        for (const c of chars) expect(starts.has(c)).toBe(true);
      }),
      { seed: 20250315, numRuns: 200 },
    );
  });
});

describe('Search: queries (toSearchQuery)', () => {
  it('Search: two or more CJK characters become a phrase of their bigrams', () => {
    expect(toSearchQuery('华强')).toBe('"华强"');
    expect(toSearchQuery('深圳华')).toBe('"深圳 圳华"');
    expect(toSearchQuery('深圳华强电子')).toBe('"深圳 圳华 华强 强电 电子"');
  });

  it('Search: one CJK character is a prefix', () => {
    expect(toSearchQuery('强')).toBe('"强"*');
  });

  it('Search: Latin words are prefixes, joined by AND', () => {
    expect(toSearchQuery('valv')).toBe('"valv"*');
    expect(toSearchQuery('Válvulas Ibéricas')).toBe('"Válvulas"* AND "Ibéricas"*');
    expect(toSearchQuery('maria.lopez@valv')).toBe('"maria"* AND "lopez"* AND "valv"*');
    expect(toSearchQuery('华强 electronics')).toBe('"华强" AND "electronics"*');
  });

  it('Search: decomposed accents (NFD) are composed first, so the word is not split at the accent', () => {
    expect(toSearchQuery('Va\u0301lvulas')).toBe('"Válvulas"*');
  });

  it('Search: nothing searchable gives null', () => {
    expect(toSearchQuery('')).toBeNull();
    expect(toSearchQuery('   ')).toBeNull();
    expect(toSearchQuery('!!! ** ""')).toBeNull();
  });

  it('Search: FTS5 syntax typed by the user stays text', () => {
    for (const hostile of ['a" OR b*', 'NEAR(a b)', 'names:abc', '^abc', '-x', 'a AND b OR NOT c', '"华强', '*', '(', 'x"; DROP TABLE accounts; --']) {
      const query = toSearchQuery(hostile);
      if (query !== null) expect(query, hostile).toMatch(SAFE_QUERY);
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), (text) => {
        const query = toSearchQuery(text);
        if (query !== null) expect(query).toMatch(SAFE_QUERY);
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('Search: only the first 200 characters of a query are used', () => {
    const query = toSearchQuery(`${'a'.repeat(200)} zebra`);
    expect(query).toBe(`"${'a'.repeat(200)}"*`);
  });
});
