import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { stratifiedSplit, timeSplit } from '../src/split.js';
import { readBank } from './reference/read-bank.js';

function countWhere(flags: Uint8Array, y: Uint8Array, outcome: number): number {
  let count = 0;
  for (let i = 0; i < y.length; i++) if (flags[i] === 1 && y[i] === outcome) count++;
  return count;
}

describe('stratifiedSplit', () => {
  it('keeps the class counts exact on bank-marketing (5,289 won, 39,922 lost)', () => {
    const { y } = readBank();
    const validation = stratifiedSplit(y, 0.25, 17);
    // round(0.25 * 5289) = 1322, round(0.25 * 39922) = 9981 (worked by hand).
    expect(countWhere(validation, y, 1)).toBe(1322);
    expect(countWhere(validation, y, 0)).toBe(9981);
  });

  it('gives the same split for the same seed and another for another seed', () => {
    const { y } = readBank();
    const first = stratifiedSplit(y, 0.3, 1);
    expect(stratifiedSplit(y, 0.3, 1)).toEqual(first);
    const other = stratifiedSplit(y, 0.3, 2);
    expect(other).not.toEqual(first);
    // Different, yet with the same counts.
    expect(countWhere(other, y, 1)).toBe(countWhere(first, y, 1));
  });

  it('takes round(share * count) of each outcome for any labels and share', () => {
    const labels = fc.uint8Array({ min: 0, max: 1, maxLength: 200 });
    const share = fc.double({ min: 0.01, max: 0.99, noNaN: true });
    fc.assert(
      fc.property(labels, share, fc.integer(), (y, s, seed) => {
        const validation = stratifiedSplit(y, s, seed);
        const won = y.reduce((a, b) => a + b, 0);
        expect(countWhere(validation, y, 1)).toBe(Math.round(s * won));
        expect(countWhere(validation, y, 0)).toBe(Math.round(s * (y.length - won)));
      }),
    );
  });

  it('throws BAD_OPTION on a share outside (0, 1)', () => {
    expect(() => stratifiedSplit(Uint8Array.of(1, 0), 1, 1)).toThrow(
      expect.objectContaining({ code: 'BAD_OPTION' }),
    );
  });
});

describe('timeSplit', () => {
  it('validates on the most recent share; unknown times train (worked by hand)', () => {
    const split = timeSplit(Float64Array.of(5, 1, NaN, 3, 2, 4, NaN), 0.4);
    // 5 known times, target round(0.4 * 5) = 2: the two most recent, 5 and 4.
    expect(Array.from(split.validation)).toEqual([1, 0, 0, 0, 0, 1, 0]);
    expect(split.splitAt).toBe(4);
  });

  it('keeps rows tied at the boundary on one side, whichever is nearer the target', () => {
    // Known times 1, 2, 3, 3, 3, 4; target round(0.5 * 6) = 3 lands on the 3s.
    // With the ties: 4 validation rows (1 off); without: 1 (2 off) -> ties validate.
    const withTies = timeSplit(Float64Array.of(1, 2, 3, 3, 3, 4), 0.5);
    expect(Array.from(withTies.validation)).toEqual([0, 0, 1, 1, 1, 1]);
    expect(withTies.splitAt).toBe(3);
    // Target round(0.34 * 6) = 2: with ties 4 (2 off), without 1 (1 off) -> ties train.
    const withoutTies = timeSplit(Float64Array.of(1, 2, 3, 3, 3, 4), 0.34);
    expect(Array.from(withoutTies.validation)).toEqual([0, 0, 0, 0, 0, 1]);
    expect(withoutTies.splitAt).toBe(4);
  });

  it('never leaves a side empty when another choice exists', () => {
    // Target 1 of 3 lands on the tied 7s; without them validation would be empty.
    const split = timeSplit(Float64Array.of(2, 7, 7), 0.3);
    expect(Array.from(split.validation)).toEqual([0, 1, 1]);
  });

  it('throws BAD_OPTION when the times cannot make two sides', () => {
    expect(() => timeSplit(Float64Array.of(NaN, NaN), 0.5)).toThrow(/no row has a known time/);
    expect(() => timeSplit(Float64Array.of(3, 3, 3), 0.5)).toThrow(
      expect.objectContaining({ code: 'BAD_OPTION' }),
    );
    // One known time and an unknown row: the unknown row trains, the timed row validates.
    expect(Array.from(timeSplit(Float64Array.of(3, NaN), 0.5).validation)).toEqual([1, 0]);
  });
});
