/**
 * The area under the ROC curve: the probability that a random won row scores above a random lost
 * row, ties counting half (the Mann-Whitney U statistic divided by n_won x n_lost).
 */
import { FitgateError } from './errors.js';

/**
 * The area under the ROC curve of `scores` for the outcome `y`, in O(n log n).
 *
 * Tied scores count half, so the value equals scikit-learn's `roc_auc_score` (the trapezoidal
 * area) exactly. Higher scores should mean more likely won.
 *
 * @param scores - one finite score per row.
 * @param y - the outcome per row, 1 for won and 0 for lost.
 * @throws FitgateError `BAD_OPTION` on mismatched lengths, non-finite scores or labels other than
 *   0 and 1; `NOT_ENOUGH_OUTCOMES` when either outcome is missing.
 *
 * @example
 * rocAuc([0.1, 0.4, 0.35, 0.8], Uint8Array.of(0, 0, 1, 1)); // => 0.75
 */
export function rocAuc(scores: ArrayLike<number>, y: Uint8Array): number {
  const { won, lost } = scoresByOutcome(scores, y);

  // For each group of tied won scores, count the lost scores below it and tied with it.
  let lostBelow = 0;
  let pairs = 0;
  for (let i = 0; i < won.length;) {
    const value = won[i];
    const start = i;
    while (i < won.length && won[i] === value) i++;
    while (lostBelow < lost.length && lost[lostBelow] < value) lostBelow++;
    let lostTied = 0;
    while (lostBelow + lostTied < lost.length && lost[lostBelow + lostTied] === value) lostTied++;
    pairs += (i - start) * (lostBelow + lostTied / 2);
  }
  return pairs / (won.length * lost.length);
}

/**
 * The scores of won and of lost rows, each sorted ascending, after checking the inputs.
 *
 * @internal Shared by the validation metrics; not part of the public API.
 */
export function scoresByOutcome(
  scores: ArrayLike<number>,
  y: Uint8Array,
): { won: Float64Array; lost: Float64Array } {
  checkScoresAndOutcome(scores, y);

  // Count each outcome, then copy the scores into one array per outcome.
  let nWon = 0;
  for (let i = 0; i < y.length; i++) nWon += y[i];
  const nLost = y.length - nWon;
  if (nWon === 0 || nLost === 0) {
    throw new FitgateError(
      'NOT_ENOUGH_OUTCOMES',
      `a validation metric needs both won and lost rows; got ${nWon} won and ${nLost} lost`,
    );
  }
  const won = new Float64Array(nWon);
  const lost = new Float64Array(nLost);
  for (let i = 0, w = 0, l = 0; i < y.length; i++) {
    if (y[i] === 1) won[w++] = scores[i];
    else lost[l++] = scores[i];
  }

  // Typed-array sort is numeric and ascending.
  return { won: won.sort(), lost: lost.sort() };
}

/**
 * Checks that scores and outcomes have the same length, scores are finite and labels are 0 or 1.
 *
 * @internal Shared by the validation metrics; not part of the public API.
 */
export function checkScoresAndOutcome(scores: ArrayLike<number>, y: Uint8Array): void {
  if (scores.length !== y.length) {
    throw new FitgateError(
      'BAD_OPTION',
      `scores and outcomes must have the same length; got ${scores.length} and ${y.length}`,
    );
  }
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(scores[i])) {
      throw new FitgateError('BAD_OPTION', `score at row ${i} is not finite; got ${scores[i]}`, {
        row: i,
        value: scores[i],
      });
    }
    if (y[i] > 1) {
      throw new FitgateError('BAD_OPTION', `outcome at row ${i} must be 0 or 1; got ${y[i]}`, {
        row: i,
        value: y[i],
      });
    }
  }
}
