import { describe, expect, it } from 'vitest';
import { FitgateError } from '../src/errors.js';
import { resolveOutcomes } from '../src/resolve-outcomes.js';

describe('resolveOutcomes', () => {
  it('labels won and lost, and counts the rows left out by value', () => {
    const stages = ['Won', 'Lost', 'Engaging', 'Won', ' Lost ', 'Prospecting', 'Engaging', ''];
    const o = resolveOutcomes(stages, ['Won'], ['Lost'], 'deal_stage');
    expect(Array.from(o.rows)).toEqual([0, 1, 3, 4]);
    expect(Array.from(o.y)).toEqual([1, 0, 1, 0]);
    expect(o.leftOut).toEqual([
      { reason: 'outcome "Engaging" is neither won nor lost', count: 2 },
      { reason: 'outcome is empty', count: 1 },
      { reason: 'outcome "Prospecting" is neither won nor lost', count: 1 },
    ]);
  });

  it('refuses data without both outcomes, saying the counts', () => {
    const stages = ['Won', 'Won', 'Won', 'Won', 'Won', 'Won', 'Open'];
    expect(() => resolveOutcomes(stages, ['Won'], ['Lost'], 'stage')).toThrow(
      'need at least 1 won and 1 lost deal; got 6 won, 0 lost',
    );
    try {
      resolveOutcomes(stages, ['Won'], ['Lost'], 'stage');
    } catch (error) {
      expect((error as FitgateError).code).toBe('NOT_ENOUGH_OUTCOMES');
    }
  });

  it('refuses a value listed as both won and lost', () => {
    expect(() => resolveOutcomes(['a'], ['a'], ['a'], 'x')).toThrow('both won and lost');
  });
});
