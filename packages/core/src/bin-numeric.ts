/**
 * Supervised binning of a numeric column: quantile pre-bins, merged into the bins of highest
 * information value under size, count and trend constraints, with missing values and declared
 * special codes in bins of their own.
 */
import {
  checkOutcomes,
  resolveBinningOptions,
  type BinningOptions,
  type BinningResult,
} from './binning-types.js';
import { FitgateError } from './errors.js';
import {
  binningResult,
  chooseMerge,
  type CountedBin,
  type Counts,
  type Merge,
  type MergeProblem,
} from './merge-prebins.js';
import type { Warning } from './schema.js';

/** Doubles carry at most 17 significant digits: no rounder edge is looked for below that. */
const MAX_EDGE_DIGITS = 17;

/** Row kinds in the first pass; special codes are numbered from SPECIAL_ROW up. */
const REGULAR_ROW = 0;
const MISSING_ROW = 1;
const SPECIAL_ROW = 2;

/**
 * Bins a numeric column for a won (1) / lost (0) outcome.
 *
 * Steps:
 * 1. NaN is missing; values equal to a declared special code are special. Each seen special code,
 *    and missing if any row is missing, gets a bin of its own that is never merged.
 * 2. Pre-bins: the other values are sorted once; cuts are placed at `maxPrebins` row quantiles,
 *    each moved to the first row of its value, so that a value is never split. A value that alone
 *    holds `minPrebinSize` of the rows gets a pre-bin of its own (a column 70% zeros gives a
 *    bin for 0 and bins above), and pre-bins under `minPrebinSize` are merged into their smaller
 *    neighbour. Pre-bin cuts use rows; all counts use the weights.
 * 3. Edges: the cut between the values a < b is the roundest decimal in (a, b] (fewest
 *    significant digits, nearest to the midpoint among equally round ones): 33 between 32 and 33,
 *    20 between 17 and 23. It splits the training rows exactly as b would.
 * 4. Merge: the exact search of `merge-prebins.ts` picks the contiguous partition of highest IV
 *    with every bin holding `minBinSize` of the non-missing, non-special rows, `minBinEvents` won,
 *    `minBinNonevents` lost, at most `maxBins` bins, whose WoE follows `monotonicTrend`.
 *    'auto' takes the better of ascending and descending, or a peak / valley when its IV is at
 *    least 10% and 0.01 higher. A requested trend that allows only one bin while the data allow
 *    more is relaxed to the 'auto' choice, with a `CONSTRAINT_INFEASIBLE` warning.
 * 5. WoE of every bin, an empty cell counting `smoothing` (the rule of `woe.ts`), IV over all
 *    bins.
 *
 * A column with one distinct value gives one bin labelled "all values". No regular rows give no
 * regular bins. Ranges are `[lower, upper)`, the first with `lower: null`, the last with
 * `upper: null`. Deterministic; sorts once, O(n log n), and allocates nothing per row.
 *
 * @param x - values, NaN for missing.
 * @param y - 1 won, 0 lost.
 * @param w - row weights (null: all 1).
 * @throws FitgateError `BAD_OPTION` on bad options, lengths, labels, weights or an infinite x.
 *
 * @example
 * const x = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, NaN, -1]);
 * const y = Uint8Array.from([0, 0, 0, 1, 0, 1, 1, 1, 0, 1]);
 * const r = binNumeric(x, y, null, { specialValues: [-1], minBinSize: 0.25 });
 * r.bins.map((b) => b.label); // => ['< 5', '>= 5', 'special -1', 'missing']
 */
export function binNumeric(
  x: Float64Array,
  y: Uint8Array,
  w: Float64Array | null,
  options: Partial<BinningOptions> = {},
): BinningResult {
  const o = resolveBinningOptions(options);
  checkOutcomes(x.length, y, w);
  const specials = specialNumbers(o.specialValues);

  // Sort the regular values once, count special and missing rows.
  const rows = splitRows(x, y, w, specials);

  // Pre-bins: cuts between distinct values, their edges, and their counts.
  const bounds = prebinBounds(rows.sorted, o.maxPrebins, o.minPrebinSize);
  const edges = Float64Array.from(bounds.slice(1, -1), (c) =>
    niceEdge(rows.sorted[c - 1], rows.sorted[c]),
  );
  const prebins = rows.sorted.length === 0 ? [] : countPrebins(x, y, w, rows.kind, edges);

  // Merge pre-bins by the exact search.
  const others = otherBins(rows, specials);
  const { merge, warnings } = mergeOrNone(prebins, others, o);

  // Build the bins and give them WoE.
  const regular = rangeBins(merge, prebins, edges);
  return binningResult([...regular, ...others], regular.length, o, warnings);
}

