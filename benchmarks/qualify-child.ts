/**
 * `qualify` throughput in a fresh process: the 45k bank-marketing rows as lead objects, each
 * qualified with its full result (verdict, stage, scores, one reason per attribute with its
 * message), over and over until about 2M calls. Two shapes of lead: the null-prototype row
 * objects the CLI builds from a CSV (`rowObject`), and the ordinary objects a service gets from
 * `JSON.parse`. Also the pure scoring rate: the compiled bin lookups summed, with no result
 * objects or reasons.
 *
 * Usage:
 * `node --import tsx benchmarks/qualify-child.ts DATA.csv ICP.json csv|json [CALLS] [REPEATS]`
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';

import { compileIcp, loadIcp, qualify, type IcpDefinition } from '@fitgate/core';
import { readTable, rowObject } from '@fitgate/io';

import { reportFigures } from './child-report.js';

/** Calls per timed repeat (about 2M) and the number of timed repeats (the median is reported). */
const DEFAULT_CALLS = 2_000_000;
const DEFAULT_REPEATS = 5;

type Lead = Record<string, string>;

/** Leads per second of `passes` passes over the leads with full results; `sink` defeats elision. */
function qualifyRate(leads: readonly Lead[], icp: IcpDefinition, passes: number) {
  let sink = 0;
  const start = performance.now();
  for (let p = 0; p < passes; p++) {
    for (let i = 0; i < leads.length; i++) {
      const result = qualify(leads[i], icp);
      sink += result.fitScore + result.reasons.length;
    }
  }
  return { rate: (passes * leads.length) / ((performance.now() - start) / 1000), sink };
}

/** Leads per second of the fit score alone from the compiled lookups (no reasons, no verdict). */
function scoringRate(leads: readonly Lead[], icp: IcpDefinition, passes: number) {
  const attributes = compileIcp(icp).attributes;
  let sink = 0;
  const start = performance.now();
  for (let p = 0; p < passes; p++) {
    for (let i = 0; i < leads.length; i++) {
      let score = 0;
      for (const a of attributes) {
        const index = a.locate(leads[i][a.name]);
        score += index >= 0 ? a.points[index] : a.neutralPoints;
      }
      sink += score;
    }
  }
  return { rate: (passes * leads.length) / ((performance.now() - start) / 1000), sink };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const [path, icpPath, shape, callsArg, repeatsArg] = process.argv.slice(2) as [
  string,
  string,
  'csv' | 'json',
  string?,
  string?,
];
const icp = loadIcp(JSON.parse(await readFile(icpPath, 'utf8')));
const table = await readTable(path);
const rows = Array.from({ length: table.rowCount }, (_, r) => rowObject(table, r));
// One shape per process: mixing shapes in one process would make the inline caches polymorphic.
const leads = shape === 'json' ? (JSON.parse(JSON.stringify(rows)) as Lead[]) : rows;
const passes = Math.max(1, Math.round(Number(callsArg ?? DEFAULT_CALLS) / leads.length));
const repeats = Number(repeatsArg ?? DEFAULT_REPEATS);

// Warm up (compile the definition, let the JIT settle), then time each repeat.
qualifyRate(leads, icp, 1);
scoringRate(leads, icp, 1);
const full = Array.from({ length: repeats }, () => qualifyRate(leads, icp, passes).rate);
const pure = Array.from({ length: repeats }, () => scoringRate(leads, icp, passes).rate);
reportFigures({
  shape,
  leads: leads.length,
  attributes: icp.attributes.length,
  callsPerRepeat: passes * leads.length,
  repeats,
  qualifyPerSecond: median(full),
  scoringPerSecond: median(pure),
  all: { full, pure },
});
