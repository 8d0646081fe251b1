/**
 * One normaliser applied to a whole column, with its mapping report: every raw value, what it
 * became, how and how often, so that a team can see what was unmapped and extend its aliases.
 */
import { compileColumnNormalizer, type NormalizerOutcome } from './compile-column-normalizer.js';
import { missingTokenSetOf, type NormalizeOptions } from './compile-normalizers.js';
import type { NormalizerKind } from './normalizer-spec.js';
import { outputColumns } from './output-columns.js';
import { parseNormalizerSpecs } from './parse-normalizer-specs.js';

/** One distinct raw value of a column and what it became. */
export interface MappingReportEntry {
  /** The value as given, as text ('' for a null or absent value). */
  raw: string;
  count: number;
  status: NormalizerOutcome['status'];
  /** The label, band or "seniority / department" it became; null when unmapped or missing. */
  mapped: string | null;
  method: string | null;
  confidence: number | null;
  reason: string | null;
}

/** What a normaliser did to one column. */
export interface MappingReport {
  column: string;
  kind: NormalizerKind;
  /** The columns it wrote. */
  outputs: string[];
  /** Counts of cells: all of them, and by status. */
  total: number;
  missing: number;
  mapped: number;
  unmapped: number;
  /** Every distinct raw value, most frequent first (ties by raw text). */
  values: MappingReportEntry[];
  /** The entries of `values` that are unmapped: the aliases a team may want to add. */
  unmappedValues: MappingReportEntry[];
}

/** The normalised columns and the mapping report. */
export interface NormalizedColumn {
  /** Each output column's values, in row order (a null-prototype record). */
  columns: Record<string, unknown[]>;
  report: MappingReport;
}

/**
 * Applies one normaliser spec to the values of its column and reports the mapping.
 *
 * The values written are those of `compileNormalizers`. Throws `INVALID_DEFINITION` when the spec
 * is invalid.
 *
 * @example
 * const { columns, report } = normalizeColumn(
 *   { column: 'sector', kind: 'industry', aliases: { technology: ['tech'] } },
 *   ['technolgy', 'Tech', 'farming'],
 * );
 * columns.sector          // => ['technology', 'technology', 'unmapped:farming']
 * report.unmappedValues   // => [{ raw: 'farming', count: 1, status: 'unmapped', ... }]
 */
export function normalizeColumn(
  spec: unknown,
  values: ArrayLike<unknown>,
  options: NormalizeOptions = {},
): NormalizedColumn {
  const [checked] = parseNormalizerSpecs([spec]);
  const normalize = compileColumnNormalizer(checked, missingTokenSetOf(options));
  const outputs = outputColumns(checked);
  const columns: Record<string, unknown[]> = Object.create(null);
  for (const name of outputs) columns[name] = new Array<unknown>(values.length);

  // Normalise every cell, tallying distinct raw values.
  const tally = new Map<string, { outcome: NormalizerOutcome; count: number }>();
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    const outcome = normalize(value);
    outputs.forEach((name, i) => (columns[name][row] = outcome.values[i]));
    const raw = value === null || value === undefined ? '' : String(value);
    const seen = tally.get(raw);
    if (seen === undefined) tally.set(raw, { outcome, count: 1 });
    else seen.count++;
  }

  return { columns, report: reportOf(checked.column, checked.kind, outputs, tally) };
}

function reportOf(
  column: string,
  kind: NormalizerKind,
  outputs: string[],
  tally: Map<string, { outcome: NormalizerOutcome; count: number }>,
): MappingReport {
  const values: MappingReportEntry[] = [...tally].map(([raw, { outcome, count }]) => ({
    raw,
    count,
    status: outcome.status,
    mapped: outcome.mapped,
    method: outcome.method,
    confidence: outcome.confidence,
    reason: outcome.reason,
  }));
  values.sort((a, b) => b.count - a.count || (a.raw < b.raw ? -1 : a.raw > b.raw ? 1 : 0));

  const countOf = (status: MappingReportEntry['status']) =>
    values.filter((v) => v.status === status).reduce((sum, v) => sum + v.count, 0);
  return {
    column,
    kind,
    outputs,
    total: values.reduce((sum, v) => sum + v.count, 0),
    missing: countOf('missing'),
    mapped: countOf('mapped'),
    unmapped: countOf('unmapped'),
    values,
    unmappedValues: values.filter((v) => v.status === 'unmapped'),
  };
}
