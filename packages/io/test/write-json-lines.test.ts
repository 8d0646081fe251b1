import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { readTable, writeJsonLines } from '../src/index.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fitgate-io-jsonl-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeJsonLines', () => {
  it('writes one JSON object per line, unguarded, and reads back', async () => {
    const path = join(dir, 'out.jsonl');
    await writeJsonLines(path, [
      { id: 1, note: '=1+2' },
      { id: 2, verdict: 'REVIEW' },
    ]);
    expect(await readFile(path, 'utf8')).toBe(
      '{"id":1,"note":"=1+2"}\n{"id":2,"verdict":"REVIEW"}\n',
    );
    const table = await readTable(path);
    expect(table.columns).toEqual(['id', 'note', 'verdict']);
  });

  it('leaves no output and no temporary file when the records iterator throws midway', async () => {
    function* records(): Generator<object> {
      for (let i = 0; i < 20_000; i += 1) yield { i, text: 'y'.repeat(100) };
      throw new Error('source broke');
    }
    await expect(writeJsonLines(join(dir, 'out.jsonl'), records())).rejects.toThrow('source broke');
    expect(await readdir(dir)).toEqual([]);
  });
});
