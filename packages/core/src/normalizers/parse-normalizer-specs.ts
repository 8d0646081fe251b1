/** Checking normaliser specs (from a definition or written by hand) before they are used. */
import { FitgateError } from '../errors.js';
import { normalizerSpecsSchema, type NormalizerSpec } from './normalizer-spec.js';

/**
 * Normaliser specs checked against `normalizerSpecsSchema`, with defaults filled in.
 *
 * Throws `INVALID_DEFINITION` naming every problem (the index of the normaliser, the field and
 * what is wrong), for example two labels that claim the same alias.
 *
 * @example
 * parseNormalizerSpecs([{ column: 'employees', kind: 'headcount' }])[0].bands[0]
 * // => { label: '1-10', lower: 0, upper: 11 }
 */
export function parseNormalizerSpecs(specs: unknown): NormalizerSpec[] {
  const parsed = normalizerSpecsSchema.safeParse(specs);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const where = issue.path.length === 0 ? '' : `[${issue.path.map(String).join('.')}] `;
    return `${where}${issue.message}`;
  });
  throw new FitgateError('INVALID_DEFINITION', `invalid normalizers: ${problems.join('; ')}`);
}
