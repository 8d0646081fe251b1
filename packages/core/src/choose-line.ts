/**
 * Setting a line (`score >= cutoff`) from history and from what the team can handle. Lines are
 * chosen on a histogram of validation scores at 0.01-point resolution, which the definition keeps,
 * so a stored definition can be recalibrated (new capacity, new deal value) without refitting, and
 * every figure reported for a line equals the figure recomputed by applying the rule to the data.
 */
import { stratifiedBootstrapCounts } from './bootstrap.js';
import { FitgateError } from './errors.js';

/** Lines sit on multiples of this many points; a score is compared at the same resolution. */
export const LINE_RESOLUTION = 0.01;
/** Buckets per point (1 / LINE_RESOLUTION), used so that bucket 70 reads back as exactly 0.7. */
const BUCKETS_PER_POINT = 100;
/** Bucket of a score that may not pass any line (e.g. outside the high-fit, high-intent
 * quadrant). */
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

/**
 * Cumulative counts of `score >= cutoff` for every eligible bucket, highest cutoff first, in
 * typed arrays (so the bootstrap can refill them without allocating).
 */
interface Cumulative {
  length: number;
  cutoffs: Float64Array;
  passed: Float64Array;
  wonPassed: Float64Array;
  total: number;
  totalWon: number;
}

function emptyCumulative(size: number): Cumulative {
  const arrays = () => new Float64Array(size);
  return {
    length: 0,
    cutoffs: arrays(),
    passed: arrays(),
    wonPassed: arrays(),
    total: 0,
    totalWon: 0,
  };
}

/** Fill `c` from per-bucket counts (buckets ascending); ineligible buckets never pass. */
function cumulate(
  buckets: ArrayLike<number>,
  won: ArrayLike<number>,
  lost: ArrayLike<number>,
  c: Cumulative,
): Cumulative {
  c.total = 0;
  c.totalWon = 0;
  for (let i = 0; i < buckets.length; i++) {
    c.total += won[i] + lost[i];
    c.totalWon += won[i];
  }
  let passed = 0;
  let wonPassed = 0;
  let n = 0;
  for (let i = buckets.length - 1; i >= 0 && buckets[i] >= 0; i--) {
    if (won[i] + lost[i] === 0) continue;
    passed += won[i] + lost[i];
    wonPassed += won[i];
    c.cutoffs[n] = buckets[i] / BUCKETS_PER_POINT;
    c.passed[n] = passed;
    c.wonPassed[n] = wonPassed;
    n++;
  }
  c.length = n;
  return c;
}

/**
 * The index (into the cumulative rows) an objective picks, and whether it could be met.
 * recall: the highest cutoff keeping the target share of wins; precision: the lowest cutoff
 * whose win rate above is at least the target; capacity: the lowest cutoff passing no more than
 * capacity / volume (a tie group that would overflow stays below); expected value: the lowest
 * cutoff whose calibrated win probability x deal value covers the rep time.
 */
function pickIndex(
  c: Cumulative,
  objective: LineObjective,
  probability?: (score: number) => number,
): { index: number; met: boolean } {
  if (c.length === 0) {
    throw new FitgateError('NO_ATTRIBUTES', 'no eligible validation deals to set a line on');
  }
  let found = -1;
  switch (objective.kind) {
    case 'recall':
      for (let i = 0; i < c.length && found < 0; i++) {
        if (c.totalWon > 0 && c.wonPassed[i] / c.totalWon >= objective.target - 1e-12) found = i;
      }
      break;
    case 'precision':
      for (let i = 0; i < c.length; i++) {
        if (c.wonPassed[i] / c.passed[i] >= objective.target) found = i;
      }
      break;
    case 'capacity': {
      const share = objective.capacity / objective.volume + 1e-12;
      for (let i = 0; i < c.length; i++) if (c.passed[i] / c.total <= share) found = i;
      break;
    }
    case 'expected-value': {
      if (probability === undefined) {
        throw new FitgateError('BAD_OPTION', 'the expected-value objective needs a calibration');
      }
      const threshold = (objective.repHourCost * objective.hoursPerLead) / objective.dealValue;
      for (let i = 0; i < c.length; i++) if (probability(c.cutoffs[i]) >= threshold) found = i;
      break;
    }
  }
  return found < 0 ? { index: 0, met: false } : { index: found, met: true };
}

