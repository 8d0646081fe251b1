/**
 * The held-out rows every model is scored on: `deriveIcp`'s own seeded stratified split, so that
 * derive's reported validation AUC and the other models' AUCs are on exactly the same rows.
 */
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';

import { stratifiedSplit, VALIDATION_SHARE } from '@fitgate/core';

import { OUTCOME, SPLIT_SEED } from './bench-config.js';

/** The outcome (1 won, 0 lost) of each data row of a `;`-separated CSV whose last field is it. */
async function outcomesOfCsv(path: string): Promise<Uint8Array> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  const y: number[] = [];
  let header = true;
  for await (const line of lines) {
    if (header || line === '') {
      header = false;
      continue;
    }
    const last = line.slice(line.lastIndexOf(';') + 1).replaceAll('"', '');
    if (last !== OUTCOME.won && last !== OUTCOME.lost) {
      throw new Error(`${path}: row ${y.length + 1} has outcome "${last}", neither won nor lost`);
    }
    y.push(last === OUTCOME.won ? 1 : 0);
  }
  return Uint8Array.from(y);
}

/**
 * Writes one byte per data row of `csvPath` to `maskPath`: 1 = held out (validation), 0 = train.
 * Every row of bank-marketing is closed (won or lost), so rows and closed deals line up.
 *
 * @returns the number of rows and of held-out rows.
 */
export async function writeHeldOutMask(csvPath: string, maskPath: string) {
  const y = await outcomesOfCsv(csvPath);
  const mask = stratifiedSplit(y, VALIDATION_SHARE, SPLIT_SEED);
  await writeFile(maskPath, mask);
  return { rows: y.length, heldOut: mask.reduce((sum, v) => sum + v, 0) };
}
