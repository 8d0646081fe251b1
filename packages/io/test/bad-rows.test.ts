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

describe("badRows: 'keep' for JSON lines", () => {
  it('keeps a line that is not a JSON object as an empty row and lists it', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { readTable } = await import('../src/read-table.js');
    const dir = await mkdtemp(join(tmpdir(), 'fitgate-jsonl-'));
    const path = join(dir, 'leads.jsonl');
    await writeFile(path, '{"a":"1"}\n{not json\n{"a":"3"}\n');
    const table = await readTable(path, { badRows: 'keep' });
    expect(table.rowCount).toBe(3);
    expect(table.data[0]).toEqual(['1', '', '3']);
    expect(table.problems).toEqual([{ row: 1, line: 2, message: 'line 2: not a JSON object' }]);
    await expect(readTable(path)).rejects.toThrow(/line 2/);
    await rm(dir, { recursive: true, force: true });
  });
});
