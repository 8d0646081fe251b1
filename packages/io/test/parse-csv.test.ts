import { describe, expect, it } from 'vitest';

import { IoError, parseCsv } from '../src/index.js';

/** Runs `fn`, expecting an IoError, and returns it. */
function ioErrorOf(fn: () => unknown): IoError {
  try {
    fn();
  } catch (error) {
    if (error instanceof IoError) return error;
    throw error;
  }
  throw new Error('expected an IoError');
}

describe('parseCsv', () => {
  it('reads a header and rows into columns, with the line of each row', () => {
    const table = parseCsv('id,stage\n1,won\n2,lost\n', { source: 'deals.csv' });
    expect(table.columns).toEqual(['id', 'stage']);
    expect(table.data).toEqual([
      ['1', '2'],
      ['won', 'lost'],
    ]);
    expect(table.rowCount).toBe(2);
    expect([...(table.lines ?? [])]).toEqual([2, 3]);
    expect(table.source).toBe('deals.csv');
  });

  it('strips a UTF-8 byte-order mark from the first header', () => {
    const table = parseCsv('\uFEFFid,name\n1,Ana\n');
    expect(table.columns).toEqual(['id', 'name']);
  });

  it.each([
    ['semicolon', '"age";"job"\n58;"management"\n', ';'],
    ['tab', 'age\tjob\n58\tmanagement\n', '\t'],
    ['pipe', 'age|job\n58|management\n', '|'],
  ])('detects a %s delimiter', (_name, text) => {
    const table = parseCsv(text);
    expect(table.columns).toEqual(['age', 'job']);
    expect(table.data).toEqual([['58'], ['management']]);
  });

  it('handles CRLF line ends without leaving \\r in cells', () => {
    const table = parseCsv('a,b\r\n1,2\r\n3,4\r\n');
    expect(table.data).toEqual([
      ['1', '3'],
      ['2', '4'],
    ]);
    expect([...(table.lines ?? [])]).toEqual([2, 3]);
  });

  it('handles a lone CR as a line end', () => {
    const table = parseCsv('a,b\r1,2\r3,4');
    expect(table.data).toEqual([
      ['1', '3'],
      ['2', '4'],
    ]);
    expect([...(table.lines ?? [])]).toEqual([2, 3]);
  });

  it('keeps line breaks and doubled quotes inside quoted fields, and counts their lines', () => {
    const text = 'id,note\r\n1,"line one\r\nline ""two"""\r\n2,plain\r\n';
    const table = parseCsv(text);
    expect(table.data[1]).toEqual(['line one\r\nline "two"', 'plain']);
    // Row 1 starts on line 2 and spans lines 2-3, so row 2 starts on line 4.
    expect([...(table.lines ?? [])]).toEqual([2, 4]);
  });

  it('keeps a quote inside an unquoted field and text after a closing quote', () => {
    const table = parseCsv('a,b\n5" screen,"ab"c\n');
    expect(table.data).toEqual([['5" screen'], ['abc']]);
  });

  it('skips blank lines but keeps the line numbers of the rows around them', () => {
    const table = parseCsv('a\n1\n\n2\n');
    expect(table.data).toEqual([['1', '2']]);
    expect([...(table.lines ?? [])]).toEqual([2, 4]);
  });

  it('reads a last line that has no line break', () => {
    expect(parseCsv('a,b\n1,2').data).toEqual([['1'], ['2']]);
    expect(parseCsv('a,b\n1,').data).toEqual([['1'], ['']]);
  });

  it('drops a trailing column whose header and cells are all empty (a trailing comma)', () => {
    const table = parseCsv('a,b,\r\n1,2,\r\n3,,\r\n');
    expect(table.columns).toEqual(['a', 'b']);
    expect(table.data).toEqual([
      ['1', '3'],
      ['2', ''],
    ]);
  });

  it('names an empty header column_<position> when the column has values or is not last', () => {
    expect(parseCsv('a,b,\n1,2,x\n').columns).toEqual(['a', 'b', 'column_3']);
    expect(parseCsv('a,,c\n1,,3\n').columns).toEqual(['a', 'column_2', 'c']);
  });

  it('renames repeated header names name_2, name_3, skipping names already used', () => {
    const table = parseCsv('email,name,email,email_2\n1,2,3,4\n');
    expect(table.columns).toEqual(['email', 'name', 'email_3', 'email_2']);
    expect(table.data).toEqual([['1'], ['2'], ['3'], ['4']]);
  });

  it('reads headers such as __proto__ and toString without touching any prototype', () => {
    const table = parseCsv('__proto__,constructor,toString,polluted\n{"polluted":1},x,y,yes\n');
    expect(table.columns).toEqual(['__proto__', 'constructor', 'toString', 'polluted']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(typeof ({} as { toString: unknown }).toString).toBe('function');
  });

  it('reports a row with the wrong number of fields with file, line and both counts', () => {
    const error = ioErrorOf(() => parseCsv('a,b\n1,2\n3\n', { source: 'deals.csv' }));
    expect(error.code).toBe('FIELD_COUNT');
    expect(error.file).toBe('deals.csv');
    expect(error.row).toBe(3);
    expect(error.message).toContain('deals.csv, line 3');
    expect(error.message).toContain('expected 2 fields');
    expect(error.message).toContain('found 1');
  });

  it('gives the line of a bad row after a quoted field spanning two lines', () => {
    const error = ioErrorOf(() => parseCsv('a,b\n1,"x\ny"\n3\n'));
    expect(error.row).toBe(4);
  });

  it('reports a quote that is never closed with the line where it opened', () => {
    const error = ioErrorOf(() => parseCsv('a,b\n1,2\n3,"open\n4,5\n', { source: 'x.csv' }));
    expect(error.code).toBe('CSV_SYNTAX');
    expect(error.row).toBe(3);
    expect(error.message).toContain('x.csv, line 3');
  });

  it('asks for --delimiter when the header is ambiguous, and obeys it', () => {
    const text = 'a,b;c\n1,2;3\n';
    const error = ioErrorOf(() => parseCsv(text));
    expect(error.code).toBe('AMBIGUOUS_DELIMITER');
    expect(error.message).toContain('--delimiter');
    expect(parseCsv(text, { delimiter: ';' }).columns).toEqual(['a,b', 'c']);
  });

  it('throws EMPTY_FILE for empty text and returns no rows for a header alone', () => {
    expect(ioErrorOf(() => parseCsv('')).code).toBe('EMPTY_FILE');
    expect(ioErrorOf(() => parseCsv('\r\n\n')).code).toBe('EMPTY_FILE');
    const table = parseCsv('a,b\n');
    expect(table.columns).toEqual(['a', 'b']);
    expect(table.rowCount).toBe(0);
    expect(table.data).toEqual([[], []]);
  });

  it('stops after maxRows and does not check the rows after it', () => {
    const table = parseCsv('a,b\n1,2\n3,4\nbroken\n', { maxRows: 2 });
    expect(table.rowCount).toBe(2);
    expect(table.data).toEqual([
      ['1', '3'],
      ['2', '4'],
    ]);
    expect(parseCsv('a,b\n1,2\n', { maxRows: 0 }).rowCount).toBe(0);
  });

  it('reports progress every 100,000 rows and once at the end', () => {
    const text = `a\n${'1\n'.repeat(250_000)}`;
    const reports: number[] = [];
    parseCsv(text, { onProgress: (n) => reports.push(n) });
    expect(reports).toEqual([100_000, 200_000, 250_000]);
  });

  it('keeps every value of a column with more distinct values than are interned', () => {
    // 12,000 distinct values: past the 10,000 interning limit.
    const values = Array.from({ length: 12_000 }, (_, i) => `id-${i}`);
    const table = parseCsv(`id,kind\n${values.map((v, i) => `${v},k${i % 3}`).join('\n')}\n`);
    expect(table.data[0]).toEqual(values);
    expect(table.data[1].slice(0, 4)).toEqual(['k0', 'k1', 'k2', 'k0']);
  });

  it('rejects bad options with BAD_OPTION', () => {
    const bad = [{ delimiter: ':' }, { maxRows: -1 }, { maxRows: 1.5 }, { encoding: 'latin1' }];
    for (const options of bad) {
      expect(ioErrorOf(() => parseCsv('a\n1\n', options as never)).code).toBe('BAD_OPTION');
    }
  });
});
