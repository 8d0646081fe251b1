/** Reading the model's verdict: `VERDICT | reason`, and nothing else. */
import type { Verdict } from '@fitgate/core';
import { parseAnswerLine } from './parse-answer-line.js';

/** The verdicts a model may give, written exactly so. */
export const VERDICTS: readonly Verdict[] = ['QUALIFIED', 'NOT_QUALIFIED', 'REVIEW'];

/** A parsed answer: the verdict and its one-sentence reason. */
export interface VerdictAnswer {
  verdict: Verdict;
  reason: string;
}

/**
 * Parse an answer of the form `VERDICT | reason`, with VERDICT one of QUALIFIED, NOT_QUALIFIED or
 * REVIEW in capitals. Anything else (another word, lower case, markdown, more than one line, an
 * empty reason) gives null, and the lead stays REVIEW with the reason "unparseable answer".
 *
 * @example
 * parseVerdictAnswer('NOT_QUALIFIED | Two staff is far below the won accounts.')
 * // => { verdict: 'NOT_QUALIFIED', reason: 'Two staff is far below the won accounts.' }
 * parseVerdictAnswer('**QUALIFIED** | looks good') // => null
 */
export function parseVerdictAnswer(text: string): VerdictAnswer | null {
  const line = parseAnswerLine(text);
  if (line === null) return null;
  const verdict = VERDICTS.find((v) => v === line.head);
  return verdict === undefined ? null : { verdict, reason: line.reason };
}
