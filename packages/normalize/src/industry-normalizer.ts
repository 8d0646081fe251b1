/** The industry normaliser to declare in an ICP definition. */
import { parseNormalizerSpecs, type CategoryNormalizerSpec } from '@fitgate/core';
import { industryTaxonomy, type IndustryTaxonomy } from './industry-taxonomy.js';

/** Options of `industryNormalizer`. */
export interface IndustryNormalizerOptions {
  /**
   * The column to write the industry to.
   * @default the input column itself
   */
  output?: string;
}

/**
 * The normaliser spec that maps `column` to the industries of `taxonomy`, with every alias in it,
 * so that the definition that holds it needs no other code to apply it.
 *
 * @example
 * industryNormalizer('sector')
 * // => { column: 'sector', kind: 'industry', aliases: { software: [...], ... }, fuzzyFloor: 0.85 }
 */
export function industryNormalizer(
  column: string,
  taxonomy: IndustryTaxonomy = industryTaxonomy(),
  options: IndustryNormalizerOptions = {},
): CategoryNormalizerSpec {
  const spec = {
    column,
    kind: 'industry' as const,
    ...(options.output === undefined ? {} : { output: options.output }),
    aliases: taxonomy.aliases,
    fuzzyFloor: taxonomy.fuzzyFloor,
  };

  // Checked here, so that a bad taxonomy fails when the definition is built, not when it is used.
  return parseNormalizerSpecs([spec])[0] as CategoryNormalizerSpec;
}
