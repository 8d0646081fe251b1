import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FitgateError } from '../../src/errors.js';
import { compileNormalizers } from '../../src/normalizers/compile-normalizers.js';

const SPECS = [
  { column: 'sector', kind: 'industry', aliases: { technology: ['tech', 'IT'], retail: [] } },
  { column: 'employees', kind: 'headcount' },
  { column: 'revenue', kind: 'revenue', value: 'midpoint', scale: 1e6 },
  {
    column: 'title',
    kind: 'title',
    seniority: [{ label: 'vp', phrases: ['vp', 'svp'] }],
    departments: [{ label: 'sales', phrases: ['sales'] }],
  },
];

describe('compileNormalizers', () => {
  const normalize = compileNormalizers(SPECS);

  it('normalises each declared column and keeps every other column', () => {
    const lead = {
      name: 'Acme',
      sector: 'technolgy',
      employees: '1-5K',
      revenue: '10-40',
      title: 'SVP Sales',
    };
    expect({ ...normalize(lead) }).toEqual({
      name: 'Acme',
      sector: 'technology',
      employees: '1001-5000',
      revenue: 20, // sqrt(10 * 40) = 20, in millions like the column
      title: 'SVP Sales',
      title_seniority: 'vp',
      title_department: 'sales',
    });
  });

  it('writes an unmapped industry as "unmapped:" and its canonical text, never a catch-all', () => {
    expect(normalize({ sector: 'Farming & Fishing' }).sector).toBe('unmapped:farming and fishing');
  });

  it('keeps a value it wrote as unmapped, even a long one, unchanged', () => {
    const once = normalize({ sector: 'Farming & Fishing' }).sector;
    expect(normalize({ sector: once }).sector).toBe(once);

    // U+FDFA expands to 18 characters under NFKC: 200 of them make a long canonical text.
    const long = normalize({ sector: '\ufdfa'.repeat(300) }).sector as string;
    expect(long.length).toBeGreaterThan(3000);
    expect(normalize({ sector: long }).sector).toBe(long);
  });

  it('writes null for missing values and for sizes that are not sizes', () => {
    const out = normalize({ sector: ' NA ', employees: '25 employees, 50 contractors', title: '' });
    expect(out.sector).toBeNull();
    expect(out.employees).toBeNull();
    expect(out.revenue).toBeNull(); // absent column
    expect(out.title_seniority).toBeNull();
  });

  it('uses the missing tokens it is given, as isMissing does (trimmed, case-sensitive)', () => {
    const withSelect = compileNormalizers(SPECS, { missingTokens: ['', 'Select'] });
    expect(withSelect({ sector: ' Select ' }).sector).toBeNull();
    expect(withSelect({ sector: 'select' }).sector).toBe('unmapped:select');
  });

  it('returns a new null-prototype row and leaves the input alone', () => {
    const lead = JSON.parse('{"__proto__": "x", "sector": "tech"}') as Record<string, unknown>;
    const frozen = Object.freeze(lead);
    const out = normalize(frozen);
    expect(Object.getPrototypeOf(out)).toBeNull();
    expect(out.__proto__).toBe('x');
    expect(out.sector).toBe('technology');
    expect(frozen.sector).toBe('tech');
  });

  it('reads each column from the input, not from another normaliser', () => {
    const chained = compileNormalizers([
      { column: 'a', kind: 'category', output: 'b', aliases: { one: ['1'] } },
      { column: 'b', kind: 'category', output: 'c', aliases: { two: ['2'] } },
    ]);
    expect({ ...chained({ a: '1', b: '2' }) }).toEqual({ a: '1', b: 'one', c: 'two' });
  });

  it('throws INVALID_DEFINITION for an invalid spec', () => {
    expect(() => compileNormalizers([{ column: '', kind: 'headcount' }])).toThrow(FitgateError);
  });

  it('normalises a normalised row to itself (property)', () => {
    const sector = fc.constantFrom('tech', 'IT', 'technolgy', 'retail', 'Retial', 'farming', 'NA');
    const employees = fc.oneof(
      fc.nat({ max: 50_000 }).map(String),
      fc.tuple(fc.nat({ max: 9_000 }), fc.nat({ max: 9_000 })).map(([a, b]) => `${a}-${a + b}`),
      fc.string({ maxLength: 12 }),
    );
    const revenue = fc.oneof(fc.double({ min: 0, max: 1e5, noNaN: true }).map(String), fc.string());
    fc.assert(
      fc.property(sector, employees, revenue, (s, e, r) => {
        const once = normalize({ sector: s, employees: e, revenue: r });
        const twice = normalize(once);
        expect(twice.sector).toEqual(once.sector === null ? null : once.sector);
        expect(twice.employees).toEqual(once.employees);
        expect(twice.revenue).toEqual(once.revenue);
      }),
      { numRuns: 1000 },
    );
  });
});
