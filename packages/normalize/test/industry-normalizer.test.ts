import { compileNormalizers, normalizeColumn } from '@fitgate/core';
import { describe, expect, it } from 'vitest';
import { industryNormalizer } from '../src/industry-normalizer.js';
import { industryTaxonomy } from '../src/industry-taxonomy.js';
import { readGzCsv } from './read-gz-csv.js';

const ACCOUNTS = new URL('../../../data/crm-sales-opportunities/accounts.csv.gz', import.meta.url)
  .pathname;

describe('industryNormalizer', () => {
  it('builds a spec that holds the whole taxonomy and survives JSON', () => {
    const spec = industryNormalizer('sector');
    expect(spec).toMatchObject({ column: 'sector', kind: 'industry', fuzzyFloor: 0.85 });
    expect(spec.aliases).toEqual(industryTaxonomy().aliases);
    const normalize = compileNormalizers([JSON.parse(JSON.stringify(spec))]);
    expect(normalize({ sector: 'technolgy' }).sector).toBe('technology');
  });

  it('writes to another column when asked', () => {
    const spec = industryNormalizer('sector', undefined, { output: 'industry' });
    expect(compileNormalizers([spec])({ sector: 'Tech' }).industry).toBe('technology');
  });

  it('maps every sector of the crm-sales-opportunities accounts, the typo included', () => {
    const { sector } = readGzCsv(ACCOUNTS);
    expect(sector).toHaveLength(85);
    const { report } = normalizeColumn(industryNormalizer('sector'), sector);

    // The sector counts are those of `cut -d, -f2 accounts.csv | sort | uniq -c`.
    expect(report).toMatchObject({ total: 85, mapped: 85, unmapped: 0, missing: 0 });
    const mapped = Object.fromEntries(report.values.map((v) => [v.raw, [v.mapped, v.count]]));
    expect(mapped).toEqual({
      retail: ['retail', 17],
      technolgy: ['technology', 12],
      medical: ['healthcare', 12],
      finance: ['financial services', 8],
      marketing: ['marketing and advertising', 8],
      software: ['software', 7],
      entertainment: ['entertainment', 6],
      telecommunications: ['telecommunications', 6],
      services: ['professional services', 5],
      employment: ['staffing and recruiting', 4],
    });
  });
});
