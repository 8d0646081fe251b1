import { describe, expect, it } from 'vitest';

import { ksStatistic } from '../src/ks-statistic.js';
import { readBank } from './reference/read-bank.js';

/**
 * scipy `ks_2samp(won scores, lost scores).statistic` on raw bank-marketing columns (outcome
 * y == "yes"), from `test/reference/metrics_reference.py`.
 */
const SCIPY_KS: Record<string, number> = {
  balance: 0.1291051251964398,
  campaign: 0.10890566818947922,
  pdays: 0.2016353140277919,
  duration: 0.4445324745515052,
};

describe('ksStatistic', () => {
  it('is the largest gap between the cumulative distributions (worked by hand)', () => {
    // Won {2, 4, 5, 6}, lost {1, 3}. F_won - F_lost after each value:
    // 1: 0 - 1/2; 2: 1/4 - 1/2; 3: 1/4 - 1 = -3/4; 4: 1/2 - 1; 5: 3/4 - 1; 6: 1 - 1 -> 3/4.
    expect(ksStatistic([1, 2, 3, 4, 5, 6], Uint8Array.of(0, 1, 0, 1, 1, 1))).toBe(0.75);
  });

  it('never splits tied scores (worked by hand)', () => {
    // Won {1, 3}, lost {1, 2}. After 1: 1/2 - 1/2 = 0 (not 0 - 1/2 or 1/2 - 0);
    // after 2: 1/2 - 1 -> 1/2; after 3: 0. KS = 1/2.
    expect(ksStatistic([1, 1, 2, 3], Uint8Array.of(0, 1, 0, 1))).toBe(0.5);
    expect(ksStatistic([5, 5, 5, 5], Uint8Array.of(0, 1, 0, 1))).toBe(0);
  });

  it('is 1 for a perfectly separating score', () => {
    expect(ksStatistic([1, 2, 3, 4], Uint8Array.of(0, 0, 1, 1))).toBe(1);
  });

  it.each(Object.entries(SCIPY_KS))('equals scipy ks_2samp on bank %s to 1e-12', (column, ks) => {
    const bank = readBank();
    expect(Math.abs(ksStatistic(bank.numeric(column), bank.y) - ks)).toBeLessThan(1e-12);
  });

  it('throws NOT_ENOUGH_OUTCOMES with one outcome', () => {
    expect(() => ksStatistic([1, 2], Uint8Array.of(0, 0))).toThrow(
      expect.objectContaining({ code: 'NOT_ENOUGH_OUTCOMES' }),
    );
  });
});
