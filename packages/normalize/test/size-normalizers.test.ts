import { compileNormalizers, HEADCOUNT_BANDS, normalizeColumn } from '@fitgate/core';
import { describe, expect, it } from 'vitest';
import { headcountNormalizer } from '../src/headcount-normalizer.js';
import { revenueNormalizer } from '../src/revenue-normalizer.js';
import { readGzCsv } from './read-gz-csv.js';

const ACCOUNTS = new URL('../../../data/crm-sales-opportunities/accounts.csv.gz', import.meta.url)
  .pathname;

describe('headcountNormalizer and revenueNormalizer', () => {
  it('build specs with the bands in them', () => {
    expect(headcountNormalizer('employees')).toEqual({
      column: 'employees',
      kind: 'headcount',
      value: 'band',
      bands: HEADCOUNT_BANDS,
    });
    expect(revenueNormalizer('revenue', { scale: 1e6, value: 'midpoint' })).toMatchObject({
      kind: 'revenue',
      scale: 1e6,
      currency: 'USD',
      value: 'midpoint',
    });
  });

  it('normalise the issue examples in a row', () => {
    const normalize = compileNormalizers([
      headcountNormalizer('employees'),
      revenueNormalizer('revenue'),
    ]);
    expect(normalize({ employees: '10,001+', revenue: '$10M-$50M' })).toMatchObject({
      employees: '10001+',
      revenue: '$10M-$50M',
    });
    expect(normalize({ employees: '25 employees, 50 contractors' }).employees).toBeNull();
  });

  it('band the crm-sales-opportunities accounts (employees as counts, revenue in millions)', () => {
    const { employees, revenue } = readGzCsv(ACCOUNTS);
    const headcount = normalizeColumn(headcountNormalizer('employees'), employees).report;
    const money = normalizeColumn(revenueNormalizer('revenue', { scale: 1e6 }), revenue).report;
    expect(headcount).toMatchObject({ total: 85, mapped: 85 });
    expect(money).toMatchObject({ total: 85, mapped: 85 });

    // Acme Corporation, the first account: 2,822 employees, revenue 1100.04 (millions).
    expect(headcount.values.find((v) => v.raw === '2822')?.mapped).toBe('1001-5000');
    expect(money.values.find((v) => v.raw === '1100.04')?.mapped).toBe('$1B+');
  });
});
