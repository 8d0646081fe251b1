/**
 * Checks and fills in `ReadOptions` (internal): misuse of an option throws `BAD_OPTION` before any
 * file is opened.
 */

import { IoError } from './io-error.js';
import { DELIMITERS } from './table.js';
import type { Delimiter, ReadOptions } from './table.js';

/** Read options after validation, with defaults filled in. */
export interface CheckedReadOptions {
  delimiter: Delimiter | undefined;
  maxRows: number;
  onProgress: ((rowsRead: number) => void) | undefined;
  badRows: 'error' | 'keep';
}

/** Validates read options and fills in defaults. */
export function checkReadOptions(options: ReadOptions = {}): CheckedReadOptions {
  const { delimiter, encoding, maxRows, onProgress, badRows } = options;

  if (delimiter !== undefined && !DELIMITERS.includes(delimiter)) {
    const allowed = DELIMITERS.map((d) => JSON.stringify(d)).join(', ');
    throw new IoError(
      'BAD_OPTION',
      `delimiter must be one of ${allowed}; got ${JSON.stringify(delimiter)}`,
      {
        value: String(delimiter),
      },
    );
  }
  if (encoding !== undefined && encoding !== 'utf8') {
    throw new IoError('BAD_OPTION', `encoding must be 'utf8'; got ${JSON.stringify(encoding)}`, {
      value: String(encoding),
    });
  }
  if (maxRows !== undefined && !(Number.isInteger(maxRows) && maxRows >= 0)) {
    throw new IoError('BAD_OPTION', `maxRows must be a whole number >= 0; got ${String(maxRows)}`, {
      value: String(maxRows),
    });
  }
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new IoError('BAD_OPTION', 'onProgress must be a function');
  }

  if (badRows !== undefined && badRows !== 'error' && badRows !== 'keep') {
    throw new IoError('BAD_OPTION', `badRows must be 'error' or 'keep'; got ${String(badRows)}`);
  }

  return { delimiter, maxRows: maxRows ?? Infinity, onProgress, badRows: badRows ?? 'error' };
}
