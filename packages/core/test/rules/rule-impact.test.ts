import { describe, expect, it } from 'vitest';
import { FitgateError } from '../../src/errors.js';
import { missingTokenSet } from '../../src/missing-tokens.js';
import { ruleImpact } from '../../src/rules/rule-impact.js';
import type { Rule } from '../../src/rules/rule-set.js';
import { tableView } from '../../src/table.js';
import { readCsvGz } from '../helpers/read-csv-gz.js';

const parsing = { missingTokens: missingTokenSet(), decimal: '.' } as const;

describe('ruleImpact on a small table (counted by hand)', () => {
  const deals = [
    { Country: 'India', employees: '40' }, // won
    { Country: 'Qatar', employees: '4' }, // won
    { Country: '', employees: '12' }, // won
    { Country: 'qatar', employees: 'NA' }, // lost
    { Country: 'India', employees: 'many' }, // lost
    { Country: 'Open deal' }, // not closed: left out of the outcome
  ];
  const outcome = { rows: Uint32Array.of(0, 1, 2, 3, 4), y: Uint8Array.of(1, 1, 1, 0, 0) };
  const rules: Rule[] = [
    { id: 'india', kind: 'knockout', when: 'Country not in ("India")', reason: 'India only' },
    { id: 'ten', kind: 'must_have', when: 'employees >= 10', reason: 'ten or more' },
    { id: 'qatar', kind: 'hold', when: 'Country = "Qatar"', reason: 'check Qatar' },
    { id: 'web', kind: 'must_have', when: 'website contains "."', reason: 'needs a site' },
  ];
  const [india, ten, qatar, web] = ruleImpact(rules, deals, outcome, parsing);

  it('counts a knock-out: rows 1 (won) and 3 (lost) knocked out, row 2 unknown', () => {
    expect(india).toMatchObject({
      id: 'india',
      kind: 'knockout',
      when: 'Country not in ("India")',
      knockedOutWon: 1,
      knockedOutLost: 1,
      heldWon: 0,
      heldLost: 0,
      uncheckedWon: 1,
      uncheckedLost: 0,
      columnsNotInTable: [],
    });
    expect(india.shareOfWinsLost).toBeCloseTo(1 / 3, 12);
  });

  it('counts a must-have: row 1 knocked out, rows 3 and 4 held (missing, not a number)', () => {
    expect(ten).toMatchObject({
      knockedOutWon: 1,
      knockedOutLost: 0,
      heldWon: 0,
      heldLost: 2,
      uncheckedWon: 0,
      uncheckedLost: 2,
    });
  });

  it('counts a hold, case-insensitively: rows 1 and 3', () => {
    expect(qatar).toMatchObject({ knockedOutWon: 0, heldWon: 1, heldLost: 1, shareOfWinsLost: 0 });
  });

  it('reads a column the table lacks as missing on every row, and names it', () => {
    // Unknown everywhere: the must-have holds all five deals.
    expect(web).toMatchObject({
      heldWon: 3,
      heldLost: 2,
      knockedOutWon: 0,
      columnsNotInTable: ['website'],
    });
    // "is not missing" is never unknown: as a must-have it knocks out every deal.
    const required: Rule = {
      id: 'site',
      kind: 'must_have',
      when: 'website is not missing',
      reason: 'x',
    };
    expect(ruleImpact([required], deals, outcome, parsing)[0]).toMatchObject({
      knockedOutWon: 3,
      knockedOutLost: 2,
      shareOfWinsLost: 1,
    });
  });

  it('gives the same figures for a columnar table and a table view', () => {
    const columns = ['Country', 'employees'];
    const columnar = {
      columns,
      data: columns.map((c) => deals.map((d) => (d as Record<string, string>)[c])),
    };
    expect(ruleImpact(rules, columnar, outcome, parsing)).toEqual([india, ten, qatar, web]);
    expect(ruleImpact(rules, tableView(deals), outcome, parsing)).toEqual([india, ten, qatar, web]);
  });

  it('refuses an outcome that does not fit the table', () => {
    const short = { rows: Uint32Array.of(0, 1), y: Uint8Array.of(1) };
    expect(() => ruleImpact(rules, deals, short, parsing)).toThrow(FitgateError);
    const outside = { rows: Uint32Array.of(0, 9), y: Uint8Array.of(1, 0) };
    expect(() => ruleImpact(rules, deals, outside, parsing)).toThrow(/outcome.rows\[1\] is 9/);
  });
});

