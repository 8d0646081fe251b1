/**
 * One timed `derive`, end to end in a fresh process: read the CSV with `@fitgate/io`, then
 * `deriveIcp` (binning, selection, the fit, calibration, bootstrap intervals, cutoffs). Outside
 * the timing it checks the held-out AUC by qualifying the held-out rows.
 *
 * Usage: `node --import tsx benchmarks/derive-child.ts DATA.csv fit|all MASK.bin [ICP_OUT.json]`
 */
import { readFile, writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';

import { deriveIcp, qualify, rocAuc } from '@fitgate/core';
import { readTable, rowObject, type Table } from '@fitgate/io';

import { CREATED_AT, FIT_COLUMNS, OUTCOME, type ColumnSet } from './bench-config.js';
import { reportFigures, secondsSince } from './child-report.js';

/** ROC AUC of the fit score on the held-out rows (mask byte 1). */
function heldOutAuc(table: Table, icp: Parameters<typeof qualify>[1], mask: Uint8Array): number {
  const outcome = table.data[table.columns.indexOf(OUTCOME.column)];
  const scores: number[] = [];
  const y: number[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    if (mask[r] !== 1) continue;
    scores.push(qualify(rowObject(table, r), icp).fitScore);
    y.push(outcome[r] === OUTCOME.won ? 1 : 0);
  }
  return rocAuc(scores, Uint8Array.from(y));
}

const [path, set, maskPath, icpOut] = process.argv.slice(2) as [string, ColumnSet, string, string?];

// Timed: read, then derive.
const start = performance.now();
const table = await readTable(path);
const readSeconds = secondsSince(start);
const icp = deriveIcp(table, {
  outcome: OUTCOME.column,
  won: [OUTCOME.won],
  lost: [OUTCOME.lost],
  fit: set === 'fit' ? FIT_COLUMNS : undefined,
  createdAt: CREATED_AT,
});
const seconds = secondsSince(start);

// Not timed: check the held-out AUC on the shared split, and keep the definition if asked.
const mask = new Uint8Array(await readFile(maskPath));
if (mask.length !== table.rowCount)
  throw new Error(`mask has ${mask.length} rows, data ${table.rowCount}`);
if (icpOut !== undefined) await writeFile(icpOut, `${JSON.stringify(icp)}\n`);
reportFigures({
  rows: table.rowCount,
  readSeconds,
  fitSeconds: seconds - readSeconds,
  seconds,
  auc: heldOutAuc(table, icp, mask),
  reportedAuc: icp.metrics.validation.auc,
  nHeldOut: icp.metrics.validation.nValidation,
  attributes: icp.attributes.map((a) => a.name),
  excluded: icp.excluded.map((e) => `${e.attribute} (${e.code})`),
});
