/**
 * Size bands for headcount and revenue: named, contiguous, non-overlapping intervals
 * `[lower, upper)` that cover every size from 0 up, so a size falls in exactly one band.
 */

/** One band: sizes `lower <= size < upper`; `upper: null` means no upper end. */
export interface SizeBand {
  label: string;
  lower: number;
  upper: number | null;
}

/**
 * Headcount bands: the company-size bands LinkedIn shows on company pages (1-10, 11-50, 51-200,
 * 201-500, 501-1,000, 1,001-5,000, 5,001-10,000, 10,001+), which most data vendors follow. A
 * headcount of 0 falls in the first band.
 */
export const HEADCOUNT_BANDS: readonly SizeBand[] = [
  { label: '1-10', lower: 0, upper: 11 },
  { label: '11-50', lower: 11, upper: 51 },
  { label: '51-200', lower: 51, upper: 201 },
  { label: '201-500', lower: 201, upper: 501 },
  { label: '501-1000', lower: 501, upper: 1001 },
  { label: '1001-5000', lower: 1001, upper: 5001 },
  { label: '5001-10000', lower: 5001, upper: 10001 },
  { label: '10001+', lower: 10001, upper: null },
];

const MILLION = 1e6;
const BILLION = 1e9;

/**
 * Annual revenue bands, in the currency of the normaliser (US dollars by default): the banding
 * common in firmographic data (under $1M, $1M-$10M, $10M-$50M, $50M-$100M, $100M-$500M,
 * $500M-$1B, $1B+). Each band holds its lower edge: $10M is in "$10M-$50M".
 */
export const REVENUE_BANDS: readonly SizeBand[] = [
  { label: 'under $1M', lower: 0, upper: MILLION },
  { label: '$1M-$10M', lower: MILLION, upper: 10 * MILLION },
  { label: '$10M-$50M', lower: 10 * MILLION, upper: 50 * MILLION },
  { label: '$50M-$100M', lower: 50 * MILLION, upper: 100 * MILLION },
  { label: '$100M-$500M', lower: 100 * MILLION, upper: 500 * MILLION },
  { label: '$500M-$1B', lower: 500 * MILLION, upper: BILLION },
  { label: '$1B+', lower: BILLION, upper: null },
];

/**
 * What is wrong with a list of bands, or null when they are usable: labels unique, the first band
 * starting at 0, each band starting where the one before ends, and only the last one open.
 */
export function bandsProblem(bands: readonly SizeBand[]): string | null {
  if (bands.length === 0) return 'needs at least one band';
  if (bands[0].lower !== 0) return `the first band must start at 0; got ${bands[0].lower}`;
  const labels = new Set<string>();

  for (const [i, band] of bands.entries()) {
    if (labels.has(band.label)) return `band label "${band.label}" is used twice`;
    labels.add(band.label);
    const last = i === bands.length - 1;
    if (last && band.upper !== null) return `the last band must be open (upper: null)`;
    if (last) break;
    if (band.upper === null || !(band.upper > band.lower)) {
      return `band "${band.label}" must end above its start ${band.lower}; got ${band.upper}`;
    }
    if (bands[i + 1].lower !== band.upper) {
      return `band "${bands[i + 1].label}" must start where "${band.label}" ends (${band.upper})`;
    }
  }
  return null;
}
