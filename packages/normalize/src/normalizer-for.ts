/** One entry point that builds any kind of normaliser spec, for command lines and configs. */
import { FitgateError, type NormalizerSpec } from '@fitgate/core';
import type { CountryLocale } from './country-aliases.js';
import { countryNormalizer } from './country-normalizer.js';
import { headcountNormalizer } from './headcount-normalizer.js';
import { industryNormalizer } from './industry-normalizer.js';
import type { IndustryTaxonomy } from './industry-taxonomy.js';
import { revenueNormalizer } from './revenue-normalizer.js';
import { titleNormalizer } from './title-normalizer.js';

/** The kinds `normalizerFor` builds. */
export const NORMALIZER_KINDS = ['industry', 'country', 'headcount', 'revenue', 'title'] as const;
export type BuildableKind = (typeof NORMALIZER_KINDS)[number];

/** Options of `normalizerFor`. */
export interface NormalizerForOptions {
  /**
   * The industry taxonomy (see `industryTaxonomy`), for `industry`.
   * @default the default taxonomy
   */
  taxonomy?: IndustryTaxonomy;
  /**
   * Multiplier for revenue numbers written without a suffix, for `revenue`.
   * @default 1
   */
  revenueScale?: number;
  /**
   * The languages of country names, for `country` (see `countryNormalizer`).
   * @default ['en']
   */
  countryLocales?: readonly CountryLocale[];
}

/**
 * The normaliser spec of `kind` for `column`, with the package's defaults: what
 * `fitgate derive --normalize sector=industry` declares. Throws `BAD_OPTION` for an unknown kind,
 * naming the kinds there are.
 *
 * @example
 * normalizerFor('employees', 'headcount').kind // => 'headcount'
 */
export function normalizerFor(
  column: string,
  kind: string,
  options: NormalizerForOptions = {},
): NormalizerSpec {
  switch (kind) {
    case 'industry':
      return industryNormalizer(column, options.taxonomy);
    case 'country':
      return countryNormalizer(column, { locales: options.countryLocales });
    case 'headcount':
      return headcountNormalizer(column);
    case 'revenue':
      return revenueNormalizer(column, { scale: options.revenueScale });
    case 'title':
      return titleNormalizer(column);
    default:
      throw new FitgateError(
        'BAD_OPTION',
        `unknown normaliser kind ${JSON.stringify(kind)} for column "${column}"; ` +
          `kinds are ${NORMALIZER_KINDS.join(', ')}`,
        { column, value: kind },
      );
  }
}
