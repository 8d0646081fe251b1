/**
 * Reads JSON lines (one JSON object per line, also called NDJSON) from a stream of bytes into a
 * {@link Table} (internal). Blank lines are skipped; CRLF line ends are accepted.
 */

import { IoError, placeText, quoteValue } from './io-error.js';
import { ObjectTableBuilder } from './object-table-builder.js';
import { PROGRESS_EVERY_ROWS } from './csv-table-builder.js';
import type { CheckedReadOptions } from './read-options.js';
import type { Table } from './table.js';
import { Utf8Decoder } from './utf8-decoder.js';

/** Reads JSON-lines bytes from `input`. */
export async function readJsonLinesStream(
  input: AsyncIterable<Uint8Array>,
  source: string,
  options: CheckedReadOptions,
): Promise<Table> {
  const decoder = new Utf8Decoder(source);
  const builder = new ObjectTableBuilder();
  let pending = '';
  let line = 0;

  // Parse each complete line; returns false once maxRows rows have been read.
  const addLines = (text: string, final: boolean): boolean => {
    const parts = (pending + text).split('\n');
    pending = final ? '' : (parts.pop() ?? '');
    for (const part of parts) {
      line += 1;
      if (builder.rowCount >= options.maxRows) return false;
      const added = addLineOrKeep(builder, part, line, source, options.badRows);
      if (added && builder.rowCount % PROGRESS_EVERY_ROWS === 0) {
        options.onProgress?.(builder.rowCount);
      }
    }
    return builder.rowCount < options.maxRows;
  };

  let more = options.maxRows > 0;
  for await (const chunk of input) {
    if (!more) break;
    more = addLines(decoder.decode(chunk, line + 1), false);
  }
  if (more) addLines(decoder.decode(undefined, line + 1), true);

  options.onProgress?.(builder.rowCount);
  return builder.finish(source);
}

/**
 * `addLine`, except that with `badRows: 'keep'` a line that is not a JSON object becomes an empty
 * row listed in the table's problems instead of stopping the read.
 */
function addLineOrKeep(
  builder: ObjectTableBuilder,
  rawLine: string,
  line: number,
  source: string,
  badRows: 'error' | 'keep',
): boolean {
  if (badRows !== 'keep') return addLine(builder, rawLine, line, source);
  try {
    return addLine(builder, rawLine, line, source);
  } catch (error) {
    if (!(error instanceof IoError) || error.code !== 'BAD_JSON') throw error;
    builder.addProblem(line, `line ${line}: not a JSON object`);
    return true;
  }
}

/** Parses one line and adds it as a row; returns false for a blank line, which is skipped. */
function addLine(
  builder: ObjectTableBuilder,
  rawLine: string,
  line: number,
  source: string,
): boolean {
  const text = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
  if (text.trim() === '') return false;

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new IoError(
      'BAD_JSON',
      `${placeText(source, line)}: not valid JSON (${reason}): ${quoteValue(text)}`,
      {
        file: source,
        row: line,
        value: text,
        cause: error,
      },
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new IoError(
      'BAD_JSON',
      `${placeText(source, line)}: expected a JSON object, got ${quoteValue(text)}`,
      {
        file: source,
        row: line,
        value: text,
      },
    );
  }
  builder.add(value, line);
  return true;
}
