/**
 * Calibration: turns a score into a probability of winning, fitted on deals the scorecard did not
 * see. Platt scaling (a logistic curve in the score) or isotonic regression (a non-decreasing step
 * curve, interpolated linearly), and the function that applies either one.
 */
import { FitgateError } from './errors.js';
import { fitLogistic } from './fit-logistic.js';
import { checkScoresAndOutcome } from './roc-auc.js';
import type { Calibration } from './schema.js';

/**
 * The fewest rows for which `fitCalibration` picks isotonic regression by itself. scikit-learn
 * advises against isotonic calibration with "too few calibration samples (<<1000) since it tends
 * to overfit" (`CalibratedClassifierCV`); we read "well over 1,000" as five times that. A
 * scorecard's points are already close to linear in the log-odds, so Platt loses little below it.
 */
export const ISOTONIC_MIN_ROWS = 5000;

/**
 * The penalty on the standardised slope of Platt scaling: small enough to leave the maximum
 * likelihood fit unchanged to about 1e-6 of its size, large enough to keep the slope finite when
 * the score separates the outcomes perfectly.
 */
const PLATT_L2 = 1e-6;

/** Platt scaling: `p = 1 / (1 + exp(-(a * score + b)))`. */
export type PlattCalibration = Extract<Calibration, { method: 'platt' }>;

/** Isotonic calibration: knots `x` (increasing scores) and `y` (non-decreasing probabilities). */
export type IsotonicCalibration = Extract<Calibration, { method: 'isotonic' }>;

/** Options of {@link fitCalibration}. */
export interface CalibrationOptions {
  /**
   * `auto` uses isotonic regression with at least {@link ISOTONIC_MIN_ROWS} rows, else Platt.
   * @default 'auto'
   */
  method: 'platt' | 'isotonic' | 'auto';
}

/**
 * Fits Platt scaling: a logistic regression of the outcome on the score.
 *
 * The score is standardised for the fit and the coefficients mapped back, so `a` is per score
 * point. A tiny penalty ({@link PLATT_L2}) keeps the slope finite under perfect separation; then
 * the curve is very steep. A constant score gets slope 0 and the base rate.
 *
 * @param scores - the scores of rows the scorecard was not fitted on.
 * @param y - their outcomes, 1 for won and 0 for lost.
 * @throws FitgateError `BAD_OPTION` on bad inputs; `NOT_ENOUGH_OUTCOMES` without both outcomes.
 *
 * @example
 * const cal = fitPlatt([10, 20, 30, 40, 50, 60], Uint8Array.of(0, 0, 1, 0, 1, 1));
 * applyCalibration(cal, 35).toFixed(2); // => '0.50'
 */
export function fitPlatt(scores: ArrayLike<number>, y: Uint8Array): PlattCalibration {
  checkScoresAndOutcome(scores, y);
  const n = y.length;

  // Standardise the score.
  let mean = 0;
  for (let i = 0; i < n; i++) mean += scores[i];
  mean /= n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (scores[i] - mean) ** 2;
  const sd = Math.sqrt(variance / n);
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) z[i] = sd > 0 ? (scores[i] - mean) / sd : 0;

  // Fit on the standardised score, then express the line in score points.
  const fit = fitLogistic(z, n, 1, y, { l2: PLATT_L2 });
  const slope = sd > 0 ? fit.coefficients[0] / sd : 0;
  return { method: 'platt', a: slope, b: fit.intercept - slope * mean, n };
}

/**
 * Fits isotonic calibration: the non-decreasing function of the score closest to the outcomes in
 * squared error, by the pool-adjacent-violators algorithm.
 *
 * Rows with equal scores are pooled first (their mean outcome, weighted by their count), as
 * scikit-learn's `IsotonicRegression` does. The knots keep only the ends of each flat stretch, so
 * with linear interpolation between them `applyCalibration` reproduces scikit-learn's
 * `predict` with `out_of_bounds='clip'`.
 *
 * @param scores - the scores of rows the scorecard was not fitted on.
 * @param y - their outcomes, 1 for won and 0 for lost.
 * @throws FitgateError `BAD_OPTION` on bad inputs or no rows.
 *
 * @example
 * fitIsotonic([1, 2, 3, 4], Uint8Array.of(0, 1, 0, 1));
 * // => { method: 'isotonic', x: [1, 2, 3, 4], y: [0, 0.5, 0.5, 1], n: 4 }
 */
