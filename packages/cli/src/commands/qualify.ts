/**
 * `fitgate qualify`: score every lead of a file against a definition; the output keeps every input
 * column and row in order and adds the verdict, stage, scores and reasons.
 */
import { qualify, type IcpDefinition, type QualifyResult } from '@fitgate/core';
import { rowObject, writeCsv, type Table } from '@fitgate/io';
import {
  adjudicate,
  adjudicationSummaryText,
  resolveLlmEndpoint,
  type AdjudicateOptions,
} from '../adjudicate-table.js';
import { reviewIfMalformed, rowProblems } from '../bad-rows.js';
import { enrichTable } from '../enrich-table.js';
import {
  list,
  numberOption,
  onePositional,
  parseCommandArgs,
  required,
  timeOption,
} from '../args.js';
import type { CliContext, Command } from '../context.js';
import { loadDefinition } from '../load-definition.js';
import { QUALIFY_COLUMNS, qualifyCells } from '../qualify-output.js';
import { delimiterOption, readInput } from '../read-input.js';

const usage = `usage: fitgate qualify LEADS.csv --icp ICP.json --out SCORED.csv
    [--at ISO] [--lookup COMPANIES.csv [--email-column COL]] [--delimiter ,|;|tab|pipe] [--json]
    [--adjudicate [--llm-url URL --llm-model NAME] [--llm-budget N] [--llm-concurrency N]
     [--llm-timeout MS] [--llm-cache FILE] [--llm-fields COL,...]]

Writes every input column, then ${QUALIFY_COLUMNS.join(', ')}
(and adjudicated with --adjudicate). --at is the reference time of dated intent signals
(default: now). --lookup enriches each lead from its email domain first (see fitgate enrich).
With --adjudicate, REVIEW leads go to the model endpoint configured by the flags
or FITGATE_LLM_URL, FITGATE_LLM_MODEL, FITGATE_LLM_KEY; nothing is sent otherwise.`;

const options = {
  icp: { type: 'string' },
  out: { type: 'string' },
  at: { type: 'string' },
  lookup: { type: 'string' },
  'email-column': { type: 'string' },
  delimiter: { type: 'string' },
  json: { type: 'boolean' },
  adjudicate: { type: 'boolean' },
  'llm-url': { type: 'string' },
  'llm-model': { type: 'string' },
  'llm-budget': { type: 'string' },
  'llm-concurrency': { type: 'string' },
  'llm-timeout': { type: 'string' },
  'llm-cache': { type: 'string' },
  'llm-fields': { type: 'string' },
} as const;

type Values = ReturnType<typeof parseCommandArgs<typeof options>>['values'];

function adjudicateOptions(values: Values, ctx: CliContext): AdjudicateOptions {
  return {
    url: values['llm-url'],
    model: values['llm-model'],
    budget: numberOption(values['llm-budget'], 'llm-budget'),
    concurrency: numberOption(values['llm-concurrency'], 'llm-concurrency'),
    timeoutMs: numberOption(values['llm-timeout'], 'llm-timeout'),
    cacheFile: values['llm-cache'],
    extraFields: list(values['llm-fields']),
    cwd: ctx.cwd,
    env: ctx.env,
    onProgress: (done, total) => {
      if (done % 25 === 0 || done === total) ctx.stderr(`adjudicating: ${done}/${total}\n`);
    },
  };
}

/** A line on stderr for every malformed row kept (they go to REVIEW). */
export function warnMalformed(table: Table, ctx: CliContext): void {
  for (const p of table.problems ?? []) {
    ctx.stderr(`warning: ${table.source ?? 'input'} ${p.message}; the lead goes to REVIEW\n`);
  }
}

/** Warn when the lead file lacks columns the definition scores (every such lead scores them as
 * absent), naming them. */
export function warnAbsentColumns(table: Table, icp: IcpDefinition, ctx: CliContext): void {
  const have = new Set(table.columns);
  const needed = [...new Set(icp.attributes.map((a) => a.name))];
  const absent = needed.filter((name) => !have.has(name));
  if (absent.length === 0) return;
  const names = absent.map((n) => `"${n}"`).join(', ');
  ctx.stderr(
    `warning: ${table.source ?? 'the lead file'} has no column ${names} ` +
      `of the ${needed.length} the definition scores; ` +
      'those attributes are missing for every lead\n',
  );
}

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

function* outputRows(
  table: Table,
  results: readonly QualifyResult[],
  adjudicated: boolean[] | null,
) {
  for (let r = 0; r < table.rowCount; r++) {
    const extra = adjudicated === null ? [] : [String(adjudicated[r])];
    yield [...table.data.map((column) => column[r]), ...qualifyCells(results[r]), ...extra];
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
    const llm = values.adjudicate ? adjudicateOptions(values, ctx) : null;
    if (llm !== null) resolveLlmEndpoint(llm);
    const at = timeOption(values.at, 'at') ?? ctx.now().toISOString();
    const input = await readInput(path, ctx, delimiterOption(values.delimiter), 'keep');
    warnMalformed(input, ctx);
    const table =
      values.lookup === undefined
        ? input
        : await enrichTable(input, { lookup: values.lookup, emailColumn: values['email-column'] });

    // Qualify each lead; a bad lead is a result, never an exception.
    const results: QualifyResult[] = [];
    const rows = Array.from({ length: table.rowCount }, (_, r) => rowObject(table, r));
    const problems = rowProblems(input);
    rows.forEach((row, r) =>
      results.push(reviewIfMalformed(qualify(row, icp, { at }), problems.get(r))),
    );
    warnAbsentColumns(table, icp, ctx);

    // Only REVIEW leads go to the model, when asked.
    let adjudicated: boolean[] | null = null;
    let adjudication: string | null = null;
    if (llm !== null) {
      // A malformed row is for a person, never for the model: only well-formed rows are offered.
      const offered = rows.map((_, i) => i).filter((i) => !problems.has(i));
      const run = await adjudicate(
        offered.map((i) => rows[i]),
        offered.map((i) => results[i]),
        icp,
        llm,
      );
      const applied = rows.map(() => false);
      offered.forEach((i, k) => {
        results[i] = run.results[k];
        applied[i] = run.adjudicated[k];
      });
      adjudicated = applied;
      adjudication = adjudicationSummaryText(run.summary);
    }

    // Write, then summarise.
    const added = [...QUALIFY_COLUMNS, ...(adjudicated ? ['adjudicated'] : [])];
    const columns = [...table.columns, ...outputColumns(table.columns, added)];
    await writeCsv(out, columns, outputRows(table, results, adjudicated));
    const summary = { out, definition: icp.version, ...tally(results) };
    if (adjudication !== null) ctx.stderr(`${adjudication}\n`);
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
