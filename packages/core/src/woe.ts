/**
 * Weight of evidence (WoE) of a bin and information value (IV) of a binned attribute, with the
 * sign convention of fitgate: a positive WoE means "more like won".
 *
 * The rule for empty cells used by the binning routines, for a bin with won count e_i and lost
 * count n_i, column totals E and N, and smoothing s (> 0, default 0.5):
 *
 *     WoE_i = ln( (e'_i / E) / (n'_i / N) ),   e'_i = e_i if e_i > 0 else s,
 *                                              n'_i = n_i if n_i > 0 else s
 *
 * Only an empty cell is replaced (by s, half a deal by default, the usual continuity
 * correction); the totals stay the real totals. What this guarantees:
 *
 * - no WoE is infinite or NaN, even for a bin with no won or no lost rows (s > 0);
 * - the rule never moves the other bins: a bin with both outcomes has exactly its textbook WoE
 *   ln((e_i/E)/(n_i/N)), whatever other bins hold and whether or not some of them are empty;
 * - a bin with a higher win rate than overall has a positive WoE (for bins with both outcomes
 *   this is exact: e_i/n_i > E/N).
 *
 * With shrinkage t > 0 each WoE is then multiplied by m_i / (m_i + t), m_i = e_i + n_i, which
 * pulls small bins toward 0 and keeps the sign.
 */
import type { RawBin } from './binning-types.js';

/**
 * Weight of evidence of one bin: ln(share of won in the bin / share of lost in the bin).
 *
 * `smoothing` is added to the bin's two counts; the shares are taken of `totalEvent` and
 * `totalNonevent` as given. This is the textbook formula with an optional continuity correction;
 * the binning routines use the empty-cell rule described at the top of this file instead.
 * Positive means the bin holds relatively more won than lost deals. With `smoothing` 0 an empty
 * cell gives -Infinity or Infinity.
 *
 * @param nEvent - won (weighted) count of the bin.
 * @param nNonevent - lost (weighted) count of the bin.
 * @param totalEvent - denominator of the won share (all won, smoothed if smoothing).
 * @param totalNonevent - denominator of the lost share.
 * @param smoothing - added to each of the bin's counts. @default 0
 *
 * @example
 * woeFromCounts(30, 20, 100, 400); // => Math.log(0.3 / 0.05) = 1.791759...
 */
export function woeFromCounts(
  nEvent: number,
  nNonevent: number,
  totalEvent: number,
  totalNonevent: number,
  smoothing = 0,
): number {
  const shareEvent = (nEvent + smoothing) / totalEvent;
  const shareNonevent = (nNonevent + smoothing) / totalNonevent;
  return Math.log(shareEvent / shareNonevent);
}

/**
 * Information value of a binned attribute: sum over bins of (share of won - share of lost) x WoE.
 *
 * Shares are of the bins' own totals (unsmoothed counts); the WoE is taken as stored, so this
 * agrees with whatever smoothing or shrinkage produced it. With the sign convention of
 * `woeFromCounts` every term is >= 0 when a bin's WoE has the sign of its share difference, which
 * smoothing only breaks for near-zero WoE in classes of a handful of rows. 0 when there are no
 * won or no lost rows. Reading (Siddiqi): < 0.02 useless, 0.02-0.1 weak, 0.1-0.3 medium,
 * 0.3-0.5 strong, > 0.5 suspicious (check for leakage).
 *
 * @example
 * informationValue([
 *   { nEvent: 30, nNonevent: 20, woe: Math.log(0.3 / 0.05) },
 *   { nEvent: 70, nNonevent: 380, woe: Math.log(0.7 / 0.95) },
 * ]); // => 0.25 * 1.791759 + (-0.25) * (-0.305382) = 0.524285...
 */
export function informationValue(
  bins: ReadonlyArray<Pick<RawBin, 'nEvent' | 'nNonevent' | 'woe'>>,
): number {
  let totalEvent = 0;
  let totalNonevent = 0;
  for (const bin of bins) {
    totalEvent += bin.nEvent;
    totalNonevent += bin.nNonevent;
  }
  if (totalEvent === 0 || totalNonevent === 0) return 0;

  let iv = 0;
  for (const bin of bins) {
    iv += (bin.nEvent / totalEvent - bin.nNonevent / totalNonevent) * bin.woe;
  }
  return iv;
}

/** Column totals and the number of bins they are spread over, for `smoothedWoe`. */
export interface WoeTotals {
  totalEvent: number;
  totalNonevent: number;
  nBins: number;
}

/**
 * WoE of one bin under this module's smoothing rule, then shrunk by m / (m + shrinkage).
 *
 * @internal Shared by the exact search and the binning routines.
 */
export function smoothedWoe(
  nEvent: number,
  nNonevent: number,
  totals: WoeTotals,
  smoothing: number,
  shrinkage: number,
): number {
  if (!(totals.totalEvent > 0 && totals.totalNonevent > 0)) return 0;
  const e = nEvent > 0 ? nEvent : smoothing;
  const n = nNonevent > 0 ? nNonevent : smoothing;
  // A difference of logs: the ratio s / E overflows when the (weighted) totals are tiny.
  const woe =
    Math.log(e) - Math.log(totals.totalEvent) - (Math.log(n) - Math.log(totals.totalNonevent));
  if (shrinkage === 0) return woe;
  const rows = nEvent + nNonevent;
  return woe * (rows / (rows + shrinkage));
}
