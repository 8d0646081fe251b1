/**
 * `deriveIcp`: from closed-won and closed-lost deals to one shared ICP definition. The steps:
 * outcomes, column roles, the validation split, binning and WoE, selection, the logistic fit,
 * points (for fit, and for intent when asked), calibration and validation metrics, the lines,
 * declared rules, and the honesty warnings.
 */
import { bucketOf, scoreHistogram } from './choose-line.js';
import { definitionVersion } from './definition-version.js';
import {
  BOOTSTRAP_RESAMPLES,
  checkDeriveOptions,
  MIN_CLOSED,
  MIN_WON,
  SMALL_SAMPLE_SHRINKAGE,
  type DeriveOptions,
} from './derive-options.js';
import { deriveSide, type SideContext, type SideResult } from './derive-side.js';
import { describeIcp } from './describe-icp.js';
import { FitgateError } from './errors.js';
import { decide, gateLines } from './gate.js';
import { tableHash } from './hash.js';
import type { ParsingRules } from './locate-bin.js';
import { DEFAULT_MISSING_TOKENS } from './missing-tokens.js';
import { parseNumber } from './parse-number.js';
import { normalizeTable } from './normalize-table.js';
import { parseNormalizerSpecs } from './normalizers/parse-normalizer-specs.js';
import { resolveOutcomes, type Outcomes } from './resolve-outcomes.js';
import { checkRules, ruleImpact, type RuleImpact } from './rules/index.js';
import { rocAuc } from './roc-auc.js';
import { aucInterval } from './auc-interval.js';
import {
  SCHEMA_VERSION,
  type Exclusion,
  type IcpDefinition,
  type Metrics,
  type Warning,
} from './schema.js';
import { signalContribution, signalScale } from './score-intent-signals.js';
import { setLines, type ValidationScores } from './set-lines.js';
import { stratifiedSplit, timeSplit } from './split.js';
import { tableView, type TableView } from './table.js';
import type { TableInput } from './table.js';
import { applyCalibration as applyCalibrationTo } from './calibrate.js';
import { validateScores } from './validate-scores.js';
import { CORE_VERSION } from './version.js';

/** With intent, the MQL line is "carried by intent" when intent explains more than this share of
 * the variance of log priority among the deals above the SQL line. */
const INTENT_CARRIES_SHARE = 0.5;

type Checked = ReturnType<typeof checkDeriveOptions>;

/** The columns that may become fit and intent attributes. */
function candidateColumns(table: TableView, options: DeriveOptions) {
  const intent = options.intent ?? [];
  const declared = (options.intentSignals ?? []).map((s) => s.column);
  const reserved = new Set([
    options.outcome,
    options.time,
    options.weight,
    ...(options.exclude ?? []),
    ...intent,
    ...declared,
  ]);
  // Every column named in an option must exist (table.column throws MISSING_COLUMN otherwise).
  const kept = Array.isArray(options.keepLeakage) ? options.keepLeakage : [];
  const named = [
    ...(options.fit ?? []),
    ...intent,
    ...declared,
    ...(options.exclude ?? []),
    ...kept,
    ...(options.keyAttributes ?? []),
  ];
  for (const name of named) table.column(name);
  const fit = (options.fit ?? table.columns).filter((name) => !reserved.has(name));
  return { fit, intent: intent.filter((name) => name !== options.outcome) };
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
        `weight column "${options.weight}" row ${r + 1}: ` +
          `"${String(column[r])}" is not a weight >= 0`,
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

function pick<T extends ArrayLike<number>>(values: T, mask: Uint8Array, keep: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < mask.length; k++) if (mask[k] === keep) out.push(values[k]);
  return out;
}

/** Options as recorded in the definition (functions dropped, keys sorted for stable output). */
/** Options recorded in their own place in the definition (or not at all), not in source.options. */
const STORED_ELSEWHERE = new Set(['createdAt', 'normalizers', 'rules', 'intentSignals']);

