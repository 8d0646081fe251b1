import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textSimilarity } from '../../src/normalizers/text-similarity.js';

describe('textSimilarity', () => {
  // Each expected value is 1 - edits / longer length, with the edits counted by hand.
  it('counts insertions, deletions, substitutions and swaps of neighbours', () => {
    expect(textSimilarity('technolgy', 'technology')).toBeCloseTo(1 - 1 / 10, 12);
    expect(textSimilarity('tecnhology', 'technology')).toBeCloseTo(1 - 1 / 10, 12); // one swap
    expect(textSimilarity('retail', 'rental')).toBeCloseTo(1 - 2 / 6, 12);
    expect(textSimilarity('media', 'medical')).toBeCloseTo(1 - 2 / 7, 12);
    expect(textSimilarity('philipines', 'philippines')).toBeCloseTo(1 - 1 / 11, 12);
    expect(textSimilarity('', '')).toBe(1);
    expect(textSimilarity('abc', '')).toBe(0);
  });

  it('counts code points, not UTF-16 units', () => {
    expect(textSimilarity('a😀', 'a😃')).toBeCloseTo(0.5, 12);
  });

  it('is symmetric, in [0, 1], and 1 only for equal strings (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (a, b) => {
        const s = textSimilarity(a, b);
        expect(s).toBe(textSimilarity(b, a));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(s === 1).toBe(a === b);
      }),
    );
  });
});
