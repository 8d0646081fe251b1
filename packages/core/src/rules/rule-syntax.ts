/**
 * The vocabulary of declared rules: the tokens the tokenizer makes, the tree the parser builds,
 * the limits both enforce, and the one way a malformed rule is reported (`BAD_RULE` with the
 * position). The grammar itself is documented on `parseRule` and in `docs/rules.md`.
 */
import { FitgateError } from '../errors.js';

/**
 * The longest rule text accepted, in characters (UTF-16 code units), checked before anything else
 * is read. Room for an `in` list of about 250 short email domains or every two-letter ISO 3166
 * country code (249 of them, 6 characters each as `"US", `), which is the longest list a team
 * writes by hand; anything longer belongs in a normaliser, not in a rule.
 */
export const MAX_RULE_LENGTH = 4_000;

/**
 * The deepest nesting of parentheses and `not` accepted. Rules written by people nest two or
 * three levels; 32 keeps the recursive-descent parser and evaluator far from any stack limit.
 */
export const MAX_RULE_DEPTH = 32;

/** The most values in one `in (...)` list: every ISO 3166 country (249) fits. */
export const MAX_LIST_ITEMS = 256;

/** Words with a meaning in the grammar (any case); a field named like one needs backquotes. */
export const RULE_KEYWORDS: ReadonlySet<string> = new Set([
  'and',
  'or',
  'not',
  'in',
  'is',
  'missing',
  'contains',
  'starts',
  'ends',
  'with',
  'true',
  'false',
]);

/** A comparison operator. */
export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** A plain-text test on a field's value. */
export type TextOp = 'contains' | 'starts with' | 'ends with';

/** One token of a rule; `position` is the 0-based offset of its first character in the source. */
export type RuleToken =
  | { kind: 'keyword'; word: string; text: string; position: number }
  | { kind: 'field'; name: string; text: string; position: number }
  | { kind: 'string'; value: string; text: string; position: number }
  | { kind: 'number'; value: number; text: string; position: number }
  | { kind: 'op'; op: CompareOp; text: string; position: number }
  | { kind: '(' | ')' | ','; text: string; position: number }
  | { kind: 'end'; text: ''; position: number };

/** A literal value in a rule. A number keeps its source text for text comparisons. */
export type RuleValue =
  | { type: 'number'; value: number; text: string }
  | { type: 'string'; value: string }
  | { type: 'boolean'; value: boolean };

/**
 * A parsed rule: a tree of conditions joined by `and`, `or` and `not`. `and`/`or` nodes hold two
 * or more items (a chain `a or b or c` is one node); a lone condition is never wrapped.
 */
export type RuleExpression =
  | { type: 'or'; items: RuleExpression[] }
  | { type: 'and'; items: RuleExpression[] }
  | { type: 'not'; item: RuleExpression }
  | { type: 'compare'; field: string; op: CompareOp; value: RuleValue }
  | { type: 'in'; field: string; values: RuleValue[]; negated: boolean }
  | { type: 'missing'; field: string; negated: boolean }
  | { type: 'text'; field: string; op: TextOp; text: string };

/**
 * How every `BAD_RULE` message about a rule's text begins; a rule set inserts the rule's id right
 * after it.
 *
 * @internal
 */
export const RULE_ERROR_PREFIX = 'cannot parse rule';

/** How much of a long rule is shown around the error position. */
const EXCERPT_WIDTH = 72;

/** Control characters, shown as spaces in an excerpt so the caret stays under its column. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** Line and column (1-based) of a 0-based offset. */
function lineAndColumn(source: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < source.length; i++) {
    if (source[i] === '\n') {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}

/** The line holding the position, cut to a window around it, with a caret under the position. */
function excerpt(source: string, position: number): string {
  const lineStart = source.lastIndexOf('\n', position - 1) + 1;
  const newline = source.indexOf('\n', position);
  const line = source.slice(lineStart, newline < 0 ? source.length : newline);
  const at = position - lineStart;

  // A window of EXCERPT_WIDTH characters centred on the position, marked where it is cut.
  const from = Math.max(0, Math.min(at - EXCERPT_WIDTH / 2, line.length - EXCERPT_WIDTH));
  const to = Math.min(line.length, from + EXCERPT_WIDTH);
  const head = from > 0 ? '...' : '';
  const tail = to < line.length ? '...' : '';
  const shown = line.slice(from, to).replace(CONTROL_CHARACTERS, ' ');
  return `  ${head}${shown}${tail}\n  ${' '.repeat(head.length + at - from)}^`;
}

/**
 * The `BAD_RULE` error for a problem at `position` in `source`: says where (column, and line when
 * the rule spans lines), what is wrong, and shows the rule with a caret under the position.
 *
 * @internal Used by the tokenizer and the parser.
 */
export function ruleError(source: string, position: number, problem: string): FitgateError {
  const { line, column } = lineAndColumn(source, position);
  const where = source.includes('\n') ? `line ${line}, column ${column}` : `column ${column}`;
  return new FitgateError(
    'BAD_RULE',
    `${RULE_ERROR_PREFIX} at ${where}: ${problem}\n${excerpt(source, position)}`,
    { value: source },
  );
}

/**
 * Quote a piece of a rule for an error message, shortened when long.
 *
 * @internal
 */
export function quoteForError(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  return JSON.stringify(short);
}

/**
 * How a token is named in the "got ..." of an error message.
 *
 * @internal
 */
export function describeToken(token: RuleToken): string {
  if (token.kind === 'end') return 'the end of the rule';
  if (token.kind === 'number') return token.text;
  if (token.kind === 'keyword') return `the keyword ${quoteForError(token.text)}`;
  if (token.kind === 'string') {
    return token.text.length > 40 ? `${token.text.slice(0, 36)}..."` : token.text;
  }
  return quoteForError(token.text);
}