/**
 * The reference counts come from pandas 1.5 (whose default missing tokens are fitgate's), run
 * from /work/main with `/usr/bin/python3 -c "import pandas as pd;
 * df = pd.read_csv('data/x-education-leads/Leads.csv.gz'); c = df.Converted == 1; ..."` followed
 * by the one-liner written above each test.
 */
describe('ruleImpact on the X Education leads (checked against pandas)', () => {
  const csv = readCsvGz('/work/main/data/x-education-leads/Leads.csv.gz');
  const table = { columns: csv.columns, data: csv.columns.map((name) => csv.column(name)) };
  const converted = csv.column('Converted');
  const outcome = {
    rows: Uint32Array.from(converted, (_, i) => i),
    y: Uint8Array.from(converted, (value) => (value === '1' ? 1 : 0)),
  };
  const rules: Rule[] = [
    { id: 'india', kind: 'knockout', when: 'Country not in ("India")', reason: 'India only' },
    { id: 'visited', kind: 'must_have', when: 'TotalVisits >= 1', reason: 'came to the site' },
    { id: 'google', kind: 'hold', when: '`Lead Source` = "google"', reason: 'check paid search' },
    { id: 'ringing', kind: 'hold', when: 'Tags contains "RINGING"', reason: 'check by hand' },
  ];
  const [india, visited, google, ringing] = ruleImpact(rules, table, outcome, parsing);

  it('reads the whole file: 9,240 leads, 3,561 converted', () => {
    // print(len(df), c.sum())  # => 9240 3561
    expect(outcome.y.length).toBe(9240);
    expect(outcome.y.reduce((s, y) => s + y, 0)).toBe(3561);
  });

  it('Country not in ("India") knocks out 84 converted leads, skips those with no country', () => {
    // k = df.Country.notna() & (df.Country != 'India'); m = df.Country.isna();
    // print((k & c).sum(), (k & ~c).sum(), (m & c).sum(), (m & ~c).sum())  # => 84 203 1076 1385
    expect(india).toMatchObject({
      knockedOutWon: 84,
      knockedOutLost: 203,
      uncheckedWon: 1076,
      uncheckedLost: 1385,
      heldWon: 0,
      heldLost: 0,
    });
    expect(india.shareOfWinsLost).toBeCloseTo(84 / 3561, 12);
  });

  it('a must-have TotalVisits >= 1 throws away 916 converted leads, holds the 137 unknown', () => {
    // v = df.TotalVisits; print(((v < 1) & c).sum(), ((v < 1) & ~c).sum(),
    //   (v.isna() & c).sum(), (v.isna() & ~c).sum())  # => 916 1273 100 37
    expect(visited).toMatchObject({
      knockedOutWon: 916,
      knockedOutLost: 1273,
      heldWon: 100,
      heldLost: 37,
    });
    expect(visited.shareOfWinsLost).toBeCloseTo(916 / 3561, 12);
  });

  it('compares text case-insensitively ("Google" and "google" both held)', () => {
    // s = df['Lead Source']; g = s.str.strip().str.lower() == 'google';
    // print((g & c).sum(), (g & ~c).sum(), (s.isna() & c).sum(), (s.isna() & ~c).sum())
    // # => 1147 1726 29 7  (2,868 "Google" and 5 "google" leads)
    expect(google).toMatchObject({
      heldWon: 1147,
      heldLost: 1726,
      uncheckedWon: 29,
      uncheckedLost: 7,
    });
  });

  it('finds text inside a value with contains', () => {
    // t = df.Tags.str.lower().str.contains('ringing', regex=False).fillna(False);
    // print((t & c).sum(), (t & ~c).sum())  # => 34 1169
    expect(ringing).toMatchObject({ heldWon: 34, heldLost: 1169 });
  });
});
