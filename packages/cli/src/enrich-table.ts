/**
 * Enriching a table of leads: each lead's company domain and address flags from its email
 * address, then the company's fields from a lookup file. Used by `fitgate enrich` and by
 * `fitgate qualify --lookup`.
 */
import { basename } from 'node:path';
import { canonicalText, FitgateError } from '@fitgate/core';
import {
  identifyLead,
  lookupTableProvider,
  readLookupTable,
  waterfall,
  type Enricher,
  type LookupTableProvider,
} from '@fitgate/enrich';
import type { Table } from '@fitgate/io';

/** Options of `enrichTable`. */
export interface EnrichTableOptions {
  /**
   * A lookup file of companies (CSV, TSV, JSON lines or JSON; `.gz` too) with a `domain` or
   * `website` column.
   * @default none: only domain, free_mail and disposable are added
   */
  lookup?: string;
  /**
   * The column of email addresses.
   * @default the column named email, e-mail, email address, work email or business email
   */
  emailColumn?: string;
}

/** Counts of what enrichment found, for the command's summary. */
export interface EnrichSummary {
  leads: number;
  /** Leads whose company was found in the lookup file. */
  found: number;
  /** Leads with a company domain that the lookup file does not have. */
  notFound: number;
  freeMail: number;
  disposable: number;
  /** Leads with no usable address or website. */
  noDomain: number;
}

/** The columns always added, in this order, before the looked-up fields. */
export const ENRICH_COLUMNS = ['domain', 'free_mail', 'disposable'] as const;
/** The column that says where each lead's looked-up fields came from, or why there are none. */
export const ENRICHMENT_SOURCE_COLUMN = 'enrichment_source';

const EMAIL_COLUMNS = [
  'email',
  'e mail',
  'email address',
  'e mail address',
  'work email',
  'business email',
];
const WEBSITE_COLUMNS = ['website', 'domain', 'company website', 'company domain'];

/**
 * A copy of `table` with every input column and row, plus `domain`, `free_mail`, `disposable`
 * (true or false; blank without a usable address), the fields of the lookup file (every column
 * but its key) and `enrichment_source`. A column the leads already have is kept, and only its
 * blank cells are filled. A lead that is not found, or whose address is a free-mail or
 * disposable one, gets no looked-up fields: qualify then reports the fit data as missing.
 *
 * @example
 * const enriched = await enrichTable(await readTable('leads.csv'), { lookup: 'companies.csv' });
 * enriched.columns
 * // => ['email', 'name', 'domain', 'free_mail', 'disposable', 'industry', ...,
 * //     'enrichment_source']
 */
export async function enrichTable(table: Table, options: EnrichTableOptions = {}): Promise<Table> {
  return (await enrichTableWithSummary(table, options)).table;
}

/** `enrichTable`, with counts of what was found. */
export async function enrichTableWithSummary(
  table: Table,
  options: EnrichTableOptions = {},
): Promise<{ table: Table; summary: EnrichSummary }> {
  const emailColumn = options.emailColumn ?? findColumn(table.columns, EMAIL_COLUMNS);
  const websiteColumn = findColumn(table.columns, WEBSITE_COLUMNS);
  if (emailColumn === null && websiteColumn === null) {
    throw new FitgateError(
      'MISSING_COLUMN',
      `no email column (name it with --email-column); the columns are: ${table.columns.join(', ')}`,
    );
  }
  const cell = columnReader(table);
  const lookup = options.lookup === undefined ? null : await openLookup(options.lookup);
  const enrich: Enricher | null = lookup === null ? null : waterfall([lookup.provider]);

  // The output columns: the input ones, then the new ones in order.
  const added = [...ENRICH_COLUMNS, ...(lookup?.fields ?? []), ENRICHMENT_SOURCE_COLUMN];
  const output = new OutputColumns(table, added);
  const summary: EnrichSummary = {
    leads: table.rowCount,
    found: 0,
    notFound: 0,
    freeMail: 0,
    disposable: 0,
    noDomain: 0,
  };

  for (let r = 0; r < table.rowCount; r++) {
    // What the address says.
    const email = emailColumn === null ? null : cell(emailColumn, r);
    const website = websiteColumn === null ? null : cell(websiteColumn, r);
    const identity = identifyLead({ email, website });
    const known = email !== null && email.trim() !== '' && identity.domain !== null;
    output.set('domain', r, identity.domain ?? '');
    output.set('free_mail', r, known ? String(identity.freeMail) : '');
    output.set('disposable', r, known ? String(identity.disposable) : '');
    tallyIdentity(summary, identity);

    // What the lookup file says.
    let source = identity.reason ?? '';
    if (enrich !== null && lookup !== null && identity.input.domain) {
      const record = await enrich(identity.input);
      for (const [field, { value }] of Object.entries(record.fields))
        output.set(field, r, String(value));
      const found = record.steps[0]?.outcome === 'filled';
      source = found
        ? (Object.values(record.fields)[0]?.source ?? '')
        : `not in ${lookup.name}: ${identity.input.domain}`;
      summary[found ? 'found' : 'notFound']++;
    }
    output.set(ENRICHMENT_SOURCE_COLUMN, r, source);
  }
  return { table: output.table(), summary };
}

