import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DISTINCT_CAP,
  inferColumn,
  inferColumns,
  type ColumnRole,
  type InferOptions,
} from '../src/infer-columns.js';
import { missingTokenSet } from '../src/missing-tokens.js';
import { readCsvGz, type CsvTable } from './helpers/read-csv-gz.js';

const DATA = new URL('../../../data/', import.meta.url).pathname;

/** A small seeded generator (mulberry32) for test data; uniform on [0, 1). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A copy of `values` in a seeded random order (Fisher-Yates). */
function shuffled<T>(values: readonly T[], seed: number): T[] {
  const random = seeded(seed);
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** `count` random strings of `length` characters drawn from `alphabet`. */
function randomCodes(count: number, length: number, alphabet: string, seed: number): string[] {
  const random = seeded(seed);
  return Array.from({ length: count }, () =>
    Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''),
  );
}

function infer(table: CsvTable, name: string, options?: InferOptions): ColumnRole {
  return inferColumn(name, table.column(name), options);
}

// Reference counts below come from pandas (/usr/bin/python3, pandas 1.5.3), reading every cell as
// text: pd.read_csv(path, dtype=str, keep_default_na=False), then per column
// (s != '').sum() for present cells and s[s != ''].nunique() for distinct values.

describe('inferColumn on x-education-leads', () => {
  const leads = readCsvGz(`${DATA}x-education-leads/Leads.csv.gz`);

  it('finds the two identifiers', () => {
    const prospect = infer(leads, 'Prospect ID');
    expect(prospect).toMatchObject({ role: 'ignored', code: 'ID_COLUMN', distinct: 9240 });
    const lead = infer(leads, 'Lead Number');
    expect(lead).toMatchObject({ role: 'ignored', code: 'ID_COLUMN', distinct: 9240 });
    expect(lead.reason).toContain('row order');
  });

  it('finds Lead Number an identifier even with the rows shuffled (too few repeats)', () => {
    const role = inferColumn('Lead Number', shuffled(leads.column('Lead Number'), 7));
    expect(role).toMatchObject({ role: 'ignored', code: 'ID_COLUMN' });
    // 9,240 integers from 579,533 to 660,737: uniform draws over that range would repeat about
    // n - R(1 - (1 - 1/R)^n) = 506 times; the column has no repeat.
    expect(role.reason).toContain('0 repeats');
    expect(role.reason).toContain('506');
  });

  it('types the website measurements numeric despite empty cells', () => {
    // Present counts (pandas): TotalVisits 9,103, Page Views Per Visit 9,103, Total Time 9,240.
    expect(infer(leads, 'TotalVisits')).toMatchObject({ role: 'numeric', distinct: 41 });
    expect(infer(leads, 'TotalVisits').presentShare).toBeCloseTo(9103 / 9240, 12);
    expect(infer(leads, 'Page Views Per Visit')).toMatchObject({ role: 'numeric', distinct: 114 });
    const time = infer(leads, 'Total Time Spent on Website');
    expect(time).toMatchObject({ role: 'numeric', distinct: 1731, presentShare: 1 });
  });

  it('drops constant and empty columns', () => {
    expect(infer(leads, 'Magazine')).toMatchObject({ role: 'ignored', code: 'CONSTANT' });
    // The trailing comma on every line makes a 38th column with an empty name and no values.
    expect(leads.columns).toHaveLength(38);
    expect(infer(leads, '')).toMatchObject({ role: 'ignored', code: 'EMPTY', presentShare: 0 });
  });

  it("reads the form default 'Select' as missing when the caller adds it", () => {
    const options = { missingTokens: missingTokenSet(['Select']) };
    // pandas: Specialization 7,802 present, 5,860 once 'Select' is dropped; 19 -> 18 levels.
    expect(infer(leads, 'Specialization').presentShare).toBeCloseTo(7802 / 9240, 12);
    const specialization = infer(leads, 'Specialization', options);
    expect(specialization).toMatchObject({ role: 'categorical', distinct: 18 });
    expect(specialization.presentShare).toBeCloseTo(5860 / 9240, 12);
    // How did you hear: 1,990 of 9,240 answered (21.5%): still above the 5% floor.
    const heard = infer(leads, 'How did you hear about X Education', options);
    expect(heard).toMatchObject({ role: 'categorical', distinct: 9 });
    expect(heard.presentShare).toBeCloseTo(1990 / 9240, 12);
  });
});

