/**
 * `deriveIcp`: from closed-won and closed-lost deals to one shared ICP definition. The steps:
 * outcomes, column roles, the validation split, binning and WoE, selection, the logistic fit,
 * points, calibration and validation metrics, cutoffs, and the honesty warnings.
 */
import {
  BOOTSTRAP_RESAMPLES,
  checkDeriveOptions,
  KEY_ATTRIBUTE_POINTS,
  KEY_MISSING_SHARE,
  MIN_CLOSED,
  MIN_WON,
  SMALL_SAMPLE_SHRINKAGE,
  type DeriveOptions,
} from './derive-options.js';
import { describeIcp } from './describe-icp.js';
import { FitgateError } from './errors.js';
import { fitScorecard } from './fit-scorecard.js';
import { Hasher } from './hash.js';
import type { ParsingRules } from './locate-bin.js';
import { DEFAULT_MISSING_TOKENS } from './missing-tokens.js';
import { parseNumber } from './parse-number.js';
import { prepareAttribute, type PreparedAttribute } from './prepare-attribute.js';
import { resolveOutcomes, type Outcomes } from './resolve-outcomes.js';
import { scalePoints } from './scale-points.js';
import {
  SCHEMA_VERSION,
  type Attribute,
  type Exclusion,
  type IcpDefinition,
  type Warning,
} from './schema.js';
import { selectAttributes } from './select-attributes.js';
import { setCutoffs } from './set-cutoffs.js';
import { stratifiedSplit, timeSplit } from './split.js';
import { tableView, type TableInput, type TableView } from './table.js';
import { validateScores } from './validate-scores.js';
import { definitionVersion } from './definition-version.js';
import { CORE_VERSION } from './version.js';

type Checked = ReturnType<typeof checkDeriveOptions>;

/** The columns that may become attributes, and the exclusions of the others. */
function candidateColumns(table: TableView, options: DeriveOptions): string[] {
  const reserved = new Set([
    options.outcome,
    options.time,
    options.weight,
    ...(options.exclude ?? []),
  ]);
  const listed = options.fit ?? table.columns;
  for (const name of [...listed, ...(options.exclude ?? [])]) table.column(name);
  return listed.filter((name) => !reserved.has(name));
}

function userExclusions(table: TableView, options: DeriveOptions): Exclusion[] {
  const out: Exclusion[] = [];
  for (const name of options.exclude ?? []) {
    out.push({ attribute: name, reason: 'excluded by the caller', code: 'USER_EXCLUDED' });
  }
  if (options.time !== undefined && table.has(options.time)) {
    out.push({ attribute: options.time, reason: 'the time column orders the split', code: 'TIME' });
  }
  return out;
}

/** 1 = training deal, 0 = validation deal, aligned with the closed rows. */
function splitDeals(
  table: TableView,
  outcomes: Outcomes,
  options: DeriveOptions,
  checked: Checked,
) {
  if (options.time === undefined) {
    const validation = stratifiedSplit(outcomes.y, checked.validationShare, checked.seed);
    return { train: validation.map((v) => 1 - v), method: 'stratified' as const };
  }
  const column = table.column(options.time);
  const times = Float64Array.from(outcomes.rows, (r) => {
    const raw = column[r];
    return typeof raw === 'string' && raw.trim() !== '' ? Date.parse(raw.trim()) : NaN;
  });
  const split = timeSplit(times, checked.validationShare);
  return {
    train: split.validation.map((v) => 1 - v),
    method: 'time' as const,
    splitAt: new Date(split.splitAt).toISOString(),
  };
}

function sampleWeights(table: TableView, outcomes: Outcomes, options: DeriveOptions) {
  if (options.weight === undefined) return null;
  const column = table.column(options.weight);
  return Float64Array.from(outcomes.rows, (r) => {
    const w = parseNumber(column[r], options.decimal ?? '.');
    if (!(w >= 0)) {
      throw new FitgateError(
        'BAD_OPTION',
        `weight column "${options.weight}" row ${r + 1}: "${String(column[r])}" is not a weight >= 0`,
        { column: options.weight, row: r + 1, value: column[r] },
      );
    }
    return w;
  });
}

function smallSampleWarning(won: number, lost: number): Warning | null {
  const closed = won + lost;
  if (won >= MIN_WON && closed >= MIN_CLOSED) return null;
  const moreWon = Math.max(0, MIN_WON - won);
  const moreClosed = Math.max(0, MIN_CLOSED - closed);
  return {
    code: 'SMALL_SAMPLE',
    message:
      `${won} won of ${closed} closed deals: at least ${MIN_WON} won and ${MIN_CLOSED} closed ` +
      `are needed for stable bins and cutoffs (${moreWon} more won, ${moreClosed} more closed); ` +
      `small bins' weights were shrunk toward 0`,
  };
}

