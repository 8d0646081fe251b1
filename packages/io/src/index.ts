/**
 * @fitgate/io: reading and writing tables (CSV, JSON lines), with guards for real CRM exports on
 * the way in and for spreadsheet formula injection on the way out.
 */

// The table and its errors.
export type { Delimiter, ReadOptions, RowProblem, Table } from './table.js';
export { IoError } from './io-error.js';
export type { IoErrorCode, IoErrorWhere } from './io-error.js';

// Reading.
export { readTable } from './read-table.js';
export { parseCsv } from './parse-csv.js';
export type { ParseCsvOptions } from './parse-csv.js';
export { detectDelimiter } from './detect-delimiter.js';
export type { DetectDelimiterOptions } from './detect-delimiter.js';

// Writing.
export { writeCsv } from './write-csv.js';
export { formatCsv } from './format-csv.js';
export type { CsvWriteOptions } from './format-csv.js';
export { guardFormula } from './guard-formula.js';
export { writeJsonLines } from './write-json-lines.js';
export { writeTextFile } from './write-text-file.js';

// Working with tables.
export { joinTables } from './join-tables.js';
export type { JoinOptions } from './join-tables.js';
export { tableFromRows } from './table-from-rows.js';
export { rowObject } from './row-object.js';
export { tableRows } from './table-rows.js';
