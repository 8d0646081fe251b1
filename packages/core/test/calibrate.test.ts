import { describe, expect, it } from 'vitest';

import {
  applyCalibration,
  fitCalibration,
  fitIsotonic,
  fitPlatt,
  ISOTONIC_MIN_ROWS,
} from '../src/calibrate.js';
import { readBank } from './reference/read-bank.js';

/**
 * scikit-learn 1.2 references from `test/reference/calibration_reference.py`:
 * Platt = `LogisticRegression(C=1e12, tol=1e-12, solver='newton-cg')` of y == "yes" on one
 * bank-marketing column; isotonic = `IsotonicRegression(out_of_bounds='clip')`, its
 * `X_thresholds_`, `y_thresholds_` and `predict(grid)`.
 */
const SKLEARN_PLATT_AGE_5000 = { a: -0.005492226676050684, b: -3.248527021423618 };
const SKLEARN_PLATT_DURATION = { a: 0.35292403871861383, b: -3.192512442893842 };

const SMALL_SCORES = [1, 2, 2, 3, 4, 4, 4, 5, 6, 7, 7, 8];
const SMALL_Y = Uint8Array.of(0, 1, 0, 0, 1, 0, 0, 1, 1, 0, 1, 1);
const SKLEARN_ISOTONIC_SMALL = {
  x: [1, 2, 4, 5, 7, 8],
  y: [0, 1 / 3, 1 / 3, 0.75, 0.75, 1],
  grid: [0, 1, 1.5, 2, 3.25, 4.5, 6.5, 8, 9],
  predictions: [0, 0, 1 / 6, 1 / 3, 1 / 3, 0.5416666666666666, 0.75, 1, 1],
};
const SKLEARN_ISOTONIC_AGE_2000 = {
  x: [21, 25, 26, 27, 28, 52, 53, 54, 58, 59, 60, 61],
  y: [
    0, 0, 0.01694915254237288, 0.01694915254237288, 0.022058823529411766, 0.022058823529411766,
    0.023255813953488372, 0.02824858757062147, 0.02824858757062147, 0.03125, 0.08, 0.08,
  ],
  grid: [20, 25.5, 33, 40.25, 47, 58.5, 61, 70],
  predictions: [
    0, 0.00847457627118644, 0.022058823529411766, 0.022058823529411766, 0.022058823529411766,
    0.029749293785310736, 0.08, 0.08,
  ],
};

function expectAllClose(actual: number[], expected: number[], tolerance: number) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(Math.abs(value - expected[i])).toBeLessThan(tolerance));
}

describe('fitPlatt', () => {
  it('matches an unpenalised logistic fit on bank age (first 5,000 rows)', () => {
    const bank = readBank();
    const cal = fitPlatt(bank.numeric('age').subarray(0, 5000), bank.y.subarray(0, 5000));
    // The tiny penalty on the standardised slope moves it by ~1e-9 relative.
    expect(Math.abs(cal.a / SKLEARN_PLATT_AGE_5000.a - 1)).toBeLessThan(1e-6);
    expect(Math.abs(cal.b - SKLEARN_PLATT_AGE_5000.b)).toBeLessThan(1e-6);
    expect(cal).toMatchObject({ method: 'platt', n: 5000 });
  });

  it('matches an unpenalised logistic fit on bank duration / 100 (all rows)', () => {
    const bank = readBank();
    const cal = fitPlatt(
      bank.numeric('duration').map((d) => d / 100),
      bank.y,
    );
    expect(Math.abs(cal.a / SKLEARN_PLATT_DURATION.a - 1)).toBeLessThan(1e-6);
    expect(Math.abs(cal.b - SKLEARN_PLATT_DURATION.b)).toBeLessThan(1e-6);
  });

  it('stays finite and increasing when the score separates the outcomes', () => {
    const cal = fitPlatt([1, 2, 3, 10, 11, 12], Uint8Array.of(0, 0, 0, 1, 1, 1));
    expect(Number.isFinite(cal.a) && Number.isFinite(cal.b)).toBe(true);
    expect(applyCalibration(cal, 3)).toBeLessThan(0.01);
    expect(applyCalibration(cal, 10)).toBeGreaterThan(0.99);
  });

  it('gives slope 0 and the base rate for a constant score', () => {
    const cal = fitPlatt([4, 4, 4, 4], Uint8Array.of(1, 0, 0, 0));
    expect(cal.a).toBe(0);
    expect(applyCalibration(cal, 4)).toBeCloseTo(0.25, 12);
  });
});

