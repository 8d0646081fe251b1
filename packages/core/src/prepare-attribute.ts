/**
 * One candidate attribute, from raw column to bins: decide its type, bin it on the training
 * deals, code every closed deal by its bin's weight of evidence, and measure what selection needs
 * (IV, the attribute's own AUC, whether it is present for one outcome only).
 */
import { binCategorical } from './bin-categorical.js';
import { binNumeric } from './bin-numeric.js';
import type { BinningOptions, RawBin } from './binning-types.js';
import { inferColumn } from './infer-columns.js';
import { isMissing } from './missing-tokens.js';
import { binLocator, type ParsingRules } from './locate-bin.js';
import { parseNumber } from './parse-number.js';
import { rocAuc } from './roc-auc.js';
import type { Exclusion, MonotonicTrend, Warning } from './schema.js';

/** A value present for one outcome in at most this share of deals, and for the other in at
 * least ONE_SIDED_OTHER, is "filled in only for one outcome" (e.g. a deal value 0 when lost). */
const ONE_SIDED_RARE = 0.01;
const ONE_SIDED_OTHER = 0.2;
/** Distinct cell texts whose parsed number is remembered while binning a column. */
const PARSE_MEMORY = 65_536;

/** Everything the later steps need about one binned attribute. */
export interface PreparedAttribute {
  name: string;
  type: 'numeric' | 'categorical';
  bins: RawBin[];
  iv: number;
  monotonicTrend: MonotonicTrend;
  /** WoE of each closed deal's bin (0 where the value found no bin). */
  woe: Float64Array;
  /** Bin index of each closed deal (< 0: no bin). */
  binIndex: Int32Array;
  /** ROC AUC of this attribute alone on the training deals. */
  auc: number;
  /** Set when a value is present (non-missing, non-zero) almost only for one outcome. */
  oneSided: string | null;
  warnings: Warning[];
}

export interface AttributeInput {
  name: string;
  values: ArrayLike<unknown>;
  /** Closed rows (indices into values), their labels and the training mask (1 = train). */
  rows: Uint32Array;
  y: Uint8Array;
  train: Uint8Array;
  weights: Float64Array | null;
  rules: ParsingRules;
  forceType?: 'numeric' | 'categorical';
  specialValues: readonly (string | number)[];
  binning: Partial<BinningOptions>;
}

function training<T>(input: AttributeInput, read: (r: number) => T): T[] {
  const out: T[] = [];
  for (let k = 0; k < input.rows.length; k++) if (input.train[k] === 1) out.push(read(k));
  return out;
}

function trainingWeights(input: AttributeInput): Float64Array | null {
  if (input.weights === null) return null;
  return Float64Array.from(training(input, (k) => input.weights![k]));
}

function bin(input: AttributeInput, type: 'numeric' | 'categorical') {
  const { rules, values, rows } = input;
  const y = Uint8Array.from(training(input, (k) => input.y[k]));
  const w = trainingWeights(input);
  if (type === 'numeric') {
    const specials = input.specialValues.map((v) => parseNumber(v, rules.decimal));
    const parsed = new Map<unknown, number>();
    const read = (raw: unknown) => {
      let x = parsed.get(raw);
      if (x === undefined) {
        x = isMissing(raw, rules.missingTokens) ? NaN : parseNumber(raw, rules.decimal);
        if (parsed.size < PARSE_MEMORY) parsed.set(raw, x);
      }
      return x;
    };
    const x = Float64Array.from(training(input, (k) => read(values[rows[k]])));
    return binNumeric(x, y, w, { ...input.binning, specialValues: specials });
  }
  const x = training(input, (k) => {
    const raw = values[rows[k]];
    return isMissing(raw, rules.missingTokens) ? null : String(raw).trim();
  });
  const specials = input.specialValues.map((v) => String(v));
  return binCategorical(x, y, w, { ...input.binning, specialValues: specials });
}

/** Present = not missing and, for numbers, not zero. */
function oneSidedPresence(input: AttributeInput, type: string): string | null {
  const present = [0, 0];
  const total = [0, 0];
  for (let k = 0; k < input.rows.length; k++) {
    const raw = input.values[input.rows[k]];
    const label = input.y[k];
    total[label] += 1;
    if (isMissing(raw, input.rules.missingTokens)) continue;
    if (type === 'numeric' && parseNumber(raw, input.rules.decimal) === 0) continue;
    present[label] += 1;
  }
  const share = [present[0] / total[0], present[1] / total[1]];
  const names = ['lost', 'won'];
  for (const rare of [0, 1]) {
    const other = 1 - rare;
    if (share[rare] <= ONE_SIDED_RARE && share[other] >= ONE_SIDED_OTHER) {
      const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
      return (
        `present (non-missing, non-zero) for ${pct(share[other])} of ${names[other]} deals ` +
        `but only ${pct(share[rare])} of ${names[rare]} deals`
      );
    }
  }
  return null;
}

/**
 * Type, bin and code one attribute; returns an exclusion instead when the column cannot be used
 * (an ID, a constant, mostly missing).
 */
export function prepareAttribute(
  input: AttributeInput,
): { prepared: PreparedAttribute } | { excluded: Exclusion; warning?: Warning } {
  // Decide the type on the closed deals.
  const closed = Array.from(input.rows, (r) => input.values[r]);
  const role = inferColumn(input.name, closed, {
    missingTokens: input.rules.missingTokens,
    decimal: input.rules.decimal,
    forceNumeric: input.forceType === 'numeric' ? [input.name] : [],
    forceCategorical: input.forceType === 'categorical' ? [input.name] : [],
  });
  if (role.code === 'DATE') {
    const reason =
      `${role.reason}; dates are not binned ` +
      '(give it as the time column to validate on the most recent deals)';
    return { excluded: { attribute: input.name, reason, code: 'DATE' } };
  }
  if (role.role === 'ignored') {
    const reason = role.reason ?? 'not usable';
    const code = (role.code ?? 'UNSUPPORTED') as Exclusion['code'];
    const excluded: Exclusion = { attribute: input.name, reason, code };
    if (code !== 'ID_COLUMN') return { excluded };
    const message = `${input.name}: ${reason}`;
    return { excluded, warning: { code: 'ID_COLUMN', message, attribute: input.name } };
  }
  const type = role.role;

  // Bin on the training deals.
  const result = bin(input, type);
  const warnings = result.warnings.map((w) => ({
    ...w,
    message: `${input.name}: ${w.message}`,
    attribute: input.name,
  }));

  // Code every closed deal by its bin.
  const locate = binLocator(
    { type, bins: result.bins.map((b) => ({ ...b, points: 0 })) },
    input.rules,
  );
  const n = input.rows.length;
  const woe = new Float64Array(n);
  const binIndex = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const b = locate(input.values[input.rows[k]]);
    binIndex[k] = b;
    woe[k] = b >= 0 ? result.bins[b].woe : 0;
  }

  // Measures for selection: the attribute's own AUC on training deals, one-sided presence.
  const trainWoe = Float64Array.from(training(input, (k) => woe[k]));
  const trainY = Uint8Array.from(training(input, (k) => input.y[k]));
  return {
    prepared: {
      name: input.name,
      type,
      bins: result.bins,
      iv: result.iv,
      monotonicTrend: result.monotonicTrend,
      woe,
      binIndex,
      auc: rocAuc(trainWoe, trainY),
      oneSided: oneSidedPresence(input, type),
      warnings,
    },
  };
}
