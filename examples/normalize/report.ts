/**
 * Writes the industry mapping reports of this folder from the real data sets in `data/`:
 * - crm-sales-opportunities accounts, `sector`, with the default taxonomy;
 * - X Education leads, `Specialization`, with the default taxonomy (`Select` is the form's
 *   "nothing chosen", so it counts as missing);
 * - the same column with the team taxonomy in `x-education-taxonomy.yaml`;
 * and `companies.csv`, the accounts as a lookup file for `fitgate enrich`. The data set has no
 * web domains, so each account gets an invented one under `.example`, a top-level domain
 * reserved for examples (RFC 2606): "Acme Corporation" is `acme-corporation.example`.
 *
 * Run from the repository root: `pnpm --filter @fitgate/example-normalize report`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { DEFAULT_MISSING_TOKENS, normalizeColumn } from '@fitgate/core';
import { readTable, tableRows, writeCsv, type Table } from '@fitgate/io';
import { formatMappingReport, industryNormalizer, industryTaxonomy } from '@fitgate/normalize';
import { parse } from 'yaml';

const here = (name: string) => new URL(name, import.meta.url).pathname;
const data = (name: string) => new URL(`../../data/${name}`, import.meta.url).pathname;

/** The values of one column of a table. */
function columnOf(table: Table, name: string): string[] {
  const c = table.columns.indexOf(name);
  if (c === -1) throw new Error(`no column "${name}" in ${table.source}`);
  return table.data[c];
}

/** An invented domain for an account name: lower case, words joined by "-", under `.example`. */
function exampleDomain(account: string): string {
  const words = account.toLowerCase().match(/[a-z0-9]+/g) ?? ['unnamed'];
  return `${words.join('-')}.example`;
}

/** The accounts with a `website` column first, as a CRM would export them. */
async function writeLookupFile(accounts: Table): Promise<void> {
  const names = columnOf(accounts, 'account');
  const lookup: Table = {
    columns: ['website', ...accounts.columns],
    data: [names.map(exampleDomain), ...accounts.data],
    rowCount: accounts.rowCount,
  };
  await writeCsv(here('companies.csv'), lookup.columns, tableRows(lookup));
}

async function main(): Promise<void> {
  const accounts = await readTable(data('crm-sales-opportunities/accounts.csv.gz'));
  const leads = await readTable(data('x-education-leads/Leads.csv.gz'));
  const team = industryTaxonomy(parse(await readFile(here('x-education-taxonomy.yaml'), 'utf8')));
  const missingTokens = [...DEFAULT_MISSING_TOKENS, 'Select'];

  // One report per file: the same normaliser spec a definition would hold.
  const reports = [
    {
      file: 'crm-sales-opportunities-sector.md',
      title: 'crm-sales-opportunities accounts: `sector`, default taxonomy',
      source: '`data/crm-sales-opportunities/accounts.csv.gz` (85 accounts)',
      report: normalizeColumn(industryNormalizer('sector'), columnOf(accounts, 'sector')).report,
    },
    {
      file: 'x-education-specialization.md',
      title: 'X Education leads: `Specialization`, default taxonomy',
      source: '`data/x-education-leads/Leads.csv.gz` (9,240 leads; `Select` counts as missing)',
      report: normalizeColumn(
        industryNormalizer('Specialization'),
        columnOf(leads, 'Specialization'),
        {
          missingTokens,
        },
      ).report,
    },
    {
      file: 'x-education-specialization-team.md',
      title: 'X Education leads: `Specialization`, team taxonomy (`x-education-taxonomy.yaml`)',
      source: '`data/x-education-leads/Leads.csv.gz` (9,240 leads; `Select` counts as missing)',
      report: normalizeColumn(
        industryNormalizer('Specialization', team),
        columnOf(leads, 'Specialization'),
        {
          missingTokens,
        },
      ).report,
    },
  ];

  await writeLookupFile(accounts);
  for (const { file, title, source, report } of reports) {
    const note = '<!-- Written by examples/normalize/report.ts; do not edit by hand. -->\n\n';
    await writeFile(here(file), note + formatMappingReport(report, { title, source }));
    process.stdout.write(
      `${file}: ${report.mapped} mapped, ${report.unmapped} unmapped, ${report.missing} missing\n`,
    );
  }
}

await main();
