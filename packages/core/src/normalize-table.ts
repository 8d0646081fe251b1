/**
 * Applying the declared normalisers to a whole table before binning: each spec's output columns
 * replace (or are added beside) its source column, exactly as `qualify` applies them to a lead.
 */
import { normalizeColumn, type MappingReport } from './normalizers/normalize-column.js';
import type { NormalizerSpec } from './normalizers/normalizer-spec.js';
import type { ColumnarTable, TableView } from './table.js';

/** The table with normalised columns, and one mapping report per normaliser. */
export function normalizeTable(
  table: TableView,
  specs: readonly NormalizerSpec[],
  missingTokens: readonly string[],
): { table: ColumnarTable; reports: MappingReport[] } {
  const columns = [...table.columns];
  const data: ArrayLike<unknown>[] = columns.map((name) => table.column(name));
  const reports: MappingReport[] = [];
  for (const spec of specs) {
    const result = normalizeColumn(spec, table.column(spec.column), { missingTokens });
    reports.push(result.report);
    for (const [name, values] of Object.entries(result.columns)) {
      const at = columns.indexOf(name);
      if (at >= 0) data[at] = values;
      else (columns.push(name), data.push(values));
    }
  }
  return { table: { columns, data, rowCount: table.rowCount }, reports };
}
