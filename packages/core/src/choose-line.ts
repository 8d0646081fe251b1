/**
 * Setting a line (`score >= cutoff`) from history and from what the team can handle. Lines are
 * chosen on a histogram of validation scores at 0.01-point resolution, which the definition keeps,
 * so a stored definition can be recalibrated (new capacity, new deal value) without refitting, and
 * every figure reported for a line equals the figure recomputed by applying the rule to the data.
 */
import { stratifiedBootstrap } from './bootstrap.js';
import { FitgateError } from './errors.js';

/** Lines sit on multiples of this many points; a score is compared at the same resolution. */
export const LINE_RESOLUTION = 0.01;
/** Buckets per point (1 / LINE_RESOLUTION), used so that bucket 70 reads back as exactly 0.7. */
const BUCKETS_PER_POINT = 100;
/** Bucket of a score that may not pass any line (e.g. outside the high-fit, high-intent quadrant). */
export const INELIGIBLE_BUCKET = -100;
/** Work budget of the bootstrap: resamples x deals is kept under this (at least 200 resamples). */
const BOOTSTRAP_WORK = 5e7;
const MIN_RESAMPLES = 200;
/** Cutoffs listed in a trade-off table: every 5 points, plus the chosen one. */
const TRADEOFF_STEP = 5;

/** The bucket (whole hundredths of a point) of a score; `score >= cutoff` is `bucket >= bucket`. */
export function bucketOf(score: number): number {
  return Math.floor(score * BUCKETS_PER_POINT + 1e-7);
}

/** Validation deals counted by score bucket: `[bucket, won, lost]`, buckets ascending. */
export type ScoreHistogram = Array<[number, number, number]>;

/** Count deals into buckets. `eligible[k] === 0` puts deal k in the ineligible bucket. */
export function scoreHistogram(
  scores: ArrayLike<number>,
  y: ArrayLike<number>,
  eligible?: ArrayLike<number>,
): ScoreHistogram {
  const counts = new Map<number, [number, number]>();
  for (let k = 0; k < scores.length; k++) {
    const bucket = eligible && eligible[k] === 0 ? INELIGIBLE_BUCKET : bucketOf(scores[k]);
    const cell = counts.get(bucket) ?? [0, 0];
    cell[y[k] === 1 ? 0 : 1] += 1;
    counts.set(bucket, cell);
  }
  return [...counts]
    .sort((a, b) => a[0] - b[0])
    .map(([bucket, [won, lost]]) => [bucket, won, lost]);
}

/** How a line is chosen. */
export type LineObjective =
  | { kind: 'recall'; target: number }
  | { kind: 'precision'; target: number }
  | { kind: 'capacity'; capacity: number; volume: number; period: string }
  | { kind: 'expected-value'; dealValue: number; repHourCost: number; hoursPerLead: number };

/** Deal value and rep hours per lead, for the pipeline-per-rep-hour column. */
export interface Economics {
  dealValue?: number;
  hoursPerLead?: number;
}

/** One candidate cutoff and what `score >= cutoff` keeps. */
export interface LineRow {
  cutoff: number;
  passed: number;
  wonPassed: number;
  shareAbove: number;
  winsKept: number;
  winRateAbove: number;
  /** Won deals x deal value / (passed x hours per lead), when both are known. */
  pipelinePerRepHour: number | null;
}

/** Rows for every eligible bucket, highest cutoff first. */
export function lineRows(histogram: ScoreHistogram, economics: Economics = {}): LineRow[] {
  let total = 0;
  let totalWon = 0;
  for (const [, won, lost] of histogram) {
    total += won + lost;
    totalWon += won;
  }
  const rows: LineRow[] = [];
  let passed = 0;
  let wonPassed = 0;
  for (let i = histogram.length - 1; i >= 0; i--) {
    const [bucket, won, lost] = histogram[i];
    if (bucket < 0) break;
    passed += won + lost;
    wonPassed += won;
    const { dealValue, hoursPerLead } = economics;
    rows.push({
      cutoff: bucket / BUCKETS_PER_POINT,
      passed,
      wonPassed,
      shareAbove: passed / total,
      winsKept: totalWon > 0 ? wonPassed / totalWon : 0,
      winRateAbove: wonPassed / passed,
      pipelinePerRepHour:
        dealValue !== undefined && hoursPerLead !== undefined && hoursPerLead > 0
          ? (wonPassed * dealValue) / (passed * hoursPerLead)
          : null,
    });
  }
  return rows;
}

