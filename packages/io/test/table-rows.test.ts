import { describe, expect, it } from 'vitest';

import { parseCsv, tableRows } from '../src/index.js';

describe('tableRows', () => {
  it('yields each row as an array in column order', () => {
    expect([...tableRows(parseCsv('a,b\n1,2\n3,4\n'))]).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect([...tableRows(parseCsv('a,b\n'))]).toEqual([]);
  });
});
