import { describe, expect, it } from 'vitest';

import { FitgateError } from '../src/errors.js';
import { fitLogistic, predictLogit } from '../src/fit-logistic.js';
import { readBank, standardise } from './reference/read-bank.js';

/**
 * scikit-learn 1.2 `LogisticRegression(C = 1 / l2, tol = 1e-12, max_iter = 10000,
 * solver = 'newton-cg')` on bank-marketing age, balance, day, campaign, previous, standardised
 * (ddof = 0), outcome y == "yes"; standard errors from numpy's inverse of the penalised Hessian at
 * that solution. Produced by `test/reference/logistic_reference.py` (its gradient at these values
 * is below 3e-9, so they are exact to far better than the tolerances used here).
 */
const SKLEARN_PLAIN = {
  l2: 1,
  intercept: -2.092824947940029,
  coefficients: [
    0.06666178233479436, 0.11091595188590771, -0.03598600939988862, -0.40045415399696455,
    0.25754259329362966,
  ],
  interceptStandardError: 0.01576056242708995,
  standardErrors: [
    0.014411837452622644, 0.011956147462636612, 0.015072007993724296, 0.02614036689299123,
    0.013848051202141796,
  ],
  objective: 15908.680308509702,
};

/** The same with weights 0.5, 1, 1.5, 2 cycling by row (0.5 + (i % 4) * 0.5) and l2 = 2000. */
const SKLEARN_WEIGHTED = {
  l2: 2000,
  intercept: -2.042413160396372,
  coefficients: [
    0.06028361252576996, 0.09490022772125181, -0.031187245684994994, -0.2221856924558972,
    0.1887693736507328,
  ],
  interceptStandardError: 0.013321793914650057,
  standardErrors: [
    0.011115222099188105, 0.009618146737896252, 0.011424684930711004, 0.014569896625768233,
    0.010755878541395094,
  ],
  objective: 20165.40660203896,
};

/** Brief asks for 1e-4; the fit is exact enough to hold to 1e-7. */
const COEFFICIENT_TOLERANCE = 1e-7;
const RELATIVE_TOLERANCE = 1e-6;

/** The bank design: the five numeric columns, standardised, row-major. */
function bankDesign(): { X: Float64Array; n: number; p: number; y: Uint8Array } {
  const bank = readBank();
  const columns = ['age', 'balance', 'day', 'campaign', 'previous'].map((name) =>
    standardise(bank.numeric(name)),
  );
  const p = columns.length;
  const X = new Float64Array(bank.n * p);
  for (let i = 0; i < bank.n; i++) for (let j = 0; j < p; j++) X[i * p + j] = columns[j][i];
  return { X, n: bank.n, p, y: bank.y };
}

function expectMatches(fit: ReturnType<typeof fitLogistic>, reference: typeof SKLEARN_PLAIN) {
  expect(fit.converged).toBe(true);
  expect(Math.abs(fit.intercept - reference.intercept)).toBeLessThan(COEFFICIENT_TOLERANCE);
  reference.coefficients.forEach((value, j) => {
    expect(Math.abs(fit.coefficients[j] - value)).toBeLessThan(COEFFICIENT_TOLERANCE);
  });
  const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
  expect(relative(fit.interceptStandardError!, reference.interceptStandardError)).toBeLessThan(
    RELATIVE_TOLERANCE,
  );
  reference.standardErrors.forEach((value, j) => {
    expect(relative(fit.standardErrors![j], value)).toBeLessThan(RELATIVE_TOLERANCE);
  });
  expect(relative(fit.objective, reference.objective)).toBeLessThan(1e-10);
}

describe('fitLogistic against scikit-learn on bank-marketing', () => {
  const design = bankDesign();

  it('matches LogisticRegression(C = 1) without weights', () => {
    const fit = fitLogistic(design.X, design.n, design.p, design.y, { l2: SKLEARN_PLAIN.l2 });
    expectMatches(fit, SKLEARN_PLAIN);
    expect(fit.separation).toEqual([]);
    expect(fit.iterations).toBeLessThan(15);
  });

  it('matches LogisticRegression(C = 1/2000) with sample weights', () => {
    const weights = Float64Array.from({ length: design.n }, (_, i) => 0.5 + (i % 4) * 0.5);
    const fit = fitLogistic(design.X, design.n, design.p, design.y, {
      l2: SKLEARN_WEIGHTED.l2,
      weights,
    });
    expectMatches(fit, SKLEARN_WEIGHTED);
  });

  it('uses l2 = 1 by default', () => {
    const fit = fitLogistic(design.X, design.n, design.p, design.y);
    expect(Math.abs(fit.coefficients[3] - SKLEARN_PLAIN.coefficients[3])).toBeLessThan(1e-7);
  });
});

