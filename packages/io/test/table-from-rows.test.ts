import { describe, expect, it } from 'vitest';

import { IoError, rowObject, tableFromRows } from '../src/index.js';

describe('tableFromRows', () => {
  it('takes the union of keys in first-seen order and fills missing cells with ""', () => {
    const table = tableFromRows([
      { id: 1, stage: 'won' },
      { id: 2, owner: 'ana' },
    ]);
    expect(table.columns).toEqual(['id', 'stage', 'owner']);
    expect(table.data).toEqual([
      ['1', '2'],
      ['won', ''],
      ['', 'ana'],
    ]);
    expect(table.rowCount).toBe(2);
    expect(table.lines).toBeUndefined();
  });

  it('converts values to cell text', () => {
    const table = tableFromRows([
      { a: null, b: undefined, c: Number.NaN, d: false, e: 0.1, f: [1] },
    ]);
    expect(table.data.map((cells) => cells[0])).toEqual(['', '', '', 'false', '0.1', '[1]']);
  });

  it('treats a "__proto__" key as an ordinary column', () => {
    const rows = [JSON.parse('{"__proto__": "x", "polluted": "y"}') as Record<string, unknown>];
    const table = tableFromRows(rows);
    expect(table.columns).toEqual(['__proto__', 'polluted']);
    expect(rowObject(table, 0)['__proto__']).toBe('x');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('returns an empty table for no rows and rejects a row that is not an object', () => {
    expect(tableFromRows([])).toEqual({ columns: [], data: [], rowCount: 0 });
    expect(() => tableFromRows([{ a: 1 }, null as never])).toThrow(IoError);
  });
});
