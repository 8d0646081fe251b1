import { describe, expect, it } from 'vitest';
import { lookupTableProvider, type LookupTable } from '../src/lookup-table-provider.js';

function table(columns: string[], rows: string[][]): LookupTable {
  return {
    columns,
    data: columns.map((_, c) => rows.map((r) => r[c])),
    rowCount: rows.length,
    source: 'companies.csv',
  };
}

const COMPANIES = table(
  ['Website', 'industry', 'employees'],
  [
    ['https://www.acme.com/', 'software', '51-200'],
    ['notacme.com', 'retail', '11-50'],
    ['acme.com.ar', 'retail', '1-10'],
    ['', 'unknown', ''],
    ['ACME.COM', 'duplicate', '1'],
    ['shop.acme.co.uk', 'e-commerce', '201-500'],
  ],
);

describe('lookupTableProvider', () => {
  const crm = lookupTableProvider(COMPANIES, { name: 'crm' });

  it('finds the row whose website has the lead domain, with its provenance', async () => {
    expect(crm.keyColumn).toBe('Website');
    const found = await crm.enrich({ domain: 'acme.com' });
    expect(found?.source).toBe('companies.csv row 1');
    expect({ ...found?.fields }).toEqual({ industry: 'software', employees: '51-200' });
  });

  it('never matches by substring', async () => {
    expect((await crm.enrich({ domain: 'notacme.com' }))?.fields.industry).toBe('retail');
    expect((await crm.enrich({ domain: 'acme.com.ar' }))?.fields.employees).toBe('1-10');
    expect(await crm.enrich({ domain: 'cme.com' })).toBeNull();
    expect(await crm.enrich({ domain: 'acme.co' })).toBeNull();
    expect((await crm.enrich({ domain: 'acme.co.uk' }))?.fields.industry).toBe('e-commerce');
  });

  it('reports rows without a domain and domains found twice (the first row wins)', () => {
    expect(crm.stats).toEqual({
      rows: 6,
      indexed: 4,
      withoutDomain: [3],
      duplicates: [{ domain: 'acme.com', rows: [0, 4] }],
    });
  });

  it('returns nothing for a lead without a company domain', async () => {
    expect(await crm.enrich({ email: 'jo@gmail.com', domain: null })).toBeNull();
  });

  it('matches by canonical company name when asked and the lead has no domain', async () => {
    const byName = lookupTableProvider(
      table(['domain', 'account', 'sector'], [['acme.com', 'Acme Corporation', 'technolgy']]),
      { nameColumn: 'account' },
    );
    expect((await byName.enrich({ companyName: ' ACME corporation ' }))?.fields.sector).toBe(
      'technolgy',
    );
    expect(await byName.enrich({ companyName: 'Acme Corp' })).toBeNull();
    expect(
      await byName.enrich({ domain: 'other.com', companyName: 'Acme Corporation' }),
    ).toBeNull();
  });

  it('names the columns when the key or a field column is missing', () => {
    expect(() => lookupTableProvider(table(['url', 'x'], []))).toThrow(
      'a lookup table needs a "domain" or "website" column; its columns are: url, x',
    );
    expect(() => lookupTableProvider(COMPANIES, { fields: ['sector'] })).toThrow(
      /no column "sector"/,
    );
  });
});
