/**
 * The mapping reports committed in examples/normalize are what the default taxonomy gives today:
 * a change to the taxonomy that moves a real value shows up here, and the example is regenerated
 * with `pnpm --filter @fitgate/example-normalize report`.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_MISSING_TOKENS, normalizeColumn } from '@fitgate/core';
import { describe, expect, it } from 'vitest';
import { formatMappingReport } from '../src/format-mapping-report.js';
import { industryNormalizer } from '../src/industry-normalizer.js';
import { readGzCsv } from './read-gz-csv.js';

const root = new URL('../../../', import.meta.url);
const committed = (name: string) =>
  readFileSync(new URL(`examples/normalize/${name}`, root), 'utf8');
const NOTE = '<!-- Written by examples/normalize/report.ts; do not edit by hand. -->\n\n';

describe('the committed example mapping reports', () => {
  it('crm-sales-opportunities sector', () => {
    const { sector } = readGzCsv(
      new URL('data/crm-sales-opportunities/accounts.csv.gz', root).pathname,
    );
    const { report } = normalizeColumn(industryNormalizer('sector'), sector);
    const text = formatMappingReport(report, {
      title: 'crm-sales-opportunities accounts: `sector`, default taxonomy',
      source: '`data/crm-sales-opportunities/accounts.csv.gz` (85 accounts)',
    });
    expect(committed('crm-sales-opportunities-sector.md')).toBe(NOTE + text);
  });

  it('X Education specialisations, with Select as missing', () => {
    const leads = readGzCsv(new URL('data/x-education-leads/Leads.csv.gz', root).pathname);
    const values = leads.Specialization;
    // 9,240 leads: 1,942 "Select" and 1,438 blank (pandas: value_counts(dropna=False)).
    expect(values).toHaveLength(9240);
    const missingTokens = [...DEFAULT_MISSING_TOKENS, 'Select'];
    const { report } = normalizeColumn(industryNormalizer('Specialization'), values, {
      missingTokens,
    });
    expect(report).toMatchObject({ total: 9240, missing: 1942 + 1438 });
    const text = formatMappingReport(report, {
      title: 'X Education leads: `Specialization`, default taxonomy',
      source: '`data/x-education-leads/Leads.csv.gz` (9,240 leads; `Select` counts as missing)',
    });
    expect(committed('x-education-specialization.md')).toBe(NOTE + text);
  });
});
