/**
 * A confidence interval for the area under the ROC curve, by DeLong's method (a normal
 * approximation from the AUC's structural components) or by a seeded stratified bootstrap.
 */
import { stratifiedBootstrap } from './bootstrap.js';
import { FitgateError } from './errors.js';
import { scoresByOutcome } from './roc-auc.js';

/** Options of {@link aucInterval}. */
export interface AucIntervalOptions {
  /** DeLong's variance with a normal interval, or the percentile bootstrap. @default 'delong' */
  method: 'delong' | 'bootstrap';
  /** Coverage of the interval, in (0, 1). @default 0.95 */
  level: number;
  /**
   * Bootstrap resamples (bootstrap only); the usual minimum for a 95% percentile interval
   * (Efron and Tibshirani, *An Introduction to the Bootstrap*, ch. 13) is 1,000.
   * @default 1000
   */
  resamples: number;
  /** Seed of the bootstrap's generator (bootstrap only). @default 1 */
  seed: number;
}

/** The defaults of {@link AucIntervalOptions}. */
export const DEFAULT_AUC_INTERVAL_OPTIONS: Readonly<AucIntervalOptions> = {
  method: 'delong',
  level: 0.95,
  resamples: 1000,
  seed: 1,
};

/**
 * A confidence interval `[lower, upper]` for the AUC of `scores`, clipped to [0, 1].
 *
 * `delong`: AUC +- z * se, where se^2 = S10 / n_won + S01 / n_lost from the variances of the
 * structural components (DeLong, DeLong and Clarke-Pearson, *Biometrics* 44, 1988), ties counting
 * half. `bootstrap`: the percentiles `(1 - level) / 2` and `(1 + level) / 2` (interpolated
 * linearly between order statistics, like numpy's default) of the AUCs of stratified resamples
 * (see `stratifiedBootstrap`); the same seed gives the same interval.
 *
 * @param scores - one finite score per row.
 * @param y - the outcome per row, 1 for won and 0 for lost.
 * @throws FitgateError `BAD_OPTION` on bad inputs or options; `NOT_ENOUGH_OUTCOMES` with fewer
 *   than two won or two lost rows.
 *
 * @example
 * const y = Uint8Array.of(0, 0, 1, 0, 1, 0, 1, 1);
 * aucInterval([1, 2, 3, 4, 5, 6, 7, 8], y).map((v) => v.toFixed(3)); // => ['0.481', '1.000']
 */
export function aucInterval(
  scores: ArrayLike<number>,
  y: Uint8Array,
  options: Partial<AucIntervalOptions> = {},
): [number, number] {
  const settings = resolveOptions(options);
  if (settings.method === 'delong') return delongInterval(scores, y, settings.level);
  return bootstrapInterval(scores, y, settings);
}

/** DeLong's interval from the structural components of the AUC. */
function delongInterval(scores: ArrayLike<number>, y: Uint8Array, level: number): [number, number] {
  const { won, lost } = scoresByOutcome(scores, y);
  requireTwoOfEach(won.length, lost.length);

  // The AUC and the variances of the won-row and lost-row components.
  const wonParts = componentMoments(won, lost, 'won');
  const lostParts = componentMoments(lost, won, 'lost');
  const auc = wonParts.mean;
  const s10 = wonParts.sumSquares / (won.length - 1);
  const s01 = lostParts.sumSquares / (lost.length - 1);
  const standardError = Math.sqrt(s10 / won.length + s01 / lost.length);

  // A symmetric normal interval, clipped to the possible range.
  const z = normalQuantile((1 + level) / 2);
  return [Math.max(0, auc - z * standardError), Math.min(1, auc + z * standardError)];
}

/**
 * Mean and sum of squared deviations of the structural components of the rows in `own` (sorted):
 * for a won row, the share of lost rows it beats (ties half); for a lost row, the share of won
 * rows that beat it. Both means equal the AUC.
 */
function componentMoments(
  own: Float64Array,
  other: Float64Array,
  side: 'won' | 'lost',
): { mean: number; sumSquares: number } {
  const values = new Float64Array(own.length);
  let below = 0;
  for (let i = 0; i < own.length;) {
    // Count the other rows below and tied with this group of tied values.
    const value = own[i];
    const start = i;
    while (i < own.length && own[i] === value) i++;
    while (below < other.length && other[below] < value) below++;
    let tied = 0;
    while (below + tied < other.length && other[below + tied] === value) tied++;

    // Won rows beat the lost rows below; lost rows are beaten by the won rows above.
    const beaten = side === 'won' ? below : other.length - below - tied;
    values.fill((beaten + tied / 2) / other.length, start, i);
  }
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let sumSquares = 0;
  for (const v of values) sumSquares += (v - mean) ** 2;
  return { mean, sumSquares };
}

