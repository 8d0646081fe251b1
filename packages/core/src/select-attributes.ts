/**
 * Which binned attributes enter the fit: those that separate won from lost, are not suspected of
 * leaking the outcome, and do not repeat an attribute already in (METHODS.md, "Leakage").
 */
import { LEAKAGE_AUC, LEAKAGE_IV } from './derive-options.js';
import type { PreparedAttribute } from './prepare-attribute.js';
import type { Exclusion, Warning } from './schema.js';

/** A bin holding at least this share of the training deals makes an attribute near-constant. */
const NEAR_CONSTANT_SHARE = 0.99;
/** Missing for at least this share of the deals: mostly missing. */
const MOSTLY_MISSING_SHARE = 0.95;

export interface SelectionOptions {
  ivFloor: number;
  correlationLimit: number;
  keepLeakage: boolean | readonly string[];
  /** 1 = training deal. */
  train: Uint8Array;
}

export interface Selection {
  selected: PreparedAttribute[];
  excluded: Exclusion[];
  warnings: Warning[];
}

function largestBinShare(a: PreparedAttribute): { share: number; kind: string } {
  const total = a.bins.reduce((s, b) => s + b.nEvent + b.nNonevent, 0);
  let best = { share: 0, kind: '' };
  for (const b of a.bins) {
    const share = (b.nEvent + b.nNonevent) / total;
    if (share > best.share) best = { share, kind: b.kind };
  }
  return best;
}

/** Why an attribute looks like leakage, or null. */
function leakageReason(a: PreparedAttribute): string | null {
  const auc = Math.max(a.auc, 1 - a.auc);
  if (auc >= LEAKAGE_AUC) {
    return (
      'separates won from lost almost perfectly on its own ' +
      `(AUC ${auc.toFixed(3)} >= ${LEAKAGE_AUC})`
    );
  }
  if (a.iv >= LEAKAGE_IV) {
    return `information value ${a.iv.toFixed(2)} is too strong to be true (>= ${LEAKAGE_IV})`;
  }
  if (a.oneSided !== null) return `filled in for one outcome only: ${a.oneSided}`;
  return null;
}

/** Pearson correlation of two WoE codes over the training deals. */
function correlation(x: Float64Array, z: Float64Array, train: Uint8Array): number {
  let n = 0;
  let sx = 0;
  let sz = 0;
  for (let k = 0; k < x.length; k++) {
    if (train[k] !== 1) continue;
    n += 1;
    sx += x[k];
    sz += z[k];
  }
  const mx = sx / n;
  const mz = sz / n;
  let sxz = 0;
  let sxx = 0;
  let szz = 0;
  for (let k = 0; k < x.length; k++) {
    if (train[k] !== 1) continue;
    const dx = x[k] - mx;
    const dz = z[k] - mz;
    sxz += dx * dz;
    sxx += dx * dx;
    szz += dz * dz;
  }
  return sxx > 0 && szz > 0 ? sxz / Math.sqrt(sxx * szz) : 0;
}

function keeps(option: boolean | readonly string[], name: string): boolean {
  return option === true || (Array.isArray(option) && option.includes(name));
}

/** First reason to drop an attribute for not separating, or null. */
function weakReason(a: PreparedAttribute, ivFloor: number): Exclusion | null {
  const largest = largestBinShare(a);
  if (largest.kind === 'missing' && largest.share >= MOSTLY_MISSING_SHARE) {
    const reason = `missing for ${(100 * largest.share).toFixed(1)}% of deals`;
    return { attribute: a.name, reason, code: 'MOSTLY_MISSING', iv: a.iv };
  }
  if (a.bins.length < 2) {
    const reason =
      'every value falls in one bin: no split keeps the minimum share of deals per bin';
    return { attribute: a.name, reason, code: 'LOW_IV', iv: a.iv };
  }
  if (largest.share >= NEAR_CONSTANT_SHARE) {
    const reason = `near-constant: one bin holds ${(100 * largest.share).toFixed(1)}% of deals`;
    return { attribute: a.name, reason, code: 'CONSTANT', iv: a.iv };
  }
  if (a.iv < ivFloor) {
    const reason = `information value ${a.iv.toFixed(4)} is below the floor ${ivFloor}`;
    return { attribute: a.name, reason, code: 'LOW_IV', iv: a.iv };
  }
  return null;
}

/**
 * Select attributes: drop the weak, flag (and by default exclude) suspected leakage, then admit
 * the rest by decreasing IV, skipping any whose WoE code correlates with one already admitted.
 */
export function selectAttributes(
  prepared: readonly PreparedAttribute[],
  options: SelectionOptions,
): Selection {
  const excluded: Exclusion[] = [];
  const warnings: Warning[] = [];
  const candidates: PreparedAttribute[] = [];

  // Leaking attributes first (a perfect leak may not bin at all), then weak ones.
  for (const a of prepared) {
    const leak = leakageReason(a);
    const kept = leak !== null && keeps(options.keepLeakage, a.name);
    if (leak !== null) {
      const fate = kept ? 'kept as asked' : 'excluded (keep it with --keep-leakage)';
      const message = `${a.name}: ${leak}; ${fate}`;
      warnings.push({ code: 'LEAKAGE_SUSPECTED', message, attribute: a.name });
      if (!kept) {
        excluded.push({ attribute: a.name, reason: leak, code: 'LEAKAGE_SUSPECTED', iv: a.iv });
        continue;
      }
    }
    const weak = weakReason(a, options.ivFloor);
    if (weak !== null) {
      // A kept leak that cannot be binned (a perfect separator leaves no bin with both outcomes)
      // says so, rather than reading as an attribute without signal.
      if (kept) {
        weak.reason = `${leak}; kept as asked, but it cannot be scored: ${weak.reason}`;
        weak.code = 'LEAKAGE_SUSPECTED';
      }
      excluded.push(weak);
      continue;
    }
    candidates.push(a);
  }

  // Strongest first; a candidate correlated with an admitted one stays out.
  candidates.sort((p, q) => q.iv - p.iv || (p.name < q.name ? -1 : 1));
  const selected: PreparedAttribute[] = [];
  for (const a of candidates) {
    const twin = selected.find(
      (s) => Math.abs(correlation(a.woe, s.woe, options.train)) >= options.correlationLimit,
    );
    if (twin === undefined) {
      selected.push(a);
      continue;
    }
    const r = correlation(a.woe, twin.woe, options.train);
    const reason = `correlated with ${twin.name} (r = ${r.toFixed(2)}), which separates better`;
    excluded.push({ attribute: a.name, reason, code: 'CORRELATED', iv: a.iv });
    warnings.push({ code: 'CORRELATED', message: `${a.name}: ${reason}`, attribute: a.name });
  }
  return { selected, excluded, warnings };
}
