import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { IoError, parseCsv, readTable, rowObject } from '../src/index.js';
import type { Table } from '../src/index.js';

/** The repository's gzipped copies of the real data sets. */
const DATA = fileURLToPath(new URL('../../../data/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fitgate-io-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes `content` to a file in the temporary directory and returns its path. */
async function fileWith(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/** Awaits `promise`, expecting an IoError, and returns it. */
async function ioErrorOf(promise: Promise<unknown>): Promise<IoError> {
  const error = await promise.then(
    () => new Error('expected an IoError'),
    (caught: unknown) => caught,
  );
  if (error instanceof IoError) return error;
  throw error;
}

/** The cells of column `name`. */
function column(table: Table, name: string): string[] {
  return table.data[table.columns.indexOf(name)];
}

describe('readTable on the real data sets', () => {
  // Reference values: pandas.read_csv(path, sep=..., dtype=str, keep_default_na=False) with
  // /usr/bin/python3; every cell of all three files was also compared equal to pandas.

  it('reads bank-full.csv.gz (";" and quoted strings): 17 columns, 45,211 rows', async () => {
    const table = await readTable(`${DATA}bank-marketing/bank-full.csv.gz`);
    expect(table.columns).toEqual([
      'age',
      'job',
      'marital',
      'education',
      'default',
      'balance',
      'housing',
      'loan',
      'contact',
      'day',
      'month',
      'duration',
      'campaign',
      'pdays',
      'previous',
      'poutcome',
      'y',
    ]);
    expect(table.rowCount).toBe(45_211);
    expect(table.data.every((cells) => cells.length === 45_211)).toBe(true);

    // pandas: y value_counts {'no': 39922, 'yes': 5289}; 12 distinct jobs; last row as below.
    expect(column(table, 'y').filter((y) => y === 'yes').length).toBe(5289);
    expect(new Set(column(table, 'job')).size).toBe(12);
    expect(table.data.map((cells) => cells[45_210])).toEqual([
      '37',
      'entrepreneur',
      'married',
      'secondary',
      'no',
      '2971',
      'no',
      'no',
      'cellular',
      '17',
      'nov',
      '361',
      '2',
      '188',
      '11',
      'other',
      'no',
    ]);
    expect(table.lines?.[45_210]).toBe(45_212);
  });

  it('reads Leads.csv.gz (CRLF, a trailing comma): 37 columns, 9,240 rows', async () => {
    const table = await readTable(`${DATA}x-education-leads/Leads.csv.gz`);
    expect(table.columns.length).toBe(37);
    expect(table.rowCount).toBe(9240);
    expect(table.columns[0]).toBe('Prospect ID');
    expect(table.columns[36]).toBe('Last Notable Activity');

    // pandas: 3561 rows with Converted == '1'; 2461 empty Country cells; last Prospect ID.
    expect(column(table, 'Converted').filter((c) => c === '1').length).toBe(3561);
    expect(column(table, 'Country').filter((c) => c === '').length).toBe(2461);
    expect(column(table, 'Prospect ID')[9239]).toBe('571b5c8e-a5b2-4d57-8574-f2ffb06fdeff');
    expect(table.data.some((cells) => cells.some((cell) => cell.includes('\r')))).toBe(false);
  });

  it('reads sales_pipeline.csv.gz: 8 columns, 8,800 rows', async () => {
    const table = await readTable(`${DATA}crm-sales-opportunities/sales_pipeline.csv.gz`);
    expect(table.columns).toEqual([
      'opportunity_id',
      'sales_agent',
      'product',
      'account',
      'deal_stage',
      'engage_date',
      'close_date',
      'close_value',
    ]);
    expect(table.rowCount).toBe(8800);

    // pandas: deal_stage value_counts.
    const counts = new Map<string, number>();
    for (const stage of column(table, 'deal_stage'))
      counts.set(stage, (counts.get(stage) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({
      Won: 4238,
      Lost: 2473,
      Engaging: 1589,
      Prospecting: 500,
    });
  });

  it('stops a gzipped read after maxRows and reports progress at the end', async () => {
    const reports: number[] = [];
    const table = await readTable(`${DATA}bank-marketing/bank-full.csv.gz`, {
      maxRows: 100,
      onProgress: (n) => reports.push(n),
    });
    expect(table.rowCount).toBe(100);
    expect(table.data[0].length).toBe(100);
    expect(table.lines?.[99]).toBe(101);
    expect(reports).toEqual([100]);
  });
});

describe('readTable on CRM-export quirks', () => {
  it('reads the fixture export: BOM, CRLF, trailing comma, multi-line quoted note', async () => {
    const table = await readTable(`${FIXTURES}crm-export.csv`);
    expect(table.columns).toEqual(['Lead ID', '__proto__', 'constructor', 'toString', 'Note']);
    expect(table.rowCount).toBe(3);
    expect(column(table, 'Note')).toEqual([
      'first line\r\nsecond "quoted" line',
      'plain',
      'semi; colon, comma',
    ]);
    expect([...(table.lines ?? [])]).toEqual([2, 4, 5]);

    // No prototype is touched by the awkward headers, and rows read back safely.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const row = rowObject(table, 1);
    expect([row['__proto__'], row['constructor'], row['toString']]).toEqual([
      'referral',
      'no',
      'b',
    ]);
  });

  it('reads a .tsv file and prefers tab when the header could split either way', async () => {
    const path = await fileWith('leads.tsv', 'name,title\tstage\nAna,CEO\twon\n');
    const table = await readTable(path);
    expect(table.columns).toEqual(['name,title', 'stage']);
  });

  it('gives the same table as parseCsv across chunk and gzip boundaries', async () => {
    // About 3 MB with multi-byte characters and quoted line breaks, so that UTF-8 sequences,
    // CRLF pairs and quoted fields are cut by the 1 MiB read chunks and the gunzip chunks.
    const rows = Array.from(
      { length: 40_000 },
      (_, i) => `${i};"Zürich € ${i % 97}\r\nsecond line";${'é'.repeat(i % 13)};${i % 5}`,
    );
    const text = `id;city;accent;bucket\r\n${rows.join('\r\n')}\r\n`;
    const expected = parseCsv(text);
    const plain = await readTable(await fileWith('big.csv', text));
    const gzipped = await readTable(await fileWith('big.csv.gz', gzipSync(text)));
    for (const table of [plain, gzipped]) {
      expect(table.columns).toEqual(expected.columns);
      expect(table.data).toEqual(expected.data);
      expect(table.lines).toEqual(expected.lines);
    }
    expect(expected.lines?.[1]).toBe(4);
  });

  it('reports a bad row in a file with its path and line', async () => {
    const path = await fileWith('bad.csv', 'a,b\n1,2\n3,4,5\n');
    const error = await ioErrorOf(readTable(path));
    expect([error.code, error.file, error.row]).toEqual(['FIELD_COUNT', path, 3]);
    expect(error.message).toContain(`${path}, line 3: expected 2 fields`);
  });

  it('rejects a file that is not UTF-8 with BAD_ENCODING', async () => {
    // "café" in Windows-1252: the byte 0xE9 alone is not valid UTF-8.
    const path = await fileWith('latin1.csv', Buffer.from('name\ncaf\xe9\n', 'latin1'));
    const error = await ioErrorOf(readTable(path));
    expect(error.code).toBe('BAD_ENCODING');
    expect(error.file).toBe(path);
  });

  it('throws READ_FAILED for a missing file, UNSUPPORTED_FORMAT for an unknown type', async () => {
    const missing = await ioErrorOf(readTable(join(dir, 'nope.csv.gz')));
    expect(missing.code).toBe('READ_FAILED');
    expect(missing.message).toContain('ENOENT');
    expect((await ioErrorOf(readTable(join(dir, 'x.xlsx')))).code).toBe('UNSUPPORTED_FORMAT');
    expect((await ioErrorOf(readTable(join(dir, 'x.csv'), { maxRows: -1 }))).code).toBe(
      'BAD_OPTION',
    );
  });

  it('throws READ_FAILED for a corrupt gzip file', async () => {
    const path = await fileWith('corrupt.csv.gz', 'not gzip at all\n');
    expect((await ioErrorOf(readTable(path))).code).toBe('READ_FAILED');
  });
});

describe('readTable on JSON lines', () => {
  it('reads objects, taking the union of keys and skipping blank lines', async () => {
    const text =
      '\uFEFF{"id": 1, "stage": "won"}\r\n\r\n{"id": 2, "owner": "ana", "score": 0.5}\n' +
      '{"__proto__": {"polluted": 1}, "id": 3, "tags": ["a"]}\n';
    const table = await readTable(await fileWith('deals.jsonl', text));
    expect(table.columns).toEqual(['id', 'stage', 'owner', 'score', '__proto__', 'tags']);
    expect(table.data).toEqual([
      ['1', '2', '3'],
      ['won', '', ''],
      ['', 'ana', ''],
      ['', '0.5', ''],
      ['', '', '{"polluted":1}'],
      ['', '', '["a"]'],
    ]);
    expect([...(table.lines ?? [])]).toEqual([1, 3, 4]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads .ndjson.gz and stops after maxRows', async () => {
    const text = `${Array.from({ length: 10 }, (_, i) => JSON.stringify({ i })).join('\n')}\n`;
    const table = await readTable(await fileWith('d.ndjson.gz', gzipSync(text)), { maxRows: 3 });
    expect(table.data).toEqual([['0', '1', '2']]);
  });

  it('names the line of invalid JSON or of a value that is not an object', async () => {
    const bad = await ioErrorOf(readTable(await fileWith('bad.jsonl', '{"a":1}\n{"a":\n')));
    expect([bad.code, bad.row]).toEqual(['BAD_JSON', 2]);
    const array = await ioErrorOf(readTable(await fileWith('arr.jsonl', '{"a":1}\n\n[1,2]\n')));
    expect([array.code, array.row]).toEqual(['BAD_JSON', 3]);
    expect(array.message).toContain('line 3: expected a JSON object');
  });
});
