/** The country normaliser to declare in an ICP definition. */
import {
  DEFAULT_FUZZY_FLOOR,
  FitgateError,
  parseNormalizerSpecs,
  type CategoryNormalizerSpec,
} from '@fitgate/core';
import { countryAliases, COUNTRY_LOCALES, type CountryLocale } from './country-aliases.js';
import { withoutUndefined } from './without-undefined.js';

/** Options of `countryNormalizer` and `countryCode`. */
export interface CountryNormalizerOptions {
  /**
   * The column to write the ISO code to.
   * @default the input column itself
   */
  output?: string;
  /**
   * The languages of the country names to recognise, among `COUNTRY_LOCALES` (en, de, fr, es,
   * it, pt, nl). Each adds about 250 names to the definition.
   * @default ['en']
   */
  locales?: readonly CountryLocale[];
  /**
   * The similarity a misspelt name needs ("Philipines" is 0.91 from "philippines").
   * @default DEFAULT_FUZZY_FLOOR (0.85)
   */
  fuzzyFloor?: number;
}

/**
 * The normaliser spec that maps `column` (country names in the chosen languages, and ISO 3166-1
 * alpha-2 or alpha-3 codes) to alpha-2 codes, with every name in it. Names that two countries
 * share ("Congo") stay unmapped. Throws `BAD_OPTION` for a locale it has no names for.
 *
 * @example
 * countryNormalizer('office_location').aliases.US
 * // => ['USA', 'United States of America', 'United States', 'U.S.A.', 'US', 'U.S.', 'America']
 */
export function countryNormalizer(
  column: string,
  options: CountryNormalizerOptions = {},
): CategoryNormalizerSpec {
  const locales = options.locales ?? ['en'];
  const unknown = locales.filter((l) => !(COUNTRY_LOCALES as readonly string[]).includes(l));
  if (unknown.length > 0) {
    const known = COUNTRY_LOCALES.join(', ');
    throw new FitgateError(
      'BAD_OPTION',
      `no country names for locale(s) ${unknown.join(', ')}; choose among ${known}`,
    );
  }

  const spec = {
    column,
    kind: 'country' as const,
    output: options.output,
    aliases: countryAliases(locales),
    fuzzyFloor: options.fuzzyFloor ?? DEFAULT_FUZZY_FLOOR,
  };
  return parseNormalizerSpecs([withoutUndefined(spec)])[0] as CategoryNormalizerSpec;
}
