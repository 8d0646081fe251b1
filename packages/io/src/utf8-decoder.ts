/**
 * Strict streaming UTF-8 decoding for the readers (internal): strips a byte-order mark and turns
 * an invalid byte into an `IoError` that names the file and the line reached.
 */

import { IoError, placeText } from './io-error.js';

/** Decodes UTF-8 chunk by chunk; a character split across chunks is kept for the next one. */
export class Utf8Decoder {
  // ignoreBOM: false strips a byte-order mark; fatal: true rejects invalid bytes.
  readonly #decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  readonly #source: string;

  constructor(source: string) {
    this.#source = source;
  }

  /** Decodes the next chunk, or flushes at the end when `chunk` is undefined. */
  decode(chunk: Uint8Array | undefined, line?: number): string {
    try {
      if (chunk === undefined) return this.#decoder.decode();
      return this.#decoder.decode(chunk, { stream: true });
    } catch (error) {
      throw new IoError(
        'BAD_ENCODING',
        `${placeText(this.#source, line)}: the file is not valid UTF-8 (near this line). Save it ` +
          `as UTF-8, e.g. iconv -f cp1252 -t utf-8 in.csv > out.csv.`,
        { file: this.#source, row: line, cause: error },
      );
    }
  }
}
