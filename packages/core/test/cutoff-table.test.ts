import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutoffForRecall, cutoffTable } from '../src/cutoff-table.js';

describe('cutoffTable', () => {
  it('counts ties at the cutoff as passing (score >= cutoff)', () => {
    // Scores 0.7, 0.6, 0.8, 0.7 with won 1, 0, 1, 0. At 0.7: three pass (0.8, 0.7, 0.7), two of
    // them won: precision 2 / 3 = 0.667, recall 2 / 2 = 1.
    const rows = cutoffTable([0.7, 0.6, 0.8, 0.7], Uint8Array.of(1, 0, 1, 0));
    expect(rows.map((r) => r.cutoff)).toEqual([0.8, 0.7, 0.6]);
    expect(rows[1]).toMatchObject({ passed: 3, wonPassed: 2, shareAbove: 0.75, winsKept: 1 });
    expect(rows[1].winRateAbove).toBeCloseTo(0.667, 3);
  });

  it('reports figures equal to applying the rule to the data', () => {
    const data = fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), {
      minLength: 1,
      maxLength: 60,
    });
    fc.assert(
      fc.property(data, (pairs) => {
        const scores = pairs.map(([s]) => s);
        const y = Uint8Array.from(pairs, ([, w]) => (w ? 1 : 0));
        const totalWon = y.reduce((s, x) => s + x, 0);
        for (const row of cutoffTable(scores, y)) {
          const passed = scores.filter((s) => s >= row.cutoff).length;
          const wonPassed = scores.filter((s, i) => s >= row.cutoff && y[i] === 1).length;
          expect(row.passed).toBe(passed);
          expect(row.wonPassed).toBe(wonPassed);
          expect(row.winsKept).toBe(totalWon > 0 ? wonPassed / totalWon : 0);
        }
      }),
    );
  });

  it('picks the highest cutoff that keeps the recall target; monotone in the target', () => {
    const rows = cutoffTable(
      [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
      Uint8Array.of(1, 0, 1, 1, 0, 1, 0, 0, 1, 0),
    );
    // Wins at 9, 7, 6, 4, 1 (five). 60% = 3 wins: first reached at cutoff 6.
    expect(cutoffForRecall(rows, 0.6).cutoff).toBe(6);
    expect(cutoffForRecall(rows, 1).cutoff).toBe(1);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a < b ? [a, b] : [b, a];
          expect(cutoffForRecall(rows, hi).cutoff).toBeLessThanOrEqual(
            cutoffForRecall(rows, lo).cutoff,
          );
        },
      ),
    );
  });
});