function recordedOptions(options: DeriveOptions): Record<string, unknown> {
  const entries = Object.entries(options).filter(
    ([key, value]) =>
      typeof value !== 'function' && value !== undefined && !STORED_ELSEWHERE.has(key),
  );
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Score every closed deal on declared intent signals (0-100 scale, unclamped). */
function declaredIntent(
  table: TableView,
  outcomes: Outcomes,
  options: DeriveOptions,
  rules: ParsingRules,
) {
  const signals = options.intentSignals ?? [];
  const at = options.at === undefined ? NaN : Date.parse(options.at);
  if (signals.some((s) => s.kind === 'date') && !Number.isFinite(at)) {
    throw new FitgateError(
      'BAD_OPTION',
      `dated intent signals need a reference time "at"; got ${options.at}`,
    );
  }
  const scale = signalScale(signals);
  const scores = new Float64Array(outcomes.rows.length);
  for (const signal of signals) {
    const column = table.column(signal.column);
    const context = { missingTokens: rules.missingTokens, decimal: rules.decimal, at };
    for (let k = 0; k < outcomes.rows.length; k++) {
      scores[k] += signalContribution(signal, column[outcomes.rows[k]], context) ?? 0;
    }
  }
  if (scale > 0) for (let k = 0; k < scores.length; k++) scores[k] = (100 * scores[k]) / scale;
  return scores;
}

/** Validation scores as histograms (and the joint fit x intent table with intent). */
function validationScores(fit: number[], intent: number[] | null, y: number[]): ValidationScores {
  const scores: ValidationScores = { fit: scoreHistogram(fit, y) };
  if (intent === null) return scores;
  const cells = new Map<string, [number, number, number, number, number]>();
  fit.forEach((f, k) => {
    const key = `${bucketOf(f)},${bucketOf(intent[k])}`;
    const cell = cells.get(key) ?? [
      bucketOf(f),
      bucketOf(intent[k]),
      bucketOf((f * intent[k]) / 100),
      0,
      0,
    ];
    cell[y[k] === 1 ? 3 : 4] += 1;
    cells.set(key, cell);
  });
  scores.joint = [...cells.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return scores;
}

/** Conversion per quadrant on the validation deals. */
function quadrantRates(
  fit: number[],
  intent: number[],
  y: number[],
  lines: ReturnType<typeof gateLines>,
) {
  const counts = new Map<string, { n: number; won: number }>();
  fit.forEach((f, k) => {
    const quadrant = decide(f, intent[k], lines).quadrant!;
    const c = counts.get(quadrant) ?? { n: 0, won: 0 };
    c.n += 1;
    c.won += y[k];
    counts.set(quadrant, c);
  });
  const order = [
    'high_fit_high_intent',
    'high_fit_low_intent',
    'low_fit_high_intent',
    'low_fit_low_intent',
  ];
  return order
    .filter((q) => counts.has(q))
    .map((q) => ({
      quadrant: q,
      ...counts.get(q)!,
      winRate: counts.get(q)!.won / counts.get(q)!.n,
    }));
}

/** Warn when intent, not fit, explains most of the spread of priority above the SQL line. */
function intentCarriesLine(fit: number[], intent: number[], sql: number): Warning | null {
  const above = fit
    .map((f, k) => [f, intent[k]])
    .filter(([f, i]) => f > 0 && i > 0 && (f * i) / 100 >= sql);
  if (above.length < 10) return null;
  const variance = (xs: number[]) => {
    const m = xs.reduce((s, x) => s + x, 0) / xs.length;
    return xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length;
  };
  const vf = variance(above.map(([f]) => Math.log(f)));
  const vi = variance(above.map(([, i]) => Math.log(i)));
  const share = vi / (vf + vi);
  if (!(share > INTENT_CARRIES_SHARE)) return null;
  return {
    code: 'INTENT_CARRIES_LINE',
    message:
      `intent explains ${Math.round(100 * share)}% of the spread of priority among the leads ` +
      'above the SQL line: the line is carried by activity more than by fit, ' +
      'and activity is not fit',
  };
}

function noSignal(
  side: SideResult,
  fitAuc: { auc: number | null; aucInterval: [number, number] | null },
): Warning | null {
  let why: string | null = null;
  const { auc, aucInterval: interval } = fitAuc;
  if (side.attributes.length === 0) why = 'no attribute separates won from lost';
  else if (auc !== null && interval !== null && !(interval[0] > 0.5)) {
    why =
      `the validation AUC of fit ${auc.toFixed(3)} has a 95% interval ` +
      `[${interval[0].toFixed(3)}, ${interval[1].toFixed(3)}] that includes 0.5`;
  }
  if (why === null) return null;
  return {
    code: 'NO_SIGNAL',
    message: `${why}: these attributes do not tell won from lost, so qualify() returns REVIEW`,
  };
}

/** ROC AUC and DeLong interval of the fit score alone on the validation deals. */
function fitAucOf(v: { fit: number[]; y: number[] }) {
  if (!(v.y.includes(1) && v.y.includes(0))) return { auc: null, aucInterval: null };
  const y = Uint8Array.from(v.y);
  return { auc: rocAuc(v.fit, y), aucInterval: aucInterval(v.fit, y, { method: 'delong' }) };
}

/** A declared key attribute that did not make it into the fit is said, not silently dropped. */
function keyWarnings(keys: readonly string[], fit: SideResult, excluded: Exclusion[]): Warning[] {
  return keys
    .filter((name) => !fit.attributes.some((a) => a.name === name))
    .map((name) => {
      const why = excluded.find((e) => e.attribute === name)?.reason ?? 'it is not a fit column';
      const message = `${name} was declared a key attribute but is not in the fit: ${why}`;
      return { code: 'KEY_NOT_USED' as const, message, attribute: name };
    });
}

/** A rule that would have knocked out won deals is flagged before it goes live. */
function ruleWarnings(impact: readonly RuleImpact[]): Warning[] {
  return impact
    .filter((r) => r.knockedOutWon > 0)
    .map((r) => ({
      code: 'RULE_DROPS_WINS' as const,
      message:
        `rule ${r.id} (${r.kind}: ${r.when}) would have knocked out ${r.knockedOutWon} won deals ` +
        `(${(100 * r.shareOfWinsLost).toFixed(1)}% of wins) and ${r.knockedOutLost} lost`,
    }));
}

/** Quadrant rates and the intent AUC on the validation deals; warns when intent carries the
 * line. */
function intentMetrics(
  v: { fit: number[]; y: number[] },
  intent: number[],
  cutoffs: Pick<IcpDefinition, 'cutoffs'>['cutoffs'],
  warnings: Warning[],
): Partial<Metrics> {
  const carried = intentCarriesLine(v.fit, intent, cutoffs.sql.score);
  if (carried !== null) warnings.push(carried);
  const both = v.y.includes(1) && v.y.includes(0);
  return {
    quadrants: quadrantRates(v.fit, intent, v.y, gateLines({ cutoffs })),
    intentAuc: both ? rocAuc(intent, Uint8Array.from(v.y)) : null,
  };
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
 * const icp = deriveIcp(rows, {
 *   outcome: 'y',
 *   won: ['yes'],
 *   lost: ['no'],
 *   createdAt: '2026-01-01',
 * });
 * icp.metrics.validation.auc // => e.g. 0.68
 */
export function deriveIcp(deals: TableInput, options: DeriveOptions): IcpDefinition {
  const checked = checkDeriveOptions(options);
  const progress = options.onProgress ?? (() => {});
  const warnings: Warning[] = [];
  const missing = [...DEFAULT_MISSING_TOKENS, ...(options.missingTokens ?? [])];
  const rules: ParsingRules = { missingTokens: new Set(missing), decimal: options.decimal ?? '.' };
  const declaredRules = checkRules(options.rules ?? []);

  // Declared normalisers first, so binning sees what qualify will see.
  const normalizers = parseNormalizerSpecs(options.normalizers ?? []);
  const raw = tableView(deals);
  const normalized = normalizeTable(raw, normalizers, missing);
  for (const report of normalized.reports) options.onMappingReport?.(report);
  const table = normalizers.length > 0 ? tableView(normalized.table) : raw;

  const excluded: Exclusion[] = userExclusions(table, options);

  // Outcomes, the sample-size check, the validation split.
  progress('outcomes');
  const outcomes = resolveOutcomes(
    table.column(options.outcome),
    options.won,
    options.lost,
    options.outcome,
  );
  const small = smallSampleWarning(outcomes.won, outcomes.lost);
  if (small !== null) warnings.push(small);
  const { fit: fitColumns, intent: intentColumns } = candidateColumns(table, options);
  const weights = sampleWeights(table, outcomes, options);
  const split = splitDeals(table, outcomes, options, checked);
  const train = split.train;

  // Each side: bin, select, fit, points.
  const context: SideContext = {
    table,
    outcomes,
    train,
    weights,
    rules,
    options,
    l2: checked.l2,
    ivFloor: checked.ivFloor,
    correlationLimit: checked.correlationLimit,
    shrinkage: small !== null ? SMALL_SAMPLE_SHRINKAGE : undefined,
    progress,
  };
  const fit = deriveSide('fit', fitColumns, context);
  const learnedIntent =
    intentColumns.length > 0 ? deriveSide('intent', intentColumns, context) : null;
  const hasIntent = learnedIntent !== null || (options.intentSignals?.length ?? 0) > 0;
  const intentScores =
    learnedIntent?.scores ?? (hasIntent ? declaredIntent(table, outcomes, options, rules) : null);
  for (const side of [fit, learnedIntent]) {
    if (side === null) continue;
    excluded.push(...side.excluded);
    warnings.push(...side.warnings);
  }

  warnings.push(...keyWarnings(options.keyAttributes ?? [], fit, excluded));

  // The gate score: fit, or priority = fit x intent / 100.
  const gateScores =
    intentScores === null ? fit.scores : fit.scores.map((f, k) => (f * intentScores[k]) / 100);
  const y = outcomes.y;
  const v = {
    fit: pick(fit.scores, train, 0),
    gate: pick(gateScores, train, 0),
    y: pick(y, train, 0),
  };
  const vIntent = intentScores === null ? null : pick(intentScores, train, 0);

  // Validation: calibration of the gate score, metrics, honesty.
  progress('validate');
  const validation = validateScores({
    train: { scores: pick(gateScores, train, 1), y: pick(y, train, 1) },
    validation: { scores: v.gate, y: v.y },
    calibration: options.calibration ?? 'platt',
    resamples: BOOTSTRAP_RESAMPLES,
    seed: checked.seed,
  });
  // Without intent the gate score is the fit score: its figures are already measured.
  const silent = noSignal(fit, intentScores === null ? validation.metrics : fitAucOf(v));
  if (silent !== null) warnings.push(silent);

  // The lines, from the validation scores and the team's objectives.
  progress('lines');
  const calibration = validation.calibration;
  const scores = validationScores(v.fit, vIntent, v.y);
  const objectives = options.objectives ?? {};
  const lines = setLines(scores, objectives, {
    economics: { dealValue: objectives.dealValue, hoursPerLead: objectives.hoursPerLead },
    probability: calibration === null ? undefined : (s) => applyCalibrationTo(calibration, s),
    resamples: BOOTSTRAP_RESAMPLES,
    seed: checked.seed,
  });
  const cutoffs = {
    rule: 'score >= cutoff' as const,
    resolution: 0.01 as const,
    ...lines,
    objectives,
  };
  const metricsExtra = vIntent === null ? {} : intentMetrics(v, vIntent, cutoffs, warnings);

  // Declared rules: what each would have done to the history.
  const impact = ruleImpact(declaredRules, table, outcomes, rules);
  warnings.push(...ruleWarnings(impact));

  // Assemble the definition; its version is a hash of everything that scores.
  const definition: IcpDefinition = {
    schemaVersion: SCHEMA_VERSION,
    kind: 'fitgate.icp',
    version: '',
    createdAt: options.createdAt ?? 'unspecified',
    source: {
      libraryVersion: options.libraryVersion ?? CORE_VERSION,
      dataHash: tableHash(raw),
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
    attributes: [...fit.attributes, ...(learnedIntent?.attributes ?? [])],
    excluded,
    model: fit.model,
    scaling: fit.scaling,
    ...(hasIntent
      ? {
          intent: learnedIntent
            ? {
                mode: 'learned' as const,
                model: learnedIntent.model,
                scaling: learnedIntent.scaling,
              }
            : { mode: 'declared' as const, signals: [...(options.intentSignals ?? [])] },
        }
      : {}),
    calibration,
    cutoffs,
    validationScores: scores,
    metrics: {
      validation: {
        method: split.method,
        ...(options.time !== undefined ? { timeColumn: options.time } : {}),
        ...('splitAt' in split ? { splitAt: split.splitAt } : {}),
        nTrain: pick(train, train, 1).length,
        nValidation: v.y.length,
        ...validation.metrics,
      },
      trainAuc: validation.trainAuc,
      ...metricsExtra,
    },
    ...(normalizers.length > 0 ? { normalizers } : {}),
    ...(declaredRules.length > 0 ? { rules: declaredRules, ruleImpact: impact } : {}),
    diagnostics: { warnings },
  };
  definition.description = describeIcp(definition);
  definition.version = definitionVersion(definition);
  return definition;
}
