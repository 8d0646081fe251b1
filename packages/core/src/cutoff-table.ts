/**
 * What a line `score >= cutoff` keeps, for every candidate cutoff at once. Candidates are the
 * distinct scores seen; a lead whose score equals the cutoff passes (ties pass together, so every
 * figure here equals the figure recomputed by applying the rule to the data).
 */

/** One row of the trade-off table. */
export interface CutoffRow {
  cutoff: number;
  /** Leads (deals) with score >= cutoff, and how many of them were won. */
  passed: number;
  wonPassed: number;
  /** passed / all, wonPassed / all won, wonPassed / passed. */
  shareAbove: number;
  winsKept: number;
  winRateAbove: number;
}

/**
 * The trade-off table of `score >= cutoff`, highest cutoff first.
 *
 * @example
 * cutoffTable([0.7, 0.6, 0.8, 0.7], Uint8Array.of(1, 0, 1, 0))[1]
 * // => { cutoff: 0.7, passed: 3, wonPassed: 2, shareAbove: 0.75, winsKept: 1, winRateAbove: 0.666... }
 */
export function cutoffTable(scores: ArrayLike<number>, y: ArrayLike<number>): CutoffRow[] {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => scores[j] - scores[i]);
  let totalWon = 0;
  for (let i = 0; i < n; i++) totalWon += y[i] === 1 ? 1 : 0;

  // Walk down the scores; emit a row after the last lead of each distinct score.
  const rows: CutoffRow[] = [];
  let passed = 0;
  let wonPassed = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    passed += 1;
    wonPassed += y[i] === 1 ? 1 : 0;
    const next = k + 1 < n ? scores[order[k + 1]] : Number.NaN;
    if (next === scores[i]) continue;
    rows.push({
      cutoff: scores[i],
      passed,
      wonPassed,
      shareAbove: passed / n,
      winsKept: totalWon > 0 ? wonPassed / totalWon : 0,
      winRateAbove: wonPassed / passed,
    });
  }
  return rows;
}

/**
 * The highest cutoff that keeps at least `target` of the wins, or the lowest cutoff when none
 * does (so the line is always defined).
 */
export function cutoffForRecall(rows: readonly CutoffRow[], target: number): CutoffRow {
  return rows.find((row) => row.winsKept >= target) ?? rows[rows.length - 1];
}
