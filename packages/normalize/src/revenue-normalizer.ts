/** The revenue normaliser to declare in an ICP definition. */
import { parseNormalizerSpecs, type RevenueNormalizerSpec, type SizeBand } from '@fitgate/core';
import { withoutUndefined } from './without-undefined.js';

/** Options of `revenueNormalizer`. */
export interface RevenueNormalizerOptions {
  /**
   * The column to write to.
   * @default the input column itself
   */
  output?: string;
  /**
   * What to write: the band's label, or the range's geometric midpoint.
   * @default 'band'
   */
  value?: 'band' | 'midpoint';
  /**
   * The bands, in the normaliser's currency.
   * @default REVENUE_BANDS
   */
  bands?: readonly SizeBand[];
  /**
   * Multiplier for numbers written without a suffix: `1e6` when the column holds millions.
   * @default 1
   */
  scale?: number;
  /**
   * ISO 4217 code of the amounts; amounts marked with another currency are not read.
   * @default 'USD'
   */
  currency?: string;
}

/**
 * The normaliser spec that reads `column` as annual revenue ("$10M-$50M", "1.1B", or numbers in
 * the unit given by `scale`) and writes its band.
 *
 * @example
 * revenueNormalizer('revenue', { scale: 1e6 }).scale // => 1000000 (the column is in millions)
 */
export function revenueNormalizer(
  column: string,
  options: RevenueNormalizerOptions = {},
): RevenueNormalizerSpec {
  const { output, value, bands, scale, currency } = options;
  const spec = {
    column,
    kind: 'revenue' as const,
    output,
    value,
    bands: bands?.map((b) => ({ ...b })),
    scale,
    currency,
  };
  return parseNormalizerSpecs([withoutUndefined(spec)])[0] as RevenueNormalizerSpec;
}