export function fitIsotonic(scores: ArrayLike<number>, y: Uint8Array): IsotonicCalibration {
  checkScoresAndOutcome(scores, y);
  const n = y.length;
  if (n === 0) throw new FitgateError('BAD_OPTION', 'isotonic calibration needs at least one row');

  // Pool rows with equal scores, then merge adjacent pools while they decrease.
  const pools = poolTiedScores(scores, y);
  const blocks = poolAdjacentViolators(pools);

  // Keep the first and last score of each block.
  const x: number[] = [];
  const fitted: number[] = [];
  for (const block of blocks) {
    x.push(block.first);
    fitted.push(block.mean);
    if (block.last !== block.first) {
      x.push(block.last);
      fitted.push(block.mean);
    }
  }
  return { method: 'isotonic', x, y: fitted, n };
}

/**
 * Fits a calibration of the score: Platt, isotonic, or (`auto`) isotonic only with at least
 * {@link ISOTONIC_MIN_ROWS} rows.
 *
 * @throws FitgateError `BAD_OPTION` on an unknown method or bad inputs; `NOT_ENOUGH_OUTCOMES`
 *   when Platt scaling lacks an outcome.
 *
 * @example
 * fitCalibration([10, 20, 30, 40], Uint8Array.of(0, 1, 0, 1)).method; // => 'platt'
 */
export function fitCalibration(
  scores: ArrayLike<number>,
  y: Uint8Array,
  options: Partial<CalibrationOptions> = {},
): Calibration {
  const method = options.method ?? 'auto';
  if (method === 'platt') return fitPlatt(scores, y);
  if (method === 'isotonic') return fitIsotonic(scores, y);
  if (method === 'auto') {
    return y.length >= ISOTONIC_MIN_ROWS ? fitIsotonic(scores, y) : fitPlatt(scores, y);
  }
  throw new FitgateError(
    'BAD_OPTION',
    `calibration method must be 'platt', 'isotonic' or 'auto'; got ${method}`,
    {
      value: method,
    },
  );
}

/**
 * The calibrated probability of winning for a score.
 *
 * Platt: the logistic curve. Isotonic: linear interpolation between knots, clipped to the first
 * and last knot's probability outside them. A non-finite score gives NaN.
 *
 * @example
 * applyCalibration({ method: 'isotonic', x: [0, 10], y: [0.2, 0.6], n: 50 }, 5); // => 0.4
 */
export function applyCalibration(cal: Calibration, score: number): number {
  if (!Number.isFinite(score)) return NaN;
  if (cal.method === 'platt') return logistic(cal.a * score + cal.b);

  // Clip outside the knots.
  const { x, y } = cal;
  const last = x.length - 1;
  if (score <= x[0]) return y[0];
  if (score >= x[last]) return y[last];

  // Binary search for the segment x[lo] <= score < x[lo + 1], then interpolate.
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (x[mid] <= score) lo = mid;
    else hi = mid;
  }
  const share = (score - x[lo]) / (x[hi] - x[lo]);
  return y[lo] + share * (y[hi] - y[lo]);
}

/** A run of consecutive (pooled) scores with one fitted value. */
interface Block {
  first: number;
  last: number;
  sum: number;
  weight: number;
  mean: number;
}

/** One block per distinct score, in increasing order, holding the outcomes of its rows. */
function poolTiedScores(scores: ArrayLike<number>, y: Uint8Array): Block[] {
  const order = new Uint32Array(y.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => scores[a] - scores[b]);

  const pools: Block[] = [];
  for (let i = 0; i < order.length;) {
    const value = scores[order[i]];
    let sum = 0;
    let weight = 0;
    for (; i < order.length && scores[order[i]] === value; i++, weight++) sum += y[order[i]];
    pools.push({ first: value, last: value, sum, weight, mean: sum / weight });
  }
  return pools;
}

/** Pool-adjacent-violators: merges neighbouring blocks until their means strictly increase. */
function poolAdjacentViolators(pools: Block[]): Block[] {
  const stack: Block[] = [];
  for (const pool of pools) {
    let current = { ...pool };
    while (stack.length > 0 && stack[stack.length - 1].mean >= current.mean) {
      const previous = stack.pop() as Block;
      const sum = previous.sum + current.sum;
      const weight = previous.weight + current.weight;
      current = { first: previous.first, last: current.last, sum, weight, mean: sum / weight };
    }
    stack.push(current);
  }
  return stack;
}

/** The logistic function, without overflow for large |t|. */
function logistic(t: number): number {
  if (t >= 0) return 1 / (1 + Math.exp(-t));
  const e = Math.exp(t);
  return e / (1 + e);
}
