import { describe, expect, it } from 'vitest';
import { smoothWeightedStep } from '../src/smooth-weighted-step.js';

describe('smoothWeightedStep', () => {
  const candidates = [
    { id: 'a', weight: 5 },
    { id: 'b', weight: 1 },
  ];

  it('adds weights, picks the highest, gives back the total (worked by hand)', () => {
    // 0 + 5 = 5 vs 0 + 1 = 1 -> a wins, 5 - 6 = -1.
    expect(smoothWeightedStep(candidates, {})).toEqual({ winner: 0, counters: { a: -1, b: 1 } });
    // -4 + 5 = 1 vs 4 + 1 = 5 -> b wins, 5 - 6 = -1.
    expect(smoothWeightedStep(candidates, { a: -4, b: 4 })).toEqual({
      winner: 1,
      counters: { a: 1, b: -1 },
    });
  });

  it('leaves non-candidates alone and clamps candidates to one round', () => {
    // a: min(6, 50) + 5 = 11 -> wins, 11 - 6 = 5; b: max(-6, -50) + 1 = -5; c untouched.
    expect(smoothWeightedStep(candidates, { a: 50, b: -50, c: 9 })).toEqual({
      winner: 0,
      counters: { a: 5, b: -5, c: 9 },
    });
  });

  it('gives ties to the earliest candidate', () => {
    const even = [
      { id: 'x', weight: 1 },
      { id: 'y', weight: 1 },
    ];
    expect(smoothWeightedStep(even, {}).winner).toBe(0);
    expect(smoothWeightedStep([...even].reverse(), {}).winner).toBe(0);
  });
});
