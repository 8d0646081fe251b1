/**
 * Leads whose CSV row was malformed (too few or too many fields): the row is kept, qualified as
 * read, and sent to REVIEW with the problem as a reason, so one broken line never sinks a batch.
 */
import type { QualifyResult } from '@fitgate/core';
import type { RowProblem, Table } from '@fitgate/io';

/** The table's row problems by row index. */
export function rowProblems(table: Table): Map<number, RowProblem> {
  return new Map((table.problems ?? []).map((p) => [p.row, p]));
}

/** `result` turned into REVIEW with the row's problem as its first reason, or unchanged. */
export function reviewIfMalformed(
  result: QualifyResult,
  problem: RowProblem | undefined,
): QualifyResult {
  if (problem === undefined) return result;
  const reason = {
    side: 'gate' as const,
    code: 'BAD_VALUE' as const,
    attribute: null,
    value: null,
    bin: null,
    points: 0,
    message: `malformed row (${problem.message}): check it by hand`,
  };
  return { ...result, verdict: 'REVIEW', stage: 'REVIEW', reasons: [reason, ...result.reasons] };
}
