import { describe, expect, it } from 'vitest';

import { brierScore } from '../src/brier-score.js';

describe('brierScore', () => {
  it('is the mean squared error of the probabilities (worked by hand)', () => {
    // ((0.75 - 1)^2 + (0.25 - 0)^2) / 2 = (0.0625 + 0.0625) / 2.
    expect(brierScore([0.75, 0.25], Uint8Array.of(1, 0))).toBe(0.0625);
    // (0.1^2 + 0.2^2 + 0.5^2) / 3 = 0.30 / 3 = 0.1.
    expect(brierScore([0.9, 0.2, 0.5], Uint8Array.of(1, 0, 1))).toBeCloseTo(0.1, 15);
  });

  it('is 0 for certain, correct predictions and 1 for certain, wrong ones', () => {
    expect(brierScore([1, 0], Uint8Array.of(1, 0))).toBe(0);
    expect(brierScore(Float64Array.of(0, 1), Uint8Array.of(1, 0))).toBe(1);
  });

  it('works with one outcome only (unlike AUC)', () => {
    expect(brierScore([0.5, 0.5], Uint8Array.of(1, 1))).toBe(0.25);
  });

  it('throws BAD_OPTION on a probability outside [0, 1], NaN or no rows', () => {
    expect(() => brierScore([1.2], Uint8Array.of(1))).toThrow(
      expect.objectContaining({ code: 'BAD_OPTION', row: 0, value: 1.2 }),
    );
    expect(() => brierScore([NaN], Uint8Array.of(1))).toThrow(/not finite/);
    expect(() => brierScore([], new Uint8Array(0))).toThrow(/at least one row/);
  });
});
