/**
 * What every benchmark run shares: the outcome, the column sets compared, the held-out share and
 * seed, and the sizes of the data. One place, so the JavaScript and Python sides cannot drift.
 */

/** The outcome column of bank-marketing and its won / lost values. */
export const OUTCOME = { column: 'y', won: 'yes', lost: 'no' } as const;

/**
 * The fit-like columns of bank-marketing: who the customer is, not how the campaign went. These
 * are the columns an ICP is about (issue "Done means": "the fit-like columns alone").
 */
export const FIT_COLUMNS = [
  'age',
  'job',
  'marital',
  'education',
  'default',
  'balance',
  'housing',
  'loan',
] as const;

/** The column sets compared: `fit` (the eight above) and `all` (every column but the outcome). */
export type ColumnSet = 'fit' | 'all';
export const COLUMN_SETS: readonly ColumnSet[] = ['fit', 'all'];

/** The columns of a set, given the file's header. */
export function columnsOf(set: ColumnSet, header: readonly string[]): string[] {
  return set === 'fit' ? [...FIT_COLUMNS] : header.filter((name) => name !== OUTCOME.column);
}

/** The seed of the held-out split; `deriveIcp`'s default seed, so its own split is this one. */
export const SPLIT_SEED = 0;

/** The seed of the 1M-row resample. */
export const RESAMPLE_SEED = 20_240_601;

/** Rows of the large data set (issue aim: 1M rows in under 30 s and 1.5 GB). */
export const LARGE_ROWS = 1_000_000;

/** Fixed creation time written into benchmark definitions (core never reads the clock). */
export const CREATED_AT = '2026-01-01T00:00:00.000Z';
