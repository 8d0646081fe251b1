/** A country name or code to its ISO 3166-1 codes, outside any definition. */
import { compileCategoryMatcher, type CategoryMatch } from '@fitgate/core';
import { ALPHA3 } from './country-aliases.js';
import { countryNormalizer } from './country-normalizer.js';

/** A matched country, or null codes and the reason. */
export interface CountryMatch {
  /** ISO 3166-1 alpha-2 code ("US"). */
  alpha2: string | null;
  /** ISO 3166-1 alpha-3 code ("USA"). */
  alpha3: string | null;
  method: CategoryMatch['method'];
  confidence: number;
  reason: string | null;
}

let match: ((text: string) => CategoryMatch) | undefined;

/**
 * The ISO codes of a country written as an English name, a common business name ("UK",
 * "Korea", "Holland"), a slightly misspelt name ("Philipines") or an alpha-2 or alpha-3 code.
 * A definition applies the same matching through `countryNormalizer`.
 *
 * @example
 * countryCode('United States')
 * // => { alpha2: 'US', alpha3: 'USA', method: 'alias', confidence: 1, reason: null }
 * countryCode('Philipines')
 * // => { alpha2: 'PH', alpha3: 'PHL', method: 'fuzzy', confidence: 0.909..., reason: null }
 */
export function countryCode(value: string): CountryMatch {
  if (match === undefined) {
    const spec = countryNormalizer('country');
    match = compileCategoryMatcher(spec.aliases, { fuzzyFloor: spec.fuzzyFloor });
  }
  const m = match(value);
  const alpha3 = m.label === null ? null : (ALPHA3.get(m.label) ?? null);
  return { alpha2: m.label, alpha3, method: m.method, confidence: m.confidence, reason: m.reason };
}
