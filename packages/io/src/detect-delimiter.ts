/**
 * Detects the field delimiter of a CSV file from the start of its text.
 *
 * The rule, applied to the header line and up to {@link DETECT_SAMPLE_RECORDS} records after it
 * (quotes respected, so a delimiter inside a quoted header does not count):
 *
 * 1. The candidates are `,` `;` tab `|`. A candidate is *present* if it splits the header into two
 *    or more fields.
 * 2. No candidate present: the file has one column; the preferred delimiter (tab for `.tsv`)
 *    or else `,` is returned.
 * 3. One candidate present: it is the delimiter.
 * 4. Several present: keep those that split every sampled record into as many fields as the
 *    header. If exactly one is left it wins; if a preferred delimiter was given (tab for `.tsv`)
 *    and is among them it wins; otherwise the delimiter is ambiguous and an `IoError`
 *    (`AMBIGUOUS_DELIMITER`) asks for `--delimiter`.
 */

import { CsvTokenizer } from './csv-tokenizer.js';
import { IoError, placeText } from './io-error.js';
import { DELIMITERS } from './table.js';
import type { Delimiter } from './table.js';

/** Records after the header used to break a tie between candidate delimiters. */
export const DETECT_SAMPLE_RECORDS = 20;

/** Options of {@link detectDelimiter}. */
export interface DetectDelimiterOptions {
  /**
   * The delimiter to return for a one-column file and to prefer in a tie (`readTable` passes tab
   * for `.tsv` files).
   * @default none: a one-column file gets `,` and a tie is an error
   */
  preferred?: Delimiter;
  /**
   * True if `sample` is the whole input, so that a last line without a line break counts.
   * @default false
   */
  complete?: boolean;
  /**
   * The file name, for the error message.
   * @default 'input'
   */
  source?: string;
}

/**
 * Detects the field delimiter from the header line and the records that follow it.
 *
 * @example
 * detectDelimiter('"age";"job"\n58;"management"\n', { complete: true });
 * // => ';'
 */
export function detectDelimiter(sample: string, options: DetectDelimiterOptions = {}): Delimiter {
  const { preferred, complete = false, source } = options;

  // Field counts of the header and sampled records under each candidate.
  const counts = new Map(DELIMITERS.map((d) => [d, fieldCounts(sample, d, complete)] as const));
  const present = DELIMITERS.filter((d) => (counts.get(d)?.[0] ?? 0) > 1);
  if (present.length === 0) return preferred ?? ',';
  if (present.length === 1) return present[0];

  // Several split the header: keep those that split every sampled record the same way.
  const consistent = present.filter((d) => {
    const [header, ...records] = counts.get(d) ?? [];
    return records.every((n) => n === header);
  });
  if (consistent.length === 1) return consistent[0];
  if (preferred !== undefined && consistent.includes(preferred)) return preferred;

  const names = present.map(delimiterName).join(', ');
  throw new IoError(
    'AMBIGUOUS_DELIMITER',
    `${placeText(source)}: cannot tell the delimiter; the header splits on ${names}. ` +
      `Pass --delimiter (one of , ; tab |).`,
    { file: source },
  );
}

/** Field counts of the first records of `sample` when split on `delimiter`. */
function fieldCounts(sample: string, delimiter: Delimiter, complete: boolean): number[] {
  const counts: number[] = [];
  const tokenizer = new CsvTokenizer(delimiter, (fields) => {
    counts.push(fields.length);
    return counts.length <= DETECT_SAMPLE_RECORDS;
  });
  tokenizer.push(sample);

  // A last line without a line break, if the sample is the whole input.
  if (complete) {
    try {
      tokenizer.end();
    } catch {
      // An open quote is reported by the real parse, with its line.
    }
  }
  return counts;
}

function delimiterName(delimiter: Delimiter): string {
  return delimiter === '\t' ? 'tab' : `"${delimiter}"`;
}
