/**
 * Finding the bin of a raw value: the one lookup shared by `deriveIcp` (to code deals as WoE)
 * and `qualify` (to score leads), so both read a value exactly the same way.
 */
import type { Bin } from './schema.js';
import { isMissing } from './missing-tokens.js';
import { parseNumber, type DecimalSeparator } from './parse-number.js';

/** The value is missing and the attribute has no missing bin. */
export const LOCATE_MISSING = -1;
/** The value was never seen in training (a new category, or a special code with no bin). */
export const LOCATE_UNSEEN = -2;
/** A numeric attribute got something that is not a number. */
export const LOCATE_BAD_VALUE = -3;

/** How raw text is read: missing tokens and the decimal separator. */
export interface ParsingRules {
  missingTokens: ReadonlySet<string>;
  decimal: DecimalSeparator;
}

/** A function from a raw value to a bin index (>= 0) or one of the LOCATE_* codes. */
export type BinLocator = (raw: unknown) => number;

/**
 * Distinct texts remembered per attribute. Real columns repeat a few thousand texts millions of
 * times, so remembering them turns parsing, missing-token checks and the search into one lookup.
 */
const LOCATOR_MEMORY = 65_536;

/** Remember the answer for each distinct text (up to LOCATOR_MEMORY of them). */
function remembered(locate: BinLocator): BinLocator {
  const memory = new Map<string, number>();
  return (raw) => {
    if (typeof raw !== 'string') return locate(raw);
    const known = memory.get(raw);
    if (known !== undefined) return known;
    const index = locate(raw);
    if (memory.size < LOCATOR_MEMORY) memory.set(raw, index);
    return index;
  };
}

function textOf(raw: unknown): string {
  return typeof raw === 'string' ? raw.trim() : String(raw).trim();
}

/** Index of the range bin holding x: the last whose lower bound is <= x (bounds sorted). */
function rangeIndex(lowers: Float64Array, indices: Int32Array, x: number): number {
  let lo = 0;
  let hi = lowers.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lowers[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return indices[lo];
}

function specialIndex(bins: readonly Bin[]): Map<string, number> {
  const specials = new Map<string, number>();
  bins.forEach((bin, i) => {
    if (bin.kind === 'special') for (const v of bin.specialValues ?? []) specials.set(v.trim(), i);
  });
  return specials;
}

function numericLocator(bins: readonly Bin[], rules: ParsingRules): BinLocator {
  const missingBin = bins.findIndex((b) => b.kind === 'missing');
  const specials = specialIndex(bins);
  const specialNumbers = new Map<number, number>();
  for (const [text, i] of specials) {
    const x = parseNumber(text, rules.decimal);
    if (!Number.isNaN(x)) specialNumbers.set(x, i);
  }
  const ranges = bins.map((b, i) => ({ b, i })).filter(({ b }) => b.kind === 'range');
  ranges.sort((p, q) => (p.b.lower ?? -Infinity) - (q.b.lower ?? -Infinity));
  const lowers = Float64Array.from(ranges, ({ b }) => b.lower ?? -Infinity);
  const indices = Int32Array.from(ranges, ({ i }) => i);

  return (raw) => {
    if (isMissing(raw, rules.missingTokens)) return missingBin >= 0 ? missingBin : LOCATE_MISSING;
    const x = typeof raw === 'number' ? raw : parseNumber(raw, rules.decimal);
    if (Number.isNaN(x)) return specials.get(textOf(raw)) ?? LOCATE_BAD_VALUE;
    const special = specialNumbers.get(x);
    if (special !== undefined) return special;
    if (!Number.isFinite(x) || indices.length === 0) return LOCATE_BAD_VALUE;
    return rangeIndex(lowers, indices, x);
  };
}

function categoricalLocator(bins: readonly Bin[], rules: ParsingRules): BinLocator {
  const missingBin = bins.findIndex((b) => b.kind === 'missing');
  const levels = specialIndex(bins);
  bins.forEach((bin, i) => {
    for (const level of bin.categories ?? []) levels.set(level, i);
  });
  return (raw) => {
    if (isMissing(raw, rules.missingTokens)) return missingBin >= 0 ? missingBin : LOCATE_MISSING;
    return levels.get(textOf(raw)) ?? LOCATE_UNSEEN;
  };
}

/**
 * Compile an attribute's bins into a locator. Categories match after trimming, case-sensitively
 * (normalisers declared in the definition fold case where that is wanted).
 */
export function binLocator(
  attribute: { type: 'numeric' | 'categorical'; bins: readonly Bin[] },
  rules: ParsingRules,
): BinLocator {
  return remembered(
    attribute.type === 'numeric'
      ? numericLocator(attribute.bins, rules)
      : categoricalLocator(attribute.bins, rules),
  );
}
