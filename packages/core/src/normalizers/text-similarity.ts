/**
 * How alike two short strings are, for fuzzy matching of labels: one minus the optimal string
 * alignment distance (Levenshtein plus swaps of two neighbouring characters) divided by the
 * length of the longer string, counted in code points.
 */

/**
 * Similarity of two strings between 0 (nothing in common) and 1 (equal).
 *
 * Uses the optimal string alignment distance (Damerau, 1964; Levenshtein, 1966), in which a
 * deletion, an insertion, a substitution or a swap of two adjacent characters each cost 1. The
 * result is symmetric and deterministic. Runs in time proportional to the product of the two
 * lengths: callers check the lengths of untrusted input first.
 *
 * @example
 * textSimilarity('technolgy', 'technology') // => 0.9 (one insertion over 10 characters)
 * textSimilarity('retail', 'retail')        // => 1
 */
export function textSimilarity(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  const longer = Math.max(x.length, y.length);
  if (longer === 0) return 1;
  return 1 - alignmentDistance(x, y) / longer;
}

/** Optimal string alignment distance, keeping three rows of the dynamic-programming table. */
function alignmentDistance(x: readonly string[], y: readonly string[]): number {
  let before = new Array<number>(y.length + 1).fill(0);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  let current = new Array<number>(y.length + 1).fill(0);

  for (let i = 1; i <= x.length; i++) {
    current[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);

      // A swap of two neighbours ("ab" -> "ba") counts as one edit.
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        best = Math.min(best, before[j - 2] + 1);
      }
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[y.length];
}
