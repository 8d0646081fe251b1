/**
 * Reading a lookup table of companies from a file: CSV (and whatever else `@fitgate/io` reads) or
 * JSON, as exported from a CRM or a data vendor.
 */
import { readFile } from 'node:fs/promises';
import { FitgateError } from '@fitgate/core';
import { readTable, tableFromRows, type Table } from '@fitgate/io';

/**
 * The table in `path`. A `.json` file holds either an array of company records, or an object
 * from domain to record (`{"acme.com": {"industry": "software"}}`), which becomes a table with a
 * `domain` column first. Any other file is read by `readTable` (CSV, TSV, JSON lines, gzipped or
 * not). Throws `BAD_LOOKUP` for JSON of another shape, naming what it found.
 *
 * @example
 * const table = await readLookupTable('companies.json');
 * table.columns // => ['domain', 'industry', 'employees']
 */
export async function readLookupTable(path: string): Promise<Table> {
  if (!path.toLowerCase().endsWith('.json')) return readTable(path);

  // JSON: an array of records, or records keyed by domain.
  const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
  const records = Array.isArray(parsed) ? parsed : keyedRecords(parsed, path);
  const bad = records.findIndex((r) => typeof r !== 'object' || r === null || Array.isArray(r));
  if (bad !== -1) {
    throw new FitgateError('BAD_LOOKUP', `${path}: record ${bad + 1} is not an object`, {
      row: bad + 1,
    });
  }
  const table = tableFromRows(records as Record<string, unknown>[]);
  return { ...table, source: path };
}

function keyedRecords(parsed: unknown, path: string): unknown[] {
  if (typeof parsed !== 'object' || parsed === null) {
    throw new FitgateError(
      'BAD_LOOKUP',
      `${path}: expected an array of records or an object from domain to record`,
    );
  }
  return Object.entries(parsed).map(([domain, record]) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new FitgateError('BAD_LOOKUP', `${path}: the record of "${domain}" is not an object`, {
        value: domain,
      });
    }
    // The key is the domain, whatever the record says.
    const rest = Object.entries(record).filter(([k]) => k !== 'domain');
    return Object.fromEntries([['domain', domain], ...rest]);
  });
}