/** The percentile interval of the AUCs of stratified bootstrap resamples. */
function bootstrapInterval(
  scores: ArrayLike<number>,
  y: Uint8Array,
  settings: AucIntervalOptions,
): [number, number] {
  const { won, lost } = scoresByOutcome(scores, y);
  requireTwoOfEach(won.length, lost.length);

  // Sort the rows by score once; each resample is then a count per row, walked in O(n).
  const order = new Uint32Array(y.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => scores[a] - scores[b]);
  const counts = new Uint32Array(y.length);
  const aucs = new Float64Array(settings.resamples);
  let r = 0;
  for (const rows of stratifiedBootstrap(y, settings.resamples, settings.seed)) {
    counts.fill(0);
    for (const row of rows) counts[row]++;
    aucs[r++] = countedAuc(order, scores, y, counts) / (won.length * lost.length);
  }

  // Percentiles of the resampled AUCs.
  aucs.sort();
  const tail = (1 - settings.level) / 2;
  return [quantileSorted(aucs, tail), quantileSorted(aucs, 1 - tail)];
}

/** Won-lost pairs ordered correctly (ties half) when row i appears `counts[i]` times. */
function countedAuc(
  order: Uint32Array,
  scores: ArrayLike<number>,
  y: Uint8Array,
  counts: Uint32Array,
): number {
  let lostBelow = 0;
  let pairs = 0;
  for (let i = 0; i < order.length;) {
    const value = scores[order[i]];
    let wonHere = 0;
    let lostHere = 0;
    for (; i < order.length && scores[order[i]] === value; i++) {
      const row = order[i];
      if (y[row] === 1) wonHere += counts[row];
      else lostHere += counts[row];
    }
    pairs += wonHere * (lostBelow + lostHere / 2);
    lostBelow += lostHere;
  }
  return pairs;
}

/** The q-quantile of sorted values, interpolating linearly between order statistics. */
function quantileSorted(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

/**
 * Coefficients of Peter Acklam's rational approximation of the standard normal quantile
 * (relative error below 1.15e-9 on (0, 1)): central numerator and denominator, tail numerator
 * and denominator, and where the tails begin.
 */
const ACKLAM_A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const ACKLAM_B = [
  -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
];
const ACKLAM_C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
  4.374664141464968, 2.938163982698783,
];
const ACKLAM_D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const ACKLAM_TAIL = 0.02425;

/** The standard normal quantile by Acklam's approximation: ample for the z of an interval. */
function normalQuantile(p: number): number {
  // Central region: a rational function of (p - 1/2).
  if (p >= ACKLAM_TAIL && p <= 1 - ACKLAM_TAIL) {
    const q = p - 0.5;
    const r = q * q;
    return (q * horner(ACKLAM_A, r)) / (r * horner(ACKLAM_B, r) + 1);
  }

  // Tails: a rational function of sqrt(-2 log(tail probability)), odd around 1/2.
  const q = Math.sqrt(-2 * Math.log(p < ACKLAM_TAIL ? p : 1 - p));
  const x = horner(ACKLAM_C, q) / (q * horner(ACKLAM_D, q) + 1);
  return p < ACKLAM_TAIL ? x : -x;
}

/** A polynomial with coefficients from the highest power down, evaluated at x. */
function horner(coefficients: number[], x: number): number {
  let value = 0;
  for (const c of coefficients) value = value * x + c;
  return value;
}

function requireTwoOfEach(nWon: number, nLost: number): void {
  if (nWon < 2 || nLost < 2) {
    throw new FitgateError(
      'NOT_ENOUGH_OUTCOMES',
      `an AUC interval needs at least two won and two lost rows; got ${nWon} won, ${nLost} lost`,
    );
  }
}

/** Merges options with the defaults and checks them. */
function resolveOptions(options: Partial<AucIntervalOptions>): AucIntervalOptions {
  const settings = { ...DEFAULT_AUC_INTERVAL_OPTIONS, ...options };
  if (settings.method !== 'delong' && settings.method !== 'bootstrap') {
    throw new FitgateError(
      'BAD_OPTION',
      `method must be 'delong' or 'bootstrap'; got ${settings.method}`,
    );
  }
  if (!(settings.level > 0 && settings.level < 1)) {
    throw new FitgateError('BAD_OPTION', `level must be in (0, 1); got ${settings.level}`);
  }
  if (!(Number.isInteger(settings.resamples) && settings.resamples >= 1)) {
    throw new FitgateError(
      'BAD_OPTION',
      `resamples must be an integer >= 1; got ${settings.resamples}`,
    );
  }
  return settings;
}
