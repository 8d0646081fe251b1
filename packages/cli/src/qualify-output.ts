/**
 * The columns `qualify` (and `route`, which qualifies first) add to each input row, and how a
 * result's reasons are written into one CSV cell.
 */
import type { QualifyResult, Reason } from '@fitgate/core';

/** Output columns added after the input columns, in this order. */
export const QUALIFY_COLUMNS = [
  'fit_score',
  'intent_score',
  'priority',
  'quadrant',
  'win_probability',
  'verdict',
  'stage',
  'reasons',
] as const;

/** Points shown with a sign and two decimals, e.g. `+12.50`. */
function signedPoints(points: number): string {
  return `${points >= 0 ? '+' : ''}${points.toFixed(2)}`;
}

/** One reason as text: `sector = software [software] +12.50` or a gate message. */
export function formatReason(reason: Reason): string {
  if (reason.side === 'gate') return reason.message;
  const value = reason.value === null ? 'missing' : reason.value;
  const bin = reason.bin === null ? reason.code.toLowerCase() : reason.bin;
  return `${reason.side}: ${reason.attribute} = ${value} [${bin}] ${signedPoints(reason.points)}`;
}

/** The cells of the qualify columns for one result, in `QUALIFY_COLUMNS` order. */
export function qualifyCells(result: QualifyResult): string[] {
  // Scores are shown rounded down, so a shown score reaches a line exactly when the score does.
  const number = (x: number | null, digits: number) =>
    x === null ? '' : (Math.floor(x * 10 ** digits + 1e-7) / 10 ** digits).toFixed(digits);
  return [
    number(result.fitScore, 2),
    number(result.intentScore, 2),
    number(result.priority, 4),
    result.quadrant ?? '',
    result.winProbability === null ? '' : result.winProbability.toFixed(4),
    result.verdict,
    result.stage,
    result.reasons.map(formatReason).join('; '),
  ];
}
