/**
 * The default SQL and MQL lines on the fit score, chosen on the validation deals: the MQL line is
 * the highest cutoff that keeps at least 80% of the wins, the SQL line the highest that keeps at
 * least 50%. Each carries what it keeps and a bootstrap interval of the cutoff itself.
 */
import { stratifiedBootstrap } from './bootstrap.js';
import { cutoffForRecall, cutoffTable, type CutoffRow } from './cutoff-table.js';
import type { Cutoff } from './schema.js';

function pct(x: number): string {
  return `${Math.round(100 * x)}%`;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * 95% percentile intervals of the recall-target cutoffs over stratified bootstrap resamples.
 * Each resample is counted into the distinct validation scores (no sort per resample).
 */
function cutoffIntervals(
  scores: Float64Array,
  y: Uint8Array,
  targets: readonly number[],
  resamples: number,
  seed: number,
): Array<[number, number]> {
  // Rank every deal by its distinct score, highest first.
  const distinct = [...new Set(scores)].sort((a, b) => b - a);
  const rankOf = new Map(distinct.map((s, i) => [s, i]));
  const rank = Int32Array.from(scores, (s) => rankOf.get(s)!);

  // For each resample: wins per distinct score, then walk down to each target.
  const picks = targets.map(() => [] as number[]);
  const wins = new Float64Array(distinct.length);
  for (const sample of stratifiedBootstrap(y, resamples, seed)) {
    wins.fill(0);
    let total = 0;
    for (const i of sample) {
      if (y[i] === 1) {
        wins[rank[i]] += 1;
        total += 1;
      }
    }
    targets.forEach((target, t) => {
      let kept = 0;
      let d = 0;
      for (; d < distinct.length - 1; d++) {
        kept += wins[d];
        if (kept >= target * total) break;
      }
      picks[t].push(distinct[d]);
    });
  }
  return picks.map((p) => {
    p.sort((a, b) => a - b);
    return [quantile(p, 0.025), quantile(p, 0.975)];
  });
}

function cutoff(row: CutoffRow, target: number, name: string, interval?: [number, number]): Cutoff {
  const reason =
    `${name} line at ${row.cutoff.toFixed(2)}: keeps ${pct(row.winsKept)} of wins ` +
    `(target ${pct(target)}) while passing ${pct(row.shareAbove)} of deals, ` +
    `win rate ${pct(row.winRateAbove)} above the line`;
  return {
    score: row.cutoff,
    rule: `keeps at least ${pct(target)} of validation wins`,
    reason,
    shareAbove: row.shareAbove,
    winsKept: row.winsKept,
    winRateAbove: row.winRateAbove,
    ...(interval ? { interval } : {}),
  };
}

export interface CutoffOptions {
  mqlRecall: number;
  sqlRecall: number;
  resamples: number;
  seed: number;
}

/** The default lines on the validation scores. */
export function setCutoffs(
  scores: Float64Array,
  y: Uint8Array,
  options: CutoffOptions,
): { sql: Cutoff; mql: Cutoff } {
  const table = cutoffTable(scores, y);
  const mqlRow = cutoffForRecall(table, options.mqlRecall);
  const sqlRow = cutoffForRecall(table, Math.max(options.sqlRecall, 0));
  const [mqlInterval, sqlInterval] =
    options.resamples > 0
      ? cutoffIntervals(
          scores,
          y,
          [options.mqlRecall, options.sqlRecall],
          options.resamples,
          options.seed,
        )
      : [undefined, undefined];
  return {
    mql: cutoff(mqlRow, options.mqlRecall, 'MQL', mqlInterval),
    sql: cutoff(sqlRow, options.sqlRecall, 'SQL', sqlInterval),
  };
}