describe('inferColumn on bank-marketing', () => {
  const bank = readCsvGz(`${DATA}bank-marketing/bank-full.csv.gz`, ';');

  it('types the numeric columns numeric, with their distinct counts', () => {
    const expected = { age: 77, balance: 7168, duration: 1573, pdays: 559, campaign: 48 };
    for (const [name, distinct] of Object.entries(expected)) {
      expect(infer(bank, name), name).toMatchObject({ role: 'numeric', distinct, presentShare: 1 });
    }
  });

  it('finds no identifier and no column to drop', () => {
    const roles = inferColumns({ columns: bank.columns, data: bank.columns.map(bank.column) });
    expect(roles.filter((role) => role.role === 'ignored')).toEqual([]);
    const categorical = roles.filter((role) => role.role === 'categorical').map((r) => r.name);
    expect(categorical).toEqual([
      ...['job', 'marital', 'education', 'default', 'housing', 'loan', 'contact', 'month'],
      ...['poutcome', 'y'],
    ]);
  });

  it('keeps measurements numeric in small samples, where they are nearly unique', () => {
    // Seeded random windows of 50 to 2,000 rows: none may be taken for an identifier.
    const random = seeded(11);
    for (const name of ['balance', 'duration', 'age', 'campaign']) {
      const values = bank.column(name);
      for (const size of [50, 80, 100, 200, 500, 2000]) {
        for (let draw = 0; draw < 20; draw += 1) {
          const start = Math.floor(random() * (values.length - size));
          const role = inferColumn(name, values.slice(start, start + size));
          expect(role.code, `${name} rows ${start}+${size}`).not.toBe('ID_COLUMN');
        }
      }
    }
  });
});

describe('inferColumn on crm-sales-opportunities', () => {
  const pipeline = readCsvGz(`${DATA}crm-sales-opportunities/sales_pipeline.csv.gz`);
  const accounts = readCsvGz(`${DATA}crm-sales-opportunities/accounts.csv.gz`);

  it('finds the opportunity codes an identifier', () => {
    const role = infer(pipeline, 'opportunity_id');
    expect(role).toMatchObject({ role: 'ignored', code: 'ID_COLUMN', distinct: 8800 });
    expect(role.reason).toContain('1C1I7A6R');
  });

  it('types close_value numeric and account categorical', () => {
    const value = infer(pipeline, 'close_value');
    expect(value).toMatchObject({ role: 'numeric', distinct: 2051 });
    expect(value.presentShare).toBeCloseTo(6711 / 8800, 12);
    const account = infer(pipeline, 'account');
    expect(account).toMatchObject({ role: 'categorical', distinct: 85 });
    expect(account.presentShare).toBeCloseTo(7375 / 8800, 12);
  });

  it('marks the dates as dates', () => {
    const engaged = infer(pipeline, 'engage_date');
    expect(engaged).toMatchObject({ role: 'categorical', code: 'DATE', distinct: 421 });
    expect(engaged.reason).toContain('date-like');
  });

  it('tells unique measurements from a unique name in an 85-row table', () => {
    expect(infer(accounts, 'account')).toMatchObject({ role: 'ignored', code: 'ID_COLUMN' });
    const revenue = infer(accounts, 'revenue');
    expect(revenue).toMatchObject({ role: 'numeric', distinct: 85 });
    expect(revenue.reason).toContain('decimals');
    // employees: 85 distinct integers from 9 to 34,288; by chance about 0.1 repeats: no evidence.
    const employees = infer(accounts, 'employees');
    expect(employees).toMatchObject({ role: 'numeric', distinct: 85 });
    expect(employees.reason).toContain('measurement');
  });
});

