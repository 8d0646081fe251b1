/**
 * The one error class of @fitgate/core. Misuse of the API (a bad option, an invalid definition,
 * data that cannot be fitted) throws a `FitgateError` with a stable `code`; problems with a single
 * lead are results (REVIEW with a reason), never exceptions.
 */

/** Stable error codes thrown by @fitgate/core. */
export type FitgateErrorCode =
  | 'BAD_OPTION'
  | 'MISSING_COLUMN'
  | 'NOT_ENOUGH_OUTCOMES'
  | 'INVALID_DEFINITION'
  | 'UNSUPPORTED_SCHEMA_VERSION'
  | 'NO_ATTRIBUTES'
  | 'BAD_RULE';

/**
 * An error with a stable `code` and, where known, the column, row and value at fault.
 *
 * @example
 * new FitgateError('MISSING_COLUMN', 'no column "stage"; columns are: id, amount').code
 * // => 'MISSING_COLUMN'
 */
export class FitgateError extends Error {
  readonly code: string;
  readonly column?: string;
  readonly row?: number;
  readonly value?: unknown;

  constructor(
    code: FitgateErrorCode | (string & {}),
    message: string,
    where: { column?: string; row?: number; value?: unknown } = {},
  ) {
    super(message);
    this.name = 'FitgateError';
    this.code = code;
    if (where.column !== undefined) this.column = where.column;
    if (where.row !== undefined) this.row = where.row;
    if ('value' in where) this.value = where.value;
  }
}
