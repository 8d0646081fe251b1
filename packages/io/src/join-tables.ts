/**
 * Left-joins two tables on a key column, e.g. opportunities with their accounts.
 */

import { IoError, placeText, quoteValue } from './io-error.js';
import type { Table } from './table.js';

/** Options of {@link joinTables}. */
export interface JoinOptions {
  /**
   * The key column of the right table.
   * @default the same name as the left key
   */
  rightKey?: string;
}

/**
 * Left-joins `right` onto `left` where the left `key` equals the right key, as exact text. Every
 * left row is kept, in order; the right table's columns (without its key) are appended, and are
 * `''` where no right row matches. A right column whose name is already taken is renamed
 * `name_right` (then `name_right_2`, ...). Each key value may appear only once on the right
 * (else `IoError` `DUPLICATE_KEY` naming the value); right rows with an empty key are ignored.
 * The result shares the left table's column arrays and `lines`.
 *
 * @example
 * const deals = parseCsv('id,account\n1,acme\n2,zeta\n');
 * const accounts = parseCsv('account,sector\nacme,retail\n');
 * joinTables(deals, accounts, 'account').data;
 * // => [['1', '2'], ['acme', 'zeta'], ['retail', '']]
 */
export function joinTables(
  left: Table,
  right: Table,
  key: string,
  options: JoinOptions = {},
): Table {
  const rightKey = options.rightKey ?? key;
  const leftKeyCells = left.data[columnIndex(left, key)];
  const rightKeyIndex = columnIndex(right, rightKey);

  // Match each left row to its right row (or -1).
  const rowOfKey = indexKeys(right, rightKeyIndex);
  const matches = new Int32Array(left.rowCount);
  for (let r = 0; r < left.rowCount; r += 1) matches[r] = rowOfKey.get(leftKeyCells[r]) ?? -1;

  // Append the right columns, renamed on a clash.
  const columns = left.columns.slice();
  const data = left.data.slice();
  const taken = new Set(columns);
  right.columns.forEach((name, c) => {
    if (c === rightKeyIndex) return;
    const unique = freeName(name, taken);
    taken.add(unique);
    columns.push(unique);
    const cells = right.data[c];
    data.push(Array.from(matches, (m) => (m < 0 ? '' : cells[m])));
  });

  const joined: Table = { columns, data, rowCount: left.rowCount };
  if (left.lines !== undefined) joined.lines = left.lines;
  if (left.source !== undefined) joined.source = left.source;
  return joined;
}

/** Index of a column by name, or `MISSING_COLUMN`. */
function columnIndex(table: Table, name: string): number {
  const c = table.columns.indexOf(name);
  if (c >= 0) return c;
  throw new IoError(
    'MISSING_COLUMN',
    `${placeText(table.source)}: no column ${quoteValue(name)} to join on; columns are: ` +
      table.columns.join(', '),
    { file: table.source, column: name },
  );
}

/** Row of each key value in the table; a repeated non-empty key is `DUPLICATE_KEY`. */
function indexKeys(table: Table, keyIndex: number): Map<string, number> {
  const cells = table.data[keyIndex];
  const name = table.columns[keyIndex];
  const rowOfKey = new Map<string, number>();
  for (let r = 0; r < table.rowCount; r += 1) {
    const value = cells[r];
    if (value === '') continue;
    const first = rowOfKey.get(value);
    if (first === undefined) {
      rowOfKey.set(value, r);
      continue;
    }
    const [at, isLine] = table.lines ? [table.lines[r], true] : [r + 1, false];
    const firstAt = table.lines ? table.lines[first] : first + 1;
    throw new IoError(
      'DUPLICATE_KEY',
      `${placeText(table.source, at, isLine)}: key ${quoteValue(value)} in column ` +
        `${quoteValue(name)} also appears on ${isLine ? 'line' : 'row'} ${firstAt}; ` +
        `each key may appear only once in the table being joined`,
      { file: table.source, row: at, column: name, value },
    );
  }
  return rowOfKey;
}

/** `name` if free, else `name_right`, then `name_right_2`, ... */
function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const base = `${name}_right`;
  if (!taken.has(base)) return base;
  let k = 2;
  while (taken.has(`${base}_${k}`)) k += 1;
  return `${base}_${k}`;
}
