/**
 * Turns CSV records into a {@link Table} (internal): the first record is the header, every later
 * record must have as many fields, cells are interned per column, and at the end empty trailing
 * columns are dropped and header names made unique.
 */

import { ColumnStore } from './column-store.js';
import { uniqueHeaderNames } from './header-names.js';
import { IoError, placeText } from './io-error.js';
import type { CheckedReadOptions } from './read-options.js';
import type { RowProblem, Table } from './table.js';

/** Rows between two progress reports. */
export const PROGRESS_EVERY_ROWS = 100_000;

/** Collects CSV records into columns. */
export class CsvTableBuilder {
  readonly #options: CheckedReadOptions;
  readonly #source: string | undefined;
  readonly #store = new ColumnStore();
  #header: string[] | null = null;
  readonly #problems: RowProblem[] = [];

  constructor(options: CheckedReadOptions, source?: string) {
    this.#options = options;
    this.#source = source;
  }

  /** Adds one record; returns `false` once `maxRows` rows have been read. */
  add = (fields: string[], line: number): boolean => {
    if (this.#header === null) return this.#addHeader(fields);
    if (fields.length !== this.#header.length) {
      if (this.#options.badRows !== 'keep') this.#throwFieldCount(fields, line);
      fields = this.#keepBadRow(fields, line);
    }

    this.#store.addRow(fields, line);
    const rows = this.#store.rowCount;
    if (rows % PROGRESS_EVERY_ROWS === 0) this.#options.onProgress?.(rows);
    return rows < this.#options.maxRows;
  };

  /** Finishes the table; throws `EMPTY_FILE` if not even a header was read. */
  finish(): Table {
    if (this.#header === null) {
      throw new IoError(
        'EMPTY_FILE',
        `${placeText(this.#source)}: the file is empty (no header line)`,
        {
          file: this.#source,
        },
      );
    }

    // Drop trailing columns with an empty header and no values (a trailing comma on every line).
    const data = this.#store.data;
    let width = this.#header.length;
    while (width > 1 && this.#header[width - 1].trim() === '' && isAllEmpty(data[width - 1])) {
      width -= 1;
    }

    const rowCount = this.#store.rowCount;
    this.#options.onProgress?.(rowCount);
    const table: Table = {
      columns: uniqueHeaderNames(this.#header.slice(0, width)),
      data: data.slice(0, width).map((cells) => cells.slice()),
      rowCount,
      lines: this.#store.lines(),
    };
    if (this.#source !== undefined) table.source = this.#source;
    if (this.#problems.length > 0) table.problems = this.#problems;
    return table;
  }

  #addHeader(fields: string[]): boolean {
    this.#header = fields;
    for (let c = 0; c < fields.length; c += 1) this.#store.addColumn();
    return this.#options.maxRows > 0;
  }

  /** Pad or cut a row to the header's width, and remember why. */
  #keepBadRow(fields: string[], line: number): string[] {
    const expected = this.#header!.length;
    this.#problems.push({
      row: this.#store.rowCount,
      line,
      message: `line ${line}: expected ${expected} fields but found ${fields.length}`,
    });
    if (fields.length > expected) return fields.slice(0, expected);
    return [...fields, ...Array<string>(expected - fields.length).fill('')];
  }

  #throwFieldCount(fields: string[], line: number): never {
    const expected = this.#header?.length ?? 0;
    throw new IoError(
      'FIELD_COUNT',
      `${placeText(this.#source, line)}: expected ${expected} fields (as in the header) but ` +
        `found ${fields.length}. Check the delimiter (--delimiter) and that quotes in this row ` +
        `are balanced.`,
      { file: this.#source, row: line, value: fields.join(',') },
    );
  }
}

function isAllEmpty(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell !== '') return false;
  return true;
}
