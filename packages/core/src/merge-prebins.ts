/**
 * Merging contiguous pre-bins into final bins by an exact search, and the choice of trend. Shared
 * by `binNumeric` (pre-bins are quantile ranges) and `binCategorical` (pre-bins are levels in
 * order of win rate). Internal: not exported from the package.
 *
 * The search is dynamic programming over "the first b pre-bins split into c bins, the last of
 * which starts at pre-bin a", which is exact: it finds the partition of highest information value
 * among all that respect the minimum bin size, the minimum won and lost counts, the maximum
 * number of bins and the trend. The WoE of a bin depends only on its own counts and the column
 * totals (an empty cell counts `smoothing`, see `woe.ts`); the search runs once for each number
 * of bins, so that ties can go to fewer bins.
 */
import type {
  BinningOptions,
  BinningResult,
  MonotonicTrendOption,
  RawBin,
} from './binning-types.js';
import type { MonotonicTrend, Warning } from './schema.js';
import { informationValue, smoothedWoe, type WoeTotals } from './woe.js';

/** A turning trend (peak or valley) wins 'auto' only when it adds at least this much IV: half of
 * 0.02, the IV below which Siddiqi calls an attribute useless. A judgement, not a standard. */
const AUTO_TURN_MIN_GAIN = 0.01;
/** ...and at least this factor over the best monotone IV (10% more). A judgement. */
const AUTO_TURN_MIN_RATIO = 1.1;
/** IV differences below this are ties, resolved toward fewer bins and the earlier candidate. */
const IV_TIE = 1e-12;
/** Relative slack when comparing a bin's size or counts with its minimum (weights are floats). */
const COUNT_SLACK = 1e-9;

/** Won and lost (weighted) counts of something: a pre-bin, a bin. */
export interface Counts {
  nEvent: number;
  nNonevent: number;
}

/** Everything the search needs: pre-bins in order, bins outside the search and constraints. */
export interface MergeProblem {
  /** The pre-bins, in the order along which bins are contiguous. */
  prebins: readonly Counts[];
  /** Bins that take no part in the search but share the totals (special, missing, other). */
  fixed: readonly Counts[];
  /** Least (weighted) rows in each final bin. */
  minBinRows: number;
  /** The share `minBinRows` stands for, for messages. */
  minBinSize: number;
  minBinEvents: number;
  minBinNonevents: number;
  maxBins: number;
  smoothing: number;
  shrinkage: number;
}

/** A partition of the pre-bins: where each final bin starts, the bins' WoE, and the total IV. */
export interface Merge {
  starts: number[];
  woes: number[];
  iv: number;
}

/** A bin with its counts, before WoE: what the routines build from a merge. */
export type CountedBin = Omit<RawBin, 'eventRate' | 'woe'>;

/** Won and lost counts added up (internal, shared with the binning routines). */
export function sumCounts(items: readonly Counts[]): Counts {
  let nEvent = 0;
  let nNonevent = 0;
  for (const item of items) {
    nEvent += item.nEvent;
    nNonevent += item.nNonevent;
  }
  return { nEvent, nNonevent };
}

/** The trend a sequence of WoE follows, strictly: equal neighbours make it 'none'. */
export function trendOf(woes: readonly number[]): MonotonicTrend {
  if (woes.length < 2) return 'none';
  const signs: number[] = [];
  for (let i = 1; i < woes.length; i++) {
    const sign = Math.sign(woes[i] - woes[i - 1]);
    if (sign === 0) return 'none';
    if (signs.length === 0 || signs[signs.length - 1] !== sign) signs.push(sign);
  }
  if (signs.length === 1) return signs[0] > 0 ? 'ascending' : 'descending';
  if (signs.length === 2) return signs[0] > 0 ? 'peak' : 'valley';
  return 'none';
}

/**
 * The phase after adding a bin of WoE `next` after one of WoE `previous`, or -1 when the trend
 * forbids it. Phase 0: before the turn of a peak or valley (or any monotone trend); 1: after it.
 */
