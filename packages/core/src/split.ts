/**
 * Training / validation splits: a seeded stratified split that keeps the share of won deals
 * exact, and a time split that validates on the most recent deals (how a definition is used).
 */
import { FitgateError } from './errors.js';
import { createRng } from './rng.js';

/**
 * Marks `round(validationShare * n_class)` rows of each outcome, drawn at random without
 * replacement, as validation rows (1); the others are training rows (0).
 *
 * Both outcomes keep their share exactly (to rounding; `Math.round`, halves up). The draw is a
 * partial Fisher-Yates shuffle of each outcome's rows, won first, with the generator of
 * `createRng(seed)`, so the same `y`, share and seed always give the same split.
 *
 * @param y - the outcome per row, 1 for won and 0 for lost.
 * @param validationShare - the share of each outcome to validate on, in (0, 1).
 * @param seed - a safe integer.
 * @throws FitgateError `BAD_OPTION` on a share outside (0, 1), a bad seed or label.
 *
 * @example
 * const y = Uint8Array.of(1, 1, 1, 1, 0, 0, 0, 0, 0, 0);
 * stratifiedSplit(y, 0.5, 1).reduce((a, b) => a + b, 0); // => 5 (2 won + 3 lost)
 */
export function stratifiedSplit(y: Uint8Array, validationShare: number, seed: number): Uint8Array {
  checkShare(validationShare);
  const rng = createRng(seed);
  const validation = new Uint8Array(y.length);

  // Split each outcome's rows on its own.
  for (const outcome of [1, 0]) {
    const rows = rowsWithOutcome(y, outcome);
    const take = Math.round(validationShare * rows.length);

    // Partial Fisher-Yates: the first `take` places receive a uniform draw without replacement.
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(rng() * (rows.length - i));
      const chosen = rows[j];
      rows[j] = rows[i];
      rows[i] = chosen;
      validation[chosen] = 1;
    }
  }
  return validation;
}

/**
 * Validates on the most recent rows: those with a time at or after `splitAt`.
 *
 * The share counts rows with a known time; rows whose time is unknown (NaN, or any non-finite
 * value) always go to training. Rows tied at the boundary time all go to the same side: to
 * validation if that brings the validation count as close to the target as putting them in
 * training, or closer; otherwise to training. If the chosen side would leave training or
 * validation empty, the other side is used.
 *
 * @param times - one time per row in milliseconds since the epoch, NaN when unknown.
 * @param validationShare - the share of timed rows to validate on, in (0, 1).
 * @returns `validation` (1 = validation row) and `splitAt`, the earliest validation time.
 * @throws FitgateError `BAD_OPTION` on a bad share, or when the times cannot make two non-empty
 *   sides (no known time, or every timed row at one time and none unknown): use a stratified
 *   split instead.
 *
 * @example
 * timeSplit(Float64Array.of(1, 2, 3, NaN, 4), 0.5);
 * // => { validation: Uint8Array [0, 0, 1, 0, 1], splitAt: 3 }
 */
export function timeSplit(
  times: Float64Array,
  validationShare: number,
): { validation: Uint8Array; splitAt: number } {
  checkShare(validationShare);

  // Sort the known times.
  const known = times.filter(Number.isFinite).sort();
  if (known.length === 0) throw cannotSplit('no row has a known time');

  // The boundary is the time of the target-th most recent row; its ties form one group.
  const target = Math.min(known.length, Math.max(1, Math.round(validationShare * known.length)));
  const boundary = known[known.length - target];
  const firstAtBoundary = lowerBound(known, boundary);
  const firstAfterBoundary = upperBound(known, boundary);
  const withTies = known.length - firstAtBoundary;
  const withoutTies = known.length - firstAfterBoundary;

  // Put the tied group on the side nearer the target, unless that leaves a side empty.
  const feasible = (count: number) => count > 0 && count < times.length;
  const preferTies = Math.abs(withTies - target) <= Math.abs(withoutTies - target);
  const tiesToValidation = feasible(withTies) && (preferTies || !feasible(withoutTies));
  if (!tiesToValidation && !feasible(withoutTies)) {
    throw cannotSplit(`every row with a known time has the same time (${boundary})`);
  }
  const splitAt = tiesToValidation ? boundary : known[firstAfterBoundary];

  // Mark the rows at or after the split time.
  const validation = new Uint8Array(times.length);
  for (let i = 0; i < times.length; i++) {
    validation[i] = Number.isFinite(times[i]) && times[i] >= splitAt ? 1 : 0;
  }
  return { validation, splitAt };
}

/** The indices of the rows with the given outcome, checking the labels. */
function rowsWithOutcome(y: Uint8Array, outcome: number): Uint32Array {
  let count = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] > 1) {
      throw new FitgateError('BAD_OPTION', `outcome at row ${i} must be 0 or 1; got ${y[i]}`, {
        row: i,
        value: y[i],
      });
    }
    if (y[i] === outcome) count++;
  }
  const rows = new Uint32Array(count);
  for (let i = 0, r = 0; i < y.length; i++) if (y[i] === outcome) rows[r++] = i;
  return rows;
}

/** The first index whose value is >= `value` in an ascending array. */
function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index whose value is > `value` in an ascending array. */
function upperBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function checkShare(share: number): void {
  if (!(share > 0 && share < 1)) {
    throw new FitgateError('BAD_OPTION', `validationShare must be in (0, 1); got ${share}`, {
      value: share,
    });
  }
}

function cannotSplit(why: string): FitgateError {
  return new FitgateError(
    'BAD_OPTION',
    `cannot split by time: ${why}; use a stratified split instead`,
  );
}
