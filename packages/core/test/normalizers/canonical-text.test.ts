import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalText } from '../../src/normalizers/canonical-text.js';

describe('canonicalText', () => {
  it('folds case, Unicode forms, accents and spacing', () => {
    expect(canonicalText('  Retail   Cosmetics ')).toBe('retail cosmetics');
    // Full-width letters (NFKC) and the sharp s (case folding).
    expect(canonicalText('ＩＴ Straße')).toBe('it strasse');
    expect(canonicalText('Café Société')).toBe('cafe societe');
    expect(canonicalText('Zero\u200bwidth')).toBe('zerowidth');
  });

  it('reads every kind of dash as a space', () => {
    for (const dash of [
      '-',
      '\u2010',
      '\u2011',
      '\u2012',
      '\u2013',
      '\u2014',
      '\u2015',
      '\u2212',
      '\ufe63',
      '\uff0d',
    ]) {
      expect(canonicalText(`e${dash}commerce`)).toBe('e commerce');
    }
  });

  it('reads &, + and / as "and"', () => {
    const expected = 'retail and cosmetics';
    expect(canonicalText('Retail & Cosmetics')).toBe(expected);
    expect(canonicalText('Retail and Cosmetics')).toBe(expected);
    expect(canonicalText('Retail/Cosmetics')).toBe(expected);
    expect(canonicalText('Retail+Cosmetics')).toBe(expected);
    expect(canonicalText('P/CEO')).toBe('p and ceo');
  });

  it('joins apostrophes and periods, and separates other punctuation', () => {
    expect(canonicalText('U.S.A.')).toBe('usa');
    expect(canonicalText("Côte d'Ivoire")).toBe('cote divoire');
    expect(canonicalText('Banking, Investment (and) Insurance!')).toBe(
      'banking investment and insurance',
    );
    expect(canonicalText('---')).toBe('');
  });

  it('is idempotent on any Unicode text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const once = canonicalText(s);
        expect(canonicalText(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it('never leaves upper case, doubled spaces or edge spaces (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const c = canonicalText(s);
        expect(c).toBe(c.trim());
        expect(c.includes('  ')).toBe(false);
        expect(/[A-Z&/+]/.test(c)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
