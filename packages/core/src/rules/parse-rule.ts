/**
 * The parser of declared rules: a hand-written recursive-descent parser over the tokens of
 * `tokenizeRule`, producing a tree that `compileExpression` turns into a test. Rule text is only
 * ever read as data; nothing in it is run as code.
 */
import type { FitgateError } from '../errors.js';
import {
  MAX_LIST_ITEMS,
  MAX_RULE_DEPTH,
  describeToken,
  ruleError,
  type RuleExpression,
  type RuleToken,
  type RuleValue,
} from './rule-syntax.js';
import { tokenizeRule } from './tokenize-rule.js';

/** The parser's state: the rule, its tokens and the index of the next one. */
interface Cursor {
  source: string;
  tokens: RuleToken[];
  next: number;
}

const CONDITION_FORMS =
  '=, !=, <, <=, >, >=, in, not in, is missing, contains, starts with, ends with';

function peek(cursor: Cursor): RuleToken {
  return cursor.tokens[cursor.next];
}

function take(cursor: Cursor): RuleToken {
  const token = cursor.tokens[cursor.next];
  if (token.kind !== 'end') cursor.next += 1;
  return token;
}

function isKeyword(token: RuleToken, word: string): boolean {
  return token.kind === 'keyword' && token.word === word;
}

/** A `BAD_RULE` error at `token`: "expected X, got Y". */
function expected(cursor: Cursor, token: RuleToken, what: string, hint = ''): FitgateError {
  return ruleError(
    cursor.source,
    token.position,
    `expected ${what}, got ${describeToken(token)}${hint}`,
  );
}

/** Take the keyword `word` or fail. */
function takeKeyword(cursor: Cursor, word: string): void {
  const token = take(cursor);
  if (!isKeyword(token, word)) throw expected(cursor, token, `"${word}"`);
}

/** Refuse to go deeper than `MAX_RULE_DEPTH` levels of parentheses and `not`. */
function checkDepth(cursor: Cursor, token: RuleToken, depth: number): void {
  if (depth > MAX_RULE_DEPTH) {
    throw ruleError(
      cursor.source,
      token.position,
      `the rule nests deeper than ${MAX_RULE_DEPTH} levels of parentheses and "not"`,
    );
  }
}

/** `or_expr = and_expr { "or" and_expr }` */
function parseOr(cursor: Cursor, depth: number): RuleExpression {
  const items = [parseAnd(cursor, depth)];
  while (isKeyword(peek(cursor), 'or')) {
    take(cursor);
    items.push(parseAnd(cursor, depth));
  }
  return items.length === 1 ? items[0] : { type: 'or', items };
}

/** `and_expr = not_expr { "and" not_expr }` */
function parseAnd(cursor: Cursor, depth: number): RuleExpression {
  const items = [parseNot(cursor, depth)];
  while (isKeyword(peek(cursor), 'and')) {
    take(cursor);
    items.push(parseNot(cursor, depth));
  }
  return items.length === 1 ? items[0] : { type: 'and', items };
}

/** `not_expr = "not" not_expr | "(" or_expr ")" | condition` */
function parseNot(cursor: Cursor, depth: number): RuleExpression {
  const token = peek(cursor);
  if (isKeyword(token, 'not')) {
    checkDepth(cursor, token, depth + 1);
    take(cursor);
    return { type: 'not', item: parseNot(cursor, depth + 1) };
  }
  if (token.kind === '(') {
    checkDepth(cursor, token, depth + 1);
    take(cursor);
    const inner = parseOr(cursor, depth + 1);
    const close = take(cursor);
    if (close.kind !== ')') throw expected(cursor, close, '")" or a joining "and"/"or"');
    return inner;
  }
  return parseCondition(cursor);
}

/** A field name, or an error that says how to write one. */
function parseField(cursor: Cursor): string {
  const token = take(cursor);
  if (token.kind === 'field') return token.name;
  let hint = '';
  if (token.kind === 'keyword')
    hint = `; put a field named like a keyword in backquotes: \`${token.text}\``;
  else if (token.kind === 'number' || token.kind === 'string') {
    hint = '; a condition starts with the field, as in: employees >= 10';
  }
  throw expected(cursor, token, 'a field name', hint);
}

/** `value = number | string | "true" | "false"` */
function parseValue(cursor: Cursor): RuleValue {
  const token = take(cursor);
  if (token.kind === 'number') return { type: 'number', value: token.value, text: token.text };
  if (token.kind === 'string') return { type: 'string', value: token.value };
  if (isKeyword(token, 'true') || isKeyword(token, 'false')) {
    return { type: 'boolean', value: isKeyword(token, 'true') };
  }
  const hint =
    token.kind === 'field' ? `; write text in double quotes: ${JSON.stringify(token.name)}` : '';
  throw expected(cursor, token, 'a value (a number, "text" in double quotes, true or false)', hint);
}

