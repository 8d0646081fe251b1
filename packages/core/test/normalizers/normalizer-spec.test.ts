import { describe, expect, it } from 'vitest';
import { FitgateError } from '../../src/errors.js';
import { normalizerSpecsSchema } from '../../src/normalizers/normalizer-spec.js';
import { outputColumns } from '../../src/normalizers/output-columns.js';
import { parseNormalizerSpecs } from '../../src/normalizers/parse-normalizer-specs.js';
import { HEADCOUNT_BANDS, REVENUE_BANDS } from '../../src/normalizers/size-bands.js';

const TITLE_RULES = {
  seniority: [{ label: 'vp', phrases: ['vp'] }],
  departments: [{ label: 'sales', phrases: ['sales'] }],
};

describe('normalizer specs', () => {
  it('fills in the defaults', () => {
    const [industry, headcount, revenue, title] = parseNormalizerSpecs([
      { column: 'sector', kind: 'industry', aliases: { technology: ['tech'] } },
      { column: 'employees', kind: 'headcount' },
      { column: 'revenue', kind: 'revenue' },
      { column: 'title', kind: 'title', ...TITLE_RULES },
    ]);
    expect(industry).toMatchObject({ fuzzyFloor: 0.85 });
    expect(headcount).toMatchObject({ value: 'band', bands: HEADCOUNT_BANDS });
    expect(revenue).toMatchObject({
      value: 'band',
      bands: REVENUE_BANDS,
      scale: 1,
      currency: 'USD',
    });
    expect(title).toMatchObject({ fallbackSeniority: 'individual contributor', stopWords: ['to'] });
  });

  it('names the columns each kind writes', () => {
    const [industry, title] = parseNormalizerSpecs([
      { column: 'sector', kind: 'industry', output: 'industry', aliases: {} },
      { column: 'job', kind: 'title', ...TITLE_RULES },
    ]);
    expect(outputColumns(industry)).toEqual(['industry']);
    expect(outputColumns(title)).toEqual(['job_seniority', 'job_department']);
  });

  it('rejects an alias claimed by two labels, naming both', () => {
    expect(() =>
      parseNormalizerSpecs([
        { column: 'sector', kind: 'industry', aliases: { technology: ['IT'], services: ['it'] } },
      ]),
    ).toThrow(
      'invalid normalizers: [0.aliases] alias "it" is claimed by both "technology" and "services"',
    );
  });

  it('rejects labels that look unmapped, and aliases without a letter', () => {
    const bad = [{ column: 's', kind: 'category', aliases: { 'unmapped:x': [], ok: ['--'] } }];
    expect(() => parseNormalizerSpecs(bad)).toThrow(
      /starts with "unmapped:".*has no letter or digit/,
    );
  });

  it('rejects bands that overlap, leave a gap or do not start at 0', () => {
    const bands = (list: unknown[]) => [{ column: 'n', kind: 'headcount', bands: list }];
    const overlap = [
      { label: 'a', lower: 0, upper: 20 },
      { label: 'b', lower: 10, upper: null },
    ];
    expect(() => parseNormalizerSpecs(bands(overlap))).toThrow(
      /"b" must start where "a" ends \(20\)/,
    );
    expect(() => parseNormalizerSpecs(bands([{ label: 'a', lower: 1, upper: null }]))).toThrow(
      /must start at 0/,
    );
    expect(() => parseNormalizerSpecs(bands([{ label: 'a', lower: 0, upper: 5 }]))).toThrow(
      /last band must be open/,
    );
  });

  it('rejects two normalisers writing one column', () => {
    const specs = [
      { column: 'a', kind: 'headcount', output: 'size' },
      { column: 'b', kind: 'headcount', output: 'size' },
    ];
    expect(normalizerSpecsSchema.safeParse(specs).success).toBe(false);
    expect(() => parseNormalizerSpecs(specs)).toThrow(
      'normalizers 0 and 1 both write column "size"',
    );
  });

  it('throws INVALID_DEFINITION for an unknown kind', () => {
    try {
      parseNormalizerSpecs([{ column: 'a', kind: 'weight' }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FitgateError);
      expect((error as FitgateError).code).toBe('INVALID_DEFINITION');
    }
  });

  it('survives a JSON round trip unchanged', () => {
    const specs = parseNormalizerSpecs([
      { column: 'employees', kind: 'headcount', value: 'midpoint' },
      { column: 'sector', kind: 'industry', aliases: { technology: ['tech'] }, fuzzyFloor: 0.9 },
    ]);
    expect(parseNormalizerSpecs(JSON.parse(JSON.stringify(specs)))).toEqual(specs);
  });
});
