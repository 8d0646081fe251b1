import { describe, expect, it } from 'vitest';
import { scoreHistogram } from '../src/choose-line.js';
import { setLines } from '../src/set-lines.js';

// 100 deals, scores 0..99; a deal wins when its score is a multiple of 3 or above 70.
const scores = Array.from({ length: 100 }, (_, i) => i);
const y = scores.map((s) => (s % 3 === 0 || s > 70 ? 1 : 0));
const context = { economics: {}, resamples: 200, seed: 1, probability: (s: number) => s / 100 };

describe('setLines', () => {
  it('never sets the SQL line below the fit floor, and reports what the rule keeps', () => {
    // Expected value: p = score / 100 >= 60 x 1 / 5000 = 0.012 would pass almost everything,
    // but the fit floor (80% of wins) is higher, so the SQL line sits at the floor.
    const lines = setLines(
      { fit: scoreHistogram(scores, y) },
      { dealValue: 5000, repHourCost: 60, hoursPerLead: 1 },
      context,
    );
    expect(lines.sql.score).toBeGreaterThanOrEqual(lines.mql.score);
    const passed = scores.filter((s) => s >= lines.sql.score).length;
    expect(lines.sql.shareAbove).toBe(passed / 100);
    const won = scores.filter((s, i) => s >= lines.sql.score && y[i] === 1).length;
    expect(lines.sql.winsKept).toBe(won / y.filter((v) => v === 1).length);
  });

  it('fills a capacity of 15 in 100 with the highest scores', () => {
    const lines = setLines(
      { fit: scoreHistogram(scores, y) },
      { capacity: 15, volume: 100, period: 'week' },
      context,
    );
    expect(lines.sql.score).toBe(85);
    expect(lines.sql.shareAbove).toBe(0.15);
    expect(lines.sql.reason).toContain('15 SQLs a week');
    expect(lines.sql.interval).not.toBeNull();
  });
});
