/**
 * Turn the caller's outcome column into won (1) / lost (0) labels. Rows with any other value
 * (open deals, blanks) are left out and counted by value.
 */
import { FitgateError } from './errors.js';

export interface Outcomes {
  /** Indices of the closed rows, in input order. */
  rows: Uint32Array;
  /** 1 = won, 0 = lost, aligned with `rows`. */
  y: Uint8Array;
  won: number;
  lost: number;
  /** Left-out rows, counted by their outcome value. */
  leftOut: Array<{ reason: string; count: number }>;
}

/** The most left-out values listed by name; the rest are counted together. */
const MAX_LEFT_OUT_VALUES = 20;

function leftOutSummary(counts: Map<string, number>): Array<{ reason: string; count: number }> {
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const named = sorted.slice(0, MAX_LEFT_OUT_VALUES).map(([value, count]) => ({
    reason: value === '' ? 'outcome is empty' : `outcome "${value}" is neither won nor lost`,
    count,
  }));
  const rest = sorted.slice(MAX_LEFT_OUT_VALUES).reduce((s, [, c]) => s + c, 0);
  return rest > 0 ? [...named, { reason: 'other outcome values', count: rest }] : named;
}

/**
 * Label the rows of `column` as won or lost.
 *
 * @throws FitgateError `BAD_OPTION` when a value is both won and lost; `NOT_ENOUGH_OUTCOMES`
 * when there is not at least one won and one lost deal (the message gives the counts).
 */
export function resolveOutcomes(
  column: ArrayLike<unknown>,
  won: readonly string[],
  lost: readonly string[],
  name: string,
): Outcomes {
  const wonSet = new Set(won.map((v) => v.trim()));
  const lostSet = new Set(lost.map((v) => v.trim()));
  const both = [...wonSet].filter((v) => lostSet.has(v));
  if (both.length > 0) {
    throw new FitgateError(
      'BAD_OPTION',
      `outcome value "${both[0]}" is listed as both won and lost`,
    );
  }

  // Label each row; count the ones left out by value.
  const rows: number[] = [];
  const labels: number[] = [];
  const leftOut = new Map<string, number>();
  for (let r = 0; r < column.length; r++) {
    const raw = column[r];
    const value = raw === null || raw === undefined ? '' : String(raw).trim();
    if (wonSet.has(value) || lostSet.has(value)) {
      rows.push(r);
      labels.push(wonSet.has(value) ? 1 : 0);
    } else {
      leftOut.set(value, (leftOut.get(value) ?? 0) + 1);
    }
  }

  // At least one of each, or nothing can be learned.
  const nWon = labels.reduce((s, x) => s + x, 0);
  const nLost = labels.length - nWon;
  if (nWon < 1 || nLost < 1) {
    const seen = [...leftOut.keys()].slice(0, 10).map((v) => `"${v}"`);
    throw new FitgateError(
      'NOT_ENOUGH_OUTCOMES',
      `need at least 1 won and 1 lost deal; got ${nWon} won, ${nLost} lost in column "${name}"` +
        (seen.length > 0 ? ` (other values seen: ${seen.join(', ')})` : ''),
      { column: name },
    );
  }
  return {
    rows: Uint32Array.from(rows),
    y: Uint8Array.from(labels),
    won: nWon,
    lost: nLost,
    leftOut: leftOutSummary(leftOut),
  };
}
