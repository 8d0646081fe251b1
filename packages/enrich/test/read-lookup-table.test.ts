import { describe, expect, it } from 'vitest';
import { lookupTableProvider } from '../src/lookup-table-provider.js';
import { readLookupTable } from '../src/read-lookup-table.js';

const fixture = (name: string) => new URL(`fixtures/${name}`, import.meta.url).pathname;

describe('readLookupTable', () => {
  it('reads CSV through @fitgate/io, with line numbers for provenance', async () => {
    const table = await readLookupTable(fixture('companies.csv'));
    expect(table.columns).toEqual(['domain', 'industry', 'employees']);
    const found = await lookupTableProvider(table).enrich({ domain: 'globex.co.uk' });
    expect(found?.fields.employees).toBe('1,001-5,000');
    expect(found?.source).toMatch(/companies\.csv line 3$/);
  });

  it('reads JSON keyed by domain: the key is the domain', async () => {
    const table = await readLookupTable(fixture('companies-keyed.json'));
    expect(table.columns).toEqual(['domain', 'industry', 'employees']);
    const crm = lookupTableProvider(table);
    expect({ ...(await crm.enrich({ domain: 'acme.com' }))?.fields }).toEqual({
      industry: 'software',
      employees: '120',
    });
    expect(await crm.enrich({ domain: 'ignored.com' })).toBeNull();
  });

  it('reads a JSON array of records', async () => {
    const table = await readLookupTable(fixture('companies-list.json'));
    const crm = lookupTableProvider(table);
    expect(crm.keyColumn).toBe('website');
    expect((await crm.enrich({ domain: 'initech.com' }))?.fields.employees).toBe('40');
  });

  it('says what is wrong with other JSON', async () => {
    await expect(readLookupTable(fixture('bad.json'))).rejects.toThrow(/record 1 is not an object/);
  });
});
