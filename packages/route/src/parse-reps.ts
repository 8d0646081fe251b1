/**
 * Loading a rep table: plain row objects (from a CSV reader or a JSON array) in, validated reps
 * out, with errors that name the row, the column and the value at fault.
 */
import { parseInstant } from './parse-instant.js';
import { parseTerritory } from './parse-territory.js';
import { REP_STATUSES, type Rep, type RepStatus } from './rep.js';
import { quoteValue, RouteError } from './route-error.js';

/** The columns a rep table must have. */
export const REQUIRED_REP_COLUMNS = ['id', 'status', 'weight'] as const;

/** The columns a rep table may have besides the required ones; any other column is ignored. */
export const OPTIONAL_REP_COLUMNS = [
  'name',
  'out_from',
  'out_until',
  'territory',
  'capacity',
] as const;

type RepColumn = (typeof REQUIRED_REP_COLUMNS)[number] | (typeof OPTIONAL_REP_COLUMNS)[number];

/** Largest weight: keeps every routing counter an exact integer far below 2^53. */
export const MAX_WEIGHT = 1_000_000;

/** Largest capacity per period (larger numbers mean "no limit" in practice). */
export const MAX_CAPACITY = 1_000_000_000;

/** Options of `parseReps`. */
export interface ParseRepsOptions {
  /**
   * The lead field that a territory written as a plain value (`EMEA`) is compared with.
   * @default undefined (plain values are an error; write `region=EMEA`)
   */
  territoryField?: string;
  /**
   * The table's name in error messages, such as its file path.
   * @default 'rep table'
   */
  source?: string;
  /**
   * The 1-based line in the source file of each row, used in error messages.
   * @default undefined (messages give the 1-based row number, header not counted)
   */
  lines?: ArrayLike<number>;
}

/** Where a cell sits, for error messages. */
interface CellPlace {
  place: string;
  row: number;
  column: string;
}

/**
 * Validate a rep table given as row objects, one per rep.
 *
 * Column names are matched after trimming, lower-casing and turning spaces and hyphens into
 * underscores (`Out From` is `out_from`). Cells are trimmed. `id`, `status` and `weight` are
 * required; `name` defaults to the id; `territory` defaults to every lead (see `parseTerritory`);
 * `capacity` empty means no limit; `out_from` and `out_until` are ISO 8601 dates or date-times (see
 * `parseInstant`; a date alone covers the whole UTC day, so `out_until` 2024-05-10 includes the
 * 10th). Rows whose cells are all empty are skipped.
 *
 * @param rows - the table's rows as plain objects (cells as text, numbers or null).
 * @param options - see {@link ParseRepsOptions}.
 * @returns the reps, in table order (table order breaks routing ties).
 * @throws RouteError `MISSING_COLUMN`, `EMPTY_REP_TABLE`, `DUPLICATE_REP`, `BAD_REP_TABLE` (a bad
 *   cell: status, weight, capacity, date or territory), each naming the row, column and value.
 *
 * @example
 * parseReps([{ id: 'ana', status: 'active', weight: '2', territory: 'region=EMEA' }])[0].weight;
 * // => 2
 */
export function parseReps(
  rows: readonly Readonly<Record<string, unknown>>[],
  options: ParseRepsOptions = {},
): Rep[] {
  // Map the known columns to the keys the rows use, and check the required ones are there.
  const source = options.source ?? 'rep table';
  const keys = columnKeys(rows, source);

  // One rep per non-empty row; ids must be unique.
  const reps: Rep[] = [];
  const rowOfId = new Map<string, string>();
  rows.forEach((row, index) => {
    if (Object.values(row).every((v) => cellText(v) === '')) return;
    const where = (column: RepColumn): CellPlace => ({
      ...placeOf(index, source, options.lines),
      column,
    });
    const cell = (column: RepColumn) => {
      const key = keys.get(column);
      return key === undefined ? '' : cellText(row[key]);
    };
    const rep = parseRep(cell, where, options);
    const earlier = rowOfId.get(rep.id);
    if (earlier !== undefined) {
      throw cellError('DUPLICATE_REP', where('id'), rep.id, `the id is already used (${earlier})`);
    }
    rowOfId.set(rep.id, where('id').place);
    reps.push(rep);
  });

  if (reps.length === 0) {
    throw new RouteError('EMPTY_REP_TABLE', `${source} has no reps; add at least one row`);
  }
  return reps;
}

