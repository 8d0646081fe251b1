/** The single size that stands for a range, used to place the range in a band. */

/** A size range; `max: null` means open-ended ("10,001+"). */
export interface SizeRange {
  min: number;
  max: number | null;
}

/**
 * The representative size of a range: its geometric midpoint, because company sizes spread on a
 * logarithmic scale (the midpoint of 1,000-5,000 is about 2,236, not 3,000).
 *
 * An open-ended range stands at its lower end; a range from 0 ("under 50") at half its upper end,
 * since the geometric midpoint of 0 and anything is 0.
 *
 * @example
 * rangeMidpoint({ min: 1000, max: 5000 }) // => 2236.07...
 * rangeMidpoint({ min: 10001, max: null }) // => 10001
 */
export function rangeMidpoint(range: SizeRange): number {
  const { min, max } = range;
  if (max === null || max === min) return min;
  if (min === 0) return max / 2;
  return Math.sqrt(min * max);
}
