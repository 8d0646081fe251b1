/**
 * Parses CSV text held in memory into a {@link Table}; the synchronous twin of `readTable` for
 * tests, notebooks and small inputs.
 */

import { CsvTableBuilder } from './csv-table-builder.js';
import { CsvTokenizer } from './csv-tokenizer.js';
import { detectDelimiter } from './detect-delimiter.js';
import { checkReadOptions } from './read-options.js';
import type { ReadOptions, Table } from './table.js';

/** Options of {@link parseCsv}: the read options plus a name for messages. */
export interface ParseCsvOptions extends ReadOptions {
  /**
   * A file name or label used in error messages and kept as `table.source`.
   * @default none (messages say "input")
   */
  source?: string;
}

/**
 * Parses CSV text (RFC 4180, with the leniencies described in the package README) into a table.
 *
 * @example
 * const table = parseCsv('id;stage\n1;won\n2;lost\n');
 * [table.columns, table.data, table.rowCount];
 * // => [['id', 'stage'], [['1', '2'], ['won', 'lost']], 2]
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): Table {
  const checked = checkReadOptions(options);
  const { source } = options;

  // Detect the delimiter unless given, then tokenize the whole text.
  const delimiter = checked.delimiter ?? detectDelimiter(text, { complete: true, source });
  const builder = new CsvTableBuilder(checked, source);
  const tokenizer = new CsvTokenizer(delimiter, builder.add, source);
  tokenizer.push(text);
  tokenizer.end();
  return builder.finish();
}
