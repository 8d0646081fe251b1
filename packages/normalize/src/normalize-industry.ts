/** Mapping one industry value, outside any definition (for exploring data and for tests). */
import { compileCategoryMatcher, type CategoryMatch } from '@fitgate/core';
import { industryTaxonomy, type IndustryTaxonomy } from './industry-taxonomy.js';

const matchers = new WeakMap<IndustryTaxonomy, (text: string) => CategoryMatch>();
let defaultTaxonomy: IndustryTaxonomy | undefined;

/**
 * The industry a value maps to in `taxonomy`, with the method and the confidence, or null and the
 * reason it is unmapped. A definition applies the same matching through `industryNormalizer`.
 *
 * @example
 * normalizeIndustry('technolgy') // => { label: 'technology', method: 'fuzzy', confidence: 0.9 }
 * normalizeIndustry('IT')        // => { label: 'technology', method: 'alias', confidence: 1, ... }
 */
export function normalizeIndustry(value: string, taxonomy?: IndustryTaxonomy): CategoryMatch {
  const chosen = taxonomy ?? (defaultTaxonomy ??= industryTaxonomy());
  let match = matchers.get(chosen);
  if (match === undefined) {
    match = compileCategoryMatcher(chosen.aliases, { fuzzyFloor: chosen.fuzzyFloor });
    matchers.set(chosen, match);
  }
  return match(value);
}