/** Hash of every cell of the table, in order: the fingerprint of the data the fit saw. */
function dataHash(table: TableView): string {
  const hasher = new Hasher();
  for (const name of table.columns) {
    hasher.update(name);
    const values = table.column(name);
    for (let r = 0; r < table.rowCount; r++) {
      const v = values[r];
      hasher.update(v === null || v === undefined ? '' : String(v));
    }
  }
  return hasher.digest();
}

/** Per-deal fit score from each attribute's bin points (neutral points where no bin). */
function scoreDeals(
  attributes: readonly Attribute[],
  prepared: readonly PreparedAttribute[],
  n: number,
) {
  const scores = new Float64Array(n);
  attributes.forEach((a, j) => {
    const index = prepared[j].binIndex;
    for (let k = 0; k < n; k++)
      scores[k] += index[k] >= 0 ? a.bins[index[k]].points : a.neutralPoints;
  });
  return scores;
}

function pick<T extends ArrayLike<number>>(values: T, mask: Uint8Array, keep: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < mask.length; k++) if (mask[k] === keep) out.push(values[k]);
  return out;
}

/** Options as recorded in the definition (functions dropped, keys sorted for stable output). */
function recordedOptions(options: DeriveOptions): Record<string, unknown> {
  const entries = Object.entries(options).filter(
    ([key, value]) => typeof value !== 'function' && value !== undefined && key !== 'createdAt',
  );
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Derive an ICP definition from closed deals.
 *
 * @param deals A columnar table (as `@fitgate/io` reads it) or an array of row objects.
 * @param options The outcome column and its won / lost values are required; see `DeriveOptions`.
 * @returns The definition, deterministic for the same data and options.
 * @throws FitgateError on a bad option, a missing column, or fewer than 1 won and 1 lost deal.
 *
 * @example
 * const icp = deriveIcp(rows, { outcome: 'y', won: ['yes'], lost: ['no'], createdAt: '2026-01-01' });
 * icp.metrics.validation.auc // => e.g. 0.66
 */
export function deriveIcp(deals: TableInput, options: DeriveOptions): IcpDefinition {
  const checked = checkDeriveOptions(options);
  const progress = options.onProgress ?? (() => {});
  const table = tableView(deals);
  const warnings: Warning[] = [];
  const excluded: Exclusion[] = userExclusions(table, options);
  const missing = [...DEFAULT_MISSING_TOKENS, ...(options.missingTokens ?? [])];
  const rules: ParsingRules = { missingTokens: new Set(missing), decimal: options.decimal ?? '.' };

  // Outcomes and the sample-size check.
  progress('outcomes');
  const outcomes = resolveOutcomes(
    table.column(options.outcome),
    options.won,
    options.lost,
    options.outcome,
  );
  const small = smallSampleWarning(outcomes.won, outcomes.lost);
  if (small !== null) warnings.push(small);
  const candidates = candidateColumns(table, options);
  const weights = sampleWeights(table, outcomes, options);

  // Validation split: by time when asked, else seeded and stratified.
  const split = splitDeals(table, outcomes, options, checked);
  const train = split.train;

  // Bin and code each candidate attribute on the training deals.
  const prepared: PreparedAttribute[] = [];
  for (const name of candidates) {
    progress(`bin ${name}`);
    const result = prepareAttribute({
      name,
      values: table.column(name),
      rows: outcomes.rows,
      y: outcomes.y,
      train,
      weights,
      rules,
      forceType: options.numeric?.includes(name)
        ? 'numeric'
        : options.categorical?.includes(name)
          ? 'categorical'
          : undefined,
      specialValues: options.specialValues?.[name] ?? [],
      binning: {
        rareShare: 0.01,
        ...(small !== null ? { shrinkage: SMALL_SAMPLE_SHRINKAGE } : {}),
        ...options.binning,
        ...(options.monotonicTrend?.[name] ? { monotonicTrend: options.monotonicTrend[name] } : {}),
      },
    });
    if ('excluded' in result) {
      excluded.push(result.excluded);
      if (result.warning) warnings.push(result.warning);
    } else {
      prepared.push(result.prepared);
      warnings.push(...result.prepared.warnings);
    }
  }

  // Selection: weak, leaking and correlated attributes stay out.
  progress('select');
  const selection = selectAttributes(prepared, {
    ivFloor: checked.ivFloor,
    correlationLimit: checked.correlationLimit,
    keepLeakage: options.keepLeakage ?? false,
    train,
  });
  excluded.push(...selection.excluded);
  warnings.push(...selection.warnings);

  // The fit, then points.
  progress('fit');
  const scorecard = fitScorecard(selection.selected, outcomes.y, train, weights, checked.l2);
  excluded.push(...scorecard.excluded);
  warnings.push(...scorecard.warnings);
  const fitted = scorecard.attributes;
  const scaling = scalePoints(
    fitted.map((a, j) => ({
      coefficient: scorecard.fit.coefficients[j],
      woe: a.bins.map((b) => b.woe),
    })),
  );
  const keyList = options.keyAttributes;
  const attributes: Attribute[] = fitted.map((a, j) => {
    const points = scaling.points[j];
    const span = Math.max(...points) - Math.min(...points, scaling.neutralPoints[j]);
    const total = a.bins.reduce((sum, b) => sum + b.nEvent + b.nNonevent, 0);
    const missingBin = a.bins.find((b) => b.kind === 'missing');
    const missingShare = missingBin ? (missingBin.nEvent + missingBin.nNonevent) / total : 0;
    return {
      name: a.name,
      type: a.type,
      role: 'fit',
      iv: a.iv,
      monotonicTrend: a.monotonicTrend,
      coefficient: scorecard.fit.coefficients[j],
      standardError: scorecard.fit.standardErrors?.[j] ?? null,
      neutralPoints: scaling.neutralPoints[j],
      key: keyList
        ? keyList.includes(a.name)
        : span >= KEY_ATTRIBUTE_POINTS && missingShare < KEY_MISSING_SHARE,
      bins: a.bins.map((b, i) => ({ ...b, points: points[i] })),
    };
  });

  // Validation: scores, calibration and metrics on the deals the fit did not see.
  progress('validate');
  const scores = scoreDeals(attributes, fitted, outcomes.rows.length);
  const validation = validateScores({
    train: { scores: pick(scores, train, 1), y: pick(outcomes.y, train, 1) },
    validation: { scores: pick(scores, train, 0), y: pick(outcomes.y, train, 0) },
    calibration: options.calibration ?? 'auto',
    resamples: BOOTSTRAP_RESAMPLES,
    seed: checked.seed,
  });

  // Honesty: no attribute, or a validation AUC whose interval includes 0.5, is no signal.
  const interval = validation.metrics.aucInterval;
  if (attributes.length === 0 || interval === null || interval[0] <= 0.5) {
    const why =
      attributes.length === 0
        ? 'no attribute separates won from lost'
        : `the validation AUC ${validation.metrics.auc?.toFixed(3)} has a 95% interval ` +
          `[${interval?.[0].toFixed(3)}, ${interval?.[1].toFixed(3)}] that includes 0.5`;
    warnings.push({
      code: 'NO_SIGNAL',
      message: `${why}: these attributes do not tell won from lost, so qualify() returns REVIEW`,
    });
  }

  // Cutoffs on the validation deals.
  progress('cutoffs');
  const vScores = Float64Array.from(pick(scores, train, 0));
  const vY = Uint8Array.from(pick(outcomes.y, train, 0));
  const cutoffs = setCutoffs(vScores, vY, {
    mqlRecall: checked.mqlRecall,
    sqlRecall: checked.sqlRecall,
    resamples: BOOTSTRAP_RESAMPLES,
    seed: checked.seed,
  });

  // Assemble the definition; its version is a hash of everything that scores.
  const definition: IcpDefinition = {
    schemaVersion: SCHEMA_VERSION,
    kind: 'fitgate.icp',
    version: '',
    createdAt: options.createdAt ?? 'unspecified',
    source: {
      libraryVersion: options.libraryVersion ?? CORE_VERSION,
      dataHash: dataHash(table),
      rows: {
        total: table.rowCount,
        won: outcomes.won,
        lost: outcomes.lost,
        leftOut: table.rowCount - outcomes.rows.length,
      },
      leftOut: outcomes.leftOut,
      options: recordedOptions(options),
    },
    outcome: { column: options.outcome, won: [...options.won], lost: [...options.lost] },
    parsing: { missingTokens: missing, decimal: rules.decimal },
    attributes,
    excluded,
    model: {
      intercept: scorecard.fit.intercept,
      l2: checked.l2,
      iterations: scorecard.fit.iterations,
      converged: scorecard.fit.converged,
    },
    scaling: { method: 'min-max', rawMin: scaling.rawMin, rawMax: scaling.rawMax },
    calibration: validation.calibration,
    cutoffs: { rule: 'score >= cutoff', ...cutoffs },
    metrics: {
      validation: {
        method: split.method,
        ...(options.time !== undefined ? { timeColumn: options.time } : {}),
        ...('splitAt' in split ? { splitAt: split.splitAt } : {}),
        nTrain: pick(train, train, 1).length,
        nValidation: vY.length,
        ...validation.metrics,
      },
      trainAuc: validation.trainAuc,
    },
    diagnostics: { warnings },
  };
  definition.description = describeIcp(definition);
  definition.version = definitionVersion(definition);
  return definition;
}
