import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { informationValue, smoothedWoe, woeFromCounts } from '../src/woe.js';

describe('woeFromCounts', () => {
  it('is ln(share of won / share of lost), worked by hand', () => {
    // 30 of 100 won (0.3) and 20 of 400 lost (0.05): ln(0.3 / 0.05) = ln 6 = 1.791759469228055.
    expect(woeFromCounts(30, 20, 100, 400)).toBeCloseTo(1.791759469228055, 12);
    // 70 of 100 won, 380 of 400 lost: ln(0.7 / 0.95) = ln(0.7368421) = -0.3053816495511819.
    expect(woeFromCounts(70, 380, 100, 400)).toBeCloseTo(-0.3053816495511819, 12);
  });

  it('adds the smoothing to the two counts only', () => {
    // ln((0 + 0.5) / 10 / ((4 + 0.5) / 20)) = ln(0.05 / 0.225) = ln(0.2222222) = -1.5040774
    expect(woeFromCounts(0, 4, 10, 20, 0.5)).toBeCloseTo(-1.5040773967762742, 12);
  });

  it('is infinite for an empty cell without smoothing', () => {
    expect(woeFromCounts(0, 4, 10, 20)).toBe(-Infinity);
  });
});

describe('informationValue', () => {
  it('sums (share won - share lost) x WoE, worked by hand', () => {
    // Bin 1: 30/100 won, 20/400 lost: (0.3 - 0.05) x ln 6 = 0.25 x 1.7917595 = 0.4479399
    // Bin 2: 70/100 won, 380/400 lost: (0.7 - 0.95) x ln(0.7/0.95) = -0.25 x -0.3053816 = 0.0763454
    // IV = 0.4479399 + 0.0763454 = 0.5242853
    const bins = [
      { nEvent: 30, nNonevent: 20, woe: Math.log(0.3 / 0.05) },
      { nEvent: 70, nNonevent: 380, woe: Math.log(0.7 / 0.95) },
    ];
    expect(informationValue(bins)).toBeCloseTo(0.5242853, 6);
  });

  it('is 0 when there are no won or no lost rows', () => {
    expect(informationValue([{ nEvent: 0, nNonevent: 5, woe: -1 }])).toBe(0);
    expect(informationValue([])).toBe(0);
  });
});

