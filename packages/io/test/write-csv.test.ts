import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { IoError, readTable, writeCsv } from '../src/index.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fitgate-io-write-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Rows of about 100 characters; 30,000 of them are more than the 1 MiB write chunk. */
function* rowsThatFailAt(failAt: number): Generator<unknown[]> {
  for (let r = 0; r < failAt; r += 1) yield [r, `lead ${r} ${'x'.repeat(90)}`];
  throw new Error('source broke');
}

describe('writeCsv', () => {
  it('writes quoted, guarded CSV with LF line ends, leaving numbers alone', async () => {
    const path = join(dir, 'out.csv');
    await writeCsv(
      path,
      ['name', 'amount'],
      [
        ['=HYPERLINK("http://x")', -12.5],
        ['-12.5', 3],
        ['Acme, Inc', null],
      ],
    );
    expect(await readFile(path, 'utf8')).toBe(
      'name,amount\n"\'=HYPERLINK(""http://x"")",-12.5\n-12.5,3\n"Acme, Inc",\n',
    );
    expect(await readdir(dir)).toEqual(['out.csv']);
  });

  it('accepts async rows and reads back the same cells', async () => {
    const path = join(dir, 'round.csv');
    async function* rows(): AsyncGenerator<string[]> {
      yield ['1', 'line\nbreak'];
      yield ['2', 'say "hi"'];
    }
    await writeCsv(path, ['id', 'note'], rows());
    const table = await readTable(path);
    expect(table.data).toEqual([
      ['1', '2'],
      ['line\nbreak', 'say "hi"'],
    ]);
  });

  it('leaves no output and no temporary file when the rows iterator throws midway', async () => {
    const path = join(dir, 'out.csv');
    await expect(writeCsv(path, ['id', 'text'], rowsThatFailAt(30_000))).rejects.toThrow(
      'source broke',
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps an existing file unchanged when a rewrite fails', async () => {
    const path = join(dir, 'out.csv');
    await writeFile(path, 'old\n');
    await expect(writeCsv(path, ['id', 'text'], rowsThatFailAt(30_000))).rejects.toThrow();
    expect(await readFile(path, 'utf8')).toBe('old\n');
    expect(await readdir(dir)).toEqual(['out.csv']);
  });

  it('throws FIELD_COUNT for a short row and writes nothing', async () => {
    const path = join(dir, 'out.csv');
    const error = await writeCsv(path, ['a', 'b'], [['1', '2'], ['3']]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IoError);
    expect((error as IoError).code).toBe('FIELD_COUNT');
    expect(await readdir(dir)).toEqual([]);
  });

  it('throws WRITE_FAILED naming the file when the directory does not exist', async () => {
    const path = join(dir, 'missing', 'out.csv');
    const error = await writeCsv(path, ['a'], [['1']]).catch((e: unknown) => e);
    expect((error as IoError).code).toBe('WRITE_FAILED');
    expect((error as IoError).file).toBe(path);
  });
});
