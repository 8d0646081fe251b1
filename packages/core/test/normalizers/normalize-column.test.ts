import { describe, expect, it } from 'vitest';
import { normalizeColumn } from '../../src/normalizers/normalize-column.js';

describe('normalizeColumn', () => {
  const spec = {
    column: 'sector',
    kind: 'industry',
    aliases: { technology: ['tech'], retail: [] },
  };

  it('writes the column and reports every distinct value with its count', () => {
    const values = [
      'technolgy',
      'Tech',
      'retail',
      'farming',
      'technolgy',
      null,
      'Select',
      'farming',
    ];
    const { columns, report } = normalizeColumn(spec, values, { missingTokens: ['', 'Select'] });

    expect(columns.sector).toEqual([
      'technology',
      'technology',
      'retail',
      'unmapped:farming',
      'technology',
      null,
      null,
      'unmapped:farming',
    ]);
    expect(report).toMatchObject({
      column: 'sector',
      kind: 'industry',
      outputs: ['sector'],
      total: 8,
      mapped: 4,
      unmapped: 2,
      missing: 2,
    });
    // Most frequent first, ties by raw text ('' < 'Select' < 'Tech' < 'retail').
    expect(report.values.map((v) => [v.raw, v.count, v.mapped, v.method])).toEqual([
      ['farming', 2, null, null],
      ['technolgy', 2, 'technology', 'fuzzy'],
      ['', 1, null, null],
      ['Select', 1, null, null],
      ['Tech', 1, 'technology', 'alias'],
      ['retail', 1, 'retail', 'exact'],
    ]);
    expect(report.values[1].confidence).toBeCloseTo(0.9, 12);
    expect(report.unmappedValues.map((v) => v.raw)).toEqual(['farming']);
    expect(report.unmappedValues[0].reason).toMatch(/^no label or alias within similarity 0.85/);
  });

  it('reports sizes by band and titles by seniority and department', () => {
    const sizes = normalizeColumn({ column: 'n', kind: 'headcount' }, [
      '51-200',
      '25 employees, 50 contractors',
    ]);
    expect(sizes.report.values.map((v) => [v.raw, v.status, v.mapped])).toEqual([
      ['25 employees, 50 contractors', 'unmapped', null],
      ['51-200', 'mapped', '51-200'],
    ]);

    const titles = normalizeColumn(
      {
        column: 't',
        kind: 'title',
        seniority: [{ label: 'vp', phrases: ['vp'] }],
        departments: [],
      },
      ['VP', 'Engineer'],
    );
    expect(titles.columns).toEqual({
      t_seniority: ['vp', 'individual contributor'],
      t_department: [null, null],
    });
    expect(titles.report.values.map((v) => [v.raw, v.mapped, v.method])).toEqual([
      ['Engineer', 'individual contributor / -', 'fallback'],
      ['VP', 'vp / -', 'phrase'],
    ]);
  });

  it('reads columnar input (any array-like)', () => {
    const { columns } = normalizeColumn(
      { column: 'n', kind: 'headcount' },
      { length: 2, 0: '5', 1: 9 },
    );
    expect(columns.n).toEqual(['1-10', '1-10']);
  });
});
