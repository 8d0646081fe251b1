/**
 * Matching a free-text category (an industry, a country) to one of a list of labels: by canonical
 * text against each label and its aliases, then by a fuzzy match with a confidence. Below the
 * confidence floor a value is unmapped, never put in a catch-all label.
 */
import { FitgateError } from '../errors.js';
import { canonicalText } from './canonical-text.js';
import { DEFAULT_FUZZY_FLOOR } from './normalizer-spec.js';
import { textSimilarity } from './text-similarity.js';

/**
 * The longest category text that is matched. The longest industry names in common taxonomies run
 * to about 60 characters; longer text is unmapped without being compared, so no input is slow.
 */
export const MAX_CATEGORY_LENGTH = 200;

/** How a category value matched. */
export type CategoryMethod = 'exact' | 'alias' | 'fuzzy';

/** The result of matching one value. `label` is null when the value is unmapped. */
export interface CategoryMatch {
  label: string | null;
  /** `exact`: the label itself; `alias`: one of its aliases; `fuzzy`: a close spelling. */
  method: CategoryMethod | null;
  /** 1 for exact and alias matches, the similarity for fuzzy ones, 0 when unmapped. */
  confidence: number;
  /** The canonical text of the label or alias that matched, or the closest one when unmapped. */
  nearest: string | null;
  /** The value's canonical text (cut to `MAX_CATEGORY_LENGTH` characters first). */
  canonical: string;
  /** Why the value is unmapped; null when it matched. */
  reason: string | null;
}

/** Options of `compileCategoryMatcher`. */
export interface CategoryMatcherOptions {
  /**
   * The similarity (0 to 1, see `textSimilarity`) a fuzzy match needs; 1 turns fuzzy matching off.
   * @default DEFAULT_FUZZY_FLOOR (0.85)
   */
  fuzzyFloor?: number;
}

interface Candidate {
  key: string;
  label: string;
  length: number;
}

/**
 * A function that matches text to one of the labels of `aliases` (label -> other spellings).
 *
 * Matching compares canonical text (see `canonicalText`): first the labels and aliases exactly,
 * then every label and alias by `textSimilarity`, keeping the closest if it reaches `fuzzyFloor`.
 * When the closest spellings belong to two labels equally, the value is ambiguous and unmapped.
 * Throws `BAD_OPTION` when two labels claim the same alias.
 *
 * @example
 * const match = compileCategoryMatcher({ technology: ['tech', 'IT'] });
 * match('Technolgy') // => { label: 'technology', method: 'fuzzy', confidence: 0.9, ... }
 * match('Finance')   // => { label: null, method: null, confidence: 0, reason: '...', ... }
 */
export function compileCategoryMatcher(
  aliases: Readonly<Record<string, readonly string[]>>,
  options: CategoryMatcherOptions = {},
): (text: string) => CategoryMatch {
  const fuzzyFloor = options.fuzzyFloor ?? DEFAULT_FUZZY_FLOOR;
  if (!(fuzzyFloor >= 0 && fuzzyFloor <= 1)) {
    throw new FitgateError(
      'BAD_OPTION',
      `fuzzyFloor must be between 0 and 1; got ${String(fuzzyFloor)}`,
    );
  }
  const { exact, candidates } = indexAliases(aliases);

  return (text) => {
    // Length first: nothing longer than the limit is scanned.
    const canonical = canonicalText(text.slice(0, MAX_CATEGORY_LENGTH));
    if (text.length > MAX_CATEGORY_LENGTH) {
      return unmapped(canonical, null, `longer than ${MAX_CATEGORY_LENGTH} characters`);
    }

    // Exact: the label or one of its aliases, by canonical text.
    const hit = exact.get(canonical);
    if (hit !== undefined) {
      const method = hit.key === canonicalText(hit.label) ? 'exact' : 'alias';
      return { label: hit.label, method, confidence: 1, nearest: hit.key, canonical, reason: null };
    }
    return fuzzyMatch(canonical, candidates, fuzzyFloor);
  };
}

/** Canonical text of every label and alias, for exact lookup and for fuzzy comparison. */
function indexAliases(aliases: Readonly<Record<string, readonly string[]>>): {
  exact: Map<string, Candidate>;
  candidates: Candidate[];
} {
  const exact = new Map<string, Candidate>();
  for (const [label, list] of Object.entries(aliases)) {
    for (const alias of [label, ...list]) {
      const key = canonicalText(alias);
      const claimed = exact.get(key);
      if (claimed !== undefined && claimed.label !== label) {
        throw new FitgateError(
          'BAD_OPTION',
          `alias "${alias}" is claimed by both "${claimed.label}" and "${label}"`,
          { value: alias },
        );
      }
      if (key !== '') exact.set(key, { key, label, length: Array.from(key).length });
    }
  }

  // A fixed order makes ties, and so results, the same on every run.
  const candidates = [...exact.values()].sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
  return { exact, candidates };
}

/** The closest label by similarity, if it reaches the floor and no other label is as close. */
function fuzzyMatch(
  canonical: string,
  candidates: readonly Candidate[],
  floor: number,
): CategoryMatch {
  if (canonical === '') return unmapped(canonical, null, 'no letter or digit');
  const length = Array.from(canonical).length;
  let best: Candidate | null = null;
  let bestScore = -1;
  let rival: Candidate | null = null;

  for (const candidate of candidates) {
    // Strings whose lengths differ too much cannot reach the best so far: skip the comparison.
    const upperBound = 1 - Math.abs(length - candidate.length) / Math.max(length, candidate.length);
    if (upperBound < bestScore) continue;
    const score = textSimilarity(canonical, candidate.key);
    if (score > bestScore) [best, bestScore, rival] = [candidate, score, null];
    else if (score === bestScore && best !== null && candidate.label !== best.label)
      rival ??= candidate;
  }

  if (best === null || bestScore < floor || floor === 1) {
    const closest = best === null ? '' : ` (closest: "${best.key}", ${bestScore.toFixed(2)})`;
    return unmapped(
      canonical,
      best?.key ?? null,
      `no label or alias within similarity ${floor}${closest}`,
    );
  }
  if (rival !== null) {
    return unmapped(
      canonical,
      best.key,
      `ambiguous: as close to "${best.key}" (${best.label}) as to "${rival.key}" (${rival.label})`,
    );
  }
  return {
    label: best.label,
    method: 'fuzzy',
    confidence: bestScore,
    nearest: best.key,
    canonical,
    reason: null,
  };
}

function unmapped(canonical: string, nearest: string | null, reason: string): CategoryMatch {
  return { label: null, method: null, confidence: 0, nearest, canonical, reason };
}