/**
 * The row an objective picks, and whether it could be met. Rows are highest cutoff first.
 * recall: the highest cutoff keeping the target share of wins; precision: the lowest cutoff
 * whose win rate above is at least the target; capacity: the lowest cutoff passing no more than
 * capacity / volume (a tie group that would overflow stays below); expected value: the lowest
 * cutoff whose calibrated win probability x deal value covers the rep time.
 */
export function pickRow(
  rows: readonly LineRow[],
  objective: LineObjective,
  probability?: (score: number) => number,
): { row: LineRow; met: boolean } {
  if (rows.length === 0) {
    throw new FitgateError('NO_ATTRIBUTES', 'no eligible validation deals to set a line on');
  }
  const lowest = (ok: (r: LineRow) => boolean) => {
    let found: LineRow | undefined;
    for (const r of rows) if (ok(r)) found = r;
    return found;
  };
  let row: LineRow | undefined;
  switch (objective.kind) {
    case 'recall':
      row = rows.find((r) => r.winsKept >= objective.target - 1e-12);
      break;
    case 'precision':
      row = lowest((r) => r.winRateAbove >= objective.target);
      break;
    case 'capacity':
      row = lowest((r) => r.shareAbove <= objective.capacity / objective.volume + 1e-12);
      break;
    case 'expected-value': {
      if (probability === undefined) {
        throw new FitgateError('BAD_OPTION', 'the expected-value objective needs a calibration');
      }
      const threshold = (objective.repHourCost * objective.hoursPerLead) / objective.dealValue;
      row = lowest((r) => probability(r.cutoff) >= threshold);
      break;
    }
  }
  return row === undefined ? { row: rows[0], met: false } : { row, met: true };
}

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * 95% percentile interval of the chosen cutoff over stratified bootstrap resamples of the
 * validation deals (seeded). Resamples are capped so resamples x deals stays under 5e7.
 */
export function lineInterval(
  histogram: ScoreHistogram,
  objective: LineObjective,
  options: { resamples: number; seed: number; probability?: (score: number) => number },
): [number, number] {
  // One entry per deal: its histogram index and outcome.
  const index: number[] = [];
  const y: number[] = [];
  histogram.forEach(([, won, lost], i) => {
    for (let k = 0; k < won; k++) (index.push(i), y.push(1));
    for (let k = 0; k < lost; k++) (index.push(i), y.push(0));
  });
  const labels = Uint8Array.from(y);
  if (!labels.includes(1) || !labels.includes(0)) return [NaN, NaN];
  const cap = Math.floor(BOOTSTRAP_WORK / Math.max(1, index.length));
  const resamples = Math.min(options.resamples, Math.max(MIN_RESAMPLES, cap));

  // Re-pick the line on each resample.
  const picks: number[] = [];
  for (const sample of stratifiedBootstrap(labels, resamples, options.seed)) {
    const counts = histogram.map(([bucket]) => [bucket, 0, 0] as [number, number, number]);
    for (const k of sample) counts[index[k]][labels[k] === 1 ? 1 : 2] += 1;
    const rows = lineRows(counts.filter(([, w, l]) => w + l > 0));
    if (rows.length > 0) picks.push(pickRow(rows, objective, options.probability).row.cutoff);
  }
  picks.sort((a, b) => a - b);
  return picks.length > 0 ? [quantile(picks, 0.025), quantile(picks, 0.975)] : [NaN, NaN];
}

/** Rows at every 5 points and the chosen row, highest cutoff first. */
export function tradeoffRows(rows: readonly LineRow[], chosen: LineRow): LineRow[] {
  const picked: LineRow[] = [];
  for (let mark = 100; mark >= 0; mark -= TRADEOFF_STEP) {
    const row = rows.filter((r) => r.cutoff >= mark).at(-1);
    if (row !== undefined && !picked.includes(row)) picked.push(row);
  }
  if (!picked.includes(chosen)) picked.push(chosen);
  return picked.sort((a, b) => b.cutoff - a.cutoff);
}
