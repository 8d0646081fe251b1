/**
 * Makes the large benchmark file: rows drawn from bank-full with replacement, seeded, written as
 * CSV in the source's own format (the header, then whole source lines).
 *
 * Usage: `pnpm exec tsx benchmarks/make-1m.ts SOURCE.csv[.gz] OUT.csv [ROWS] [SEED]`
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { createGunzip } from 'node:zlib';

import { createRng } from '@fitgate/core';

import { LARGE_ROWS, RESAMPLE_SEED } from './bench-config.js';

/** Lines buffered before each write (about 1 MB of text). */
const LINES_PER_WRITE = 10_000;

async function readLines(path: string): Promise<string[]> {
  const file = createReadStream(path);
  const input = path.endsWith('.gz') ? file.pipe(createGunzip()) : file;
  const lines: string[] = [];
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (line !== '') lines.push(line);
  }
  return lines;
}

/**
 * Writes `rows` data rows drawn uniformly with replacement from `source` (header kept) to `out`.
 *
 * @returns the number of source rows drawn from.
 */
export async function resampleCsv(
  source: string,
  out: string,
  rows: number = LARGE_ROWS,
  seed: number = RESAMPLE_SEED,
): Promise<number> {
  const [header, ...data] = await readLines(source);
  const rng = createRng(seed);
  const stream = createWriteStream(out);

  // Draw and write in blocks, waiting when the stream asks us to.
  stream.write(`${header}\n`);
  for (let written = 0; written < rows;) {
    const block: string[] = [];
    for (; block.length < LINES_PER_WRITE && written < rows; written++) {
      block.push(data[Math.floor(rng() * data.length)]);
    }
    if (!stream.write(`${block.join('\n')}\n`)) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
  return data.length;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [source, out, rows, seed] = process.argv.slice(2);
  if (source === undefined || out === undefined) {
    process.stderr.write('usage: make-1m.ts SOURCE.csv[.gz] OUT.csv [ROWS] [SEED]\n');
    process.exit(2);
  }
  const n = rows === undefined ? LARGE_ROWS : Number(rows);
  const from = await resampleCsv(source, out, n, seed === undefined ? RESAMPLE_SEED : Number(seed));
  process.stdout.write(`wrote ${n} rows drawn from ${from} to ${out}\n`);
}