/** The declared special codes as distinct numbers, in the order given; NaN codes are dropped,
 * as NaN already means missing. */
function specialNumbers(values: readonly (number | string)[]): number[] {
  const numbers: number[] = [];
  for (const value of values) {
    const text = typeof value === 'string' ? value.trim() : value;
    const number = text === '' ? NaN : Number(text);
    if (!Number.isNaN(number) && !numbers.includes(number)) numbers.push(number);
  }
  return numbers;
}

interface SplitRows {
  /** The regular values, sorted ascending. */
  sorted: Float64Array;
  /** Per row: REGULAR_ROW, MISSING_ROW, or SPECIAL_ROW + index of its special code. */
  kind: Uint8Array | Uint16Array;
  /** Won / lost counts and row counts of each special code and of missing. */
  special: { counts: Counts; rows: number }[];
  missing: { counts: Counts; rows: number };
}

function splitRows(
  x: Float64Array,
  y: Uint8Array,
  w: Float64Array | null,
  specials: readonly number[],
): SplitRows {
  const n = x.length;
  const values = new Float64Array(n);
  const kind = specials.length < 254 ? new Uint8Array(n) : new Uint16Array(n);
  const special = specials.map(() => ({ counts: { nEvent: 0, nNonevent: 0 }, rows: 0 }));
  const missing = { counts: { nEvent: 0, nNonevent: 0 }, rows: 0 };
  let regular = 0;

  // One pass: classify each row, keep regular values, count the others.
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (v === Infinity || v === -Infinity) {
      throw new FitgateError('BAD_OPTION', `x must be finite or NaN (missing); got ${v}`, {
        row: i,
        value: v,
      });
    }
    const s = Number.isNaN(v) ? -1 : specials.indexOf(v);
    if (Number.isNaN(v) || s >= 0) {
      const target = s >= 0 ? special[s] : missing;
      kind[i] = s >= 0 ? SPECIAL_ROW + s : MISSING_ROW;
      target.rows += 1;
      if (y[i] === 1) target.counts.nEvent += w === null ? 1 : w[i];
      else target.counts.nNonevent += w === null ? 1 : w[i];
      continue;
    }
    values[regular++] = v;
  }
  return { sorted: values.subarray(0, regular).sort(), kind, special, missing };
}

