import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { scoreDeciles } from '../src/score-deciles.js';

describe('scoreDeciles', () => {
  it('cuts distinct scores into ten equal groups, decile 1 highest (worked by hand)', () => {
    // Scores 0..19; the ten highest (10..19) are won. Deciles of two rows each.
    const scores = Array.from({ length: 20 }, (_, i) => i);
    const y = new Uint8Array(20).fill(1, 10);
    const table = scoreDeciles(scores, y);
    expect(table).toHaveLength(10);
    expect(table[0]).toEqual({ decile: 1, minScore: 18, maxScore: 19, n: 2, won: 2, winRate: 1 });
    expect(table[4]).toEqual({ decile: 5, minScore: 10, maxScore: 11, n: 2, won: 2, winRate: 1 });
    expect(table[9]).toEqual({ decile: 10, minScore: 0, maxScore: 1, n: 2, won: 0, winRate: 0 });
  });

  it('keeps ties together in the decile of their middle rank (worked by hand)', () => {
    // Ten rows: five at score 5 (ranks 0-4, middle 2 -> decile floor(10 * 2 / 10) + 1 = 3) and
    // five at score 1 (ranks 5-9, middle 7 -> decile 8). Empty deciles are left out.
    const table = scoreDeciles(
      [1, 5, 1, 5, 1, 5, 1, 5, 1, 5],
      Uint8Array.of(0, 1, 0, 1, 1, 0, 0, 0, 0, 1),
    );
    expect(table).toEqual([
      { decile: 3, minScore: 5, maxScore: 5, n: 5, won: 3, winRate: 0.6 },
      { decile: 8, minScore: 1, maxScore: 1, n: 5, won: 1, winRate: 0.2 },
    ]);
  });

  it('covers every row once, in decreasing scores, never splitting ties', () => {
    const rows = fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.boolean()), {
      minLength: 1,
      maxLength: 80,
    });
    fc.assert(
      fc.property(rows, (pairs) => {
        const scores = pairs.map(([s]) => s);
        const y = Uint8Array.from(pairs, ([, won]) => (won ? 1 : 0));
        const table = scoreDeciles(scores, y);
        expect(table.reduce((sum, d) => sum + d.n, 0)).toBe(pairs.length);
        expect(table.reduce((sum, d) => sum + d.won, 0)).toBe(y.reduce((a, b) => a + b, 0));
        for (let d = 1; d < table.length; d++) {
          expect(table[d].decile).toBeGreaterThan(table[d - 1].decile);
          expect(table[d].maxScore).toBeLessThan(table[d - 1].minScore);
        }
        for (const d of table) expect(d.decile >= 1 && d.decile <= 10).toBe(true);
      }),
    );
  });

  it('throws BAD_OPTION on no rows or mismatched lengths', () => {
    expect(() => scoreDeciles([], new Uint8Array(0))).toThrow(
      expect.objectContaining({ code: 'BAD_OPTION' }),
    );
    expect(() => scoreDeciles([1, 2], Uint8Array.of(1))).toThrow(/same length/);
  });
});
