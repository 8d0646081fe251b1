/**
 * The stratified bootstrap: resamples of the rows drawn with replacement within each outcome, so
 * every resample keeps the numbers of won and lost rows. The basis of the AUC interval and of
 * intervals for cutoffs and the figures they keep.
 */
import { FitgateError } from './errors.js';
import { createRng } from './rng.js';

/**
 * Yields `resamples` stratified bootstrap resamples of the rows of `y`, reproducibly from `seed`.
 *
 * Each resample is a new `Uint32Array` of `y.length` row indices: first as many draws from the
 * won rows as there are won rows, then as many draws from the lost rows as there are lost rows,
 * each draw uniform with replacement within its outcome. A row can appear several times or not
 * at all. The arrays are not reused, so a caller may keep them.
 *
 * @param y - the outcome per row, 1 for won and 0 for lost.
 * @param resamples - how many resamples to draw (an integer >= 0).
 * @param seed - the seed of the generator (see `createRng`); the same seed, the same resamples.
 * @throws FitgateError `BAD_OPTION` on a bad count, seed or label.
 *
 * @example
 * const y = Uint8Array.of(1, 0, 0);
 * for (const rows of stratifiedBootstrap(y, 2, 7)) rows[0]; // => 0 (the only won row), twice
 */
export function stratifiedBootstrap(
  y: Uint8Array,
  resamples: number,
  seed: number,
): Generator<Uint32Array> {
  // Check the inputs now rather than when iteration starts.
  if (!(Number.isInteger(resamples) && resamples >= 0)) {
    throw new FitgateError('BAD_OPTION', `resamples must be an integer >= 0; got ${resamples}`, {
      value: resamples,
    });
  }
  const { won, lost } = rowsByOutcome(y);
  return drawResamples(won, lost, resamples, createRng(seed));
}

/** Draws the won rows, then the lost rows, each uniformly with replacement. */
function* drawResamples(
  won: Uint32Array,
  lost: Uint32Array,
  resamples: number,
  rng: () => number,
): Generator<Uint32Array> {
  for (let r = 0; r < resamples; r++) {
    const rows = new Uint32Array(won.length + lost.length);
    for (let i = 0; i < won.length; i++) rows[i] = won[Math.floor(rng() * won.length)];
    const offset = won.length;
    for (let i = 0; i < lost.length; i++) rows[offset + i] = lost[Math.floor(rng() * lost.length)];
    yield rows;
  }
}

/** The indices of won rows and of lost rows, in row order. */
function rowsByOutcome(y: Uint8Array): { won: Uint32Array; lost: Uint32Array } {
  let nWon = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] > 1) {
      throw new FitgateError('BAD_OPTION', `outcome at row ${i} must be 0 or 1; got ${y[i]}`, {
        row: i,
        value: y[i],
      });
    }
    nWon += y[i];
  }
  const won = new Uint32Array(nWon);
  const lost = new Uint32Array(y.length - nWon);
  for (let i = 0, w = 0, l = 0; i < y.length; i++) {
    if (y[i] === 1) won[w++] = i;
    else lost[l++] = i;
  }
  return { won, lost };
}

/**
 * The same stratified bootstrap, counted by group: each resample draws the won deals and the lost
 * deals with replacement (as `stratifiedBootstrap` does) and passes, per group, how many won and
 * lost deals were drawn. No per-resample array of rows is built, so it suits hot loops such as
 * the intervals of the lines. The count buffers are reused between calls: read them in `visit`.
 *
 * @param wonGroups - the group of each won deal; `lostGroups` likewise.
 */
export function stratifiedBootstrapCounts(
  wonGroups: Uint32Array,
  lostGroups: Uint32Array,
  groups: number,
  resamples: number,
  seed: number,
  visit: (won: Float64Array, lost: Float64Array) => void,
): void {
  const rng = createRng(seed);
  const won = new Float64Array(groups);
  const lost = new Float64Array(groups);
  for (let r = 0; r < resamples; r++) {
    won.fill(0);
    lost.fill(0);
    for (let i = 0; i < wonGroups.length; i++)
      won[wonGroups[Math.floor(rng() * wonGroups.length)]] += 1;
    for (let i = 0; i < lostGroups.length; i++)
      lost[lostGroups[Math.floor(rng() * lostGroups.length)]] += 1;
    visit(won, lost);
  }
}
