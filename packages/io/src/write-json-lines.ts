/**
 * Writes records to a JSON-lines file atomically.
 */

import { writeAtomic } from './write-atomic.js';

/** Characters of JSON text gathered before each write to the file (about 1 MiB of ASCII). */
const WRITE_CHUNK_CHARS = 1 << 20;

/**
 * Writes each record as one line of JSON (`JSON.stringify`, LF line ends). Like `writeCsv`, the
 * file appears whole or not at all. No formula guard is applied: JSON lines are not opened by
 * spreadsheets.
 *
 * @example
 * await writeJsonLines('out/verdicts.jsonl', [{ id: 1, verdict: 'QUALIFIED' }]);
 * // out/verdicts.jsonl: '{"id":1,"verdict":"QUALIFIED"}\n'
 */
export async function writeJsonLines(
  path: string,
  records: Iterable<object> | AsyncIterable<object>,
): Promise<void> {
  await writeAtomic(path, jsonChunks(records));
}

/** The JSON-lines text in chunks of about {@link WRITE_CHUNK_CHARS} characters. */
async function* jsonChunks(
  records: Iterable<object> | AsyncIterable<object>,
): AsyncGenerator<string> {
  let chunk = '';
  for await (const record of records) {
    chunk += `${JSON.stringify(record)}\n`;
    if (chunk.length >= WRITE_CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}
