/** The headcount normaliser to declare in an ICP definition. */
import { parseNormalizerSpecs, type HeadcountNormalizerSpec, type SizeBand } from '@fitgate/core';
import { withoutUndefined } from './without-undefined.js';

/** Options of `headcountNormalizer`. */
export interface HeadcountNormalizerOptions {
  /**
   * The column to write to.
   * @default the input column itself
   */
  output?: string;
  /**
   * What to write: the band's label (a category), or the range's geometric midpoint (a number,
   * for numeric binning).
   * @default 'band'
   */
  value?: 'band' | 'midpoint';
  /**
   * The bands.
   * @default HEADCOUNT_BANDS (LinkedIn's company sizes)
   */
  bands?: readonly SizeBand[];
}

/**
 * The normaliser spec that reads `column` as a headcount ("51-200", "10,001+", "1K-5K") and
 * writes its band, with the bands in it.
 *
 * @example
 * headcountNormalizer('employees').bands[2] // => { label: '51-200', lower: 51, upper: 201 }
 */
export function headcountNormalizer(
  column: string,
  options: HeadcountNormalizerOptions = {},
): HeadcountNormalizerSpec {
  const { output, value, bands } = options;
  const spec = {
    column,
    kind: 'headcount' as const,
    output,
    value,
    bands: bands?.map((b) => ({ ...b })),
  };
  return parseNormalizerSpecs([withoutUndefined(spec)])[0] as HeadcountNormalizerSpec;
}