describe('inferColumn on identifier shapes', () => {
  it('finds UUIDs', () => {
    const hex = randomCodes(200, 32, '0123456789abcdef', 1);
    const uuids = hex.map((h) => [0, 8, 12, 16, 20].map((at, i, a) => h.slice(at, a[i + 1])));
    const role = inferColumn(
      'uuid',
      uuids.map((parts) => parts.join('-')),
    );
    expect(role).toMatchObject({ role: 'ignored', code: 'ID_COLUMN', distinct: 200 });
  });

  it('finds hexadecimal codes, including ones that parse in scientific notation', () => {
    const codes = [...randomCodes(198, 8, '0123456789abcdef', 2), '713752e1', '4e51'];
    expect(inferColumn('hex', codes)).toMatchObject({ role: 'ignored', code: 'ID_COLUMN' });
  });

  it('finds a column made only of codes like 713752e1 a code, though each parses', () => {
    const random = seeded(3);
    const codes = Array.from({ length: 100 }, () => {
      const digits = String(Math.floor(random() * 1e6)).padStart(6, '1');
      return `${digits}e${Math.floor(random() * 10)}`;
    });
    const role = inferColumn('hex', codes);
    expect(role).toMatchObject({ role: 'ignored', code: 'ID_COLUMN' });
  });

  it('finds letter-and-digit codes like 1C1I7A6R, some of them letters only', () => {
    const codes = randomCodes(300, 8, '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', 4);
    expect(codes.some((code) => !/\d/.test(code))).toBe(true);
    expect(inferColumn('opportunity', codes)).toMatchObject({ code: 'ID_COLUMN' });
  });

  it('finds zero-padded digits a code: unique ones an identifier, repeated ones categories', () => {
    const unique = Array.from({ length: 120 }, (_, i) => String(i * 7 + 1).padStart(5, '0'));
    expect(inferColumn('account no', shuffled(unique, 5))).toMatchObject({ code: 'ID_COLUMN' });

    const zips = ['02139', '94105', '10001', '60601', '02115'];
    const repeated = Array.from({ length: 500 }, (_, i) => zips[i % zips.length]);
    const role = inferColumn('zip', repeated);
    expect(role).toMatchObject({ role: 'categorical', distinct: 5 });
    expect(role.code).toBeUndefined();
    expect(role.reason).toContain('zero-padded');
  });

  it('keeps repeated letter-and-digit values as categories', () => {
    const plans = Array.from({ length: 400 }, (_, i) => ['Q1', 'Q2', 'Q3', 'Q4', 'B2B'][i % 5]);
    expect(inferColumn('quarter', plans)).toMatchObject({ role: 'categorical', distinct: 5 });
  });

  it('finds consecutive integers in any order an identifier', () => {
    const ids = Array.from({ length: 60 }, (_, i) => String(1000 + i));
    expect(inferColumn('id', shuffled(ids, 6))).toMatchObject({ code: 'ID_COLUMN' });
  });

  it('finds sparse integers in row order an identifier', () => {
    const random = seeded(8);
    let next = 10;
    const ids = Array.from({ length: 200 }, () => String((next += 1 + Math.floor(random() * 500))));
    const role = inferColumn('id', ids);
    expect(role).toMatchObject({ code: 'ID_COLUMN' });
    expect(role.reason).toContain('increasing with the row order');
  });

  it('finds nearly unique free text an identifier', () => {
    const emails = Array.from({ length: 80 }, (_, i) => `person.${i}@example.com`);
    expect(inferColumn('email', emails)).toMatchObject({ role: 'ignored', code: 'ID_COLUMN' });
  });

  it('calls nothing an identifier below 50 present values', () => {
    const names = Array.from({ length: 49 }, (_, i) => `name ${i}`);
    expect(inferColumn('name', names).role).toBe('categorical');
    expect(inferColumn('name', [...names, 'name 49']).code).toBe('ID_COLUMN');
    const uuidLike = randomCodes(49, 12, '0123456789abcdef', 9);
    expect(inferColumn('code', uuidLike).role).toBe('categorical');
  });
});