function nextPhase(trend: MonotonicTrend, phase: number, previous: number, next: number): number {
  const up = next > previous;
  const down = next < previous;
  switch (trend) {
    case 'none':
      return 0;
    case 'ascending':
      return up ? 0 : -1;
    case 'descending':
      return down ? 0 : -1;
    case 'peak':
      if (phase === 0) return up ? 0 : down ? 1 : -1;
      return down ? 1 : -1;
    case 'valley':
      if (phase === 0) return down ? 0 : up ? 1 : -1;
      return up ? 1 : -1;
  }
}

/** Per candidate bin [a, b): whether it meets the constraints, its WoE and its IV term. */
interface RangeTable {
  m: number;
  ok: Uint8Array;
  woe: Float64Array;
  term: Float64Array;
}

function rangeTable(problem: MergeProblem, nBins: number): RangeTable {
  const { prebins, fixed } = problem;
  const m = prebins.length;
  const all = sumCounts([...prebins, ...fixed]);
  const totals: WoeTotals = { totalEvent: all.nEvent, totalNonevent: all.nNonevent, nBins };
  const minRows = problem.minBinRows;
  const ok = new Uint8Array(m * (m + 1));
  const woe = new Float64Array(m * (m + 1));
  const term = new Float64Array(m * (m + 1));

  // Sum each range in pre-bin order, as the routines sum a final bin, so the floats agree.
  for (let a = 0; a < m; a++) {
    let e = 0;
    let n = 0;
    for (let b = a + 1; b <= m; b++) {
      e += prebins[b - 1].nEvent;
      n += prebins[b - 1].nNonevent;
      const at = a * (m + 1) + b;
      ok[at] = Number(
        e + n >= minRows * (1 - COUNT_SLACK) &&
          e >= problem.minBinEvents * (1 - COUNT_SLACK) &&
          n >= problem.minBinNonevents * (1 - COUNT_SLACK),
      );
      woe[at] = smoothedWoe(e, n, totals, problem.smoothing, problem.shrinkage);
      term[at] = ivTerm(e, n, all, woe[at]);
    }
  }
  return { m, ok, woe, term };
}

function ivTerm(nEvent: number, nNonevent: number, all: Counts, woe: number): number {
  if (all.nEvent === 0 || all.nNonevent === 0) return 0;
  return (nEvent / all.nEvent - nNonevent / all.nNonevent) * woe;
}

/** IV of the fixed bins when there are `nBins` bins in all (passed on in the WoE totals). */
function fixedIv(problem: MergeProblem, nBins: number): number {
  const all = sumCounts([...problem.prebins, ...problem.fixed]);
  const totals: WoeTotals = { totalEvent: all.nEvent, totalNonevent: all.nNonevent, nBins };
  let iv = 0;
  for (const bin of problem.fixed) {
    const woe = smoothedWoe(
      bin.nEvent,
      bin.nNonevent,
      totals,
      problem.smoothing,
      problem.shrinkage,
    );
    iv += ivTerm(bin.nEvent, bin.nNonevent, all, woe);
  }
  return iv;
}

/**
 * The best partition into exactly `k` bins that follows `trend`, or null when none is feasible.
 * Dynamic programming; a numeric kernel, so longer than most functions.
 */
