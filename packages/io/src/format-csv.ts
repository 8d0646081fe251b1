/**
 * Formats rows as CSV text: RFC 4180 quoting, LF line ends, and the formula-injection guard on
 * text cells.
 */

import { cellText } from './cell-text.js';
import { guardFormula } from './guard-formula.js';
import { IoError } from './io-error.js';

/** Options for writing CSV (`formatCsv`, `writeCsv`). */
export interface CsvWriteOptions {
  /**
   * Apply {@link guardFormula} to text cells and header names (numbers are never changed).
   * @default true
   */
  guardFormulas?: boolean;
}

/** A field that must be quoted under RFC 4180: it holds a comma, a quote or a line break. */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Formats a header and rows as CSV text. Fields holding a comma, a quote or a line break are
 * quoted, with quotes doubled (RFC 4180). Every line, the last included, ends with LF, which every
 * CSV reader and spreadsheet accepts (RFC 4180 says CRLF). Cells are converted as by
 * `tableFromRows`; text cells, but not numbers, booleans or bigints, go through
 * {@link guardFormula} unless `guardFormulas` is false.
 *
 * @example
 * formatCsv(['name', 'amount'], [['=1+2', -12.5], ['a, b', '']]);
 * // => "name,amount\n'=1+2,-12.5\n\"a, b\",\n"
 */
export function formatCsv(
  columns: readonly string[],
  rows: Iterable<ReadonlyArray<unknown>>,
  options: CsvWriteOptions = {},
): string {
  const guard = options.guardFormulas ?? true;
  const lines = [formatCsvHeader(columns, guard)];
  let r = 0;
  for (const row of rows) {
    r += 1;
    lines.push(formatCsvRow(row, columns.length, r, guard));
  }
  return lines.join('');
}

/** The header line of a CSV file, with its line end (internal). */
export function formatCsvHeader(columns: readonly string[], guard: boolean): string {
  return `${columns.map((name) => csvField(name, guard)).join(',')}\n`;
}

/**
 * One data line with its line end (internal); `r` is the 1-based row number for the error thrown
 * when the row does not have one cell per column.
 */
export function formatCsvRow(
  row: ReadonlyArray<unknown>,
  width: number,
  r: number,
  guard: boolean,
): string {
  if (row.length !== width) {
    throw new IoError(
      'FIELD_COUNT',
      `row ${r} has ${row.length} cells but there are ${width} columns`,
      {
        row: r,
      },
    );
  }
  let line = '';
  for (let c = 0; c < width; c += 1) {
    if (c > 0) line += ',';
    line += csvField(row[c], guard);
  }
  return `${line}\n`;
}

/** One field: guarded if it is text, quoted if it needs to be. */
function csvField(value: unknown, guard: boolean): string {
  const isText =
    typeof value !== 'number' && typeof value !== 'bigint' && typeof value !== 'boolean';
  const text = guard && isText ? guardFormula(cellText(value)) : cellText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
