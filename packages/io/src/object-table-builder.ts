/**
 * Collects plain objects into a {@link Table} (internal): columns are the union of the objects'
 * own keys in first-seen order, and a key missing from an object gives an empty cell. Used by the
 * JSON-lines reader and by `tableFromRows`.
 */

import { cellText } from './cell-text.js';
import { ColumnStore } from './column-store.js';
import type { RowProblem, Table } from './table.js';

/** Builds a table from objects added one at a time. */
export class ObjectTableBuilder {
  readonly #store = new ColumnStore();
  // A Map, not an object, so that keys such as "__proto__" are ordinary keys.
  readonly #index = new Map<string, number>();
  readonly #columns: string[] = [];
  #hasLines = false;
  readonly #problems: RowProblem[] = [];

  /** Rows added so far. */
  get rowCount(): number {
    return this.#store.rowCount;
  }

  /** Adds one object as a row; `line` is its 1-based source line, if it has one. */
  add(record: object, line?: number): void {
    const cells = new Array<string>(this.#columns.length).fill('');
    for (const [key, value] of Object.entries(record)) {
      cells[this.#columnIndex(key)] = cellText(value);
    }
    if (line !== undefined) this.#hasLines = true;
    this.#store.addRow(cells, line ?? 0);
  }

  /** Adds an empty row for a line that could not be read, and remembers why. */
  addProblem(line: number, message: string): void {
    this.#problems.push({ row: this.#store.rowCount, line, message });
    this.add({}, line);
  }

  /** Finishes the table. */
  finish(source?: string): Table {
    const table: Table = {
      columns: this.#columns.slice(),
      data: this.#store.data,
      rowCount: this.#store.rowCount,
    };
    if (this.#hasLines) table.lines = this.#store.lines();
    if (source !== undefined) table.source = source;
    if (this.#problems.length > 0) table.problems = this.#problems;
    return table;
  }

  #columnIndex(key: string): number {
    const known = this.#index.get(key);
    if (known !== undefined) return known;
    const c = this.#store.addColumn();
    this.#index.set(key, c);
    this.#columns.push(key);
    return c;
  }
}
