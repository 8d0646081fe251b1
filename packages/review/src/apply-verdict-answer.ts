/**
 * The policy that turns the model's answer into a lead's verdict. The model decides only within
 * the rules: it cannot qualify a lead whose fit is below the fit floor.
 */
import type { QualifyResult, Reason, Stage } from '@fitgate/core';
import { mayQualify } from './build-adjudication-prompt.js';
import type { VerdictAnswer } from './parse-verdict-answer.js';

/** A reason of the adjudication step (code `ADJUDICATED`, no points). */
export function adjudicationReason(message: string): Reason {
  return {
    side: 'gate',
    code: 'ADJUDICATED',
    attribute: null,
    value: null,
    bin: null,
    points: 0,
    message,
  };
}

/** The stage that goes with the new verdict; the scores themselves never change. */
function stageFor(answer: VerdictAnswer['verdict'], result: QualifyResult, floor: number): Stage {
  if (answer === 'QUALIFIED') return 'SQL';
  if (answer === 'NOT_QUALIFIED') return result.fitScore >= floor ? 'MQL' : 'NURTURE';
  return result.stage;
}

/**
 * Apply a parsed answer to a REVIEW result, returning a new result and whether the floor refused
 * the answer. The input is not changed.
 *
 * - QUALIFIED at or above the fit floor: QUALIFIED, stage SQL.
 * - QUALIFIED below the fit floor: refused; the lead stays REVIEW, for a person, with a reason
 *   that says so. (Not NOT_QUALIFIED: a REVIEW lead's fit is often low because enrichment failed,
 *   and the model thought it looked good; a person should settle that, not a default.)
 * - NOT_QUALIFIED: NOT_QUALIFIED, stage MQL at or above the fit floor, else NURTURE.
 * - REVIEW: stays REVIEW.
 *
 * Every case adds one `ADJUDICATED` reason with the model's sentence; the scores stay as they were.
 *
 * @example
 * applyVerdictAnswer(result, { verdict: 'QUALIFIED', reason: 'Software, 200 staff.' }, 40)
 * // => { result: { ...result, verdict: 'QUALIFIED', stage: 'SQL', reasons }, refused: false }
 */
export function applyVerdictAnswer(
  result: QualifyResult,
  answer: VerdictAnswer,
  floor: number,
): { result: QualifyResult; refused: boolean } {
  if (answer.verdict === 'QUALIFIED' && !mayQualify(result, floor)) {
    const message =
      `model answered QUALIFIED, refused: fit ${result.fitScore.toFixed(2)} is below the fit ` +
      `floor ${floor.toFixed(2)}, so the lead stays REVIEW (model: ${answer.reason})`;
    return {
      result: { ...result, reasons: [...result.reasons, adjudicationReason(message)] },
      refused: true,
    };
  }
  const message = `model: ${answer.verdict} | ${answer.reason}`;
  return {
    result: {
      ...result,
      verdict: answer.verdict,
      stage: stageFor(answer.verdict, result, floor),
      reasons: [...result.reasons, adjudicationReason(message)],
    },
    refused: false,
  };
}
