/**
 * The columnar table that @fitgate/io reads and writes and @fitgate/core consumes: raw cell text
 * per column, with the source line of each row for error messages.
 */

/**
 * A table of raw cell text, stored by column to keep a million rows small in memory.
 *
 * Treat tables as read-only: functions that derive a table (for example `joinTables`) may share
 * column arrays with their inputs.
 */
export interface Table {
  /** Header names in file order (may contain spaces, may be `"__proto__"` or `"toString"`). */
  columns: string[];
  /** `data[c][r]`: raw cell text of column `c`, row `r` (`''` for an empty cell). */
  data: string[][];
  /** Number of data rows (header excluded). */
  rowCount: number;
  /** 1-based line number in the source file of each row (for error messages), or omitted. */
  lines?: Uint32Array;
  /** The file path (or a name given by the caller), for messages. */
  source?: string;
  /** Rows read with `badRows: 'keep'` that had the wrong number of fields (0-based row index). */
  problems?: RowProblem[];
}

/** A row kept despite a problem: padded with empty cells, or cut to the header's width. */
export interface RowProblem {
  row: number;
  line: number;
  message: string;
}

/** A field delimiter that the CSV reader accepts and detects. */
export type Delimiter = ',' | ';' | '\t' | '|';

/** The delimiters tried by detection, in order of preference when nothing else decides. */
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

/** Options for reading a table (`readTable`, `parseCsv`). */
export interface ReadOptions {
  /**
   * The field delimiter of a CSV file.
   * @default detected from the header line (see `detectDelimiter`); when ambiguous, an `IoError`
   * with code `AMBIGUOUS_DELIMITER` asks for `--delimiter`
   */
  delimiter?: Delimiter;
  /**
   * The text encoding; only UTF-8 is supported. A UTF-8 byte-order mark is always stripped.
   * @default 'utf8'
   */
  encoding?: 'utf8';
  /**
   * Stop after this many data rows (the header is not counted).
   * @default Infinity (read every row)
   */
  maxRows?: number;
  /**
   * Called with the number of rows read so far every 100,000 rows, and once more at the end.
   * @default no progress reports
   */
  onProgress?: (rowsRead: number) => void;
  /**
   * What a row with the wrong number of fields does: `'error'` stops the read with an `IoError`
   * naming the file and line; `'keep'` keeps the row (padded with empty cells, or cut to the
   * header's width) and lists it in `table.problems`, so one broken lead never sinks a batch.
   * @default 'error'
   */
  badRows?: 'error' | 'keep';
}