/** The lookup file's provider, with the fields it returns (its key column is not among them). */
async function openLookup(
  path: string,
): Promise<{ provider: LookupTableProvider; fields: string[]; name: string }> {
  const name = basename(path);
  const table = await readLookupTable(path);
  const provider = lookupTableProvider(table);
  // The columns this command writes itself are not taken from the lookup file.
  const own = new Set<string>([...ENRICH_COLUMNS, ENRICHMENT_SOURCE_COLUMN]);
  const fields = provider.fields.filter((f) => !own.has(f));
  return {
    provider: lookupTableProvider({ ...table, source: name }, { name: `lookup ${name}`, fields }),
    fields,
    name,
  };
}

/** The first column whose name reads as one of `names` (by canonical text), or null. */
function findColumn(columns: readonly string[], names: readonly string[]): string | null {
  return columns.find((c) => names.includes(canonicalText(c))) ?? null;
}

function columnReader(table: Table): (column: string, r: number) => string {
  const index = new Map(table.columns.map((c, i) => [c, i]));
  return (column, r) => {
    const i = index.get(column);
    if (i === undefined) {
      throw new FitgateError(
        'MISSING_COLUMN',
        `no column "${column}"; the columns are: ${table.columns.join(', ')}`,
        { column },
      );
    }
    return table.data[i][r];
  };
}

function tallyIdentity(summary: EnrichSummary, identity: ReturnType<typeof identifyLead>): void {
  if (identity.disposable) summary.disposable++;
  else if (identity.freeMail) summary.freeMail++;
  else if (!identity.input.domain) summary.noDomain++;
}

/**
 * The output table being built: input columns are shared and copied only when a blank cell is
 * filled; new columns start blank.
 */
class OutputColumns {
  readonly #input: Table;
  readonly #columns: string[];
  readonly #data: string[][];
  readonly #index = new Map<string, number>();
  readonly #copied = new Set<number>();

  constructor(input: Table, added: readonly string[]) {
    this.#input = input;
    this.#columns = [...input.columns];
    this.#data = [...input.data];
    for (const name of added) {
      if (this.#columns.includes(name)) continue;
      this.#columns.push(name);
      this.#data.push(new Array<string>(input.rowCount).fill(''));
    }
    this.#columns.forEach((name, c) => this.#index.set(name, c));
  }

  /** Sets a cell of a new column, or fills a blank cell of an input column. */
  set(column: string, r: number, value: string): void {
    const c = this.#index.get(column);
    if (c === undefined) return;
    if (c < this.#input.columns.length) {
      if (this.#data[c][r].trim() !== '') return;
      if (!this.#copied.has(c)) {
        this.#data[c] = this.#data[c].slice();
        this.#copied.add(c);
      }
    }
    this.#data[c][r] = value;
  }

  table(): Table {
    const { lines, source } = this.#input;
    return {
      columns: this.#columns,
      data: this.#data,
      rowCount: this.#input.rowCount,
      ...(lines ? { lines } : {}),
      ...(source ? { source } : {}),
    };
  }
}
