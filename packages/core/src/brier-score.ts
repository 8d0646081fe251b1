/**
 * The Brier score: the mean squared difference between a predicted probability of winning and
 * the outcome. It measures calibration and sharpness together; lower is better.
 */
import { FitgateError } from './errors.js';
import { checkScoresAndOutcome } from './roc-auc.js';

/**
 * The Brier score `mean((p_i - y_i)^2)`, in [0, 1].
 *
 * @param probabilities - one predicted probability of winning per row, each in [0, 1].
 * @param y - the outcome per row, 1 for won and 0 for lost.
 * @throws FitgateError `BAD_OPTION` on mismatched lengths, an empty input or a probability
 *   outside [0, 1].
 *
 * @example
 * brierScore([0.75, 0.25], Uint8Array.of(1, 0)); // => 0.0625
 */
export function brierScore(probabilities: ArrayLike<number>, y: Uint8Array): number {
  checkScoresAndOutcome(probabilities, y);
  if (y.length === 0)
    throw new FitgateError('BAD_OPTION', 'the Brier score needs at least one row');

  // Sum the squared errors, checking each probability.
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    const p = probabilities[i];
    if (p < 0 || p > 1) {
      throw new FitgateError('BAD_OPTION', `probability at row ${i} is outside [0, 1]; got ${p}`, {
        row: i,
        value: p,
      });
    }
    sum += (p - y[i]) ** 2;
  }
  return sum / y.length;
}