describe('the rule for empty cells (an empty cell counts s, totals stay the real ones)', () => {
  // Three bins A (10 won, 30 lost), B (20, 20), C (0, 10): E = 30, N = 60, s = 0.5. By hand:
  //   A: ln((10 / 30) / (30 / 60)) = ln(0.3333333 / 0.5)       = ln(2/3) = -0.4054651
  //   B: ln((20 / 30) / (20 / 60)) = ln(0.6666667 / 0.3333333) = ln 2    =  0.6931472
  //   C: ln((0.5 / 30) / (10 / 60)) = ln(0.0166667 / 0.1666667) = ln 0.1 = -2.3025851
  const withC = { totalEvent: 30, totalNonevent: 60, nBins: 3 };
  const woe = (e: number, n: number, totals: typeof withC, s = 0.5) =>
    smoothedWoe(e, n, totals, s, 0);
  const textbook = (e: number, n: number, totals: typeof withC) =>
    Math.log(e / totals.totalEvent / (n / totals.totalNonevent));

  it('(a) gives finite WoE for a bin with an empty cell', () => {
    expect(woe(0, 10, withC)).toBeCloseTo(-2.3025850929940455, 12);
    // No rows at all: both cells count s, ln((0.5 / 30) / (0.5 / 60)) = ln 2.
    expect(woe(0, 0, withC)).toBeCloseTo(0.6931471805599453, 12);
    // No lost rows: ln((7 / 30) / (0.5 / 60)) = ln(0.2333333 / 0.0083333) = ln 28 = 3.3322045.
    expect(woe(7, 0, withC)).toBeCloseTo(3.332204510175204, 12);
    // No won rows in the whole column: 0, not NaN.
    expect(smoothedWoe(0, 3, { totalEvent: 0, totalNonevent: 3, nBins: 1 }, 0.5, 0)).toBe(0);
    // Totals so small (weights of 5e-324) that s / N overflows as a ratio: still finite,
    // ln(5e-324 / 5e-324) - ln(0.5 / 5e-324) = ln(5e-324) + ln 2 = -744.4400719 + 0.6931472.
    const tiny = { totalEvent: 5e-324, totalNonevent: 5e-324, nBins: 2 };
    expect(woe(5e-324, 0, tiny)).toBeCloseTo(-743.7469247408213, 9);
    expect(woe(0, 5e-324, tiny)).toBeCloseTo(743.7469247408213, 9);
  });

  it('(b) gives a bin with both outcomes its textbook WoE, whatever the other bins hold', () => {
    // A and B next to the empty-cell bin C: exactly the textbook values above.
    expect(woe(10, 30, withC)).toBeCloseTo(-0.40546510810816444, 12);
    expect(woe(20, 20, withC)).toBeCloseTo(0.6931471805599453, 12);
    expect(woe(10, 30, withC)).toBeCloseTo(textbook(10, 30, withC), 12);
    expect(woe(20, 20, withC)).toBeCloseTo(textbook(20, 20, withC), 12);
    // Neither the smoothing nor the number of bins enters it.
    expect(woe(10, 30, withC, 3)).toBe(woe(10, 30, withC));
    expect(woe(20, 20, { ...withC, nBins: 7 })).toBe(woe(20, 20, withC));
  });

  it('(b) leaves the other bins unchanged when empty-cell bins keeping E and N are added', () => {
    // C split into C1 (0, 4) and C2 (0, 6), or a bin of no rows (a special code of weight 0)
    // added: E = 30 and N = 60 still, so A and B are exactly as before (4 bins instead of 3).
    const splitC = { totalEvent: 30, totalNonevent: 60, nBins: 4 };
    expect(woe(10, 30, splitC)).toBe(woe(10, 30, withC));
    expect(woe(20, 20, splitC)).toBe(woe(20, 20, withC));
    // The empty-cell bins themselves follow the rule: ln((0.5/30) / (4/60)) = ln 0.25 = -1.3862944.
    expect(woe(0, 4, splitC)).toBeCloseTo(Math.log(0.25), 12);
    expect(woe(0, 6, splitC)).toBeCloseTo(Math.log(0.5 / 30 / (6 / 60)), 12);
  });

  it('(b) moves the other bins only through the totals when a bin with rows is added', () => {
    // D (0 won, 20 lost) added to A, B, C: N becomes 80, so A and B take their textbook WoE for
    // the new totals, both shifted by ln(80 / 60) = 0.2876821; B - A = ln 3 stays:
    //   A: ln((10 / 30) / (30 / 80)) = ln(0.3333333 / 0.375) = -0.1177830
    //   B: ln((20 / 30) / (20 / 80)) = ln(0.6666667 / 0.25)  =  0.9808293
    const withD = { totalEvent: 30, totalNonevent: 80, nBins: 4 };
    expect(woe(10, 30, withD)).toBeCloseTo(-0.11778303565638351, 12);
    expect(woe(20, 20, withD)).toBeCloseTo(0.9808292530117262, 12);
    expect(woe(10, 30, withD) - woe(10, 30, withC)).toBeCloseTo(Math.log(80 / 60), 12);
    expect(woe(20, 20, withD) - woe(20, 20, withC)).toBeCloseTo(Math.log(80 / 60), 12);
    expect(woe(20, 20, withD) - woe(10, 30, withD)).toBeCloseTo(Math.log(3), 12);
  });

  it('(b) textbook WoE for random bins next to random empty-cell bins (property)', () => {
    const bins = fc.record({
      full: fc.array(fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 })), {
        minLength: 1,
        maxLength: 6,
      }),
      empty: fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 500 })), { maxLength: 4 }),
      smoothing: fc.double({ min: 0.01, max: 5, noNaN: true }),
    });
    fc.assert(
      fc.property(bins, ({ full, empty, smoothing }) => {
        // Empty-cell bins: no won rows (flag true) or no lost rows (flag false).
        const others = empty.map(([noWon, rows]) => (noWon ? [0, rows] : [rows, 0]));
        const all = [...full, ...others];
        const totals = {
          totalEvent: all.reduce((sum, b) => sum + b[0], 0),
          totalNonevent: all.reduce((sum, b) => sum + b[1], 0),
          nBins: all.length,
        };
        for (const [e, n] of full) {
          const got = woe(e, n, totals, smoothing);
          expect(got).toBeCloseTo(textbook(e, n, totals), 12);
          // The same bin with the empty-cell bins dropped, when they held no rows: unchanged.
          if (others.every(([e0, n0]) => e0 + n0 === 0)) {
            expect(got).toBe(woe(e, n, { ...totals, nBins: full.length }, smoothing));
          }
        }
        for (const [e, n] of others)
          expect(Number.isFinite(woe(e, n, totals, smoothing))).toBe(true);
      }),
      { seed: 424242, numRuns: 300 },
    );
  });

  it('(c) gives positive WoE to a bin with a higher win rate than overall', () => {
    // Overall win rate 30 / 90 = 0.333; B wins 0.5, A wins 0.25, C wins 0.
    expect(woe(20, 20, withC)).toBeGreaterThan(0);
    expect(woe(10, 30, withC)).toBeLessThan(0);
    expect(woe(0, 10, withC)).toBeLessThan(0);
  });

  it('shrinks a bin of m rows by m / (m + shrinkage), keeping its sign', () => {
    // B holds 40 rows; with shrinkage 40 its WoE halves: ln 2 / 2 = 0.3465736.
    expect(smoothedWoe(20, 20, withC, 0.5, 40)).toBeCloseTo(0.6931471805599453 / 2, 12);
    // C holds 10 rows; with shrinkage 10: ln 0.1 x 10 / 20 = -1.1512925.
    expect(smoothedWoe(0, 10, withC, 0.5, 10)).toBeCloseTo(-2.3025850929940455 / 2, 12);
    // A bin of no rows (ln 2 unshrunk) is pulled all the way to 0.
    expect(smoothedWoe(0, 0, withC, 0.5, 40)).toBe(0);
  });
});
