import { describe, expect, it } from 'vitest';

import { IoError, parseCsv, rowObject } from '../src/index.js';

describe('rowObject', () => {
  it('returns a null-prototype object keyed by column name', () => {
    const table = parseCsv('__proto__,constructor,toString,polluted\n{"polluted":1},x,y,yes\n');
    const row = rowObject(table, 0);
    expect(Object.getPrototypeOf(row)).toBeNull();
    expect(row['__proto__']).toBe('{"polluted":1}');
    expect(row['constructor']).toBe('x');
    expect(row['toString']).toBe('y');
    expect(Object.keys(row)).toEqual(['__proto__', 'constructor', 'toString', 'polluted']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects a row index out of range', () => {
    const table = parseCsv('a\n1\n');
    expect(rowObject(table, 0)).toEqual(Object.assign(Object.create(null), { a: '1' }));
    for (const r of [-1, 1, 0.5]) expect(() => rowObject(table, r)).toThrow(IoError);
  });
});
