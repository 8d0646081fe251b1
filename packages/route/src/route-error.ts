/**
 * The one error class of @fitgate/route. Misuse (a malformed rep table, a bad option, a state
 * document that is not a routing state) throws a `RouteError` with a stable `code`; a lead that
 * no rep can take is a result ("unassigned" with the reason), never an exception.
 */
import { FitgateError } from '@fitgate/core';

/** Stable error codes thrown by @fitgate/route. */
export type RouteErrorCode =
  | 'BAD_OPTION'
  | 'BAD_REP_TABLE'
  | 'MISSING_COLUMN'
  | 'DUPLICATE_REP'
  | 'EMPTY_REP_TABLE'
  | 'BAD_TERRITORY'
  | 'BAD_STATE'
  | 'UNSUPPORTED_STATE_VERSION'
  | 'TIME_BEFORE_STATE';

/** Longest value quoted in an error message; longer values are cut with an ellipsis. */
const MESSAGE_VALUE_CHARS = 80;

/**
 * An error with a stable `code` and, where known, the row, column and value at fault.
 *
 * @example
 * new RouteError('DUPLICATE_REP', 'rep table, row 4, column "id": "ana" is already used by row 1')
 *   .code;
 * // => 'DUPLICATE_REP'
 */
export class RouteError extends FitgateError {
  constructor(
    code: RouteErrorCode,
    message: string,
    where: { column?: string; row?: number; value?: unknown } = {},
  ) {
    super(code, message, where);
    this.name = 'RouteError';
  }
}

/** A value quoted for an error message, cut to a readable length (internal). */
export function quoteValue(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  const cut = text.length > MESSAGE_VALUE_CHARS ? `${text.slice(0, MESSAGE_VALUE_CHARS)}…` : text;
  return JSON.stringify(cut);
}
