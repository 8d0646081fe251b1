/**
 * The decile table of a score: rows ranked from the highest score down and cut into ten groups of
 * (about) equal size, with the win rate of each. It shows how steeply the win rate falls with the
 * score, the lift table sales teams read.
 */
import { FitgateError } from './errors.js';
import { checkScoresAndOutcome } from './roc-auc.js';

/** The number of groups in the table. */
const DECILES = 10;

/** One row of {@link scoreDeciles}. */
export interface ScoreDecile {
  /** 1 for the highest scores, 10 for the lowest. */
  decile: number;
  minScore: number;
  maxScore: number;
  n: number;
  won: number;
  winRate: number;
}

/**
 * Cuts the rows into deciles by score, decile 1 holding the highest scores.
 *
 * Ties: rows with equal scores always share a decile. Rows are ranked from the highest score
 * down (rank 0 first) and a group of tied rows goes to the decile where the middle of its ranks
 * falls: `floor(10 * middleRank / n) + 1`. Heavy ties can therefore leave a decile empty; empty
 * deciles are left out of the table, so it can have fewer than ten rows.
 *
 * @param scores - one finite score per row.
 * @param y - the outcome per row, 1 for won and 0 for lost.
 * @throws FitgateError `BAD_OPTION` on mismatched lengths, non-finite scores or an empty input.
 *
 * @example
 * const table = scoreDeciles([...Array(20).keys()], new Uint8Array(20).fill(1, 10));
 * table[0]; // => { decile: 1, minScore: 18, maxScore: 19, n: 2, won: 2, winRate: 1 }
 */
export function scoreDeciles(scores: ArrayLike<number>, y: Uint8Array): ScoreDecile[] {
  checkScoresAndOutcome(scores, y);
  const n = y.length;
  if (n === 0) throw new FitgateError('BAD_OPTION', 'score deciles need at least one row');

  // Rank the rows from the highest score down.
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => scores[b] - scores[a]);

  // Give each group of tied rows to the decile of its middle rank.
  const table: ScoreDecile[] = [];
  for (let start = 0; start < n;) {
    const value = scores[order[start]];
    let end = start;
    let won = 0;
    while (end < n && scores[order[end]] === value) won += y[order[end++]];
    const decile = Math.floor((DECILES * (start + end - 1)) / 2 / n) + 1;
    addToDecile(table, decile, value, end - start, won);
    start = end;
  }
  return table;
}

/** Adds a group of tied rows to the last decile of the table, or opens the next one. */
function addToDecile(
  table: ScoreDecile[],
  decile: number,
  score: number,
  n: number,
  won: number,
): void {
  const last = table[table.length - 1];
  if (last !== undefined && last.decile === decile) {
    last.minScore = score;
    last.n += n;
    last.won += won;
    last.winRate = last.won / last.n;
    return;
  }
  table.push({ decile, minScore: score, maxScore: score, n, won, winRate: won / n });
}
