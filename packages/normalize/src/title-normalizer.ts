/** The title normaliser to declare in an ICP definition. */
import { parseNormalizerSpecs, type TitleNormalizerSpec, type TitleRules } from '@fitgate/core';
import { DEFAULT_TITLE_RULES } from './default-title-rules.js';

/** Options of `titleNormalizer`. */
export interface TitleNormalizerOptions {
  /**
   * The columns to write the seniority and the department to.
   * @default `<column>_seniority` and `<column>_department`
   */
  output?: { seniority: string; department: string };
  /**
   * The rules to classify with.
   * @default DEFAULT_TITLE_RULES
   */
  rules?: TitleRules;
}

/**
 * The normaliser spec that reads `column` as a job title and writes its seniority and department
 * to two columns, with every rule in it.
 *
 * @example
 * titleNormalizer('job_title').kind
 * // => 'title' (it writes job_title_seniority and job_title_department)
 */
export function titleNormalizer(
  column: string,
  options: TitleNormalizerOptions = {},
): TitleNormalizerSpec {
  const rules = options.rules ?? DEFAULT_TITLE_RULES;
  const spec = {
    column,
    kind: 'title' as const,
    ...(options.output === undefined ? {} : { output: options.output }),
    seniority: rules.seniority.map((r) => ({ label: r.label, phrases: [...r.phrases] })),
    departments: rules.departments.map((r) => ({ label: r.label, phrases: [...r.phrases] })),
    fallbackSeniority: rules.fallbackSeniority,
    stopWords: [...rules.stopWords],
  };
  return parseNormalizerSpecs([spec])[0] as TitleNormalizerSpec;
}
