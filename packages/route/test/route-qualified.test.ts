import type { QualifyResult, Verdict } from '@fitgate/core';
import { describe, expect, it } from 'vitest';
import { emptyRouteState, routeQualified, RouteError } from '../src/index.js';
import { MONDAY, repsWithWeights } from './helpers.js';

/** A qualify result as `qualify` would give it (hand-made: routing reads only these fields). */
function judged(verdict: Verdict): QualifyResult {
  return {
    verdict,
    stage: verdict === 'QUALIFIED' ? 'SQL' : verdict === 'REVIEW' ? 'MQL' : 'NURTURE',
    fitScore: 71.5,
    intentScore: null,
    priority: null,
    quadrant: null,
    winProbability: 0.42,
    reasons: [
      {
        side: 'fit',
        code: 'BIN',
        attribute: 'occupation',
        value: 'Working Professional',
        bin: 'Working Professional',
        points: 40,
        message: 'occupation = Working Professional',
      },
    ],
    definitionVersion: 'sha256:abc123',
  };
}

const reps = repsWithWeights([1, 1]);
const options = { at: MONDAY };

describe('routeQualified', () => {
  it('routes a QUALIFIED lead and writes the audit record', () => {
    const result = routeQualified({}, judged('QUALIFIED'), reps, emptyRouteState(), options);
    expect(result.assignment.repId).toBe('a');
    expect(result.audit).toEqual({
      definitionVersion: 'sha256:abc123',
      verdict: 'QUALIFIED',
      stage: 'SQL',
      fitScore: 71.5,
      reasons: judged('QUALIFIED').reasons,
      repId: 'a',
      queue: null,
      rule: 'weighted-round-robin',
      routeReason: 'weighted round-robin among a (1), b (1)',
      routedAt: '2024-05-06T09:00:00.000Z',
      stateRevision: 1,
    });
  });

  it('leaves NOT_QUALIFIED and, by default, REVIEW leads unassigned, state untouched', () => {
    const state = emptyRouteState();
    for (const verdict of ['NOT_QUALIFIED', 'REVIEW'] as const) {
      const result = routeQualified({}, judged(verdict), reps, state, options);
      expect(result.state).toBe(state);
      expect(result.assignment).toEqual({
        repId: null,
        queue: null,
        rule: 'verdict-not-routed',
        reason: `verdict ${verdict} is not routed (routed verdicts: QUALIFIED)`,
        skipped: [],
      });
      expect(result.audit.stateRevision).toBe(0);
    }
  });

  it('sends REVIEW leads to the review queue when one is named', () => {
    const result = routeQualified({}, judged('REVIEW'), reps, emptyRouteState(), {
      ...options,
      reviewQueue: 'sdr-review',
    });
    expect(result.assignment).toMatchObject({
      repId: null,
      queue: 'sdr-review',
      rule: 'review-queue',
    });
    expect(result.audit.routeReason).toBe('verdict REVIEW: sent to the review queue "sdr-review"');
    const qualified = routeQualified({}, judged('QUALIFIED'), reps, emptyRouteState(), {
      ...options,
      reviewQueue: 'sdr-review',
    });
    expect(qualified.assignment.repId).toBe('a');
  });

  it('routes other verdicts to reps when asked', () => {
    const result = routeQualified({}, judged('REVIEW'), reps, emptyRouteState(), {
      ...options,
      routeVerdicts: ['QUALIFIED', 'REVIEW'],
    });
    expect(result.assignment.repId).toBe('a');
  });

  it('rejects contradictory or malformed options', () => {
    const call = (extra: object) => () =>
      routeQualified({}, judged('QUALIFIED'), reps, emptyRouteState(), { ...options, ...extra });
    expect(call({ routeVerdicts: ['REVIEW'], reviewQueue: 'q' })).toThrow(/cannot both be routed/);
    expect(call({ reviewQueue: ' ' })).toThrow(/reviewQueue must be a non-empty name/);
    expect(call({ routeVerdicts: ['HOT'] })).toThrow(RouteError);
    expect(call({ at: Number.POSITIVE_INFINITY })).toThrow(/routing time/);
  });
});
