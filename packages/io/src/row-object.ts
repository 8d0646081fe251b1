/**
 * Reads one row of a {@link Table} as an object keyed by column name.
 */

import { IoError } from './io-error.js';
import type { Table } from './table.js';

/**
 * Returns row `r` (0-based) as an object from column name to cell text. The object has a null
 * prototype (`Object.create(null)`), so headers such as `__proto__` or `toString` are ordinary
 * keys and cannot change any prototype.
 *
 * @example
 * const table = parseCsv('id,__proto__\n7,x\n');
 * rowObject(table, 0)['__proto__'];
 * // => 'x'
 */
export function rowObject(table: Table, r: number): Record<string, string> {
  if (!Number.isInteger(r) || r < 0 || r >= table.rowCount) {
    throw new IoError(
      'BAD_OPTION',
      `row index must be a whole number from 0 to ${table.rowCount - 1}; got ${String(r)}`,
      { file: table.source, value: String(r) },
    );
  }

  const row = Object.create(null) as Record<string, string>;
  for (let c = 0; c < table.columns.length; c += 1) row[table.columns[c]] = table.data[c][r];
  return row;
}