/** One row's cells into a rep. */
function parseRep(
  cell: (column: RepColumn) => string,
  where: (column: RepColumn) => CellPlace,
  options: ParseRepsOptions,
): Rep {
  const id = cell('id');
  if (id === '') throw cellError('BAD_REP_TABLE', where('id'), id, 'every rep needs an id');

  // Time away: a date alone covers its whole day, so the end is the next midnight.
  const outFrom = instantCell(cell('out_from'), 'start', where('out_from'));
  const outUntil = instantCell(cell('out_until'), 'end', where('out_until'));
  if (outFrom !== null && outUntil !== null && outUntil <= outFrom) {
    const message = `out_until must be after out_from (${cell('out_from')})`;
    throw cellError('BAD_REP_TABLE', where('out_until'), cell('out_until'), message);
  }

  return {
    id,
    name: cell('name') === '' ? id : cell('name'),
    status: statusCell(cell('status'), where('status')),
    outFrom,
    outUntil,
    territory: territoryCell(cell('territory'), where('territory'), options.territoryField),
    weight: wholeCell(cell('weight'), MAX_WEIGHT, where('weight')),
    capacity:
      cell('capacity') === '' ? null : wholeCell(cell('capacity'), MAX_CAPACITY, where('capacity')),
  };
}

/** The row key that holds each known column; errors on a missing or doubled column. */
function columnKeys(
  rows: readonly Readonly<Record<string, unknown>>[],
  source: string,
): Map<RepColumn, string> {
  const known = new Set<string>([...REQUIRED_REP_COLUMNS, ...OPTIONAL_REP_COLUMNS]);
  const seen = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const keys = new Map<RepColumn, string>();
  for (const key of seen) {
    const column = normalizeColumn(key);
    if (!known.has(column)) continue;
    const other = keys.get(column as RepColumn);
    if (other !== undefined) {
      const both = `${quoteValue(other)} and ${quoteValue(key)}`;
      const message = `${source} has two columns for "${column}": ${both}`;
      throw new RouteError('BAD_REP_TABLE', message, { column: key });
    }
    keys.set(column as RepColumn, key);
  }

  // Required columns must be present (an empty table has none, and is reported as empty).
  const missing = REQUIRED_REP_COLUMNS.filter((c) => !keys.has(c));
  if (missing.length > 0 && rows.length > 0) {
    const message =
      `${source} has no column "${missing[0]}"; required columns: ` +
      `${REQUIRED_REP_COLUMNS.join(', ')}; columns found: ${seen.join(', ') || '(none)'}`;
    throw new RouteError('MISSING_COLUMN', message, { column: missing[0] });
  }
  return keys;
}

/** `Out From`, `out-from` and `OUT_FROM` all name `out_from`. */
function normalizeColumn(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** A cell as trimmed text; empty for null and undefined. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value).trim();
}

/** `active`, `Inactive`, `out of office` or `out-of-office`. */
function statusCell(text: string, where: CellPlace): RepStatus {
  const status = normalizeColumn(text);
  if ((REP_STATUSES as readonly string[]).includes(status)) return status as RepStatus;
  const message = `status must be one of ${REP_STATUSES.join(', ')}`;
  throw cellError('BAD_REP_TABLE', where, text, message);
}

/** A whole number from 0 to `max`. */
function wholeCell(text: string, max: number, where: CellPlace): number {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (value <= max) return value;
  const hint =
    where.column === 'weight' ? ' (scale fractional weights: 1.5 and 1 become 3 and 2)' : '';
  const message = `${where.column} must be a whole number from 0 to ${max}${hint}`;
  throw cellError('BAD_REP_TABLE', where, text, message);
}

/** An optional ISO 8601 date or date-time. */
function instantCell(text: string, edge: 'start' | 'end', where: CellPlace): number | null {
  if (text === '') return null;
  const instant = parseInstant(text, edge);
  if (!Number.isNaN(instant)) return instant;
  const message =
    `${where.column} must be an ISO 8601 date or date-time ` + '(2024-05-06 or 2024-05-06T09:00Z)';
  throw cellError('BAD_REP_TABLE', where, text, message);
}

/** A territory cell, with the parser's complaint placed at the row and column. */
function territoryCell(text: string, where: CellPlace, territoryField: string | undefined) {
  try {
    return parseTerritory(text, territoryField);
  } catch (error) {
    if (!(error instanceof RouteError)) throw error;
    throw cellError('BAD_REP_TABLE', where, text, error.message);
  }
}

/** "reps.csv, line 5" or "rep table, row 4". */
function placeOf(index: number, source: string, lines: ArrayLike<number> | undefined) {
  const line = lines?.[index];
  return line === undefined
    ? { place: `${source}, row ${index + 1}`, row: index + 1 }
    : { place: `${source}, line ${line}`, row: line };
}

function cellError(
  code: 'BAD_REP_TABLE' | 'DUPLICATE_REP',
  where: CellPlace,
  value: string,
  message: string,
): RouteError {
  const text = `${where.place}, column "${where.column}": ${message}; got ${quoteValue(value)}`;
  return new RouteError(code, text, { row: where.row, column: where.column, value });
}
