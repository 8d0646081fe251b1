import fc from 'fast-check';
import { compileNormalizers } from '@fitgate/core';
import { describe, expect, it } from 'vitest';
import { countryCode } from '../src/country-code.js';
import { countryNormalizer } from '../src/country-normalizer.js';
import { readGzCsv } from './read-gz-csv.js';

const ACCOUNTS = new URL('../../../data/crm-sales-opportunities/accounts.csv.gz', import.meta.url)
  .pathname;

describe('countryCode', () => {
  it.each([
    ['United States', 'US', 'USA', 'alias'],
    ['USA', 'US', 'USA', 'alias'],
    ['U.S.', 'US', 'USA', 'exact'],
    ['us', 'US', 'USA', 'exact'],
    ['DEU', 'DE', 'DEU', 'alias'],
    ['germany', 'DE', 'DEU', 'alias'],
    ['UK', 'GB', 'GBR', 'alias'],
    ['England', 'GB', 'GBR', 'alias'],
    ['Korea', 'KR', 'KOR', 'alias'],
    ["Côte d'Ivoire", 'CI', 'CIV', 'alias'],
    ['Turkey', 'TR', 'TUR', 'alias'],
  ])('%j -> %s / %s by %s', (name, alpha2, alpha3, method) => {
    expect(countryCode(name)).toMatchObject({ alpha2, alpha3, method, confidence: 1 });
  });

  it('maps the misspelt "Philipines" of crm-sales-opportunities (1 edit in 11: 0.909)', () => {
    const result = countryCode('Philipines');
    expect(result).toMatchObject({ alpha2: 'PH', alpha3: 'PHL', method: 'fuzzy' });
    expect(result.confidence).toBeCloseTo(1 - 1 / 11, 12);
  });

  it('leaves a name two countries share, and nonsense, unmapped', () => {
    expect(countryCode('Congo').alpha2).toBeNull();
    expect(countryCode('Atlantis').alpha2).toBeNull();
    expect(countryCode('Atlantis').reason).toMatch(/^no label or alias within similarity/);
  });

  it('maps every code to itself (property: normalising a normalised value)', () => {
    const { aliases } = countryNormalizer('c');
    // The 249 ISO 3166-1 codes, plus XK (Kosovo), which i18n-iso-countries also lists.
    expect(Object.keys(aliases)).toHaveLength(250);
    for (const code of Object.keys(aliases)) expect(countryCode(code).alpha2).toBe(code);
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        const first = countryCode(text).alpha2;
        if (first !== null) expect(countryCode(first).alpha2).toBe(first);
      }),
    );
  });

  it('maps every office location of the crm-sales-opportunities accounts', () => {
    const { office_location: offices } = readGzCsv(ACCOUNTS);
    const codes = new Set(offices.map((o) => countryCode(o).alpha2));
    expect([...codes].sort()).toEqual([
      'BE',
      'BR',
      'CN',
      'DE',
      'IT',
      'JO',
      'JP',
      'KE',
      'KR',
      'NO',
      'PA',
      'PH',
      'PL',
      'RO',
      'US',
    ]);
  });
});

describe('countryNormalizer', () => {
  it('adds names in other languages when asked', () => {
    const english = compileNormalizers([countryNormalizer('c')]);
    const more = compileNormalizers([countryNormalizer('c', { locales: ['en', 'de', 'fr'] })]);
    expect(english({ c: 'Deutschland' }).c).toBe('unmapped:deutschland');
    expect(more({ c: 'Deutschland' }).c).toBe('DE');
    expect(more({ c: 'Allemagne' }).c).toBe('DE');
  });

  it('throws BAD_OPTION for a language it has no names for', () => {
    expect(() => countryNormalizer('c', { locales: ['xx' as 'en'] })).toThrow(
      /no country names for locale\(s\) xx; choose among en, de, fr, es, it, pt, nl/,
    );
  });
});