/** A number, for the ordering comparisons `<`, `<=`, `>`, `>=`. */
function parseNumberValue(cursor: Cursor, op: string): RuleValue {
  const token = peek(cursor);
  if (token.kind !== 'number') {
    throw expected(cursor, token, `a number after ${op} (it compares numbers only)`);
  }
  return parseValue(cursor);
}

/** Double-quoted text, for `contains`, `starts with` and `ends with`. */
function parseText(cursor: Cursor, op: string): string {
  const token = take(cursor);
  if (token.kind !== 'string') throw expected(cursor, token, `"text" in double quotes after ${op}`);
  return token.value;
}

/** `"(" value { "," value } ")"`, at most `MAX_LIST_ITEMS` values. */
function parseList(cursor: Cursor): RuleValue[] {
  const open = take(cursor);
  if (open.kind !== '(') throw expected(cursor, open, 'a list in parentheses, as in ("US", "CA")');
  const values = [parseValue(cursor)];
  while (peek(cursor).kind === ',') {
    take(cursor);
    if (values.length === MAX_LIST_ITEMS) {
      throw ruleError(
        cursor.source,
        peek(cursor).position,
        `a list holds at most ${MAX_LIST_ITEMS} values`,
      );
    }
    values.push(parseValue(cursor));
  }
  const close = take(cursor);
  if (close.kind !== ')') throw expected(cursor, close, '"," or ")"');
  return values;
}

/** `condition = field ( op value | ["not"] "in" list | "is" ["not"] "missing" | text_op text )` */
function parseCondition(cursor: Cursor): RuleExpression {
  const field = parseField(cursor);
  const token = take(cursor);
  if (token.kind === 'op') {
    const ordering = token.op !== '=' && token.op !== '!=';
    const value = ordering ? parseNumberValue(cursor, token.op) : parseValue(cursor);
    return { type: 'compare', field, op: token.op, value };
  }
  if (isKeyword(token, 'in'))
    return { type: 'in', field, values: parseList(cursor), negated: false };
  if (isKeyword(token, 'not')) {
    takeKeyword(cursor, 'in');
    return { type: 'in', field, values: parseList(cursor), negated: true };
  }
  if (isKeyword(token, 'is')) {
    const negated = isKeyword(peek(cursor), 'not');
    if (negated) take(cursor);
    takeKeyword(cursor, 'missing');
    return { type: 'missing', field, negated };
  }
  if (isKeyword(token, 'contains')) {
    return { type: 'text', field, op: 'contains', text: parseText(cursor, 'contains') };
  }
  if (isKeyword(token, 'starts') || isKeyword(token, 'ends')) {
    takeKeyword(cursor, 'with');
    const op = isKeyword(token, 'starts') ? 'starts with' : 'ends with';
    return { type: 'text', field, op, text: parseText(cursor, op) };
  }
  throw expected(cursor, token, `a comparison after the field (${CONDITION_FORMS})`);
}

/**
 * Parse a rule into a tree of conditions.
 *
 * The grammar, lowest precedence first (keywords in any case):
 *
 *     rule      = or_expr END
 *     or_expr   = and_expr { "or" and_expr }
 *     and_expr  = not_expr { "and" not_expr }
 *     not_expr  = "not" not_expr | "(" or_expr ")" | condition
 *     condition = field ( ("=" | "!=") value
 *                       | ("<" | "<=" | ">" | ">=") number
 *                       | ["not"] "in" "(" value { "," value } ")"
 *                       | "is" ["not"] "missing"
 *                       | "contains" string | "starts" "with" string | "ends" "with" string )
 *     field     = [A-Za-z_][A-Za-z0-9_.]* (not a keyword) | "`" any text "`"
 *     value     = number | string | "true" | "false"
 *
 * So `a = 1 or b = 2 and c = 3` reads as `a = 1 or (b = 2 and c = 3)`, and `not` binds tighter
 * than `and`. A condition always starts with a field and compares it with a literal; fields are
 * never compared with each other. Ordering comparisons take a number; the text tests take text.
 *
 * @param source - the rule as written, at most `MAX_RULE_LENGTH` characters.
 * @returns the tree; chains of `and`/`or` are flattened into one node.
 * @throws FitgateError `BAD_RULE` for anything else, naming the column (and line) and what was
 * expected, e.g. `cannot parse rule at column 19: expected a value (...), got ")"`; also for
 * more than `MAX_RULE_DEPTH` levels of nesting or `MAX_LIST_ITEMS` values in a list.
 *
 * @example
 * parseRule('Country not in ("India")');
 * // => { type: 'in', field: 'Country', negated: true,
 * //      values: [{ type: 'string', value: 'India' }] }
 */
export function parseRule(source: string): RuleExpression {
  const cursor: Cursor = { source, tokens: tokenizeRule(source), next: 0 };
  if (peek(cursor).kind === 'end') {
    throw ruleError(
      source,
      source.length,
      'the rule is empty; write a condition such as employees >= 10',
    );
  }
  const expression = parseOr(cursor, 0);
  const rest = peek(cursor);
  if (rest.kind !== 'end') {
    throw expected(cursor, rest, '"and", "or" or the end of the rule');
  }
  return expression;
}
