/**
 * Iterates over the rows of a {@link Table} as arrays, e.g. to write a table with `writeCsv`.
 */

import type { Table } from './table.js';

/**
 * Yields each row of the table as an array of cell text, in column order.
 *
 * @example
 * const table = parseCsv('a,b\n1,2\n3,4\n');
 * [...tableRows(table)];
 * // => [['1', '2'], ['3', '4']]
 */
export function* tableRows(table: Table): Generator<string[]> {
  for (let r = 0; r < table.rowCount; r += 1) {
    const row = new Array<string>(table.columns.length);
    for (let c = 0; c < row.length; c += 1) row[c] = table.data[c][r];
    yield row;
  }
}
