/** A mapping report as a Markdown section, for a README, a pull request or a review. */
import type { MappingReport, MappingReportEntry } from '@fitgate/core';

/** Options of `formatMappingReport`. */
export interface FormatMappingReportOptions {
  /**
   * The heading of the section.
   * @default '<column> (<kind>)'
   */
  title?: string;
  /**
   * Where the values came from, printed under the heading (a file name, a query).
   * @default none
   */
  source?: string;
}

/**
 * A Markdown section for a mapping report: the counts, a table of every raw value with what it
 * became, how, with which confidence and how often, then every unmapped value with the reason,
 * so that a team can add the aliases it wants and leave the rest unmapped.
 *
 * @example
 * formatMappingReport(normalizeColumn(industryNormalizer('sector'), sectors).report)
 * // => '## sector (industry)\n\n85 values: 85 mapped, 0 unmapped, 0 missing.\n\n| raw | ...'
 */
export function formatMappingReport(
  report: MappingReport,
  options: FormatMappingReportOptions = {},
): string {
  const lines = [`## ${options.title ?? `${report.column} (${report.kind})`}`, ''];
  if (options.source !== undefined) lines.push(`Source: ${options.source}`, '');
  lines.push(
    `${report.total} values: ${report.mapped} mapped, ${report.unmapped} unmapped, ` +
      `${report.missing} missing; ${report.values.length} distinct.`,
    '',
  );

  // Every distinct value.
  lines.push(
    '| raw | mapped to | method | confidence | count |',
    '| --- | --- | --- | ---: | ---: |',
  );
  for (const entry of report.values) {
    const mapped = entry.status === 'mapped' ? entry.mapped : `(${entry.status})`;
    lines.push(
      row([shown(entry), mapped ?? '', entry.method ?? '', confidence(entry), String(entry.count)]),
    );
  }

  // The unmapped ones, with the reason.
  lines.push('', `### Unmapped values (${report.unmappedValues.length})`, '');
  if (report.unmappedValues.length === 0) lines.push('None.');
  else {
    lines.push('| raw | count | reason |', '| --- | ---: | --- |');
    for (const entry of report.unmappedValues) {
      lines.push(row([shown(entry), String(entry.count), entry.reason ?? '']));
    }
  }
  return `${lines.join('\n')}\n`;
}

function shown(entry: MappingReportEntry): string {
  return entry.raw === '' ? '(empty)' : `\`${entry.raw.replace(/`/g, "'")}\``;
}

function confidence(entry: MappingReportEntry): string {
  return entry.confidence === null || entry.status !== 'mapped' ? '' : entry.confidence.toFixed(2);
}

/** A table row; pipes and line breaks inside cells are escaped. */
function row(cells: readonly string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ')).join(' | ')} |`;
}
