import { describe, expect, it } from 'vitest';

import { IoError, formatCsv, parseCsv } from '../src/index.js';

describe('formatCsv', () => {
  it('quotes fields with commas, quotes or line breaks (RFC 4180) and ends lines with LF', () => {
    const text = formatCsv(
      ['name', 'note'],
      [
        ['a, b', 'say "hi"'],
        ['line\nbreak', 'cr\rhere'],
        ['plain', ''],
      ],
    );
    expect(text).toBe('name,note\n"a, b","say ""hi"""\n"line\nbreak","cr\rhere"\nplain,\n');
  });

  it('guards text cells and header names but never numbers', () => {
    const text = formatCsv(
      ['=h', 'n'],
      [
        ['=1+2', -12.5],
        ['-12.5', -3],
      ],
    );
    expect(text).toBe("'=h,n\n'=1+2,-12.5\n-12.5,-3\n");
  });

  it('writes cells unguarded when guardFormulas is false', () => {
    expect(formatCsv(['a'], [['=1']], { guardFormulas: false })).toBe('a\n=1\n');
  });

  it('writes null, undefined and NaN as empty, dates as ISO 8601, objects as JSON', () => {
    const date = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
    const text = formatCsv(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
      [[null, undefined, Number.NaN, true, 10n, date, { k: [1] }]],
    );
    expect(text).toBe('a,b,c,d,e,f,g\n,,,true,10,2024-01-02T03:04:05.000Z,"{""k"":[1]}"\n');
  });

  it('reads back as the same cells', () => {
    const rows = [
      ['x,y', '"q"'],
      ['multi\r\nline', ''],
    ];
    const table = parseCsv(formatCsv(['a', 'b'], rows));
    expect(table.data).toEqual([
      ['x,y', 'multi\r\nline'],
      ['"q"', ''],
    ]);
  });

  it('throws FIELD_COUNT for a row with the wrong number of cells', () => {
    expect(() => formatCsv(['a', 'b'], [['1', '2'], ['3']])).toThrow(IoError);
    expect(() => formatCsv(['a', 'b'], [['1', '2'], ['3']])).toThrow(/row 2 has 1 cells/);
  });
});
