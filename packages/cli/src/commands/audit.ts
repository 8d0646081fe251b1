/**
 * `fitgate audit`: the team's current rule beside the derived gate on the same closed deals.
 */
import { auditBaseline, type AuditSide } from '@fitgate/core';
import { numberOption, onePositional, parseCommandArgs, required, timeOption } from '../args.js';
import type { Command } from '../context.js';
import { loadDefinition } from '../load-definition.js';
import { delimiterOption, readInput } from '../read-input.js';
import { textTable } from '../summary-text.js';

const usage = `usage: fitgate audit DEALS.csv --icp ICP.json --baseline "EXPRESSION"
    [--hours-per-lead H] [--at ISO] [--delimiter ,|;|tab|pipe] [--json]

Compares the current rule (e.g. "TotalVisits >= 5", in the rules' expression form) with the
gate on the same history: leads passed, wins kept, rep hours per won deal. Audit on deals the
definition was not derived from: on its own deals the gate is measured partly in-sample (a note
says so when the file is the very one it was derived from; a reordered or partial copy is not
recognised).`;

const options = {
  icp: { type: 'string' },
  baseline: { type: 'string' },
  'hours-per-lead': { type: 'string' },
  at: { type: 'string' },
  delimiter: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function row(name: string, s: AuditSide): string[] {
  const hours = s.repHoursPerWin === null ? '-' : s.repHoursPerWin.toFixed(2);
  return [
    name,
    `${s.passed} (${pct(s.shareAbove)})`,
    `${s.wonPassed} (${pct(s.winsKept)})`,
    pct(s.winRateAbove),
    hours,
  ];
}

export const auditCommand: Command = {
  name: 'audit',
  summary: "compare the team's current rule with the derived gate on past deals",
  usage,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, options, usage);
    const path = onePositional(positionals, 'deals file', usage);
    const icp = await loadDefinition(required(values.icp, 'icp', usage));
    const baseline = required(values.baseline, 'baseline', usage);
    const deals = await readInput(path, ctx, delimiterOption(values.delimiter));
    const result = auditBaseline(deals, icp, baseline, {
      hoursPerLead: numberOption(values['hours-per-lead'], 'hours-per-lead'),
      at: timeOption(values.at, 'at'),
    });
    const carried = icp.diagnostics.warnings.filter((w) => w.code === 'INTENT_CARRIES_LINE');
    if (values.json) {
      ctx.stdout(`${JSON.stringify({ rule: baseline, ...result, warnings: carried }, null, 2)}\n`);
      return 0;
    }
    const header = [
      'rule',
      'leads passed',
      'wins kept',
      'win rate',
      `rep hours per win (${result.hoursPerLead} h/lead)`,
    ];
    const table = textTable(header, [
      row(`baseline: ${baseline}`, result.baseline),
      row('fitgate gate', result.gate),
    ]);
    const o = result.overlap;
    ctx.stdout(
      `${result.closed} closed deals, ${result.won} won\n${table}\n` +
        `both pass ${o.both}; only the baseline ${o.baselineOnly}; only the gate ${o.gateOnly}` +
        (result.baselineUnknown > 0
          ? `; baseline unknown (field missing) for ${result.baselineUnknown}`
          : '') +
        '\n' +
        (result.inSample
          ? 'note: these are the deals the definition was derived from, so the gate is partly ' +
            'measured on deals it was fitted on and its figures are optimistic; ' +
            'audit on newer deals\n'
          : '') +
        carried.map((w) => `warning ${w.code}: ${w.message}\n`).join(''),
    );
    return 0;
  },
};