describe('fitLogistic on small worked examples', () => {
  it('gives the log odds ratio for one binary column without a penalty', () => {
    // x = 0: 3 won, 7 lost; x = 1: 6 won, 4 lost. The MLE reproduces each group's odds exactly:
    // intercept = ln(3/7), coefficient = ln(6/4) - ln(3/7).
    const x = [...Array(10).fill(0), ...Array(10).fill(1)];
    const y = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0];
    const fit = fitLogistic(Float64Array.from(x), 20, 1, Uint8Array.from(y), { l2: 0 });
    expect(fit.intercept).toBeCloseTo(Math.log(3 / 7), 10);
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(6 / 4) - Math.log(3 / 7), 10);
    // Wald standard error of a log odds ratio: sqrt(1/3 + 1/7 + 1/6 + 1/4).
    expect(fit.standardErrors![0]).toBeCloseTo(Math.sqrt(1 / 3 + 1 / 7 + 1 / 6 + 1 / 4), 8);
    expect(fit.converged).toBe(true);
  });

  it('weights a row like repeating it', () => {
    const X = Float64Array.of(0.5, -1, 2, 0.1, -0.3, 1.5, 0.2, 1);
    const y = Uint8Array.of(1, 0, 1, 0);
    const weighted = fitLogistic(X, 4, 2, y, { weights: Float64Array.of(1, 3, 1, 2) });
    const repeated = fitLogistic(
      Float64Array.of(0.5, -1, 2, 0.1, 2, 0.1, 2, 0.1, -0.3, 1.5, 0.2, 1, 0.2, 1),
      7,
      2,
      Uint8Array.of(1, 0, 0, 0, 1, 0, 0),
    );
    expect(weighted.intercept).toBeCloseTo(repeated.intercept, 10);
    expect(weighted.coefficients[0]).toBeCloseTo(repeated.coefficients[0], 10);
    expect(weighted.coefficients[1]).toBeCloseTo(repeated.coefficients[1], 10);
  });

  it('ignores rows of weight 0', () => {
    const X = Float64Array.of(1, 2, 3, 4, 100);
    const y = Uint8Array.of(0, 1, 0, 1, 0);
    const dropped = fitLogistic(X.subarray(0, 4), 4, 1, y.subarray(0, 4));
    const zeroed = fitLogistic(X, 5, 1, y, { weights: Float64Array.of(1, 1, 1, 1, 0) });
    expect(zeroed.coefficients[0]).toBeCloseTo(dropped.coefficients[0], 12);
  });

  it('does not mutate its inputs', () => {
    const X = Float64Array.of(1, 2, 3, 4);
    const y = Uint8Array.of(0, 1, 0, 1);
    fitLogistic(X, 4, 1, y);
    expect(Array.from(X)).toEqual([1, 2, 3, 4]);
    expect(Array.from(y)).toEqual([0, 1, 0, 1]);
  });

  it('survives collinear columns without a penalty, with null standard errors', () => {
    // Column 2 is twice column 1: only b1 + 2 b2 is identified, and it must equal the slope of
    // the fit on column 1 alone.
    const x = [0.5, -1, 2, 0.1, -0.3, 1.5, 0.2, 1, 3, -2];
    const y = Uint8Array.of(1, 0, 1, 0, 0, 1, 1, 0, 1, 0);
    const X = Float64Array.from(x.flatMap((v) => [v, 2 * v]));
    const both = fitLogistic(X, 10, 2, y, { l2: 0 });
    const one = fitLogistic(Float64Array.from(x), 10, 1, y, { l2: 0 });
    expect(both.coefficients[0] + 2 * both.coefficients[1]).toBeCloseTo(one.coefficients[0], 8);
    expect(both.intercept).toBeCloseTo(one.intercept, 8);
    expect(both.standardErrors).toBeNull();
    expect(both.interceptStandardError).toBeNull();
  });

  it('fits an intercept-only model to the base rate', () => {
    const fit = fitLogistic(new Float64Array(0), 4, 0, Uint8Array.of(1, 0, 0, 0));
    expect(fit.intercept).toBeCloseTo(Math.log(1 / 3), 12);
    expect(fit.interceptStandardError).toBeCloseTo(Math.sqrt(1 / 1 + 1 / 3), 10);
  });
});