describe('inferColumn on nearly unique measurements', () => {
  it('keeps integers drawn with repeats numeric, however wide their range', () => {
    // Draws with replacement repeat as chance says; the rule's false alarm rate is about 1 in
    // 1,000 per column, so the seed is fixed to keep the test deterministic.
    const sample = fc.record({
      n: fc.integer({ min: 50, max: 800 }),
      factor: fc.integer({ min: 1, max: 2000 }),
      seed: fc.integer(),
    });
    fc.assert(
      fc.property(sample, ({ n, factor, seed }) => {
        const random = seeded(seed);
        const values = Array.from({ length: n }, () => Math.floor(random() * n * factor));
        return inferColumn('amount', values.map(String)).role === 'numeric';
      }),
      { seed: 20240611, numRuns: 200 },
    );
  });

  it('finds integers drawn without repeats from a range up to twice their count a key', () => {
    fc.assert(
      fc.property(fc.integer({ min: 50, max: 800 }), fc.integer(), (n, seed) => {
        const pool = Array.from({ length: 2 * n }, (_, i) => i + 5000);
        const values = shuffled(pool, seed).slice(0, n);
        return inferColumn('key', values).code === 'ID_COLUMN';
      }),
      { seed: 20240611, numRuns: 100 },
    );
  });

  it('keeps nearly unique decimals numeric', () => {
    const random = seeded(12);
    const amounts = Array.from({ length: 300 }, (_, i) => (1000 + i * 3.37).toFixed(2));
    const role = inferColumn('amount', shuffled(amounts, Math.floor(random() * 1e6)));
    expect(role).toMatchObject({ role: 'numeric', distinct: 300 });
    expect(role.reason).toContain('decimals');
  });
});

