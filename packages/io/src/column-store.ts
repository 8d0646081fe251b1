/**
 * Growing columns of cell text with per-column string interning (internal). Shared by the CSV
 * and object readers so that a million-row table of repeated categories stays small in memory.
 */

/**
 * Distinct values a column may have and still be interned. Categorical CRM columns (stage,
 * industry, country) have tens to thousands of values; past this the column is treated as an
 * identifier or a number and stored as read, and its lookup map is released.
 */
export const INTERN_MAX_DISTINCT = 10_000;

/** Initial capacity of the row line-number buffer; it doubles as rows arrive. */
const INITIAL_LINE_CAPACITY = 1024;

/** Columns of cell text being filled row by row. */
export class ColumnStore {
  readonly data: string[][] = [];
  #interns: (Map<string, string> | null)[] = [];
  #lines = new Uint32Array(INITIAL_LINE_CAPACITY);
  #rowCount = 0;

  /** Rows added so far. */
  get rowCount(): number {
    return this.#rowCount;
  }

  /** Adds a column, filled with `''` for the rows already added; returns its index. */
  addColumn(): number {
    this.data.push(new Array<string>(this.#rowCount).fill(''));
    this.#interns.push(new Map([['', '']]));
    return this.data.length - 1;
  }

  /** Appends a row: one cell per column, in column order, and the row's source line. */
  addRow(cells: readonly string[], line: number): void {
    for (let c = 0; c < cells.length; c += 1) this.data[c].push(this.#intern(c, cells[c]));
    if (this.#rowCount === this.#lines.length) this.#growLines();
    this.#lines[this.#rowCount] = line;
    this.#rowCount += 1;
  }

  /** The line numbers of the rows added, trimmed to the row count. */
  lines(): Uint32Array {
    return this.#lines.slice(0, this.#rowCount);
  }

  /** Returns the shared copy of `value` for column `c` while that column is still interned. */
  #intern(c: number, value: string): string {
    const map = this.#interns[c];
    if (map === null) return value;
    const shared = map.get(value);
    if (shared !== undefined) return shared;
    if (map.size >= INTERN_MAX_DISTINCT) {
      this.#interns[c] = null;
      return value;
    }
    map.set(value, value);
    return value;
  }

  #growLines(): void {
    const grown = new Uint32Array(this.#lines.length * 2);
    grown.set(this.#lines);
    this.#lines = grown;
  }
}
