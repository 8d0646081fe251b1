/**
 * The options of `deriveIcp`, their defaults and where each default comes from.
 */
import { FitgateError } from './errors.js';
import type { BinningOptions } from './binning-types.js';
import type { MappingReport } from './normalizers/normalize-column.js';
import type { Rule } from './rules/index.js';
import type { CutoffObjectives, IntentSignal, MonotonicTrend } from './schema.js';

/** IV below this does not separate: "< 0.02 useless" (Siddiqi; R `scorecard`). */
export const IV_FLOOR = 0.02;
/**
 * IV at or above this is too strong to be true. Siddiqi reads > 0.5 as "suspicious: check"; we
 * flag only well past it, because honest strong attributes reach about 1.0 in real data (time on
 * site in the X Education leads: 1.01; occupation: 0.94) while known leaks sit at 1.6 and above
 * (bank-marketing `duration`: 1.60; X Education `Lead Quality`: 1.89, `Tags`: 4.7).
 */
export const LEAKAGE_IV = 1.25;
/** A single attribute alone with a ROC AUC at or above this is a near-perfect separator. */
export const LEAKAGE_AUC = 0.9;
/** Two WoE-coded attributes with |Pearson r| at or above this do not both enter. */
export const CORRELATION_LIMIT = 0.7;
/** Share of closed deals held out for validation when no time column is given. */
export const VALIDATION_SHARE = 0.3;
/** L2 penalty (scikit-learn's C = 1 / l2). */
export const DEFAULT_L2 = 1;
/** Field minimums (Salesforce Einstein asks for 120 conversions and 1,000 leads). */
export const MIN_WON = 120;
export const MIN_CLOSED = 1000;
/** With a small sample, each bin's WoE is multiplied by n / (n + this) (shrinks small bins). */
export const SMALL_SAMPLE_SHRINKAGE = 25;
/** An attribute whose points can move the score by at least this much is a key attribute. */
export const KEY_ATTRIBUTE_POINTS = 20;
/** ...unless it was missing for at least this share of the deals: then a missing value is
 * ordinary (it has its own learned bin), not a sign that enrichment failed. */
export const KEY_MISSING_SHARE = 0.05;
/** Bootstrap resamples for the validation intervals (METHODS.md: >= 1,000). */
export const BOOTSTRAP_RESAMPLES = 1000;

export type TrendOption = MonotonicTrend | 'auto';

/** Options of `deriveIcp`. Only `outcome`, `won` and `lost` are required. */
export interface DeriveOptions {
  /** The column holding the outcome. */
  outcome: string;
  /** Values of `outcome` that mean won, and lost. Other values are left out and counted. */
  won: readonly string[];
  lost: readonly string[];
  /** Candidate fit attributes. @default every column but the outcome, time, weight and excluded */
  fit?: readonly string[];
  /** Columns never used. @default [] */
  exclude?: readonly string[];
  /** Extra tokens that mean missing, added to the defaults (e.g. a form's `Select`). @default [] */
  missingTokens?: readonly string[];
  /** Decimal separator of numbers written as text. @default '.' */
  decimal?: '.' | ',';
  /** Declared special codes per column, each binned on its own (e.g. `{ pdays: [-1] }`). */
  specialValues?: Readonly<Record<string, readonly (string | number)[]>>;
  /** Monotonic trend per column. @default 'auto' (detected) */
  monotonicTrend?: Readonly<Record<string, TrendOption>>;
  /** Columns forced to be read as numbers, or as categories. @default [] */
  numeric?: readonly string[];
  categorical?: readonly string[];
  /** A date column: fit on the older deals, validate on the most recent. @default none */
  time?: string;
  /** A column of sample weights. @default none (all 1) */
  weight?: string;
  /** Seed of the stratified split and the bootstraps. @default 0 */
  seed?: number;
  /** @default 0.3 */
  validationShare?: number;
  /** L2 penalty of the fit. @default 1 */
  l2?: number;
  /** Keep attributes suspected of leakage: true for all, or a list of names. @default false */
  keepLeakage?: boolean | readonly string[];
  /** @default 0.02 */
  ivFloor?: number;
  /** @default 0.7 */
  correlationLimit?: number;
  /** Attributes whose absence sends a lead to REVIEW. @default those that can move the score by
   * 20 points and were missing for under 5% of deals */
  keyAttributes?: readonly string[];
  /** Binning options for every attribute. */
  binning?: Partial<BinningOptions>;
  /**
   * Calibration of the score to a win probability, on the validation deals. Platt keeps the
   * ranking of the scores; isotonic is more flexible but creates ties that cost ranking (on the
   * bank-marketing fit columns: held-out AUC 0.6922 with Platt, 0.6904 with isotonic) and needs
   * many deals: 'isotonic' forces it, 'auto' uses it only with 5,000 or more validation deals.
   * @default 'platt'
   */
  calibration?: 'auto' | 'platt' | 'isotonic';
  /** Intent attributes, learned from the same outcome with the same machinery as fit. */
  intent?: readonly string[];
  /** Declared intent signals (the team's weights) instead of learned intent. */
  intentSignals?: readonly IntentSignal[];
  /** Reference time for dated intent signals (ISO text). Required with dated signals. */
  at?: string;
  /** How the lines are set: capacity, expected value, recall and precision targets. */
  objectives?: CutoffObjectives;
  /** Declared normalisers (industry, headcount, titles, ...), applied before binning and
   * copied into the definition so qualify applies exactly the same mapping. */
  normalizers?: readonly unknown[];
  /** Receives each normaliser's mapping report (raw value, mapped value, count, unmapped). */
  onMappingReport?: (report: MappingReport) => void;
  /** Declared rules (knock-outs, must-haves, holds), copied into the definition. */
  rules?: readonly Rule[];
  /** Creation time written into the definition (core never reads the clock).
   * @default 'unspecified' */
  createdAt?: string;
  /** Library version written into the definition. @default the core package's version */
  libraryVersion?: string;
  /** Called as each step starts, for progress display. */
  onProgress?: (step: string) => void;
}

function shareInRange(value: number | undefined, name: string, fallback: number): number {
  const x = value ?? fallback;
  if (!(x > 0 && x < 1)) {
    throw new FitgateError('BAD_OPTION', `${name} must be between 0 and 1 (exclusive); got ${x}`);
  }
  return x;
}

/** Check the options that can be checked before reading data, and fill in defaults. */
export function checkDeriveOptions(options: DeriveOptions) {
  if (typeof options.outcome !== 'string' || options.outcome === '') {
    throw new FitgateError('BAD_OPTION', 'outcome must name the outcome column');
  }
  if (!options.won?.length || !options.lost?.length) {
    throw new FitgateError('BAD_OPTION', 'won and lost must each list at least one outcome value');
  }
  const l2 = options.l2 ?? DEFAULT_L2;
  if (!(l2 >= 0) || !Number.isFinite(l2)) {
    throw new FitgateError('BAD_OPTION', `l2 must be a finite number >= 0; got ${l2}`);
  }
  const seed = options.seed ?? 0;
  if (!Number.isInteger(seed)) {
    throw new FitgateError('BAD_OPTION', `seed must be an integer; got ${seed}`);
  }
  return {
    l2,
    seed,
    validationShare: shareInRange(options.validationShare, 'validationShare', VALIDATION_SHARE),
    ivFloor: options.ivFloor ?? IV_FLOOR,
    correlationLimit: options.correlationLimit ?? CORRELATION_LIMIT,
  };
}
