import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { rocAuc } from '../src/roc-auc.js';
import { readBank } from './reference/read-bank.js';

/**
 * scikit-learn 1.2 `roc_auc_score(y == "yes", column)` on the raw bank-marketing columns, from
 * `test/reference/metrics_reference.py`. balance, campaign and pdays are heavily tied.
 */
const SKLEARN_AUC: Record<string, number> = {
  balance: 0.590061489160812,
  campaign: 0.4276657855857303,
  pdays: 0.593224032562116,
  duration: 0.8075955951124923,
};

describe('rocAuc', () => {
  it('counts correctly ordered won-lost pairs (worked by hand)', () => {
    // Won 0.35 beats lost 0.1 only; won 0.8 beats both: 3 of 4 pairs.
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], Uint8Array.of(0, 0, 1, 1))).toBe(0.75);
  });

  it('counts a tie as half a pair (worked by hand)', () => {
    // Pairs (won, lost): (1, 1) tie 1/2, (1, 2) 0, (2, 1) 1, (2, 2) tie 1/2 -> 2 of 4.
    expect(rocAuc([1, 1, 2, 2], Uint8Array.of(0, 1, 0, 1))).toBe(0.5);
    // All tied: 1/2.
    expect(rocAuc([3, 3, 3], Uint8Array.of(0, 1, 1))).toBe(0.5);
  });

  it.each(Object.entries(SKLEARN_AUC))(
    'equals roc_auc_score on bank %s to 1e-12',
    (column, auc) => {
      const bank = readBank();
      expect(Math.abs(rocAuc(bank.numeric(column), bank.y) - auc)).toBeLessThan(1e-12);
    },
  );

  it('is 1 - AUC for negated scores and unchanged by an increasing transform', () => {
    const rows = fc.array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.boolean()), {
      minLength: 2,
      maxLength: 60,
    });
    fc.assert(
      fc.property(rows, (pairs) => {
        const y = Uint8Array.from(pairs, ([, won]) => (won ? 1 : 0));
        fc.pre(y.includes(0) && y.includes(1));
        const scores = pairs.map(([s]) => s);
        const auc = rocAuc(scores, y);
        expect(
          rocAuc(
            scores.map((s) => -s),
            y,
          ),
        ).toBeCloseTo(1 - auc, 12);
        expect(
          rocAuc(
            scores.map((s) => Math.exp(s) + 7),
            y,
          ),
        ).toBe(auc);
      }),
    );
  });

  it('accepts typed arrays and does not reorder them', () => {
    const scores = Float64Array.of(0.8, 0.1, 0.4);
    expect(rocAuc(scores, Uint8Array.of(1, 0, 1))).toBe(1);
    expect(Array.from(scores)).toEqual([0.8, 0.1, 0.4]);
  });

  it('throws NOT_ENOUGH_OUTCOMES with one outcome and BAD_OPTION on bad input', () => {
    expect(() => rocAuc([1, 2], Uint8Array.of(1, 1))).toThrow(
      expect.objectContaining({ code: 'NOT_ENOUGH_OUTCOMES' }),
    );
    expect(() => rocAuc([1, NaN], Uint8Array.of(1, 0))).toThrow(
      expect.objectContaining({ code: 'BAD_OPTION', row: 1 }),
    );
    expect(() => rocAuc([1], Uint8Array.of(1, 0))).toThrow(/same length/);
  });
});
