/**
 * A provider that looks companies up in a table exported from a CRM or a data vendor, keyed by a
 * `domain` or `website` column. Domains match exactly, never by substring.
 */
import { canonicalText, FitgateError } from '@fitgate/core';
import { websiteDomain } from '@fitgate/normalize';
import type { EnrichmentInput, EnrichmentProvider, ProviderResult } from './enrichment-types.js';

/** A table of company records: columnar, as `@fitgate/io`'s `readTable` returns it. */
export interface LookupTable {
  columns: readonly string[];
  /** `data[c][r]`: the cell of column `c`, row `r`. */
  data: ReadonlyArray<ArrayLike<unknown>>;
  rowCount: number;
  /** 1-based line of each row in its file, for provenance. */
  lines?: ArrayLike<number>;
  /** The file it came from, for provenance. */
  source?: string;
}

/** Options of `lookupTableProvider`. */
export interface LookupTableOptions {
  /**
   * The provider's name in the provenance of the fields it fills.
   * @default 'lookup'
   */
  name?: string;
  /**
   * The column holding each company's domain or website.
   * @default the column named `domain`, else `website` (in any case)
   */
  keyColumn?: string;
  /**
   * A column of company names, to look a lead up by its company name when it has no company
   * domain. Names match by canonical text (see `canonicalText`), exactly.
   * @default none: domains only
   */
  nameColumn?: string;
  /**
   * The columns to return.
   * @default every column but the key column
   */
  fields?: readonly string[];
}

/** How the table was indexed, for the caller to report. */
export interface LookupTableStats {
  rows: number;
  /** Distinct domains indexed (a domain found in several rows counts once). */
  indexed: number;
  /** Rows (0-based) whose key has no domain (blank, an IP address, text that is no domain). */
  withoutDomain: number[];
  /** Domains found in more than one row: the first row is used. */
  duplicates: Array<{ domain: string; rows: number[] }>;
}

/** A lookup-table provider, with how its table was indexed. */
export interface LookupTableProvider extends EnrichmentProvider {
  readonly stats: LookupTableStats;
  readonly keyColumn: string;
  readonly fields: readonly string[];
}

/** Key column names looked for, in order, when none is given. */
const KEY_COLUMNS = ['domain', 'website'];

/**
 * A provider that returns the row of `table` whose key has the lead's domain.
 *
 * Each key ("https://www.acme.com/", "ACME.COM", "acme.com") is reduced to its registrable domain
 * through the public suffix list, and a lead's domain must equal it: "acme.com" never matches
 * "notacme.com" nor "acme.com.ar". Blank cells are not returned (they fill nothing). Throws
 * `MISSING_COLUMN` when the key, name or field columns are not in the table.
 *
 * @example
 * const crm = lookupTableProvider(await readTable('companies.csv'), { name: 'crm' });
 * await crm.enrich({ domain: 'acme.com' })
 * // => { fields: { industry: 'software', employees: '51-200' }, source: 'companies.csv line 2' }
 */
export function lookupTableProvider(
  table: LookupTable,
  options: LookupTableOptions = {},
): LookupTableProvider {
  const keyColumn = options.keyColumn ?? findKeyColumn(table.columns);
  const fields = options.fields ?? table.columns.filter((c) => c !== keyColumn);
  const column = (name: string) => table.data[columnIndex(table.columns, name)];
  fields.forEach(column);
  const { byDomain, stats } = indexByDomain(column(keyColumn), table.rowCount);
  const byName =
    options.nameColumn === undefined
      ? null
      : indexByName(column(options.nameColumn), table.rowCount);
  const name = options.name ?? 'lookup';

  const recordOf = (r: number): ProviderResult => {
    const record: Record<string, unknown> = Object.create(null);
    for (const field of fields) record[field] = column(field)[r];
    const line = table.lines?.[r];
    const where = table.source ?? 'table';
    return {
      fields: record,
      source: line === undefined ? `${where} row ${r + 1}` : `${where} line ${line}`,
    };
  };

  return {
    name,
    keyColumn,
    fields,
    stats,
    async enrich(input: EnrichmentInput) {
      const domain = input.domain ? websiteDomain(input.domain) : null;
      const byDomainRow = domain === null ? undefined : byDomain.get(domain);
      const nameKey = input.companyName ? canonicalText(input.companyName.slice(0, 200)) : '';
      const row =
        byDomainRow ?? (domain === null && nameKey !== '' ? byName?.get(nameKey) : undefined);
      return row === undefined ? null : recordOf(row);
    },
  };
}

function findKeyColumn(columns: readonly string[]): string {
  for (const wanted of KEY_COLUMNS) {
    const found = columns.find((c) => c.trim().toLowerCase() === wanted);
    if (found !== undefined) return found;
  }
  throw new FitgateError(
    'MISSING_COLUMN',
    `a lookup table needs a "domain" or "website" column; its columns are: ${columns.join(', ')}`,
  );
}

function columnIndex(columns: readonly string[], name: string): number {
  const i = columns.indexOf(name);
  if (i === -1) {
    throw new FitgateError(
      'MISSING_COLUMN',
      `no column "${name}" in the lookup table; its columns are: ${columns.join(', ')}`,
      { column: name },
    );
  }
  return i;
}

/** Registrable domain -> first row, with the rows that had none and the domains seen twice. */
function indexByDomain(keys: ArrayLike<unknown>, rowCount: number) {
  const byDomain = new Map<string, number>();
  const repeats = new Map<string, number[]>();
  const withoutDomain: number[] = [];

  for (let r = 0; r < rowCount; r++) {
    const key = keys[r];
    const domain = typeof key === 'string' ? websiteDomain(key) : null;
    if (domain === null) withoutDomain.push(r);
    else if (!byDomain.has(domain)) byDomain.set(domain, r);
    else repeats.set(domain, [...(repeats.get(domain) ?? [byDomain.get(domain) as number]), r]);
  }
  const duplicates = [...repeats].map(([domain, rows]) => ({ domain, rows }));
  const stats: LookupTableStats = {
    rows: rowCount,
    indexed: byDomain.size,
    withoutDomain,
    duplicates,
  };
  return { byDomain, stats };
}

/** Canonical company name -> first row. */
function indexByName(names: ArrayLike<unknown>, rowCount: number): Map<string, number> {
  const byName = new Map<string, number>();
  for (let r = 0; r < rowCount; r++) {
    const name = names[r];
    const key = typeof name === 'string' ? canonicalText(name.slice(0, 200)) : '';
    if (key !== '' && !byName.has(key)) byName.set(key, r);
  }
  return byName;
}