describe('fitLogistic separation', () => {
  const x = Float64Array.of(0, 1, 2, 3, 4, 5, 6, 7);
  const y = Uint8Array.of(0, 0, 0, 0, 1, 1, 1, 1);

  it('reports a column that separates completely and stays finite with l2 > 0', () => {
    const fit = fitLogistic(x, 8, 1, y, { l2: 1 });
    expect(fit.separation).toEqual([{ column: 0, kind: 'complete' }]);
    expect(fit.converged).toBe(true);
    expect(Number.isFinite(fit.coefficients[0])).toBe(true);
    expect(fit.coefficients[0]).toBeGreaterThan(0);
    expect(fit.standardErrors).not.toBeNull();
  });

  it('reports quasi-complete separation and the right column among several', () => {
    // Column 1: every lost row is 0 and won rows are 0 or 1 (only the value 0 is shared).
    // Column 0 overlaps; column 2 is constant.
    const X = Float64Array.of(3, 0, 5, 1, 0, 5, 2, 0, 5, 4, 0, 5, 0, 1, 5, 5, 0, 5, 1, 1, 5);
    const outcome = Uint8Array.of(0, 0, 0, 1, 1, 1, 1);
    const fit = fitLogistic(X, 7, 3, outcome, { l2: 0.5 });
    expect(fit.separation).toEqual([{ column: 1, kind: 'quasi' }]);
    expect(fit.coefficients.every(Number.isFinite)).toBe(true);
  });

  it('reports a reversed separation (won below lost)', () => {
    const reversed = fitLogistic(
      x,
      8,
      1,
      Uint8Array.from(y, (v) => 1 - v),
      { l2: 1 },
    );
    expect(reversed.separation).toEqual([{ column: 0, kind: 'complete' }]);
    expect(reversed.coefficients[0]).toBeLessThan(0);
  });

  it('does not claim convergence without a penalty, and never returns non-finite numbers', () => {
    const fit = fitLogistic(x, 8, 1, y, { l2: 0 });
    expect(fit.converged).toBe(false);
    expect(Number.isFinite(fit.coefficients[0])).toBe(true);
    expect(Number.isFinite(fit.objective)).toBe(true);
  });
});

describe('fitLogistic misuse', () => {
  it('throws NOT_ENOUGH_OUTCOMES when every row has the same outcome', () => {
    const call = () => fitLogistic(Float64Array.of(1, 2), 2, 1, Uint8Array.of(1, 1));
    expect(call).toThrow(FitgateError);
    expect(call).toThrow(expect.objectContaining({ code: 'NOT_ENOUGH_OUTCOMES' }));
  });

  it('throws BAD_OPTION on a non-finite value, naming the row', () => {
    const call = () => fitLogistic(Float64Array.of(1, NaN, 2, 3), 2, 2, Uint8Array.of(1, 0));
    expect(call).toThrow(expect.objectContaining({ code: 'BAD_OPTION', row: 0 }));
  });

  it('throws BAD_OPTION on mismatched sizes and bad options', () => {
    const X = Float64Array.of(1, 2, 3);
    const y = Uint8Array.of(1, 0, 1);
    expect(() => fitLogistic(X, 3, 2, y)).toThrow(expect.objectContaining({ code: 'BAD_OPTION' }));
    expect(() => fitLogistic(X, 3, 1, y, { l2: -1 })).toThrow(/l2/);
    expect(() => fitLogistic(X, 3, 1, y, { weights: Float64Array.of(1, -1, 1) })).toThrow(
      /weights/,
    );
    expect(() => fitLogistic(X, 3, 1, Uint8Array.of(2, 0, 1))).toThrow(/0 or 1/);
  });
});

describe('predictLogit', () => {
  it('computes intercept + X beta per row', () => {
    const fit = { intercept: 0.5, coefficients: Float64Array.of(2, -1) };
    const logits = predictLogit(fit, Float64Array.of(1, 1, 0, 3, -2, 0.5), 3, 2);
    expect(Array.from(logits)).toEqual([1.5, -2.5, -4]);
  });

  it('throws BAD_OPTION when the columns do not match the fit', () => {
    const fit = { intercept: 0, coefficients: Float64Array.of(1, 1) };
    expect(() => predictLogit(fit, Float64Array.of(1, 2, 3), 3, 1)).toThrow(
      expect.objectContaining({ code: 'BAD_OPTION' }),
    );
  });
});
