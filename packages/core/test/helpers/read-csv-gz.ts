/**
 * A small CSV reader for tests on the real data sets in `/work/main/data` (gzipped). It follows
 * RFC 4180: fields may be quoted with `"`, a quoted field may hold the delimiter, line breaks and
 * doubled quotes (`""`); lines end in LF or CRLF; a leading byte-order mark is dropped. Every cell
 * comes back as text, exactly as written (quotes removed, nothing trimmed or converted).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** A table read as text: a header and rows of cells. */
export interface CsvTable {
  columns: string[];
  rows: string[][];
  /** The cells of one column, in row order; throws on an unknown name. */
  column: (name: string) => string[];
}

/** Read a gzipped CSV file into a table of text cells. */
export function readCsvGz(path: string, delimiter = ','): CsvTable {
  const text = gunzipSync(readFileSync(path)).toString('utf8');
  return csvTable(parseCsv(text, delimiter));
}

/** Turn parsed records (the first is the header) into a table. */
export function csvTable(records: string[][]): CsvTable {
  const [columns = [], ...rows] = records;
  return {
    columns,
    rows,
    column: (name) => {
      const index = columns.indexOf(name);
      if (index < 0) throw new Error(`no column "${name}" in ${columns.join(', ')}`);
      return rows.map((row) => row[index] ?? '');
    },
  };
}

/** Split CSV text into records of fields (RFC 4180, LF or CRLF line ends). */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  while (i < text.length) {
    const char = text[i];

    // Inside quotes: a doubled quote is a quote, a single one closes the field's quoted part.
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      i += 1;
      continue;
    }

    // Outside quotes: a quote opens, the delimiter ends a field, a line break ends a record.
    if (char === '"') quoted = true;
    else if (char === delimiter) {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      if (char === '\r' && text[i + 1] === '\n') i += 1;
    } else field += char;
    i += 1;
  }

  // The last record, when the text does not end with a line break.
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
