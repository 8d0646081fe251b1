import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { IoError, joinTables, parseCsv, readTable } from '../src/index.js';

/** The repository's gzipped copies of the real data sets. */
const DATA = fileURLToPath(new URL('../../../data/', import.meta.url));

describe('joinTables', () => {
  it('keeps every left row in order and appends the right columns, "" where unmatched', () => {
    const deals = parseCsv('id,account\n1,acme\n2,zeta\n3,\n4,acme\n');
    const accounts = parseCsv('account,sector\nacme,retail\nbeta,tech\n');
    const joined = joinTables(deals, accounts, 'account');
    expect(joined.columns).toEqual(['id', 'account', 'sector']);
    expect(joined.data).toEqual([
      ['1', '2', '3', '4'],
      ['acme', 'zeta', '', 'acme'],
      ['retail', '', '', 'retail'],
    ]);
    expect(joined.rowCount).toBe(4);
    expect([...(joined.lines ?? [])]).toEqual([2, 3, 4, 5]);
  });

  it('joins on a differently named right key and renames clashing columns name_right', () => {
    const left = parseCsv('id,name,name_right\n1,a,x\n');
    const right = parseCsv('key,name\n1,b\n');
    const joined = joinTables(left, right, 'id', { rightKey: 'key' });
    expect(joined.columns).toEqual(['id', 'name', 'name_right', 'name_right_2']);
    expect(joined.data[3]).toEqual(['b']);
  });

  it('does not change its inputs', () => {
    const left = parseCsv('k,v\n1,a\n');
    const right = parseCsv('k,w\n1,b\n');
    joinTables(left, right, 'k');
    expect(left.columns).toEqual(['k', 'v']);
    expect(left.data).toEqual([['1'], ['a']]);
  });

  it('throws DUPLICATE_KEY naming the value and both lines; ignores empty right keys', () => {
    const left = parseCsv('k\n1\n');
    const right = parseCsv('k,w\n,x\n,y\n1,a\n1,b\n', { source: 'accounts.csv' });
    let error: unknown;
    try {
      joinTables(left, right, 'k');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(IoError);
    const ioError = error as IoError;
    expect(ioError.code).toBe('DUPLICATE_KEY');
    expect([ioError.file, ioError.row, ioError.column, ioError.value]).toEqual([
      'accounts.csv',
      5,
      'k',
      '1',
    ]);
    expect(ioError.message).toContain('accounts.csv, line 5: key "1"');
    expect(ioError.message).toContain('also appears on line 4');
  });

  it('throws MISSING_COLUMN listing the columns', () => {
    const table = parseCsv('a,b\n1,2\n');
    expect(() => joinTables(table, table, 'c')).toThrow(
      /no column "c" to join on; columns are: a, b/,
    );
  });

  it('joins the CRM pipeline with its accounts as pandas does', async () => {
    // Reference (pandas 1.x via /usr/bin/python3): s.merge(a, on='account', how='left') on the
    // tables read with dtype=str, keep_default_na=False gives shape (8800, 14), 1425 rows with no
    // sector (the pipeline rows with an empty account), 1397 rows with sector == 'retail', and
    // row 0 = 1C1I7A6R ... Cancity ... retail, 2001, 718.62, 2448, United States, ''.
    const pipeline = await readTable(`${DATA}crm-sales-opportunities/sales_pipeline.csv.gz`);
    const accounts = await readTable(`${DATA}crm-sales-opportunities/accounts.csv.gz`);
    const joined = joinTables(pipeline, accounts, 'account');
    expect([joined.rowCount, joined.columns.length]).toEqual([8800, 14]);
    const sector = joined.data[joined.columns.indexOf('sector')];
    expect(sector.filter((s) => s === '').length).toBe(1425);
    expect(sector.filter((s) => s === 'retail').length).toBe(1397);
    expect(joined.data.map((cells) => cells[0]).slice(8)).toEqual([
      'retail',
      '2001',
      '718.62',
      '2448',
      'United States',
      '',
    ]);
  });
});