describe('fitIsotonic', () => {
  it('matches IsotonicRegression on a small example with ties (also worked by hand)', () => {
    // Pooled ties: 1:0, 2:1/2, 3:0, 4:1/3, 5:1, 6:1, 7:1/2, 8:1. PAV merges 2-4 into 2/6 = 1/3
    // and 5-7 into 3/4; the knots are the ends of each flat stretch.
    const cal = fitIsotonic(SMALL_SCORES, SMALL_Y);
    expect(cal.x).toEqual(SKLEARN_ISOTONIC_SMALL.x);
    expectAllClose(cal.y, SKLEARN_ISOTONIC_SMALL.y, 1e-15);
    const predictions = SKLEARN_ISOTONIC_SMALL.grid.map((s) => applyCalibration(cal, s));
    expectAllClose(predictions, SKLEARN_ISOTONIC_SMALL.predictions, 1e-15);
    expect(cal.n).toBe(12);
  });

  it('matches IsotonicRegression on bank age (first 2,000 rows)', () => {
    const bank = readBank();
    const cal = fitIsotonic(bank.numeric('age').subarray(0, 2000), bank.y.subarray(0, 2000));
    expect(cal.x).toEqual(SKLEARN_ISOTONIC_AGE_2000.x);
    expectAllClose(cal.y, SKLEARN_ISOTONIC_AGE_2000.y, 1e-15);
    const predictions = SKLEARN_ISOTONIC_AGE_2000.grid.map((s) => applyCalibration(cal, s));
    expectAllClose(predictions, SKLEARN_ISOTONIC_AGE_2000.predictions, 1e-15);
  });

  it('handles a single distinct score', () => {
    const cal = fitIsotonic([3, 3], Uint8Array.of(1, 0));
    expect(cal).toEqual({ method: 'isotonic', x: [3], y: [0.5], n: 2 });
    expect(applyCalibration(cal, -10)).toBe(0.5);
  });
});

describe('fitCalibration', () => {
  it(`picks Platt below ${ISOTONIC_MIN_ROWS} rows and isotonic from there on ('auto')`, () => {
    const scores = Array.from({ length: ISOTONIC_MIN_ROWS }, (_, i) => i % 97);
    const y = Uint8Array.from(scores, (s, i) => (s + (i % 13) > 60 ? 1 : 0));
    expect(fitCalibration(scores.slice(1), y.subarray(1)).method).toBe('platt');
    expect(fitCalibration(scores, y).method).toBe('isotonic');
    expect(fitCalibration(scores, y, { method: 'platt' }).method).toBe('platt');
    expect(
      fitCalibration(scores.slice(0, 10), y.subarray(0, 10), { method: 'isotonic' }).method,
    ).toBe('isotonic');
  });

  it('throws BAD_OPTION on an unknown method', () => {
    const call = () => fitCalibration([1, 2], Uint8Array.of(0, 1), { method: 'beta' as 'platt' });
    expect(call).toThrow(expect.objectContaining({ code: 'BAD_OPTION' }));
  });
});

describe('applyCalibration', () => {
  it('evaluates the Platt curve (worked by hand)', () => {
    // a * 10 + b = 0 -> 1/2; a * 20 + b = ln 3 -> 3/4.
    const cal = { method: 'platt' as const, a: Math.log(3) / 10, b: -Math.log(3), n: 1 };
    expect(applyCalibration(cal, 10)).toBeCloseTo(0.5, 15);
    expect(applyCalibration(cal, 20)).toBeCloseTo(0.75, 15);
    expect(applyCalibration(cal, -1e6)).toBe(0);
    expect(applyCalibration(cal, 1e6)).toBe(1);
  });

  it('interpolates isotonic knots linearly and clips outside them', () => {
    const cal = { method: 'isotonic' as const, x: [0, 10, 20], y: [0.2, 0.6, 0.7], n: 50 };
    expect(applyCalibration(cal, 5)).toBeCloseTo(0.4, 15);
    expect(applyCalibration(cal, 15)).toBeCloseTo(0.65, 15);
    expect(applyCalibration(cal, 10)).toBe(0.6);
    expect(applyCalibration(cal, -3)).toBe(0.2);
    expect(applyCalibration(cal, 25)).toBe(0.7);
  });

  it('returns NaN for a non-finite score', () => {
    expect(applyCalibration({ method: 'platt', a: 1, b: 0, n: 1 }, NaN)).toBeNaN();
  });
});
