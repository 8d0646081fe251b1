/**
 * The tables core reads: columnar (`{ columns, data[c][r] }`, what @fitgate/io returns) or an
 * array of plain row objects (what a notebook or a service has). Both are read through the same
 * column accessor so that the rest of core never cares which one it got.
 */
import { FitgateError } from './errors.js';

/** A columnar table: `data[c][r]` is the value of column `columns[c]` in row `r`. */
export interface ColumnarTable {
  columns: readonly string[];
  data: ReadonlyArray<ArrayLike<unknown>>;
  rowCount?: number;
}

/** Anything core accepts as a table of deals or leads. */
export type TableInput = ColumnarTable | ReadonlyArray<Readonly<Record<string, unknown>>>;

/** A uniform, read-only view of a table. */
export interface TableView {
  columns: readonly string[];
  rowCount: number;
  /** The values of one column, or throws MISSING_COLUMN naming the columns there are. */
  column: (name: string) => ArrayLike<unknown>;
  has: (name: string) => boolean;
}

function isColumnar(input: TableInput): input is ColumnarTable {
  return !Array.isArray(input) && Array.isArray((input as ColumnarTable).columns);
}

function missingColumn(name: string, columns: readonly string[]): FitgateError {
  const shown = columns.slice(0, 40).join(', ');
  return new FitgateError(
    'MISSING_COLUMN',
    `no column "${name}"; the columns are: ${shown}${columns.length > 40 ? ', ...' : ''}`,
    { column: name },
  );
}

/** Columns of an array of row objects, in first-seen order (own keys only). */
function columnsOfRows(rows: ReadonlyArray<Readonly<Record<string, unknown>>>): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

/** View any accepted table through one interface. */
export function tableView(input: TableInput): TableView {
  if (isColumnar(input)) {
    const index = new Map(input.columns.map((name, i) => [name, i]));
    const rowCount = input.rowCount ?? input.data[0]?.length ?? 0;
    return {
      columns: input.columns,
      rowCount,
      has: (name) => index.has(name),
      column: (name) => {
        const i = index.get(name);
        if (i === undefined) throw missingColumn(name, input.columns);
        return input.data[i];
      },
    };
  }
  const rows = input as ReadonlyArray<Readonly<Record<string, unknown>>>;
  const columns = columnsOfRows(rows);
  const present = new Set(columns);
  const cache = new Map<string, unknown[]>();
  return {
    columns,
    rowCount: rows.length,
    has: (name) => present.has(name),
    column: (name) => {
      if (!present.has(name)) throw missingColumn(name, columns);
      let values = cache.get(name);
      if (values === undefined) {
        values = rows.map((row) => (Object.hasOwn(row, name) ? row[name] : undefined));
        cache.set(name, values);
      }
      return values;
    },
  };
}