describe('inferColumn typing rules', () => {
  it('needs numericShare of present values to parse', () => {
    const numbers = Array.from({ length: 98 }, (_, i) => String(i % 10));
    expect(inferColumn('x', [...numbers, 'n/k', 'n/k']).role).toBe('numeric');
    expect(inferColumn('x', [...numbers.slice(1), 'n/k', 'n/k', 'n/k']).role).toBe('categorical');
    const loose = inferColumn('x', [...numbers.slice(1), 'a', 'b', 'c'], { numericShare: 0.9 });
    expect(loose.role).toBe('numeric');
  });

  it('reads decimal commas when told to', () => {
    const values = ['1,5', '2,25', '3', '1,5'];
    expect(inferColumn('x', values, { decimal: ',' }).role).toBe('numeric');
    expect(inferColumn('x', values).role).toBe('categorical');
  });

  it('takes numbers and booleans as they are typed', () => {
    expect(inferColumn('x', [1.5, 2, Number.NaN, null, 3]).role).toBe('numeric');
    expect(inferColumn('x', [true, false, true]).role).toBe('categorical');
  });

  it('recognises common date shapes and Date objects', () => {
    const shapes = [
      ['2016-10-20', '2017-01-05T10:30:00Z'],
      ['20/10/2016', '05/01/2017'],
      ['10/20/2016 3:45 PM', '1/5/2017 11:02 AM'],
      ['20.10.2016', '05.01.2017'],
      ['20 Oct 2016', 'Jan 5, 2017'],
      [new Date(0), new Date(86_400_000)],
    ];
    for (const values of shapes) {
      expect(inferColumn('when', values), String(values[0])).toMatchObject({ code: 'DATE' });
    }
    expect(inferColumn('when', ['2016-13-01', '2016-12-01']).code).toBeUndefined();
    expect(inferColumn('when', ['20161020', '20161021']).role).toBe('numeric');
  });

  it('drops mostly missing columns below a 5% floor', () => {
    const column = (present: number) =>
      Array.from({ length: 100 }, (_, i) => (i < present ? String(i % 2) : ''));
    expect(inferColumn('x', column(4))).toMatchObject({ code: 'MOSTLY_MISSING' });
    expect(inferColumn('x', column(5))).toMatchObject({ role: 'numeric', presentShare: 0.05 });
  });

  it('drops constant and empty columns, missing tokens not counted', () => {
    expect(inferColumn('x', ['a', ' a ', 'NA', null])).toMatchObject({
      role: 'ignored',
      code: 'CONSTANT',
      distinct: 1,
      presentShare: 0.5,
    });
    expect(inferColumn('x', ['', 'NULL', undefined])).toMatchObject({ code: 'EMPTY' });
    expect(inferColumn('x', [])).toMatchObject({ code: 'EMPTY', presentShare: 0, distinct: 0 });
  });

  it('obeys forceNumeric and forceCategorical, but not on empty or constant columns', () => {
    const ids = Array.from({ length: 100 }, (_, i) => String(i));
    expect(inferColumn('id', ids, { forceNumeric: ['id'] }).role).toBe('numeric');
    expect(inferColumn('n', ['1', '2', '3'], { forceCategorical: ['n'] }).role).toBe('categorical');
    const forced = inferColumn('d', ['2016-10-20', 'x'], { forceNumeric: ['d'] });
    expect(forced).toMatchObject({ role: 'numeric' });
    expect(forced.reason).toContain('0% of present values parse');
    expect(inferColumn('c', ['1', '1'], { forceNumeric: ['c'] }).code).toBe('CONSTANT');
  });

  it('throws BAD_OPTION on contradictory or out-of-range options', () => {
    const both = { forceNumeric: ['x'], forceCategorical: ['x'] };
    expect(() => inferColumn('x', ['1'], both)).toThrow(
      expect.objectContaining({ code: 'BAD_OPTION' }),
    );
    for (const options of [{ numericShare: 0 }, { idDistinctShare: 1.5 }, { numericShare: NaN }]) {
      expect(() => inferColumn('x', ['1'], options)).toThrow(/must be a share/);
    }
  });

  it('does not change its input', () => {
    const values = [' 1 ', '2', 'NA', '3'];
    const copy = [...values];
    inferColumn('x', values);
    expect(values).toEqual(copy);
  });
});

describe('inferColumn on a million values', () => {
  it('caps the distinct count and still finds a unique column an identifier', () => {
    const values = Array.from({ length: 1_000_000 }, (_, i) => `row-${i}`);
    const role = inferColumn('row', values);
    expect(role).toMatchObject({ role: 'ignored', code: 'ID_COLUMN', distinct: DISTINCT_CAP });
  });

  it('types a million repeated numbers numeric', () => {
    const random = seeded(13);
    const values = Array.from({ length: 1_000_000 }, () => String(Math.floor(random() * 5000)));
    expect(inferColumn('amount', values)).toMatchObject({ role: 'numeric', distinct: 5000 });
  });
});

describe('inferColumns', () => {
  it('types every column of row objects or a columnar table, in order', () => {
    const rows = [
      { a: '1', b: 'x' },
      { a: '2', b: 'y' },
    ];
    expect(inferColumns(rows).map((role) => role.role)).toEqual(['numeric', 'categorical']);
    const columnar = {
      columns: ['a', 'b'],
      data: [
        ['1', '2'],
        ['x', 'x'],
      ],
    };
    expect(inferColumns(columnar).map((role) => role.code ?? role.role)).toEqual([
      'numeric',
      'CONSTANT',
    ]);
  });
});
