import { describe, expect, it } from 'vitest';
import { signalContribution, signalScale } from '../src/score-intent-signals.js';

const context = {
  missingTokens: new Set(['']),
  decimal: '.' as const,
  at: Date.parse('2026-12-01T00:00:00Z'),
};

describe('declared intent signals', () => {
  it('caps a count, so repetition cannot inflate it', () => {
    const visits = { column: 'visits', kind: 'number' as const, points: 2, cap: 20 };
    expect(signalContribution(visits, '3', context)).toBe(6);
    expect(signalContribution(visits, '500', context)).toBe(20);
    expect(signalContribution(visits, '', context)).toBeNull();
  });

  it('halves a dated event every half-life from the reference time', () => {
    const demo = { column: 'demo', kind: 'date' as const, points: 40, cap: 40, halfLifeDays: 14 };
    expect(signalContribution(demo, '2026-12-01', context)).toBe(40);
    expect(signalContribution(demo, '2026-11-17', context)).toBeCloseTo(20, 10);
    expect(signalContribution(demo, '2026-11-03', context)).toBeCloseTo(10, 10);
    expect(signalContribution(demo, '2026-11-17', { ...context, at: NaN })).toBeNull();
  });

  it('discounts machine signals and keeps negative signals negative', () => {
    const opens = { column: 'opens', kind: 'number' as const, points: 1, cap: 10, discount: 0.25 };
    expect(signalContribution(opens, '40', context)).toBe(2.5);
    const unsubscribed = { column: 'unsub', kind: 'flag' as const, points: -30, cap: 30 };
    expect(signalContribution(unsubscribed, 'yes', context)).toBe(-30);
    expect(signalContribution(unsubscribed, 'no', context)).toBe(0);
    // Scale: positive caps only, discounted: 10 x 0.25 = 2.5.
    expect(signalScale([opens, unsubscribed])).toBe(2.5);
  });
});
