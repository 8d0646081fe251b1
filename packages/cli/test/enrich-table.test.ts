/**
 * `enrichTable` on small tables: the added columns, exact domain matching, free-mail and
 * disposable addresses, leads that are not found, and columns the leads already have.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv, rowObject, type Table } from '@fitgate/io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrichTable, enrichTableWithSummary } from '../src/enrich-table.js';

let dir = '';
let lookup = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fitgate-enrich-table-'));
  lookup = join(dir, 'companies.csv');
  await writeFile(
    lookup,
    [
      'website,account,sector,employees',
      'https://www.acme.com/,Acme Corporation,technolgy,2822',
      'notacme.com,Not Acme,retail,40',
      'globex.co.uk,Globex,,120',
    ].join('\n'),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const rows = (table: Table) =>
  Array.from({ length: table.rowCount }, (_, r) => ({ ...rowObject(table, r) }));

describe('enrichTable', () => {
  const leads = parseCsv(
    [
      'Email,name,sector',
      'jo@mail.acme.com,Jo,',
      'ann@gmail.com,Ann,',
      'x@mailinator.com,X,',
      'bo@acme.com.ar,Bo,',
      'cy@globex.co.uk,Cy,manufacturing',
      ',Di,',
    ].join('\n'),
  );

  it('adds domain, flags, looked-up fields and their source, keeping every column', async () => {
    const { table, summary } = await enrichTableWithSummary(leads, { lookup });
    expect(table.columns).toEqual([
      'Email',
      'name',
      'sector',
      'domain',
      'free_mail',
      'disposable',
      'account',
      'employees',
      'enrichment_source',
    ]);
    expect(rows(table)).toEqual([
      {
        Email: 'jo@mail.acme.com',
        name: 'Jo',
        sector: 'technolgy',
        domain: 'acme.com',
        free_mail: 'false',
        disposable: 'false',
        account: 'Acme Corporation',
        employees: '2822',
        enrichment_source: 'companies.csv line 2',
      },
      {
        Email: 'ann@gmail.com',
        name: 'Ann',
        sector: '',
        domain: 'gmail.com',
        free_mail: 'true',
        disposable: 'false',
        account: '',
        employees: '',
        enrichment_source: 'free-mail address: not a company domain',
      },
      {
        Email: 'x@mailinator.com',
        name: 'X',
        sector: '',
        domain: 'mailinator.com',
        free_mail: 'true',
        disposable: 'true',
        account: '',
        employees: '',
        enrichment_source: 'disposable address: not a company domain',
      },
      {
        // acme.com.ar is not acme.com: nothing is filled.
        Email: 'bo@acme.com.ar',
        name: 'Bo',
        sector: '',
        domain: 'acme.com.ar',
        free_mail: 'false',
        disposable: 'false',
        account: '',
        employees: '',
        enrichment_source: 'not in companies.csv: acme.com.ar',
      },
      {
        // The lead's own sector is kept; the blank sector of the lookup file fills nothing.
        Email: 'cy@globex.co.uk',
        name: 'Cy',
        sector: 'manufacturing',
        domain: 'globex.co.uk',
        free_mail: 'false',
        disposable: 'false',
        account: 'Globex',
        employees: '120',
        enrichment_source: 'companies.csv line 4',
      },
      {
        Email: '',
        name: 'Di',
        sector: '',
        domain: '',
        free_mail: '',
        disposable: '',
        account: '',
        employees: '',
        enrichment_source: 'no email address and no website',
      },
    ]);
    expect(summary).toEqual({
      leads: 6,
      found: 2,
      notFound: 1,
      freeMail: 1,
      disposable: 1,
      noDomain: 1,
    });
  });

  it('leaves the input table unchanged', async () => {
    await enrichTable(leads, { lookup });
    expect(leads.columns).toEqual(['Email', 'name', 'sector']);
    expect(leads.data[2]).toEqual(['', '', '', '', 'manufacturing', '']);
  });

  it('adds only the address columns without a lookup file', async () => {
    const table = await enrichTable(leads);
    expect(table.columns).toEqual([
      'Email',
      'name',
      'sector',
      'domain',
      'free_mail',
      'disposable',
      'enrichment_source',
    ]);
  });

  it('takes the email column it is told, and names the columns when it finds none', async () => {
    const other = parseCsv('contact,name\njo@acme.com,Jo\n');
    expect(rows(await enrichTable(other, { emailColumn: 'contact' }))[0].domain).toBe('acme.com');
    await expect(enrichTable(other)).rejects.toThrow(
      'no email column (name it with --email-column); the columns are: contact, name',
    );
    await expect(enrichTable(other, { emailColumn: 'mail' })).rejects.toThrow(/no column "mail"/);
  });

  it('uses a website column when there is no address', async () => {
    const sites = parseCsv('website,name\nhttps://acme.com/x,Jo\n');
    const [row] = rows(await enrichTable(sites, { lookup }));
    expect(row).toMatchObject({ domain: 'acme.com', free_mail: '', account: 'Acme Corporation' });
  });
});
