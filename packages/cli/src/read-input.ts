/**
 * Reading the tables a command is given, with progress on stderr for big files.
 */
import { readTable, type Delimiter, type Table } from '@fitgate/io';
import type { CliContext } from './context.js';
import { UsageError } from './errors.js';

const DELIMITER_NAMES: Record<string, Delimiter> = {
  ',': ',',
  ';': ';',
  tab: '\t',
  '\\t': '\t',
  '\t': '\t',
  '|': '|',
};

/** `--delimiter` as given (`,`, `;`, `tab`, `|`), or undefined to detect it. */
export function delimiterOption(value: string | undefined): Delimiter | undefined {
  if (value === undefined) return undefined;
  const delimiter = DELIMITER_NAMES[value];
  if (delimiter === undefined) {
    throw new UsageError(`--delimiter takes one of , ; tab |; got "${value}"`);
  }
  return delimiter;
}

/**
 * Read one table; every 100,000 rows a progress line goes to stderr. With `badRows: 'keep'` a row
 * with the wrong number of fields is kept and listed in `table.problems` (leads); the default
 * stops on it (deals, rep tables).
 */
export async function readInput(
  path: string,
  ctx: CliContext,
  delimiter?: Delimiter,
  badRows: 'error' | 'keep' = 'error',
): Promise<Table> {
  return readTable(path, {
    delimiter,
    badRows,
    onProgress: (rows) => {
      if (rows >= 100_000) ctx.stderr(`reading ${path}: ${rows.toLocaleString('en-US')} rows\n`);
    },
  });
}
