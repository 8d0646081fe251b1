/** Which columns a normaliser writes. */
import type { NormalizerSpec } from './normalizer-spec.js';

/**
 * The columns a normaliser writes: its `output` (or its input column) for categories and sizes;
 * the seniority and department columns for titles.
 *
 * @example
 * outputColumns({ column: 'title', kind: 'title', ... })
 * // => ['title_seniority', 'title_department']
 */
export function outputColumns(spec: NormalizerSpec): string[] {
  if (spec.kind === 'title') {
    const out = spec.output ?? {
      seniority: `${spec.column}_seniority`,
      department: `${spec.column}_department`,
    };
    return [out.seniority, out.department];
  }
  return [spec.output ?? spec.column];
}
