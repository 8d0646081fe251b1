/**
 * Supervised binning of a categorical column: rare levels grouped into one "other" bin, the
 * others ordered by win rate and merged into the bins of highest information value, with missing
 * values and declared special codes in bins of their own.
 */
import {
  checkOutcomes,
  resolveBinningOptions,
  type BinningOptions,
  type BinningResult,
} from './binning-types.js';
import {
  binningResult,
  chooseMerge,
  type CountedBin,
  type Counts,
  type Merge,
  type MergeProblem,
  sumCounts,
} from './merge-prebins.js';
import type { Warning } from './schema.js';

/** A label lists at most this many levels, then "+N more"; `categories` always lists all. */
const MAX_LABEL_LEVELS = 6;

/** The label of the bin of rare levels. */
export const OTHER_LABEL = 'other (rare levels)';

/**
 * Bins a categorical column for a won (1) / lost (0) outcome.
 *
 * Steps:
 * 1. null is missing; a value equal to a declared special code is special. Each seen special
 *    code, and missing if any row is missing, gets a bin of its own that is never merged.
 * 2. Levels holding less than `rareShare` of the non-missing, non-special (weighted) rows are
 *    grouped into one bin of kind 'other', labelled "other (rare levels)", also never merged.
 * 3. The other levels are ordered by win rate (ties by name) and, when there are more than
 *    `maxPrebins`, grouped into `maxPrebins` contiguous groups of about equal weight.
 * 4. The exact search of `merge-prebins.ts` merges contiguous levels along that order into the
 *    bins of highest IV, each holding `minBinSize` of the non-missing, non-special rows,
 *    `minBinEvents` won and `minBinNonevents` lost, at most `maxBins` of them, with WoE ascending
 *    along the order. The `monotonicTrend` option does not apply: the order is by win rate.
 * 5. WoE of every bin, an empty cell counting `smoothing` (the rule of `woe.ts`), IV over all
 *    bins.
 *
 * Bins of levels have kind 'categories', list their levels in `categories` (sorted) and are
 * labelled like `{retired, student}`. Values unseen here score as neutral downstream.
 *
 * @param x - values, null for missing. Compared exactly (trim them before).
 * @param y - 1 won, 0 lost.
 * @param w - row weights (null: all 1).
 * @throws FitgateError `BAD_OPTION` on bad options, lengths, labels or weights.
 *
 * @example
 * const x = ['a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c', 'd', null];
 * const y = Uint8Array.from([1, 1, 0, 1, 0, 0, 0, 0, 1, 1, 0]);
 * const r = binCategorical(x, y, null, { rareShare: 0.15, minBinSize: 0.2 });
 * r.bins.map((b) => b.label); // => ['{b, c}', '{a}', 'other (rare levels)', 'missing']
 */
export function binCategorical(
  x: ReadonlyArray<string | null>,
  y: Uint8Array,
  w: Float64Array | null,
  options: Partial<BinningOptions> = {},
): BinningResult {
  const o = resolveBinningOptions(options);
  checkOutcomes(x.length, y, w);
  const specials = [...new Set(o.specialValues.map((v) => String(v)))];

  // Count each level, each special code and missing.
  const counted = countLevels(x, y, w, specials);

  // Set rare levels apart; order the others by win rate and group them into pre-bins.
  const { common, rare } = splitRare(counted.levels, o.rareShare);
  const groups = prebinGroups(common, o.maxPrebins);

  // Merge pre-bins by the exact search, ascending along the win-rate order.
  const others = otherBins(rare, counted, specials);
  const { merge, warnings } = mergeGroups(groups, others, o);

  // Build the bins and give them WoE.
  const regular = categoryBins(merge, groups);
  return binningResult([...regular, ...others], regular.length, o, warnings);
}

/** A level with its won and lost (weighted) counts. */
interface Level extends Counts {
  name: string;
}

interface CountedLevels {
  levels: Level[];
  special: Counts[];
  specialRows: number[];
  missing: Counts;
  missingRows: number;
}

function countLevels(
  x: ReadonlyArray<string | null>,
  y: Uint8Array,
  w: Float64Array | null,
  specials: readonly string[],
): CountedLevels {
  const byName = new Map<string, Level>();
  const special = specials.map(() => ({ nEvent: 0, nNonevent: 0 }));
  const specialRows = specials.map(() => 0);
  const missing = { nEvent: 0, nNonevent: 0 };
  let missingRows = 0;

  // One pass: find each row's counts and add its weight to the won or lost side.
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const s = v === null ? -1 : specials.indexOf(v);
    let target: Counts;
    if (v === null) {
      target = missing;
      missingRows += 1;
    } else if (s >= 0) {
      target = special[s];
      specialRows[s] += 1;
    } else {
      target = byName.get(v) ?? { name: v, nEvent: 0, nNonevent: 0 };
      if (!byName.has(v)) byName.set(v, target as Level);
    }
    if (y[i] === 1) target.nEvent += w === null ? 1 : w[i];
    else target.nNonevent += w === null ? 1 : w[i];
  }
  return { levels: [...byName.values()], special, specialRows, missing, missingRows };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function winRate(c: Counts): number {
  const rows = c.nEvent + c.nNonevent;
  return rows > 0 ? c.nEvent / rows : 0;
}

