import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/parse-csv.js';

describe("badRows: 'keep'", () => {
  const text = 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n';

  it('keeps short and long rows at the header width and lists them', () => {
    const table = parseCsv(text, { badRows: 'keep', source: 'leads.csv' });
    expect(table.rowCount).toBe(4);
    expect(table.data.map((column) => column[1])).toEqual(['4', '5', '']);
    expect(table.data.map((column) => column[2])).toEqual(['6', '7', '8']);
    expect(table.problems).toEqual([
      { row: 1, line: 3, message: 'line 3: expected 3 fields but found 2' },
      { row: 2, line: 4, message: 'line 4: expected 3 fields but found 4' },
    ]);
  });

  it('still stops by default, naming the file and line', () => {
    expect(() => parseCsv(text, { source: 'leads.csv' })).toThrow(/leads\.csv.*line 3/);
  });
});