function bestWithBins(problem: MergeProblem, trend: MonotonicTrend, k: number): Merge | null {
  const table = rangeTable(problem, k + problem.fixed.length);
  const { m, ok, woe, term } = table;
  const range = (a: number, b: number) => a * (m + 1) + b;
  const state = (c: number, a: number, b: number, phase: number) =>
    ((c * m + a) * (m + 1) + b) * 2 + phase;
  const value = new Float64Array((k + 1) * m * (m + 1) * 2).fill(-Infinity);
  const from = new Int32Array(value.length).fill(-1);

  // One bin: it must start at pre-bin 0.
  for (let b = 1; b <= m; b++) {
    if (ok[range(0, b)]) value[state(1, 0, b, 0)] = term[range(0, b)];
  }

  // c bins: extend each best (c - 1)-bin prefix ending at a by the bin [a, b).
  for (let c = 2; c <= k; c++) {
    for (let b = c; b <= m; b++) {
      for (let a = c - 1; a < b; a++) {
        if (!ok[range(a, b)]) continue;
        for (let before = c - 2; before < a; before++) {
          for (let phase = 0; phase < 2; phase++) {
            const previous = value[state(c - 1, before, a, phase)];
            if (previous === -Infinity) continue;
            const next = nextPhase(trend, phase, woe[range(before, a)], woe[range(a, b)]);
            if (next < 0) continue;
            const candidate = previous + term[range(a, b)];
            if (candidate > value[state(c, a, b, next)]) {
              value[state(c, a, b, next)] = candidate;
              from[state(c, a, b, next)] = before * 2 + phase;
            }
          }
        }
      }
    }
  }

  // The best full partition, then walk back to the bins' starts.
  let best = -1;
  let last = -1;
  for (let a = k - 1; a < m; a++) {
    for (let phase = 0; phase < 2; phase++) {
      const at = state(k, a, m, phase);
      if (value[at] > -Infinity && (best < 0 || value[at] > value[best])) [best, last] = [at, a];
    }
  }
  if (best < 0) return null;
  const starts: number[] = [];
  const woes: number[] = [];
  let [at, a, b] = [best, last, m];
  for (let c = k; c >= 1; c--) {
    starts.unshift(a);
    woes.unshift(woe[range(a, b)]);
    if (c === 1) break;
    const link = from[at];
    [at, a, b] = [state(c - 1, link >> 1, a, link & 1), link >> 1, a];
  }
  return { starts, woes, iv: value[best] + fixedIv(problem, k + problem.fixed.length) };
}

/**
 * The partition of highest IV that follows `trend`, over every number of bins up to `maxBins`;
 * null when not even one bin meets the minimum counts. Ties go to fewer bins.
 */
export function mergePrebins(problem: MergeProblem, trend: MonotonicTrend): Merge | null {
  let best: Merge | null = null;
  const most = Math.min(problem.maxBins, problem.prebins.length);
  for (let k = 1; k <= most; k++) {
    const merge = bestWithBins(problem, trend, k);
    if (merge !== null && (best === null || merge.iv > best.iv + IV_TIE)) best = merge;
  }
  return best;
}

function better(first: Merge | null, second: Merge | null): Merge | null {
  if (first === null) return second;
  if (second === null) return first;
  return second.iv > first.iv + IV_TIE ? second : first;
}

/**
 * The 'auto' rule: the better of ascending and descending; a peak or valley instead only when
 * its IV is at least AUTO_TURN_MIN_RATIO times and AUTO_TURN_MIN_GAIN above the monotone one.
 */
function autoMerge(problem: MergeProblem): Merge | null {
  const monotone = better(mergePrebins(problem, 'ascending'), mergePrebins(problem, 'descending'));
  const turning = better(mergePrebins(problem, 'peak'), mergePrebins(problem, 'valley'));
  if (monotone === null || turning === null) return monotone ?? turning;
  const clearlyBetter =
    turning.iv >= monotone.iv * AUTO_TURN_MIN_RATIO &&
    turning.iv - monotone.iv >= AUTO_TURN_MIN_GAIN;
  return clearlyBetter ? turning : monotone;
}

/** All pre-bins in one bin, whatever the constraints. */
function wholeMerge(problem: MergeProblem): Merge {
  const nBins = 1 + problem.fixed.length;
  const all = sumCounts([...problem.prebins, ...problem.fixed]);
  const regular = sumCounts(problem.prebins);
  const totals: WoeTotals = { totalEvent: all.nEvent, totalNonevent: all.nNonevent, nBins };
  const woe = smoothedWoe(
    regular.nEvent,
    regular.nNonevent,
    totals,
    problem.smoothing,
    problem.shrinkage,
  );
  const iv = ivTerm(regular.nEvent, regular.nNonevent, all, woe) + fixedIv(problem, nBins);
  return { starts: [0], woes: [woe], iv };
}

const round3 = (x: number) => Number(x.toFixed(3));

function constraintsText(problem: MergeProblem): string {
  return (
    `each bin holding at least ${round3(100 * problem.minBinSize)}% of rows, ` +
    `${problem.minBinEvents} won and ${problem.minBinNonevents} lost, at most ` +
    `${problem.maxBins} bins`
  );
}

