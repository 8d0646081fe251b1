import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MonotonicTrend } from '../src/schema.js';
import {
  chooseMerge,
  mergePrebins,
  trendOf,
  type Counts,
  type MergeProblem,
} from '../src/merge-prebins.js';
import { informationValue, smoothedWoe } from '../src/woe.js';

function problem(prebins: Counts[], over: Partial<MergeProblem> = {}): MergeProblem {
  const rows = prebins.reduce((sum, p) => sum + p.nEvent + p.nNonevent, 0);
  return {
    prebins,
    fixed: [],
    minBinRows: 0.05 * rows,
    minBinSize: 0.05,
    minBinEvents: 1,
    minBinNonevents: 1,
    maxBins: 8,
    smoothing: 0.5,
    shrinkage: 0,
    ...over,
  };
}

const counts = (pairs: [number, number][]): Counts[] =>
  pairs.map(([nEvent, nNonevent]) => ({ nEvent, nNonevent }));

/** Trends whose constraint a sequence of WoE with actual trend `actual` meets. */
function allows(trend: MonotonicTrend, actual: MonotonicTrend, nBins: number): boolean {
  if (trend === 'none' || nBins === 1) return true;
  if (trend === 'ascending' || trend === 'descending') return actual === trend;
  return actual === trend || actual === 'ascending' || actual === 'descending';
}

/** The best IV over every partition, by enumerating all 2^(m-1) of them; -Infinity if none. */
function bruteForce(p: MergeProblem, trend: MonotonicTrend): number {
  const m = p.prebins.length;
  let best = -Infinity;
  for (let mask = 0; mask < 1 << (m - 1); mask++) {
    const starts = [0];
    for (let j = 1; j < m; j++) if (mask & (1 << (j - 1))) starts.push(j);
    if (starts.length > p.maxBins) continue;
    const bins = starts.map((a, t) => {
      const members = p.prebins.slice(a, starts[t + 1] ?? m);
      return {
        nEvent: members.reduce((s, c) => s + c.nEvent, 0),
        nNonevent: members.reduce((s, c) => s + c.nNonevent, 0),
      };
    });
    const feasible = bins.every(
      (b) =>
        b.nEvent + b.nNonevent >= p.minBinRows &&
        b.nEvent >= p.minBinEvents &&
        b.nNonevent >= p.minBinNonevents,
    );
    if (!feasible) continue;
    const all = [...bins, ...p.fixed];
    const totals = {
      totalEvent: all.reduce((s, b) => s + b.nEvent, 0),
      totalNonevent: all.reduce((s, b) => s + b.nNonevent, 0),
      nBins: all.length,
    };
    const withWoe = all.map((b) => ({
      ...b,
      woe: smoothedWoe(b.nEvent, b.nNonevent, totals, p.smoothing, p.shrinkage),
    }));
    const woes = withWoe.slice(0, bins.length).map((b) => b.woe);
    if (!allows(trend, trendOf(woes), bins.length)) continue;
    best = Math.max(best, informationValue(withWoe));
  }
  return best;
}

describe('trendOf', () => {
  it('names the trend a sequence follows, strictly', () => {
    expect(trendOf([])).toBe('none');
    expect(trendOf([0.3])).toBe('none');
    expect(trendOf([-1, 0, 2])).toBe('ascending');
    expect(trendOf([2, 0, -1])).toBe('descending');
    expect(trendOf([-1, 2, 0])).toBe('peak');
    expect(trendOf([1, -2, 0, 3])).toBe('valley');
    expect(trendOf([1, -2, 0, -1])).toBe('none');
    expect(trendOf([0, 1, 1])).toBe('none');
  });
});

