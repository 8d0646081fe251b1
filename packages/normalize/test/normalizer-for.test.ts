import { describe, expect, it } from 'vitest';
import { industryTaxonomy } from '../src/industry-taxonomy.js';
import { NORMALIZER_KINDS, normalizerFor } from '../src/normalizer-for.js';

describe('normalizerFor', () => {
  it('builds every kind it lists', () => {
    for (const kind of NORMALIZER_KINDS) expect(normalizerFor('c', kind).kind).toBe(kind);
  });

  it('passes the taxonomy and the revenue scale on', () => {
    const taxonomy = industryTaxonomy({ mode: 'replace', industries: { fintech: [] } });
    expect(normalizerFor('s', 'industry', { taxonomy })).toMatchObject({
      aliases: { fintech: [] },
    });
    expect(normalizerFor('r', 'revenue', { revenueScale: 1e6 })).toMatchObject({ scale: 1e6 });
    const german = normalizerFor('c', 'country', { countryLocales: ['de'] });
    expect(german.kind === 'country' && german.aliases.DE).toContain('Deutschland');
  });

  it('names the kinds there are when given another', () => {
    expect(() => normalizerFor('s', 'sector')).toThrow(
      'unknown normaliser kind "sector" for column "s"; ' +
        'kinds are industry, country, headcount, revenue, title',
    );
  });
});
