/**
 * Writes rows to a CSV file atomically, with the formula-injection guard on text cells.
 */

import { formatCsvHeader, formatCsvRow } from './format-csv.js';
import type { CsvWriteOptions } from './format-csv.js';
import { writeAtomic } from './write-atomic.js';

/** Characters of CSV text gathered before each write to the file (about 1 MiB of ASCII). */
const WRITE_CHUNK_CHARS = 1 << 20;

/**
 * Writes a header and rows to a CSV file, formatted as by `formatCsv` (RFC 4180 quoting, LF line
 * ends, text cells guarded against formula injection). The file appears whole or not at all: the
 * text goes to a temporary file in the same directory that is renamed over `path` at the end; if
 * the rows iterator or the disk fails, the temporary file is removed and the error rethrown
 * (file-system failures as `IoError` `WRITE_FAILED`).
 *
 * @example
 * await writeCsv('out/leads.csv', ['id', 'verdict'], [[1, 'QUALIFIED'], [2, 'REVIEW']]);
 * // out/leads.csv: "id,verdict\n1,QUALIFIED\n2,REVIEW\n"
 */
export async function writeCsv(
  path: string,
  columns: readonly string[],
  rows: Iterable<ReadonlyArray<unknown>> | AsyncIterable<ReadonlyArray<unknown>>,
  options: CsvWriteOptions = {},
): Promise<void> {
  const guard = options.guardFormulas ?? true;
  await writeAtomic(path, csvChunks(columns, rows, guard));
}

/** The CSV text in chunks of about {@link WRITE_CHUNK_CHARS} characters. */
async function* csvChunks(
  columns: readonly string[],
  rows: Iterable<ReadonlyArray<unknown>> | AsyncIterable<ReadonlyArray<unknown>>,
  guard: boolean,
): AsyncGenerator<string> {
  let chunk = formatCsvHeader(columns, guard);
  let r = 0;
  for await (const row of rows) {
    r += 1;
    chunk += formatCsvRow(row, columns.length, r, guard);
    if (chunk.length >= WRITE_CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}