/** First index whose value is >= v (or > v when `after`), in a sorted array. */
function searchSorted(sorted: Float64Array, v: number, after: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < v || (after && sorted[mid] === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Row bounds of the pre-bins in the sorted values: [0, c1, ..., n], each cut at the first row of
 * a value. Quantile cuts, a pre-bin for each heavy value, then small pre-bins merged away.
 */
function prebinBounds(sorted: Float64Array, maxPrebins: number, minPrebinSize: number): number[] {
  const n = sorted.length;
  if (n === 0) return [0];
  const minRows = minPrebinSize * n;
  const cuts = new Set<number>();
  for (let i = 1; i < maxPrebins; i++) {
    const value = sorted[Math.floor((i * n) / maxPrebins)];
    const first = searchSorted(sorted, value, false);
    const end = searchSorted(sorted, value, true);
    cuts.add(first);
    if (end - first >= minRows) cuts.add(end);
  }
  const inner = [...cuts].filter((c) => c > 0 && c < n).sort((a, b) => a - b);
  return mergeSmallPrebins([0, ...inner, n], minRows, maxPrebins);
}

/**
 * Removes cuts until every pre-bin holds `minRows` rows and there are at most `maxPrebins`: the
 * smallest pre-bin (leftmost on ties) joins its smaller neighbour (the left one on ties).
 */
function mergeSmallPrebins(bounds: number[], minRows: number, maxPrebins: number): number[] {
  const size = (j: number) => bounds[j + 1] - bounds[j];
  while (bounds.length > 2) {
    const count = bounds.length - 1;
    let smallest = 0;
    for (let j = 1; j < count; j++) if (size(j) < size(smallest)) smallest = j;
    if (size(smallest) >= minRows && count <= maxPrebins) break;
    const left = smallest > 0 ? size(smallest - 1) : Infinity;
    const right = smallest < count - 1 ? size(smallest + 1) : Infinity;
    bounds.splice(left <= right ? smallest : smallest + 1, 1);
  }
  return bounds;
}

/** x / 10^p, computed so that decimal steps (p < 0) stay as exact as doubles allow. */
function inSteps(x: number, p: number): number {
  return p >= 0 ? x / 10 ** p : x * 10 ** -p;
}

function fromSteps(k: number, p: number): number {
  return p >= 0 ? k * 10 ** p : k / 10 ** -p;
}

/**
 * The roundest decimal in (below, at]: the coarsest power of ten with a multiple in the interval,
 * and of those multiples the nearest to the midpoint (the larger on ties). `at` if none is found.
 *
 * @internal Exported for tests only.
 */
export function niceEdge(below: number, at: number): number {
  const middle = below / 2 + at / 2;
  const top = Math.floor(Math.log10(Math.max(Math.abs(below), Math.abs(at)))) + 1;
  for (let p = top; p >= top - MAX_EDGE_DIGITS; p--) {
    const lowest = Math.floor(inSteps(below, p)) + 1;
    const highest = Math.floor(inSteps(at, p));
    if (!(lowest <= highest)) continue;
    const k = Math.min(highest, Math.max(lowest, Math.round(inSteps(middle, p))));
    const edge = fromSteps(k, p) + 0;
    if (edge > below && edge <= at) return edge;
  }
  return at;
}

/** Number of edges <= v: the index of v's pre-bin, ranges being [lower, upper). */
function prebinIndex(edges: Float64Array, v: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Won and lost (weighted) counts of each pre-bin. */
function countPrebins(
  x: Float64Array,
  y: Uint8Array,
  w: Float64Array | null,
  kind: Uint8Array | Uint16Array,
  edges: Float64Array,
): Counts[] {
  const nEvent = new Float64Array(edges.length + 1);
  const nNonevent = new Float64Array(edges.length + 1);
  for (let i = 0; i < x.length; i++) {
    if (kind[i] !== REGULAR_ROW) continue;
    const j = prebinIndex(edges, x[i]);
    if (y[i] === 1) nEvent[j] += w === null ? 1 : w[i];
    else nNonevent[j] += w === null ? 1 : w[i];
  }
  return Array.from(nEvent, (e, j) => ({ nEvent: e, nNonevent: nNonevent[j] }));
}

/** The special bins seen, in the order declared, then the missing bin if any row is missing. */
function otherBins(rows: SplitRows, specials: readonly number[]): CountedBin[] {
  const bins: CountedBin[] = [];
  rows.special.forEach((s, i) => {
    if (s.rows === 0) return;
    const text = String(specials[i]);
    bins.push({ kind: 'special', label: `special ${text}`, specialValues: [text], ...s.counts });
  });
  if (rows.missing.rows > 0)
    bins.push({ kind: 'missing', label: 'missing', ...rows.missing.counts });
  return bins;
}

/** The merge for the options, or no bins when there are no pre-bins. */
function mergeOrNone(
  prebins: Counts[],
  others: readonly CountedBin[],
  o: BinningOptions,
): { merge: Merge; warnings: Warning[] } {
  if (prebins.length === 0) return { merge: { starts: [], woes: [], iv: 0 }, warnings: [] };
  const problem: MergeProblem = {
    prebins,
    fixed: others,
    minBinRows: o.minBinSize * prebins.reduce((sum, p) => sum + p.nEvent + p.nNonevent, 0),
    minBinSize: o.minBinSize,
    minBinEvents: o.minBinEvents,
    minBinNonevents: o.minBinNonevents,
    maxBins: o.maxBins,
    smoothing: o.smoothing,
    shrinkage: o.shrinkage,
  };
  return chooseMerge(problem, o.monotonicTrend);
}

function rangeLabel(lower: number | null, upper: number | null): string {
  if (lower === null && upper === null) return 'all values';
  if (lower === null) return `< ${upper}`;
  if (upper === null) return `>= ${lower}`;
  return `[${lower}, ${upper})`;
}

/** The range bins of a merge, their counts summed in pre-bin order. */
function rangeBins(merge: Merge, prebins: readonly Counts[], edges: Float64Array): CountedBin[] {
  const m = prebins.length;
  return merge.starts.map((a, t) => {
    const b = merge.starts[t + 1] ?? m;
    let nEvent = 0;
    let nNonevent = 0;
    for (let j = a; j < b; j++) {
      nEvent += prebins[j].nEvent;
      nNonevent += prebins[j].nNonevent;
    }
    const lower = a === 0 ? null : edges[a - 1];
    const upper = b === m ? null : edges[b - 1];
    return { kind: 'range', label: rangeLabel(lower, upper), lower, upper, nEvent, nNonevent };
  });
}
