/**
 * One side of the gate (fit, or learned intent), from candidate columns to scored attributes:
 * bin and code each column, select, fit the L2 logistic regression on the WoE codes, scale the
 * contributions to 0-100 points, and score every closed deal. Fit and intent go through this same
 * routine, so they are binned, weighted and explained the same way.
 */
import { KEY_ATTRIBUTE_POINTS, KEY_MISSING_SHARE, type DeriveOptions } from './derive-options.js';
import { fitScorecard } from './fit-scorecard.js';
import type { ParsingRules } from './locate-bin.js';
import { prepareAttribute, type PreparedAttribute } from './prepare-attribute.js';
import type { Outcomes } from './resolve-outcomes.js';
import { scalePoints } from './scale-points.js';
import type { Attribute, Exclusion, IcpDefinition, Warning } from './schema.js';
import { selectAttributes } from './select-attributes.js';
import type { TableView } from './table.js';

export interface SideContext {
  table: TableView;
  outcomes: Outcomes;
  train: Uint8Array;
  weights: Float64Array | null;
  rules: ParsingRules;
  options: DeriveOptions;
  l2: number;
  ivFloor: number;
  correlationLimit: number;
  shrinkage: number | undefined;
  progress: (step: string) => void;
}

export interface SideResult {
  attributes: Attribute[];
  /** Score of every closed deal on this side (sum of its bins' points). */
  scores: Float64Array;
  model: IcpDefinition['model'];
  scaling: IcpDefinition['scaling'];
  excluded: Exclusion[];
  warnings: Warning[];
}

/** A per-column option's value for `name`, read as an own property only (so a column called
 * `__proto__` or `toString` never picks up Object.prototype). */
function perColumn<T>(
  record: Readonly<Record<string, T>> | undefined,
  name: string,
): T | undefined {
  return record !== undefined && Object.hasOwn(record, name) ? record[name] : undefined;
}

function forcedType(options: DeriveOptions, name: string) {
  if (options.numeric?.includes(name)) return 'numeric' as const;
  if (options.categorical?.includes(name)) return 'categorical' as const;
  return undefined;
}

/** Bin and code each candidate; the unusable ones become exclusions. */
function prepareAll(columns: readonly string[], ctx: SideContext) {
  const prepared: PreparedAttribute[] = [];
  const excluded: Exclusion[] = [];
  const warnings: Warning[] = [];
  for (const name of columns) {
    ctx.progress(`bin ${name}`);
    const result = prepareAttribute({
      name,
      values: ctx.table.column(name),
      rows: ctx.outcomes.rows,
      y: ctx.outcomes.y,
      train: ctx.train,
      weights: ctx.weights,
      rules: ctx.rules,
      forceType: forcedType(ctx.options, name),
      specialValues: perColumn(ctx.options.specialValues, name) ?? [],
      binning: {
        ...(ctx.shrinkage !== undefined ? { shrinkage: ctx.shrinkage } : {}),
        ...ctx.options.binning,
        ...(perColumn(ctx.options.monotonicTrend, name) !== undefined
          ? { monotonicTrend: perColumn(ctx.options.monotonicTrend, name) }
          : {}),
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
  return { prepared, excluded, warnings };
}

/** Is the attribute key: can it move the score a lot, and was it rarely missing? */
function isKey(a: PreparedAttribute, points: number[], neutral: number, options: DeriveOptions) {
  if (options.keyAttributes) return options.keyAttributes.includes(a.name);
  const span = Math.max(...points, neutral) - Math.min(...points, neutral);
  const total = a.bins.reduce((sum, b) => sum + b.nEvent + b.nNonevent, 0);
  const missingBin = a.bins.find((b) => b.kind === 'missing');
  const missingShare = missingBin ? (missingBin.nEvent + missingBin.nNonevent) / total : 0;
  return span >= KEY_ATTRIBUTE_POINTS && missingShare < KEY_MISSING_SHARE;
}

/** Derive one side from its candidate columns. */
export function deriveSide(
  role: 'fit' | 'intent',
  columns: readonly string[],
  ctx: SideContext,
): SideResult {
  // Bin, then select.
  const { prepared, excluded, warnings } = prepareAll(columns, ctx);
  ctx.progress(`select ${role}`);
  const selection = selectAttributes(prepared, {
    ivFloor: ctx.ivFloor,
    correlationLimit: ctx.correlationLimit,
    keepLeakage: ctx.options.keepLeakage ?? false,
    train: ctx.train,
  });
  excluded.push(...selection.excluded);
  warnings.push(...selection.warnings);

  // Fit, then scale to points.
  ctx.progress(`fit ${role}`);
  const scorecard = fitScorecard(
    selection.selected,
    ctx.outcomes.y,
    ctx.train,
    ctx.weights,
    ctx.l2,
  );
  excluded.push(...scorecard.excluded);
  warnings.push(...scorecard.warnings);
  const fitted = scorecard.attributes;
  const beta = scorecard.fit.coefficients;
  const scaling = scalePoints(
    fitted.map((a, j) => ({ coefficient: beta[j], woe: a.bins.map((b) => b.woe) })),
  );
  const attributes: Attribute[] = fitted.map((a, j) => ({
    name: a.name,
    type: a.type,
    role,
    iv: a.iv,
    monotonicTrend: a.monotonicTrend,
    coefficient: beta[j],
    standardError: scorecard.fit.standardErrors?.[j] ?? null,
    neutralPoints: scaling.neutralPoints[j],
    key: role === 'fit' && isKey(a, scaling.points[j], scaling.neutralPoints[j], ctx.options),
    bins: a.bins.map((b, i) => ({ ...b, points: scaling.points[j][i] })),
  }));

  // Score every closed deal: its bins' points, neutral points where a value found no bin.
  const n = ctx.outcomes.rows.length;
  const scores = new Float64Array(n);
  attributes.forEach((a, j) => {
    const index = fitted[j].binIndex;
    for (let k = 0; k < n; k++)
      scores[k] += index[k] >= 0 ? a.bins[index[k]].points : a.neutralPoints;
  });
  return {
    attributes,
    scores,
    model: {
      intercept: scorecard.fit.intercept,
      l2: ctx.l2,
      iterations: scorecard.fit.iterations,
      converged: scorecard.fit.converged,
    },
    scaling: { method: 'min-max', rawMin: scaling.rawMin, rawMax: scaling.rawMax },
    excluded,
    warnings,
  };
}
