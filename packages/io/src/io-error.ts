/**
 * The one error class of @fitgate/io. Reading or writing a table that cannot be done (a missing
 * file, a malformed row, an ambiguous delimiter, a bad option) throws an `IoError` with a stable
 * `code` and, where known, the file, line, column and value at fault.
 */

/** Stable error codes thrown by @fitgate/io. */
export type IoErrorCode =
  | 'BAD_OPTION'
  | 'UNSUPPORTED_FORMAT'
  | 'READ_FAILED'
  | 'WRITE_FAILED'
  | 'BAD_ENCODING'
  | 'EMPTY_FILE'
  | 'AMBIGUOUS_DELIMITER'
  | 'CSV_SYNTAX'
  | 'FIELD_COUNT'
  | 'BAD_JSON'
  | 'MISSING_COLUMN'
  | 'DUPLICATE_KEY';

/** Where an {@link IoError} happened; every part is optional. */
export interface IoErrorWhere {
  /** The file path (or the `source` name given to a parser). */
  file?: string;
  /**
   * The 1-based line number in the file where the row starts, when the table knows its lines;
   * otherwise the 1-based data row number (header excluded). The message says which.
   */
  row?: number;
  /** The column name. */
  column?: string;
  /** The offending cell value or text (shortened in the message, whole here). */
  value?: string;
  /** The underlying error, e.g. a file-system error. */
  cause?: unknown;
}

/**
 * An error with a stable `code` and, where known, the file, row, column and value at fault.
 *
 * @example
 * new IoError('FIELD_COUNT', 'leads.csv, line 12: expected 37 fields, found 36', {
 *   file: 'leads.csv',
 *   row: 12,
 * }).code;
 * // => 'FIELD_COUNT'
 */
export class IoError extends Error {
  readonly code: IoErrorCode;
  readonly file?: string;
  readonly row?: number;
  readonly column?: string;
  readonly value?: string;

  constructor(code: IoErrorCode, message: string, where: IoErrorWhere = {}) {
    super(message, where.cause === undefined ? undefined : { cause: where.cause });
    this.name = 'IoError';
    this.code = code;
    if (where.file !== undefined) this.file = where.file;
    if (where.row !== undefined) this.row = where.row;
    if (where.column !== undefined) this.column = where.column;
    if (where.value !== undefined) this.value = where.value;
  }
}

/** Longest value quoted in an error message; longer values are cut with an ellipsis. */
const MESSAGE_VALUE_CHARS = 80;

/** A value quoted for an error message, cut to a readable length (internal). */
export function quoteValue(value: string): string {
  const cut =
    value.length > MESSAGE_VALUE_CHARS ? `${value.slice(0, MESSAGE_VALUE_CHARS)}…` : value;
  return JSON.stringify(cut);
}

/** "file, line 12" / "file, row 3" / "file" for messages (internal). */
export function placeText(file: string | undefined, line?: number, isLine = true): string {
  const name = file ?? 'input';
  if (line === undefined) return name;
  return `${name}, ${isLine ? 'line' : 'row'} ${line}`;
}
