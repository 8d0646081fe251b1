/** Placing a size range in exactly one band. */
import { rangeMidpoint, type SizeRange } from './range-midpoint.js';
import type { SizeBand } from './size-bands.js';

/**
 * The label of the band that holds a range's midpoint (see `rangeMidpoint`), or null when no band
 * holds it (only possible with bands that do not start at 0; the normaliser schema forbids those).
 *
 * @example
 * bandOfRange({ min: 1000, max: 5000 }, HEADCOUNT_BANDS) // => '1001-5000'
 * bandOfRange({ min: 51, max: 200 }, HEADCOUNT_BANDS)    // => '51-200'
 */
export function bandOfRange(range: SizeRange, bands: readonly SizeBand[]): string | null {
  const size = rangeMidpoint(range);
  const band = bands.find((b) => size >= b.lower && (b.upper === null || size < b.upper));
  return band === undefined ? null : band.label;
}