function relaxedWarning(problem: MergeProblem, requested: string, used: Merge): Warning {
  return {
    code: 'CONSTRAINT_INFEASIBLE',
    message:
      `monotonic trend '${requested}' allows only one bin under the constraints ` +
      `(${constraintsText(problem)}); binned with the trend the data follow instead: ` +
      `'${trendOf(used.woes)}', ${used.starts.length} bins, IV ${round3(used.iv)}`,
  };
}

function countsWarning(problem: MergeProblem): Warning {
  const regular = sumCounts(problem.prebins);
  return {
    code: 'CONSTRAINT_INFEASIBLE',
    message:
      `no bin can hold at least ${problem.minBinEvents} won and ${problem.minBinNonevents} ` +
      `lost: the non-missing, non-special rows hold ${round3(regular.nEvent)} won and ` +
      `${round3(regular.nNonevent)} lost; kept them in one bin`,
  };
}

/**
 * The final partition for a requested trend, with warnings. 'auto' and 'none' are always met.
 * A requested trend that allows only one bin while an unconstrained search finds more is relaxed
 * to the 'auto' choice (or to no trend), with a `CONSTRAINT_INFEASIBLE` warning saying so; when
 * no bin can meet the minimum counts, all pre-bins become one bin, with a warning if there were
 * several pre-bins.
 */
export function chooseMerge(
  problem: MergeProblem,
  requested: MonotonicTrendOption,
): { merge: Merge; warnings: Warning[] } {
  const m = problem.prebins.length;
  const merge = requested === 'auto' ? autoMerge(problem) : mergePrebins(problem, requested);

  // A requested trend that leaves one bin although the data allow more: relax it.
  if (requested !== 'auto' && requested !== 'none' && (merge?.starts.length ?? 1) === 1) {
    const free = mergePrebins(problem, 'none');
    if (free !== null && free.starts.length > 1) {
      const detected = autoMerge(problem);
      const used = detected !== null && detected.starts.length > 1 ? detected : free;
      return { merge: used, warnings: [relaxedWarning(problem, requested, used)] };
    }
  }

  // Nothing meets the minimum counts: one bin.
  if (merge === null) {
    return { merge: wholeMerge(problem), warnings: m > 1 ? [countsWarning(problem)] : [] };
  }
  return { merge, warnings: [] };
}

/**
 * Gives counted bins their event rate and WoE (an empty cell counting `smoothing`, see `woe.ts`)
 * and totals up the result.
 *
 * @param bins - all bins of the column: `nRegular` regular bins first, then the others.
 */
export function binningResult(
  bins: readonly CountedBin[],
  nRegular: number,
  options: Pick<BinningOptions, 'smoothing' | 'shrinkage' | 'minBinSize' | 'shrinkSmallBins'>,
  warnings: Warning[],
): BinningResult {
  const all = sumCounts(bins);
  const minRows = options.minBinSize * (all.nEvent + all.nNonevent);
  const totals: WoeTotals = {
    totalEvent: all.nEvent,
    totalNonevent: all.nNonevent,
    nBins: bins.length,
  };
  const withWoe: RawBin[] = bins.map((bin) => {
    const rows = bin.nEvent + bin.nNonevent;
    const woe = smoothedWoe(
      bin.nEvent,
      bin.nNonevent,
      totals,
      options.smoothing,
      options.shrinkage,
    );
    // A bin under the minimum size (only rare levels, missing values or special codes can be)
    // is shrunk toward 0 in proportion to its size: 14 deals do not earn a full weight.
    const small = options.shrinkSmallBins && rows < minRows ? rows / minRows : 1;
    return { ...bin, eventRate: rows > 0 ? bin.nEvent / rows : 0, woe: woe * small };
  });

  // Only a bin with an empty cell can add a negative IV term: one with no won rows and fewer
  // than s N / E lost rows (or the mirror case), so s outweighs its real share. Report 0 then.
  return {
    bins: withWoe,
    iv: Math.max(0, informationValue(withWoe)),
    monotonicTrend: trendOf(withWoe.slice(0, nRegular).map((bin) => bin.woe)),
    warnings,
  };
}
