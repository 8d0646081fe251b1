import { describe, expect, it } from 'vitest';
import { parseCsv, readCsvGz } from './read-csv-gz.js';

const DATA = new URL('../../../../data/', import.meta.url).pathname;

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, delimiters and line breaks inside quotes', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n1,,3';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['1', '', '3'],
    ]);
  });

  it('drops a byte-order mark and keeps a trailing empty field', () => {
    expect(parseCsv('\uFEFFa;b;\n1;2;\n', ';')).toEqual([
      ['a', 'b', ''],
      ['1', '2', ''],
    ]);
  });
});

describe('readCsvGz on the real data sets', () => {
  // Shapes from pandas (/usr/bin/python3): pd.read_csv(path, sep=...).shape.
  it('reads x-education-leads with its quoted commas', () => {
    const leads = readCsvGz(`${DATA}x-education-leads/Leads.csv.gz`);
    expect(leads.rows).toHaveLength(9240);
    expect(leads.rows.every((row) => row.length === 38)).toBe(true);
    const specialization = leads.column('Specialization');
    // pandas: 338 rows hold "Banking, Investment And Insurance".
    const banking = specialization.filter((v) => v === 'Banking, Investment And Insurance');
    expect(banking).toHaveLength(338);
  });

  it('reads bank-marketing with ; and quoted strings', () => {
    const bank = readCsvGz(`${DATA}bank-marketing/bank-full.csv.gz`, ';');
    expect(bank.rows).toHaveLength(45211);
    expect(bank.columns).toHaveLength(17);
    expect(bank.column('job')[0]).toBe('management');
    expect(bank.column('balance')[0]).toBe('2143');
  });

  it('throws on an unknown column', () => {
    const products = readCsvGz(`${DATA}crm-sales-opportunities/products.csv.gz`);
    expect(() => products.column('price')).toThrow(/no column "price"/);
  });
});
