/**
 * Reads CSV from a stream of bytes into a {@link Table} (internal), chunk by chunk: the first
 * chunks are held back until there is enough text to detect the delimiter, then everything goes
 * through the tokenizer without building arrays of row arrays.
 */

import { CsvTableBuilder } from './csv-table-builder.js';
import { CsvTokenizer } from './csv-tokenizer.js';
import { DETECT_SAMPLE_RECORDS, detectDelimiter } from './detect-delimiter.js';
import type { CheckedReadOptions } from './read-options.js';
import type { Delimiter, Table } from './table.js';
import { Utf8Decoder } from './utf8-decoder.js';

/** Most text held back for delimiter detection before detecting anyway (1 MiB). */
const DETECT_SAMPLE_CHARS = 1 << 20;

/** Reads CSV bytes from `input`; `preferred` is a delimiter to prefer (tab for `.tsv`). */
export async function readCsvStream(
  input: AsyncIterable<Uint8Array>,
  source: string,
  options: CheckedReadOptions,
  preferred: Delimiter | undefined,
): Promise<Table> {
  const decoder = new Utf8Decoder(source);
  const builder = new CsvTableBuilder(options, source);
  let tokenizer: CsvTokenizer | null = null;
  let sample = '';

  // Start the tokenizer on the held-back sample once it is long enough.
  const start = (complete: boolean): CsvTokenizer => {
    const delimiter = options.delimiter ?? detectDelimiter(sample, { preferred, complete, source });
    const started = new CsvTokenizer(delimiter, builder.add, source);
    started.push(sample);
    sample = '';
    return started;
  };

  for await (const chunk of input) {
    const text = decoder.decode(chunk, tokenizer?.line);
    if (tokenizer !== null) {
      tokenizer.push(text);
    } else {
      sample += text;
      if (options.delimiter !== undefined || sampleIsEnough(sample)) tokenizer = start(false);
    }
    if (tokenizer?.stopped) return builder.finish();
  }

  // The end of the input: flush the decoder and the tokenizer.
  const tail = decoder.decode(undefined, tokenizer?.line);
  if (tokenizer === null) {
    sample += tail;
    tokenizer = start(true);
  } else {
    tokenizer.push(tail);
  }
  tokenizer.end();
  return builder.finish();
}

/** True once the sample holds the header and enough records to detect the delimiter. */
function sampleIsEnough(sample: string): boolean {
  if (sample.length >= DETECT_SAMPLE_CHARS) return true;
  let breaks = 0;
  for (let i = sample.indexOf('\n'); i !== -1; i = sample.indexOf('\n', i + 1)) {
    breaks += 1;
    if (breaks > DETECT_SAMPLE_RECORDS + 1) return true;
  }
  return false;
}
