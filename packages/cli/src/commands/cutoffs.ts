/**
 * `fitgate cutoffs`: recalibrate the lines of a stored definition (new capacity, new deal value,
 * new targets) without refitting, and print the trade-off table of each line.
 */
import { recalibrateCutoffs, type Cutoff, type IcpDefinition } from '@fitgate/core';
import { writeTextFile } from '@fitgate/io';
import { onePositional, parseCommandArgs, required } from '../args.js';
import type { Command } from '../context.js';
import { loadDefinition } from '../load-definition.js';
import { objectiveOptions, objectivesFrom, objectiveUsage } from '../objective-args.js';
import { textTable } from '../summary-text.js';

const usage = `usage: fitgate cutoffs ICP.json --out ICP2.json
${objectiveUsage}
    [--json]

Sets the SQL, MQL (fit floor) and intent lines again on the validation deals the definition
keeps; objectives not given keep the values recorded in the definition.`;

const options = {
  out: { type: 'string' },
  json: { type: 'boolean' },
  ...objectiveOptions,
} as const;

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** A line's trade-off table as text. */
export function tradeoffText(name: string, line: Cutoff): string {
  const rows = line.tradeoffs.map((r) => [
    `${r.cutoff === line.score ? '> ' : '  '}${r.cutoff.toFixed(2)}`,
    pct(r.shareAbove),
    pct(r.winsKept),
    pct(r.winRateAbove),
    r.pipelinePerRepHour === null ? '-' : r.pipelinePerRepHour.toFixed(2),
  ]);
  const header = ['cutoff', 'passed', 'wins kept', 'win rate above', 'pipeline/rep hour'];
  const interval = line.interval
    ? ` (95% interval ${line.interval[0].toFixed(2)}-${line.interval[1].toFixed(2)})`
    : '';
  return `${name} on ${line.on}: ${line.reason}${interval}\n${textTable(header, rows)}`;
}

/** All lines of a definition as text. */
export function linesText(icp: IcpDefinition): string {
  const { sql, mql, intent } = icp.cutoffs;
  const parts = [tradeoffText('SQL line', sql), tradeoffText('MQL line (fit floor)', mql)];
  if (intent) parts.push(tradeoffText('intent line', intent));
  return parts.join('\n\n');
}

export const cutoffsCommand: Command = {
  name: 'cutoffs',
  summary: 'recalibrate the SQL and MQL lines of a definition without refitting',
  usage,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, options, usage);
    const icp = await loadDefinition(onePositional(positionals, 'ICP definition', usage));
    const out = required(values.out, 'out', usage);
    const next = recalibrateCutoffs(icp, objectivesFrom(values));
    await writeTextFile(out, `${JSON.stringify(next, null, 2)}\n`);
    if (values.json) {
      ctx.stdout(
        `${JSON.stringify({ out, version: next.version, cutoffs: next.cutoffs }, null, 2)}\n`,
      );
    } else {
      ctx.stdout(`${linesText(next)}\n\nwrote ${out} (${next.version})\n`);
    }
    return 0;
  },
};
