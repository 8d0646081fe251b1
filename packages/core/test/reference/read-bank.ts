/**
 * Test helper: reads the bank-marketing data set (UCI, `;`-separated, gzipped copy in
 * `data/bank-marketing/`) into numeric columns and the outcome `y == "yes"`. Tests only; the io
 * package owns real CSV reading.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const BANK_PATH = new URL('../../../../data/bank-marketing/bank-full.csv.gz', import.meta.url);

/** The bank-marketing table: raw text columns by name and the outcome. */
export interface BankTable {
  n: number;
  text: Map<string, string[]>;
  y: Uint8Array;
  numeric(column: string): Float64Array;
}

let cached: BankTable | undefined;

/** Reads (once) and splits the bank-marketing table. */
export function readBank(): BankTable {
  if (cached) return cached;
  const lines = gunzipSync(readFileSync(BANK_PATH)).toString('utf8').trim().split('\n');
  const unquote = (cell: string) => cell.trim().replace(/^"|"$/g, '');
  const names = lines[0].split(';').map(unquote);
  const text = new Map<string, string[]>(names.map((name) => [name, []]));
  for (const line of lines.slice(1)) {
    const cells = line.split(';').map(unquote);
    names.forEach((name, j) => text.get(name)!.push(cells[j]));
  }
  const y = Uint8Array.from(text.get('y')!, (value) => (value === 'yes' ? 1 : 0));
  const numeric = (column: string) => Float64Array.from(text.get(column)!, Number);
  cached = { n: y.length, text, y, numeric };
  return cached;
}

/** Standardises a column with the population standard deviation (numpy's default, ddof = 0). */
export function standardise(values: Float64Array): Float64Array {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length;
  return values.map((v) => (v - mean) / Math.sqrt(variance));
}
