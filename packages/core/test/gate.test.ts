import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, passes, type GateLines } from '../src/gate.js';

const lines: GateLines = { sql: 30, sqlLow: 28, mql: 40, mqlLow: 38, intent: 50, intentLow: 47 };

describe('decide', () => {
  it('follows the quadrant table', () => {
    expect(decide(80, 90, lines)).toMatchObject({
      qualified: true,
      stage: 'SQL',
      quadrant: 'high_fit_high_intent',
      priorityScore: 72,
    });
    // High fit, high intent, priority 45 x 60 / 100 = 27 below the SQL line 30: MQL.
    expect(decide(45, 60, lines)).toMatchObject({ qualified: false, stage: 'MQL' });
    expect(decide(90, 10, lines)).toMatchObject({ stage: 'MQL', quadrant: 'high_fit_low_intent' });
    expect(decide(20, 100, lines)).toMatchObject({
      qualified: false,
      stage: 'NURTURE',
      quadrant: 'low_fit_high_intent',
    });
    expect(decide(5, 5, lines).quadrant).toBe('low_fit_low_intent');
  });

  it('never qualifies a lead below the fit floor, whatever its intent (property)', () => {
    const score = fc.double({ min: -50, max: 150, noNaN: true });
    fc.assert(
      fc.property(score, score, score, score, score, (fit, intent, sql, mql, intentLine) => {
        const l = { sql, sqlLow: sql, mql, mqlLow: mql, intent: intentLine, intentLow: intentLine };
        if (!passes(fit, mql)) {
          expect(decide(fit, intent, l).qualified).toBe(false);
          expect(decide(fit, null, l).qualified).toBe(false);
        }
      }),
    );
  });

  it('multiplies fit and intent: a zero fit cannot be bought back', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (intent) => {
        expect(decide(0, intent, lines).qualified).toBe(false);
      }),
    );
  });

  it('does not clamp a negative intent score inside the arithmetic', () => {
    const d = decide(80, -20, lines);
    expect(d.priorityScore).toBe(-16);
    expect(d.qualified).toBe(false);
  });

  it('sends a near miss inside the lines` intervals to review, and only a near miss', () => {
    // Priority 29 is under the SQL line 30 but above its interval's low end 28.
    expect(decide(58, 50, lines)).toMatchObject({ qualified: false, nearLine: true });
    expect(decide(50, 50, lines)).toMatchObject({ qualified: false, nearLine: false });
    expect(decide(80, 90, lines).nearLine).toBe(false);
  });

  it('compares at 0.01 resolution: a score equal to the line passes', () => {
    expect(passes(0.7, 0.7)).toBe(true);
    expect(passes(0.1 + 0.2 + 0.4, 0.7)).toBe(true);
    expect(passes(0.69, 0.7)).toBe(false);
  });
});
