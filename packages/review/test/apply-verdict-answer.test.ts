import { qualify, type Verdict } from '@fitgate/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyVerdictAnswer } from '../src/apply-verdict-answer.js';
import { icpFixture as icp } from './fixtures/icp.js';

const FLOOR = 40; // the fixture's MQL line
const above = qualify({ industry: 'software' }, icp); // REVIEW (stage REVIEW), fit 75
const below = qualify({ industry: 'retail' }, icp); // REVIEW (stage REVIEW), fit 15

describe('applyVerdictAnswer', () => {
  it('the fixture leads are REVIEW (stage REVIEW) at fit 75 and 15', () => {
    expect([above.verdict, above.fitScore, above.stage]).toEqual(['REVIEW', 75, 'REVIEW']);
    expect([below.verdict, below.fitScore, below.stage]).toEqual(['REVIEW', 15, 'REVIEW']);
  });

  it('applies QUALIFIED at or above the floor: verdict QUALIFIED, stage SQL, one reason', () => {
    const { result, refused } = applyVerdictAnswer(
      above,
      { verdict: 'QUALIFIED', reason: 'Fits.' },
      FLOOR,
    );
    expect(refused).toBe(false);
    expect([result.verdict, result.stage, result.fitScore]).toEqual(['QUALIFIED', 'SQL', 75]);
    expect(result.reasons.slice(0, -1)).toEqual(above.reasons);
    expect(result.reasons.at(-1)).toMatchObject({ side: 'gate', code: 'ADJUDICATED', points: 0 });
    expect(result.reasons.at(-1)?.message).toBe('model: QUALIFIED | Fits.');
  });

  it('refuses QUALIFIED below the floor: the lead stays REVIEW, with a reason saying why', () => {
    const { result, refused } = applyVerdictAnswer(
      below,
      { verdict: 'QUALIFIED', reason: 'Trust me.' },
      FLOOR,
    );
    expect(refused).toBe(true);
    expect([result.verdict, result.stage]).toEqual(['REVIEW', 'REVIEW']);
    expect(result.reasons.at(-1)?.message).toBe(
      'model answered QUALIFIED, refused: fit 15.00 is below the fit floor 40.00, so the lead ' +
        'stays REVIEW (model: Trust me.)',
    );
  });

  it('applies NOT_QUALIFIED: stage NURTURE below the floor, MQL at or above it', () => {
    const low = applyVerdictAnswer(below, { verdict: 'NOT_QUALIFIED', reason: 'Retail.' }, FLOOR);
    expect([low.result.verdict, low.result.stage, low.refused]).toEqual([
      'NOT_QUALIFIED',
      'NURTURE',
      false,
    ]);
    const high = applyVerdictAnswer(above, { verdict: 'NOT_QUALIFIED', reason: 'No.' }, FLOOR);
    expect([high.result.verdict, high.result.stage]).toEqual(['NOT_QUALIFIED', 'MQL']);
  });

  it('keeps REVIEW as REVIEW, and never changes its input', () => {
    const copy = structuredClone(above);
    const { result } = applyVerdictAnswer(above, { verdict: 'REVIEW', reason: 'Unclear.' }, FLOOR);
    expect([result.verdict, result.stage]).toEqual(['REVIEW', 'REVIEW']);
    expect(above).toEqual(copy);
  });

  it('never gives QUALIFIED below the floor, whatever the answer (property)', () => {
    const verdict = fc.constantFrom<Verdict>('QUALIFIED', 'NOT_QUALIFIED', 'REVIEW');
    const fit = fc.oneof(fc.double({ min: -10, max: 110 }), fc.constant(Number.NaN));
    fc.assert(
      fc.property(
        verdict,
        fit,
        fc.double({ min: 0, max: 100, noNaN: true }),
        (v, fitScore, floor) => {
          const { result } = applyVerdictAnswer(
            { ...above, fitScore },
            { verdict: v, reason: 'r' },
            floor,
          );
          if (!(fitScore >= floor)) expect(result.verdict).not.toBe('QUALIFIED');
          expect(result.fitScore).toBe(fitScore);
        },
      ),
    );
  });
});
