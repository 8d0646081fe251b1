/**
 * The Kolmogorov-Smirnov statistic of a score: the largest gap between the cumulative score
 * distributions of won and of lost rows, the separation measure credit scorecards report.
 */
import { scoresByOutcome } from './roc-auc.js';

/**
 * The two-sample Kolmogorov-Smirnov statistic `max_t |F_won(t) - F_lost(t)|`, in [0, 1].
 *
 * The gap is measured only between distinct score values (after all rows tied at a value), so
 * tied scores are never split between the two sides of a threshold.
 *
 * @param scores - one finite score per row.
 * @param y - the outcome per row, 1 for won and 0 for lost.
 * @throws FitgateError `BAD_OPTION` on bad inputs; `NOT_ENOUGH_OUTCOMES` when an outcome is
 *   missing.
 *
 * @example
 * ksStatistic([1, 2, 3, 4], Uint8Array.of(0, 0, 1, 1)); // => 1
 */
export function ksStatistic(scores: ArrayLike<number>, y: Uint8Array): number {
  const { won, lost } = scoresByOutcome(scores, y);

  // Walk both sorted lists in step, one distinct value at a time.
  let w = 0;
  let l = 0;
  let largest = 0;
  while (w < won.length || l < lost.length) {
    const value = Math.min(
      w < won.length ? won[w] : Infinity,
      l < lost.length ? lost[l] : Infinity,
    );
    while (w < won.length && won[w] === value) w++;
    while (l < lost.length && lost[l] === value) l++;
    largest = Math.max(largest, Math.abs(w / won.length - l / lost.length));
  }
  return largest;
}
