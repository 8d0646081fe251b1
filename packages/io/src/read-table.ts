/**
 * Reads a table from a file, streaming it: CSV (`.csv`, `.tsv`) or JSON lines (`.jsonl`,
 * `.ndjson`), each optionally gzipped (`.gz`).
 */

import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

import { IoError } from './io-error.js';
import { readCsvStream } from './read-csv-stream.js';
import { readJsonLinesStream } from './read-json-lines-stream.js';
import { checkReadOptions } from './read-options.js';
import type { ReadOptions, Table } from './table.js';

/** Bytes read from disk at a time (1 MiB): fewer, larger chunks for the tokenizer. */
const READ_CHUNK_BYTES = 1 << 20;

/** The formats recognised by file extension. */
type Format = 'csv' | 'tsv' | 'jsonl';

const FORMATS: ReadonlyArray<readonly [string, Format]> = [
  ['.csv', 'csv'],
  ['.tsv', 'tsv'],
  ['.jsonl', 'jsonl'],
  ['.ndjson', 'jsonl'],
];

/**
 * Reads a table from a file, chosen by extension: `.csv` and `.tsv` (delimiter detected unless
 * given; tab preferred for `.tsv`), `.jsonl` and `.ndjson`, each also as `.gz`. The file is
 * streamed; repeated cell values are shared to keep large tables small.
 *
 * @example
 * const table = await readTable('data/bank-marketing/bank-full.csv.gz');
 * [table.columns.length, table.rowCount];
 * // => [17, 45211]
 */
export async function readTable(path: string, options: ReadOptions = {}): Promise<Table> {
  const checked = checkReadOptions(options);
  const { format, gzipped } = formatOf(path);

  const input = openInput(path, gzipped);
  try {
    if (format === 'jsonl') return await readJsonLinesStream(input, path, checked);
    return await readCsvStream(input, path, checked, format === 'tsv' ? '\t' : undefined);
  } catch (error) {
    if (error instanceof IoError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new IoError('READ_FAILED', `${path}: cannot read the file (${reason})`, {
      file: path,
      cause: error,
    });
  } finally {
    input.destroy();
  }
}

/** The format and compression of a path, from its extension (case-insensitive). */
function formatOf(path: string): { format: Format; gzipped: boolean } {
  const lower = path.toLowerCase();
  const gzipped = lower.endsWith('.gz');
  const name = gzipped ? lower.slice(0, -'.gz'.length) : lower;
  const match = FORMATS.find(([extension]) => name.endsWith(extension));
  if (match === undefined) {
    const known = FORMATS.map(([extension]) => extension).join(', ');
    throw new IoError(
      'UNSUPPORTED_FORMAT',
      `${path}: unknown file type; expected one of ${known}, optionally followed by .gz`,
      { file: path },
    );
  }
  return { format: match[1], gzipped };
}

/** Opens the file as a byte stream, gunzipped if needed; errors surface on the returned stream. */
function openInput(path: string, gzipped: boolean): Readable {
  const file = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  if (!gzipped) return file;

  // pipeline() destroys the gunzip stream with the file's error (e.g. ENOENT), so a reader of
  // the returned stream sees it; the callback has nothing to add.
  const gunzip = createGunzip();
  pipeline(file, gunzip, () => undefined);
  return gunzip;
}