function histogramColumns(histogram: ScoreHistogram) {
  return {
    buckets: Float64Array.from(histogram, ([b]) => b),
    won: Float64Array.from(histogram, ([, w]) => w),
    lost: Float64Array.from(histogram, ([, , l]) => l),
  };
}

function rowAt(c: Cumulative, i: number, economics: Economics): LineRow {
  const { dealValue, hoursPerLead } = economics;
  const passed = c.passed[i];
  const wonPassed = c.wonPassed[i];
  return {
    cutoff: c.cutoffs[i],
    passed,
    wonPassed,
    shareAbove: passed / c.total,
    winsKept: c.totalWon > 0 ? wonPassed / c.totalWon : 0,
    winRateAbove: wonPassed / passed,
    pipelinePerRepHour:
      dealValue !== undefined && hoursPerLead !== undefined && hoursPerLead > 0
        ? (wonPassed * dealValue) / (passed * hoursPerLead)
        : null,
  };
}

/** Rows for every eligible bucket, highest cutoff first. */
export function lineRows(histogram: ScoreHistogram, economics: Economics = {}): LineRow[] {
  const { buckets, won, lost } = histogramColumns(histogram);
  const c = cumulate(buckets, won, lost, emptyCumulative(buckets.length));
  return Array.from({ length: c.length }, (_, i) => rowAt(c, i, economics));
}

/** All rows of a histogram, the row an objective picks, and whether it was met. */
export function pickLine(
  histogram: ScoreHistogram,
  objective: LineObjective,
  economics: Economics = {},
  probability?: (score: number) => number,
): { rows: LineRow[]; row: LineRow; met: boolean } {
  const { buckets, won, lost } = histogramColumns(histogram);
  const c = cumulate(buckets, won, lost, emptyCumulative(buckets.length));
  const rows = Array.from({ length: c.length }, (_, i) => rowAt(c, i, economics));
  const { index, met } = pickIndex(c, objective, probability);
  return { rows, row: rows[index], met };
}

/** The row an objective picks among `rows` (highest cutoff first), and whether it was met. */
export function pickRow(
  rows: readonly LineRow[],
  objective: LineObjective,
  probability?: (score: number) => number,
): { row: LineRow; met: boolean } {
  const c = emptyCumulative(rows.length);
  rows.forEach((r, i) => {
    c.cutoffs[i] = r.cutoff;
    c.passed[i] = r.passed;
    c.wonPassed[i] = r.wonPassed;
  });
  c.length = rows.length;
  c.total = rows.length > 0 ? rows[0].passed / rows[0].shareAbove : 0;
  c.totalWon = rows.length > 0 && rows[0].winsKept > 0 ? rows[0].wonPassed / rows[0].winsKept : 0;
  const { index, met } = pickIndex(c, objective, probability);
  return { row: rows[index], met };
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
  // The histogram cell of every won and every lost deal.
  const { buckets } = histogramColumns(histogram);
  const nWon = histogram.reduce((n, [, w]) => n + w, 0);
  const nLost = histogram.reduce((n, [, , l]) => n + l, 0);
  if (nWon === 0 || nLost === 0) return [NaN, NaN];
  const wonGroups = new Uint32Array(nWon);
  const lostGroups = new Uint32Array(nLost);
  let w = 0;
  let l = 0;
  histogram.forEach(([, won, lost], i) => {
    wonGroups.fill(i, w, (w += won));
    lostGroups.fill(i, l, (l += lost));
  });
  const cap = Math.floor(BOOTSTRAP_WORK / (nWon + nLost));
  const resamples = Math.min(options.resamples, Math.max(MIN_RESAMPLES, cap));

  // Re-pick the line on each resample.
  const c = emptyCumulative(buckets.length);
  const picks: number[] = [];
  stratifiedBootstrapCounts(
    wonGroups,
    lostGroups,
    buckets.length,
    resamples,
    options.seed,
    (won, lost) => {
      cumulate(buckets, won, lost, c);
      if (c.length > 0) picks.push(c.cutoffs[pickIndex(c, objective, options.probability).index]);
    },
  );
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
