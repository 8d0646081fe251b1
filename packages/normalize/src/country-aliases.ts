/**
 * Internal: country names and codes from `i18n-iso-countries` (its JSON data only, so nothing
 * here needs Node), as aliases of each ISO 3166-1 alpha-2 code.
 */
import { canonicalText } from '@fitgate/core';
import codes from 'i18n-iso-countries/codes.json' with { type: 'json' };
import de from 'i18n-iso-countries/langs/de.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import it from 'i18n-iso-countries/langs/it.json' with { type: 'json' };
import nl from 'i18n-iso-countries/langs/nl.json' with { type: 'json' };
import pt from 'i18n-iso-countries/langs/pt.json' with { type: 'json' };

/** The languages whose country names can be matched. */
export const COUNTRY_LOCALES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl'] as const;
export type CountryLocale = (typeof COUNTRY_LOCALES)[number];

type Names = Record<string, string | string[]>;
const NAMES: Record<CountryLocale, Names> = {
  en: en.countries,
  de: de.countries,
  fr: fr.countries,
  es: es.countries,
  it: it.countries,
  pt: pt.countries,
  nl: nl.countries,
};

/**
 * Names used in business data that the ISO lists leave out or leave ambiguous: in a CRM, "Korea"
 * is South Korea, and England, Scotland, Wales and Northern Ireland are filed under the United
 * Kingdom.
 */
const BUSINESS_ALIASES: Readonly<Record<string, readonly string[]>> = {
  KR: ['Korea'],
  GB: ['England', 'Scotland', 'Wales', 'Northern Ireland', 'Britain'],
  US: ['America'],
  NL: ['Holland'],
  CZ: ['Czech'],
};

/** Alpha-2 code -> alpha-3 code. */
export const ALPHA3: ReadonlyMap<string, string> = new Map(codes.map(([a2, a3]) => [a2, a3]));

/**
 * Each alpha-2 code with its aliases: its alpha-3 code, its names in `locales` and the business
 * aliases. A name that two countries share ("Congo", for both Congos) belongs to neither, and a
 * name that reads like another country's code is dropped: such values stay unmapped.
 */
export function countryAliases(locales: readonly CountryLocale[]): Record<string, string[]> {
  // Every candidate name of every country, in a fixed order.
  const candidates: Array<[string, string]> = [];
  for (const locale of locales) {
    for (const [code, value] of Object.entries(NAMES[locale])) {
      for (const name of [value].flat()) candidates.push([code, name]);
    }
  }
  for (const [code, list] of Object.entries(BUSINESS_ALIASES)) {
    for (const name of list) candidates.push([code, name]);
  }

  // Who claims each canonical text: codes claim their own, names add their country.
  const owners = new Map<string, Set<string>>();
  const claim = (key: string, code: string) =>
    owners.set(key, (owners.get(key) ?? new Set()).add(code));
  for (const [a2, a3] of ALPHA3) [a2, a3].forEach((c) => claim(canonicalText(c), a2));
  const codeKeys = new Set(owners.keys());
  for (const [code, name] of candidates) {
    const key = canonicalText(name);
    if (!codeKeys.has(key)) claim(key, code);
  }

  // Keep, for each code, its alpha-3 code and the names that belong to it alone.
  const aliases: Record<string, string[]> = {};
  for (const [a2, a3] of ALPHA3) aliases[a2] = [a3];
  for (const [code, name] of candidates) {
    const owner = owners.get(canonicalText(name));
    const list = aliases[code];
    if (list !== undefined && owner?.size === 1 && owner.has(code) && !list.includes(name))
      list.push(name);
  }
  return aliases;
}
