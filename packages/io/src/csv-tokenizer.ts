/**
 * An incremental RFC 4180 CSV tokenizer (internal): text goes in chunk by chunk, records come out
 * with the 1-based line on which each starts. It counts CRLF, LF and a lone CR as one line break
 * each, inside quoted fields too, so line numbers match what an editor shows.
 *
 * Lenient where spreadsheets and Python's `csv` module are lenient: a quote inside an unquoted
 * field is kept as text, and text after a closing quote is appended to the field (`"ab"c` gives
 * `abc`). Blank lines are skipped. A quote left open at the end of the input is an error.
 */

import { IoError, placeText } from './io-error.js';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const BOM = 0xfeff;

/** Tokenizer states. */
const RECORD_START = 0;
const FIELD_START = 1;
const UNQUOTED = 2;
const QUOTED = 3;
const AFTER_QUOTE = 4;

/** Receives each record; returning `false` stops the tokenizer. */
export type RecordSink = (fields: string[], line: number) => boolean;

/** Splits CSV text, pushed in chunks of any size, into records of fields. */
export class CsvTokenizer {
  readonly #delimiter: number;
  readonly #sink: RecordSink;
  readonly #source: string | undefined;
  #state = RECORD_START;
  #field = '';
  #fields: string[] = [];
  #line = 1;
  #recordLine = 1;
  #quoteLine = 1;
  #lastWasCR = false;
  #started = false;
  #stopped = false;

  constructor(delimiter: string, sink: RecordSink, source?: string) {
    this.#delimiter = delimiter.charCodeAt(0);
    this.#sink = sink;
    this.#source = source;
  }

  /** True once the sink asked to stop; later input is ignored. */
  get stopped(): boolean {
    return this.#stopped;
  }

  /** The 1-based line the tokenizer has reached (for messages about the input). */
  get line(): number {
    return this.#line;
  }

  /** Tokenizes the next chunk of text. */
  push(chunk: string): void {
    let text = chunk;
    if (!this.#started && text.length > 0) {
      this.#started = true;
      if (text.charCodeAt(0) === BOM) text = text.slice(1);
    }

    let i = 0;
    const n = text.length;
    while (i < n && !this.#stopped) i = this.#step(text, i);
    if (n > 0) this.#lastWasCR = text.charCodeAt(n - 1) === CR;
  }

  /** Ends the input: emits a last record without a line break, or throws on an open quote. */
  end(): void {
    if (this.#stopped || this.#state === RECORD_START) return;
    if (this.#state === QUOTED) {
      const where = placeText(this.#source, this.#quoteLine);
      throw new IoError(
        'CSV_SYNTAX',
        `${where}: a quoted field starts here and is never closed. ` +
          `Check for a stray " in this row.`,
        { file: this.#source, row: this.#quoteLine },
      );
    }
    this.#endField();
    this.#emit();
  }

  /** Consumes input from `i` in the current state; returns the next position. */
  #step(text: string, i: number): number {
    switch (this.#state) {
      case RECORD_START:
        return this.#recordStart(text, i);
      case FIELD_START:
        return this.#fieldStart(text, i);
      case UNQUOTED:
        return this.#unquoted(text, i);
      case QUOTED:
        return this.#quoted(text, i);
      default:
        return this.#afterQuote(text, i);
    }
  }

  #recordStart(text: string, i: number): number {
    const c = text.charCodeAt(i);

    // Blank lines between records are skipped.
    if (c === CR || c === LF) {
      this.#countBreak(text, i);
      return i + 1;
    }
    this.#recordLine = this.#line;
    this.#state = FIELD_START;
    return i;
  }

  #fieldStart(text: string, i: number): number {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      this.#state = QUOTED;
      this.#quoteLine = this.#line;
      return i + 1;
    }
    if (c === this.#delimiter) {
      this.#fields.push('');
      return i + 1;
    }
    if (c === CR || c === LF) {
      this.#fields.push('');
      this.#emit();
      this.#countBreak(text, i);
      return i + 1;
    }
    this.#state = UNQUOTED;
    return i;
  }

  #unquoted(text: string, i: number): number {
    // Scan to the end of the field; quotes here are ordinary text.
    const n = text.length;
    let j = i;
    let c = 0;
    while (j < n) {
      c = text.charCodeAt(j);
      if (c === this.#delimiter || c === CR || c === LF) break;
      j += 1;
    }
    this.#field += text.slice(i, j);
    if (j === n) return n;

    this.#endField();
    if (c === this.#delimiter) {
      this.#state = FIELD_START;
    } else {
      this.#emit();
      this.#countBreak(text, j);
    }
    return j + 1;
  }

  #quoted(text: string, i: number): number {
    // Scan to the next quote, counting the line breaks inside the field.
    const n = text.length;
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === QUOTE) break;
      if (c === CR || c === LF) this.#countBreak(text, j);
      j += 1;
    }
    this.#field += text.slice(i, j);
    if (j === n) return n;
    this.#state = AFTER_QUOTE;
    return j + 1;
  }

  #afterQuote(text: string, i: number): number {
    const c = text.charCodeAt(i);

    // A doubled quote is a literal quote.
    if (c === QUOTE) {
      this.#field += '"';
      this.#state = QUOTED;
      return i + 1;
    }
    if (c === this.#delimiter) {
      this.#endField();
      this.#state = FIELD_START;
      return i + 1;
    }
    if (c === CR || c === LF) {
      this.#endField();
      this.#emit();
      this.#countBreak(text, i);
      return i + 1;
    }

    // Text after a closing quote is kept, as spreadsheets do.
    this.#state = UNQUOTED;
    return i;
  }

  #endField(): void {
    this.#fields.push(this.#field);
    this.#field = '';
  }

  #emit(): void {
    const fields = this.#fields;
    this.#fields = [];
    this.#state = RECORD_START;
    if (!this.#sink(fields, this.#recordLine)) this.#stopped = true;
  }

  /** Counts the line break at `i`: CR, LF, and CRLF each count once. */
  #countBreak(text: string, i: number): void {
    if (text.charCodeAt(i) === CR) {
      this.#line += 1;
      return;
    }
    const previousIsCR = i > 0 ? text.charCodeAt(i - 1) === CR : this.#lastWasCR;
    if (!previousIsCR) this.#line += 1;
  }
}
