/**
 * `fitgate enrich`: a file of leads with each lead's company domain, free-mail and disposable
 * flags, and the company's fields from a lookup file; every input column and row kept in order.
 */
import { tableRows, writeCsv } from '@fitgate/io';
import { onePositional, parseCommandArgs, required } from '../args.js';
import type { Command } from '../context.js';
import {
  enrichTableWithSummary,
  ENRICH_COLUMNS,
  ENRICHMENT_SOURCE_COLUMN,
} from '../enrich-table.js';
import { delimiterOption, readInput } from '../read-input.js';

const usage = `usage: fitgate enrich LEADS.csv --out ENRICHED.csv [--lookup COMPANIES.csv]
    [--email-column COLUMN] [--delimiter ,|;|tab|pipe] [--json]

Keeps every input column and adds ${ENRICH_COLUMNS.join(', ')} (true/false), the columns of the
lookup file (keyed by its "domain" or "website" column; domains match exactly, never by
substring) and ${ENRICHMENT_SOURCE_COLUMN}. Free-mail and disposable addresses are not looked up.
A lead that is not found keeps blank fit fields: qualify scores them as missing, and sends the
lead to REVIEW when a key attribute (derive --key) is among them.`;

const options = {
  out: { type: 'string' },
  lookup: { type: 'string' },
  'email-column': { type: 'string' },
  delimiter: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export const enrichCommand: Command = {
  name: 'enrich',
  summary: "fill leads' company fields from their email domain and a lookup file",
  usage,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, options, usage);
    const path = onePositional(positionals, 'leads file', usage);
    const out = required(values.out, 'out', usage);
    const table = await readInput(path, ctx, delimiterOption(values.delimiter));

    // Enrich, write atomically, then summarise.
    const { table: enriched, summary } = await enrichTableWithSummary(table, {
      lookup: values.lookup,
      emailColumn: values['email-column'],
    });
    await writeCsv(out, enriched.columns, tableRows(enriched));
    if (values.json) {
      ctx.stdout(
        `${JSON.stringify({ out, lookup: values.lookup ?? null, ...summary }, null, 2)}\n`,
      );
      return 0;
    }
    const s = summary;
    const lookup = values.lookup === undefined ? '' : `${s.found} found, ${s.notFound} not found; `;
    ctx.stdout(
      `enriched ${s.leads} leads: ${lookup}${s.freeMail} free mail, ${s.disposable} disposable, ` +
        `${s.noDomain} without a domain\nwrote ${out}\n`,
    );
    return 0;
  },
};
