/**
 * Builds a {@link Table} from an array of plain objects, for notebooks and tests.
 */

import { IoError } from './io-error.js';
import { ObjectTableBuilder } from './object-table-builder.js';
import type { Table } from './table.js';

/**
 * Builds a table from row objects: the columns are the union of the rows' own keys in first-seen
 * order; a missing key gives `''`. Values become cell text: strings as they are, numbers with
 * `String(x)`, `null`/`undefined`/`NaN` as `''`, booleans as `'true'`/`'false'`, dates as ISO
 * 8601, other objects as JSON.
 *
 * @example
 * const table = tableFromRows([{ id: 1, stage: 'won' }, { id: 2, owner: 'ana' }]);
 * [table.columns, table.data];
 * // => [['id', 'stage', 'owner'], [['1', '2'], ['won', ''], ['', 'ana']]]
 */
export function tableFromRows(rows: ReadonlyArray<Record<string, unknown>>): Table {
  const builder = new ObjectTableBuilder();
  rows.forEach((row, r) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new IoError('BAD_OPTION', `tableFromRows: row ${r + 1} is not an object`, {
        row: r + 1,
      });
    }
    builder.add(row);
  });
  return builder.finish();
}
