/**
 * Normalisers declared in an ICP definition, compiled into one function of a row: what qualify
 * applies to a lead before scoring it, exactly as derive applied it to the deals.
 */
import { DEFAULT_MISSING_TOKENS } from '../missing-tokens.js';
import { compileColumnNormalizer } from './compile-column-normalizer.js';
import { outputColumns } from './output-columns.js';
import { parseNormalizerSpecs } from './parse-normalizer-specs.js';

/** Options of `compileNormalizers` and `normalizeColumn`. */
export interface NormalizeOptions {
  /**
   * Cell texts that mean "no value" (the definition's `parsing.missingTokens`), compared after
   * trimming and case-sensitively, as `isMissing` does. A blank cell is always missing.
   * @default DEFAULT_MISSING_TOKENS
   */
  missingTokens?: readonly string[];
}

/**
 * A function that applies `specs` to a row and returns a new row (with a null prototype): every
 * column of the input, with each normaliser's output columns set.
 *
 * Each normaliser reads its column from the input row, not from another normaliser's output.
 * What each kind writes:
 * - industry, country, category: the label; an unmapped value as `unmapped:` followed by its
 *   canonical text (see `UNMAPPED_PREFIX`), never a catch-all label;
 * - headcount, revenue: the band label, or with `value: 'midpoint'` the range's geometric midpoint
 *   in the column's own unit (whole people; revenue divided by `scale`); null for a value that
 *   is not a size;
 * - title: the seniority and the department (null when not found).
 * A missing value (absent, null, blank or a missing token) is written as null. The input row is
 * not changed. Throws `INVALID_DEFINITION` when a spec is invalid.
 *
 * @example
 * const normalize = compileNormalizers([{ column: 'employees', kind: 'headcount' }]);
 * normalize({ employees: '1-5K', name: 'Acme' }) // => { employees: '1001-5000', name: 'Acme' }
 */
export function compileNormalizers(
  specs: unknown,
  options: NormalizeOptions = {},
): (row: Readonly<Record<string, unknown>>) => Record<string, unknown> {
  const missingTokens = missingTokenSetOf(options);
  const compiled = parseNormalizerSpecs(specs).map((spec) => ({
    column: spec.column,
    outputs: outputColumns(spec),
    normalize: compileColumnNormalizer(spec, missingTokens),
  }));

  return (row) => {
    // A copy with no prototype: a column named "__proto__" is an ordinary column.
    const out: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(row)) out[key] = row[key];

    for (const { column, outputs, normalize } of compiled) {
      const { values } = normalize(Object.hasOwn(row, column) ? row[column] : undefined);
      outputs.forEach((name, i) => (out[name] = values[i]));
    }
    return out;
  };
}

/** The trimmed missing tokens of `options` (internal, shared with `normalizeColumn`). */
export function missingTokenSetOf(options: NormalizeOptions): Set<string> {
  const tokens = options.missingTokens ?? DEFAULT_MISSING_TOKENS;
  return new Set(tokens.map((t) => t.trim()));
}
