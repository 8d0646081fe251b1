import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { CsvTokenizer } from '../src/csv-tokenizer.js';
import { formatCsv } from '../src/index.js';

/** Tokenizes `text` pushed in the given pieces; returns the records and their lines. */
function tokenize(pieces: string[], delimiter = ','): { records: string[][]; lines: number[] } {
  const records: string[][] = [];
  const lines: number[] = [];
  const tokenizer = new CsvTokenizer(delimiter, (fields, line) => {
    records.push(fields);
    lines.push(line);
    return true;
  });
  for (const piece of pieces) tokenizer.push(piece);
  tokenizer.end();
  return { records, lines };
}

/** Splits `text` at the given positions. */
function splitAt(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let start = 0;
  for (const point of points) {
    pieces.push(text.slice(start, point));
    start = point;
  }
  pieces.push(text.slice(start));
  return pieces;
}

// Cells drawn from characters that exercise quoting and line counting.
const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\r', '\n', ' ', 'é', '€') });

describe('CsvTokenizer', () => {
  it('counts a CRLF split across two chunks as one line break', () => {
    const { records, lines } = tokenize(['a,b\r', '\n1,2\r', '\n3,4']);
    expect(records).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(lines).toEqual([1, 2, 3]);
  });

  it('reads back what formatCsv wrote, however the text is cut into chunks', () => {
    // Property: tokenize(formatCsv(rows)) === rows for any cells and any chunking, and each
    // record's line is 1 + the number of line breaks (CRLF, CR or LF) before it.
    const rows = fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 8 });
    const cuts = fc.array(fc.nat(), { maxLength: 6 });
    fc.assert(
      fc.property(rows, cuts, (cells, cutPoints) => {
        const body = formatCsv(['h1', 'h2'], cells, { guardFormulas: false });
        const { records, lines } = tokenize(splitAt(body, cutPoints));
        expect(records).toEqual([['h1', 'h2'], ...cells]);

        // Expected lines: count breaks in the text before each record's start.
        let offset = 0;
        const expected = [1];
        const recordTexts = body.split(/(?<=\n)(?=(?:[^"]*"[^"]*")*[^"]*$)/);
        for (const text of recordTexts.slice(0, -1)) {
          offset += text.length;
          expected.push(1 + (body.slice(0, offset).match(/\r\n|\r|\n/g)?.length ?? 0));
        }
        expect(lines).toEqual(expected);
      }),
      { numRuns: 300, seed: 20240611 },
    );
  });
});
