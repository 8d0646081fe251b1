import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineInterval, lineRows, pickRow, scoreHistogram } from '../src/choose-line.js';

describe('lines on a histogram of scores', () => {
  it('counts ties as passing: precision at 0.7 is 2/3 for 0.7, 0.6, 0.8, 0.7 / 1, 0, 1, 0', () => {
    const rows = lineRows(scoreHistogram([0.7, 0.6, 0.8, 0.7], [1, 0, 1, 0]));
    const at = rows.find((r) => r.cutoff === 0.7)!;
    expect(at.passed).toBe(3);
    expect(at.winRateAbove).toBeCloseTo(0.667, 3);
  });

  it('reports figures equal to applying score >= cutoff to the data (property)', () => {
    const deal = fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.boolean());
    fc.assert(
      fc.property(fc.array(deal, { minLength: 2, maxLength: 80 }), (deals) => {
        const scores = deals.map(([s]) => s / 100);
        const y = deals.map(([, w]) => (w ? 1 : 0));
        for (const row of lineRows(scoreHistogram(scores, y), { dealValue: 10, hoursPerLead: 2 })) {
          const passed = scores.filter((s) => s >= row.cutoff - 1e-9).length;
          const won = scores.filter((s, i) => s >= row.cutoff - 1e-9 && y[i] === 1).length;
          expect(row.passed).toBe(passed);
          expect(row.wonPassed).toBe(won);
          expect(row.pipelinePerRepHour).toBeCloseTo((won * 10) / (passed * 2), 12);
        }
      }),
    );
  });

  it('fills capacity without exceeding it, and the recall line is monotone in the target', () => {
    const scores = Array.from({ length: 200 }, (_, i) => (i * 37) % 101);
    const y = scores.map((s) => (s > 60 ? 1 : s % 3 === 0 ? 1 : 0));
    const rows = lineRows(scoreHistogram(scores, y));
    const capacity = pickRow(rows, { kind: 'capacity', capacity: 30, volume: 200, period: 'week' });
    expect(capacity.row.passed).toBeLessThanOrEqual(30);
    const next = rows[rows.indexOf(capacity.row) + 1];
    expect(next.passed).toBeGreaterThan(30);
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a < b ? [a, b] : [b, a];
          const low = pickRow(rows, { kind: 'recall', target: lo }).row.cutoff;
          const high = pickRow(rows, { kind: 'recall', target: hi }).row.cutoff;
          expect(high).toBeLessThanOrEqual(low);
        },
      ),
    );
  });

  it('sets the expected-value line where p x deal value covers the rep time', () => {
    const rows = lineRows(scoreHistogram([10, 20, 30, 40, 50], [0, 0, 1, 0, 1]));
    // p(score) = score / 100; 2 h x 50 / 1,000 = 0.1: the lowest cutoff with p >= 0.1 is 10.
    const pick = pickRow(
      rows,
      { kind: 'expected-value', dealValue: 1000, repHourCost: 50, hoursPerLead: 2 },
      (s) => s / 100,
    );
    expect(pick.row.cutoff).toBe(10);
    const strict = pickRow(
      rows,
      { kind: 'expected-value', dealValue: 1000, repHourCost: 50, hoursPerLead: 9 },
      (s) => s / 100,
    );
    expect(strict.row.cutoff).toBe(50);
    expect(pickRow(rows, { kind: 'precision', target: 0.99 }).met).toBe(true);
  });

  it('gives a seeded bootstrap interval around the chosen cutoff', () => {
    const scores = Array.from({ length: 400 }, (_, i) => ((i * 7919) % 1000) / 10);
    const y = scores.map((s, i) => (s / 100 > ((i * 104729) % 1000) / 1000 ? 1 : 0));
    const h = scoreHistogram(scores, y);
    const objective = { kind: 'recall', target: 0.5 } as const;
    const chosen = pickRow(lineRows(h), objective).row.cutoff;
    const a = lineInterval(h, objective, { resamples: 300, seed: 1 });
    expect(a[0]).toBeLessThanOrEqual(chosen);
    expect(a[1]).toBeGreaterThanOrEqual(chosen);
    expect(lineInterval(h, objective, { resamples: 300, seed: 1 })).toEqual(a);
  });
});
