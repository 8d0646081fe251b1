/**
 * Test helper: reads a small gzipped CSV (RFC 4180 quoting) into columns, so that these tests need
 * no other package. The library itself reads files through @fitgate/io.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** Column name -> cell texts, from a gzipped CSV file. */
export function readGzCsv(path: string): Record<string, string[]> {
  const rows = parseCsvText(gunzipSync(readFileSync(path)).toString('utf8'));
  const [header, ...body] = rows;
  const columns: Record<string, string[]> = {};
  header.forEach((name, c) => (columns[name] = body.map((row) => row[c] ?? '')));
  return columns;
}

function parseCsvText(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[i++];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') [row, field] = [[...row, field], ''];
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      rows.push([...row, field]);
      [row, field] = [[], ''];
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
