/**
 * `fitgate qualify`: score every lead of a file against a definition; the output keeps every input
 * column and row in order and adds the verdict, stage, scores and reasons.
 */
import { qualify, type QualifyResult } from '@fitgate/core';
import { rowObject, writeCsv, type Table } from '@fitgate/io';
import { onePositional, parseCommandArgs, required } from '../args.js';
import type { Command } from '../context.js';
import { loadDefinition } from '../load-definition.js';
import { QUALIFY_COLUMNS, qualifyCells } from '../qualify-output.js';
import { delimiterOption, readInput } from '../read-input.js';

const usage = `usage: fitgate qualify LEADS.csv --icp ICP.json --out SCORED.csv
    [--delimiter ,|;|tab|pipe] [--json]

Writes every input column, then ${QUALIFY_COLUMNS.join(', ')}.`;

const options = {
  icp: { type: 'string' },
  out: { type: 'string' },
  delimiter: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** Output names that do not collide with input columns (a clash gets a `fitgate_` prefix). */
export function outputColumns(input: readonly string[], added: readonly string[]): string[] {
  const taken = new Set(input);
  return added.map((name) => (taken.has(name) ? `fitgate_${name}` : name));
}

/** Count results by verdict and by stage. */
export function tally(results: readonly QualifyResult[]) {
  const verdicts: Record<string, number> = { QUALIFIED: 0, NOT_QUALIFIED: 0, REVIEW: 0 };
  const stages: Record<string, number> = {};
  for (const r of results) {
    verdicts[r.verdict] += 1;
    stages[r.stage] = (stages[r.stage] ?? 0) + 1;
  }
  return { leads: results.length, verdicts, stages };
}

function* outputRows(table: Table, results: readonly QualifyResult[]) {
  for (let r = 0; r < table.rowCount; r++) {
    yield [...table.data.map((column) => column[r]), ...qualifyCells(results[r])];
  }
}

export const qualifyCommand: Command = {
  name: 'qualify',
  summary: 'qualify every lead of a file against an ICP definition',
  usage,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, options, usage);
    const path = onePositional(positionals, 'leads file', usage);
    const icp = await loadDefinition(required(values.icp, 'icp', usage));
    const out = required(values.out, 'out', usage);
    const table = await readInput(path, ctx, delimiterOption(values.delimiter));

    // Qualify each lead; a bad lead is a result, never an exception.
    const results: QualifyResult[] = [];
    for (let r = 0; r < table.rowCount; r++) results.push(qualify(rowObject(table, r), icp));

    // Write, then summarise.
    const columns = [...table.columns, ...outputColumns(table.columns, QUALIFY_COLUMNS)];
    await writeCsv(out, columns, outputRows(table, results));
    const summary = { out, definition: icp.version, ...tally(results) };
    if (values.json) {
      ctx.stdout(`${JSON.stringify(summary, null, 2)}\n`);
    } else {
      const v = summary.verdicts;
      ctx.stdout(
        `qualified ${summary.leads} leads with ${icp.version}: ${v.QUALIFIED} QUALIFIED, ` +
          `${v.NOT_QUALIFIED} NOT_QUALIFIED, ${v.REVIEW} REVIEW\nwrote ${out}\n`,
      );
    }
    return 0;
  },
};
