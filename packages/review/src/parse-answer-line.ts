/** Reading a model's one-line answer of the form `HEAD | reason`. */

/**
 * The longest reason kept, in characters: a long sentence fits; a model that runs on is cut,
 * so that a reason stays readable in a CSV cell.
 */
export const MAX_REASON_CHARS = 300;

/** Control and invisible format characters, removed from a reason before anyone reads it. */
const HIDDEN = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** A reason on one line, without hidden characters, cut to `MAX_REASON_CHARS`. */
function cleanReason(text: string): string {
  const plain = text.replace(HIDDEN, '').replace(/\s+/g, ' ').trim();
  return plain.length > MAX_REASON_CHARS ? `${plain.slice(0, MAX_REASON_CHARS - 3)}...` : plain;
}

/**
 * Split an answer into its head and its reason, or null when it is not one line of the form
 * `HEAD | reason` with both parts present. Whitespace around the answer and around the first `|`
 * is ignored; the reason may itself contain `|`.
 *
 * @example
 * parseAnswerLine(' QUALIFIED | Software, 200 staff. \n')
 * // => { head: 'QUALIFIED', reason: 'Software, 200 staff.' }
 * parseAnswerLine('QUALIFIED') // => null
 */
export function parseAnswerLine(text: string): { head: string; reason: string } | null {
  const line = text.trim();
  if (/[\r\n\u2028\u2029]/.test(line)) return null;
  const bar = line.indexOf('|');
  if (bar < 0) return null;
  const head = line.slice(0, bar).trim();
  const reason = cleanReason(line.slice(bar + 1));
  return head === '' || reason === '' ? null : { head, reason };
}
