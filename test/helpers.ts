/** Shared helpers of the cross-package tests: paths of the bundled real data, and row subsets. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Table } from '@fitgate/io';

/** Absolute path of a file under the repository's data/ folder. */
export function dataPath(relative: string): string {
  return new URL(`../data/${relative}`, import.meta.url).pathname;
}

/** Absolute path of a file under test/fixtures/. */
export function fixturePath(relative: string): string {
  return new URL(`./fixtures/${relative}`, import.meta.url).pathname;
}

/** The rows of `table` at `rows` (in that order), or all rows but those when `invert`. */
export function pickRows(table: Table, rows: readonly number[], invert = false): Table {
  let keep = rows;
  if (invert) {
    const drop = new Set(rows);
    keep = Array.from({ length: table.rowCount }, (_, r) => r).filter((r) => !drop.has(r));
  }
  return {
    columns: table.columns,
    data: table.data.map((column) => keep.map((r) => column[r])),
    rowCount: keep.length,
  };
}

/** The data-row numbers of scikit-learn's 30% test split of bank-full (make-bank-split.py). */
export function bankTestRows(): number[] {
  const text = gunzipSync(readFileSync(fixturePath('bank-split-test-rows.txt.gz'))).toString();
  return text.trim().split('\n').map(Number);
}