describe('mergePrebins', () => {
  it('finds the partition of highest IV, as enumerating every partition does', () => {
    const arbitraryProblem = fc.record({
      prebins: fc.array(fc.tuple(fc.nat(30), fc.nat(30)), { minLength: 1, maxLength: 9 }),
      fixed: fc.array(fc.tuple(fc.nat(20), fc.nat(20)), { maxLength: 2 }),
      minShare: fc.double({ min: 0, max: 0.3, noNaN: true }),
      minBinEvents: fc.nat(3),
      minBinNonevents: fc.nat(3),
      maxBins: fc.integer({ min: 1, max: 6 }),
      shrinkage: fc.constantFrom(0, 10),
      trend: fc.constantFrom<MonotonicTrend>('ascending', 'descending', 'peak', 'valley', 'none'),
    });
    fc.assert(
      fc.property(arbitraryProblem, (g) => {
        const prebins = counts(g.prebins);
        const rows = prebins.reduce((sum, c) => sum + c.nEvent + c.nNonevent, 0);
        const p = problem(prebins, {
          fixed: counts(g.fixed),
          minBinRows: g.minShare * rows,
          minBinSize: g.minShare,
          minBinEvents: g.minBinEvents,
          minBinNonevents: g.minBinNonevents,
          maxBins: g.maxBins,
          shrinkage: g.shrinkage,
        });
        const merge = mergePrebins(p, g.trend);
        const expected = bruteForce(p, g.trend);
        if (expected === -Infinity) return merge === null;
        return (
          merge !== null &&
          Math.abs(merge.iv - expected) < 1e-9 &&
          allows(g.trend, trendOf(merge.woes), merge.starts.length)
        );
      }),
      { seed: 20240611, numRuns: 400 },
    );
  });

  it('merges a bin without won rows away under minBinEvents 1', () => {
    // Pre-bin 0 has no won row, so it must join pre-bin 1.
    const merge = mergePrebins(
      problem(
        counts([
          [0, 20],
          [10, 20],
          [30, 20],
        ]),
      ),
      'none',
    );
    expect(merge?.starts).toEqual([0, 2]);
  });
});

describe('chooseMerge', () => {
  // Win rate rising from 0.1 to 0.9 over five equal pre-bins.
  const rising = counts([
    [10, 90],
    [30, 70],
    [50, 50],
    [70, 30],
    [90, 10],
  ]);

  it('relaxes a requested trend that allows one bin only, with a warning', () => {
    // Any split of a rising line is ascending, so 'descending' leaves a single bin.
    expect(mergePrebins(problem(rising), 'descending')?.starts).toEqual([0]);
    const { merge, warnings } = chooseMerge(problem(rising), 'descending');
    expect(merge.starts.length).toBeGreaterThan(1);
    expect(trendOf(merge.woes)).toBe('ascending');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].code).toBe('CONSTRAINT_INFEASIBLE');
    expect(warnings[0].message).toContain("'descending'");
    expect(warnings[0].message).toContain("'ascending'");
  });

  it('keeps a requested trend that the data allow, without warning', () => {
    const { merge, warnings } = chooseMerge(problem(rising), 'ascending');
    expect(merge.starts).toEqual([0, 1, 2, 3, 4]);
    expect(warnings).toEqual([]);
  });

  it('keeps one bin with a warning when no bin can meet the minimum counts', () => {
    const noWins = counts([
      [0, 50],
      [0, 50],
    ]);
    const { merge, warnings } = chooseMerge(problem(noWins), 'auto');
    expect(merge.starts).toEqual([0]);
    expect(warnings[0].code).toBe('CONSTRAINT_INFEASIBLE');
    expect(warnings[0].message).toContain('0 won and 100 lost');
    // A single pre-bin has nothing to merge: no warning.
    expect(chooseMerge(problem(counts([[0, 50]])), 'auto').warnings).toEqual([]);
  });

  it("'auto' takes a valley when it is clearly better than any monotone trend", () => {
    const valley = counts([
      [90, 10],
      [50, 50],
      [10, 90],
      [50, 50],
      [90, 10],
    ]);
    const { merge } = chooseMerge(problem(valley), 'auto');
    expect(trendOf(merge.woes)).toBe('valley');
  });

  it("'auto' stays monotone when a turn adds little", () => {
    // Rising, then a last pre-bin barely below the one before: a peak adds a sliver of IV.
    const almost = counts([
      [10, 90],
      [20, 80],
      [30, 70],
      [40, 60],
      [39, 61],
    ]);
    const peak = mergePrebins(problem(almost), 'peak')!;
    const ascending = mergePrebins(problem(almost), 'ascending')!;
    expect(peak.iv).toBeGreaterThan(ascending.iv);
    expect(peak.iv - ascending.iv).toBeLessThan(0.01);
    expect(trendOf(chooseMerge(problem(almost), 'auto').merge.woes)).toBe('ascending');
  });
});