/** Levels under `rareShare` of the rows apart; the rest ordered by win rate, ties by name. */
function splitRare(levels: Level[], rareShare: number): { common: Level[]; rare: Level[] } {
  const total = levels.reduce((sum, l) => sum + l.nEvent + l.nNonevent, 0);
  const isRare = (l: Level) => total > 0 && (l.nEvent + l.nNonevent) / total < rareShare;
  const common = levels.filter((l) => !isRare(l));
  common.sort((a, b) => winRate(a) - winRate(b) || byText(a.name, b.name));
  const rare = levels.filter(isRare).sort((a, b) => byText(a.name, b.name));
  return { common, rare };
}

/**
 * Contiguous groups of the ordered levels: one per level, or `maxPrebins` groups of about equal
 * weight (a level goes to the group its weight's midpoint falls in).
 */
function prebinGroups(common: Level[], maxPrebins: number): Level[][] {
  if (common.length <= maxPrebins) return common.map((level) => [level]);
  const total = common.reduce((sum, l) => sum + l.nEvent + l.nNonevent, 0);
  const groups: Level[][] = [];
  let before = 0;
  let current = -1;
  for (const level of common) {
    const size = level.nEvent + level.nNonevent;
    const at = total > 0 ? (before + size / 2) / total : 0;
    const group = Math.min(maxPrebins - 1, Math.floor(maxPrebins * at));
    if (group !== current || groups.length === 0) groups.push([]);
    groups[groups.length - 1].push(level);
    current = group;
    before += size;
  }
  return groups;
}

function levelsLabel(names: readonly string[]): string {
  const shown = names.slice(0, MAX_LABEL_LEVELS).join(', ');
  const more = names.length - MAX_LABEL_LEVELS;
  return more > 0 ? `{${shown}, +${more} more}` : `{${shown}}`;
}

/** The "other" bin if any level is rare, the special bins seen, then missing if any. */
function otherBins(
  rare: readonly Level[],
  counted: CountedLevels,
  specials: readonly string[],
): CountedBin[] {
  const bins: CountedBin[] = [];
  if (rare.length > 0) {
    const categories = rare.map((l) => l.name);
    const nEvent = rare.reduce((sum, l) => sum + l.nEvent, 0);
    const nNonevent = rare.reduce((sum, l) => sum + l.nNonevent, 0);
    bins.push({ kind: 'other', label: OTHER_LABEL, categories, nEvent, nNonevent });
  }
  specials.forEach((text, i) => {
    if (counted.specialRows[i] === 0) return;
    const counts = counted.special[i];
    bins.push({ kind: 'special', label: `special ${text}`, specialValues: [text], ...counts });
  });
  if (counted.missingRows > 0) bins.push({ kind: 'missing', label: 'missing', ...counted.missing });
  return bins;
}

/** The merge of the groups, or no bins when there are none. The 'other' bin counts toward the
 * rows `minBinSize` is a share of, as its rows are neither missing nor special. */
function mergeGroups(
  groups: readonly Level[][],
  others: readonly CountedBin[],
  o: BinningOptions,
): { merge: Merge; warnings: Warning[] } {
  if (groups.length === 0) return { merge: { starts: [], woes: [], iv: 0 }, warnings: [] };
  const prebins = groups.map((group) => sumCounts(group));
  const regularRows = sumCounts(groups.flat());
  const other = others.find((b) => b.kind === 'other');
  const otherRows = other === undefined ? 0 : other.nEvent + other.nNonevent;
  const problem: MergeProblem = {
    prebins,
    fixed: others,
    minBinRows: o.minBinSize * (regularRows.nEvent + regularRows.nNonevent + otherRows),
    minBinSize: o.minBinSize,
    minBinEvents: o.minBinEvents,
    minBinNonevents: o.minBinNonevents,
    maxBins: o.maxBins,
    smoothing: o.smoothing,
    shrinkage: o.shrinkage,
  };
  return chooseMerge(problem, 'ascending');
}

/** The bins of levels of a merge, their counts summed in pre-bin order. */
function categoryBins(merge: Merge, groups: readonly Level[][]): CountedBin[] {
  return merge.starts.map((a, t) => {
    const b = merge.starts[t + 1] ?? groups.length;
    const members = groups.slice(a, b);
    let nEvent = 0;
    let nNonevent = 0;
    for (const group of members) {
      const counts = sumCounts(group);
      nEvent += counts.nEvent;
      nNonevent += counts.nNonevent;
    }
    const categories = members
      .flat()
      .map((l) => l.name)
      .sort(byText);
    return { kind: 'categories', label: levelsLabel(categories), categories, nEvent, nNonevent };
  });
}
