/**
 * Evaluating a declared rule on a lead, with three-valued logic: a condition on a field the lead
 * lacks is neither true nor false but unknown (`null`), and `and`, `or` and `not` carry unknown
 * through the way SQL does (Kleene logic). The parsed tree is turned into plain closures once;
 * nothing in the rule's text is ever run as code.
 */
import type { ParsingRules } from '../locate-bin.js';
import { missingTokenSet } from '../missing-tokens.js';
import { parseNumber, type DecimalSeparator } from '../parse-number.js';
import { parseRule } from './parse-rule.js';
import { leadCells, type CellSource, type RuleCell } from './rule-cell.js';
import type { CompareOp, RuleExpression, RuleValue, TextOp } from './rule-syntax.js';

/** true, false, or null for unknown (a field the condition needs is missing or unusable). */
export type Truth = boolean | null;

/** A compiled rule: the truth of the rule for one lead. Never throws. */
export type RuleTest = (lead: unknown) => Truth;

/**
 * A compiled rule over any source of cells.
 *
 * @internal Used by the rule set compiler and `ruleImpact`, which read cells their own way.
 */
export type CellTest = (cells: CellSource) => Truth;

/** pandas' missing tokens and a dot decimal: what `evaluateExpression` uses when given nothing. */
const DEFAULT_PARSING: ParsingRules = { missingTokens: missingTokenSet(), decimal: '.' };

/** A literal as it is compared: lower-cased text, and its number (NaN when not one). */
interface Literal {
  text: string;
  number: number;
}

/**
 * Number literals are numbers as written; quoted text is also read as a number the way the data
 * is (with the definition's decimal separator), so `"1,5"` equals a cell `1,5` in `','` mode.
 */
function literalOf(value: RuleValue, decimal: DecimalSeparator): Literal {
  if (value.type === 'number') return { text: value.text.toLowerCase(), number: value.value };
  if (value.type === 'boolean') return { text: String(value.value), number: Number.NaN };
  return { text: value.value.trim().toLowerCase(), number: parseNumber(value.value, decimal) };
}

/** Equality of a present cell and a literal: numeric when both are numbers, else by text. */
function equals(literal: Literal, cell: RuleCell): boolean {
  if (!Number.isNaN(literal.number) && !Number.isNaN(cell.number)) {
    return literal.number === cell.number;
  }
  return literal.text === cell.text;
}

function negate(truth: Truth): Truth {
  return truth === null ? null : !truth;
}

/** `field = value`, or its negation for `!=`; unknown unless the cell is present. */
function equalityTest(field: string, literal: Literal, negated: boolean): CellTest {
  return (cells) => {
    const cell = cells(field);
    if (cell.state !== 'present') return null;
    return equals(literal, cell) !== negated;
  };
}

type OrderingOp = Exclude<CompareOp, '=' | '!='>;

const ORDERINGS: Record<OrderingOp, (x: number, bound: number) => boolean> = {
  '<': (x, bound) => x < bound,
  '<=': (x, bound) => x <= bound,
  '>': (x, bound) => x > bound,
  '>=': (x, bound) => x >= bound,
};

/** `<`, `<=`, `>`, `>=`: numeric only; unknown when the cell is missing or not a number. */
function orderingTest(field: string, op: OrderingOp, bound: number): CellTest {
  const holds = ORDERINGS[op];
  return (cells) => {
    const cell = cells(field);
    if (cell.state !== 'present' || Number.isNaN(cell.number)) return null;
    return holds(cell.number, bound);
  };
}

/**
 * `field in (...)`: `equals` against each value, done with two set lookups so a long list costs
 * no more than a short one.
 */
function membershipTest(field: string, literals: Literal[], negated: boolean): CellTest {
  const numbers = new Set(literals.filter((l) => !Number.isNaN(l.number)).map((l) => l.number));
  const textOnly = new Set(literals.filter((l) => Number.isNaN(l.number)).map((l) => l.text));
  const allText = new Set(literals.map((l) => l.text));
  return (cells) => {
    const cell = cells(field);
    if (cell.state !== 'present') return null;
    const found = Number.isNaN(cell.number)
      ? allText.has(cell.text)
      : numbers.has(cell.number) || textOnly.has(cell.text);
    return found !== negated;
  };
}

const TEXT_TESTS: Record<TextOp, (text: string, needle: string) => boolean> = {
  contains: (text, needle) => text.includes(needle),
  'starts with': (text, needle) => text.startsWith(needle),
  'ends with': (text, needle) => text.endsWith(needle),
};

/** `contains`, `starts with`, `ends with` on the trimmed, lower-cased text of the value. */
function textTest(field: string, op: TextOp, needle: string): CellTest {
  const folded = needle.toLowerCase();
  const holds = TEXT_TESTS[op];
  return (cells) => {
    const cell = cells(field);
    return cell.state === 'present' ? holds(cell.text, folded) : null;
  };
}

/** `or` is true when any item is; unknown when none is true and one is unknown. */
function anyTest(items: CellTest[]): CellTest {
  return (cells) => {
    let unknown = false;
    for (const item of items) {
      const truth = item(cells);
      if (truth === true) return true;
      if (truth === null) unknown = true;
    }
    return unknown ? null : false;
  };
}

/** `and` is false when any item is; unknown when none is false and one is unknown. */
function allTest(items: CellTest[]): CellTest {
  return (cells) => {
    let unknown = false;
    for (const item of items) {
      const truth = item(cells);
      if (truth === false) return false;
      if (truth === null) unknown = true;
    }
    return unknown ? null : true;
  };
}

/**
 * Turn a parsed rule into a test over cells.
 *
 * @internal Depth is bounded by the parser's `MAX_RULE_DEPTH`.
 */
export function compileTree(expression: RuleExpression, parsing: ParsingRules): CellTest {
  switch (expression.type) {
    case 'or':
      return anyTest(expression.items.map((item) => compileTree(item, parsing)));
    case 'and':
      return allTest(expression.items.map((item) => compileTree(item, parsing)));
    case 'not': {
      const inner = compileTree(expression.item, parsing);
      return (cells) => negate(inner(cells));
    }
    case 'missing': {
      const { field, negated } = expression;
      return (cells) => (cells(field).state === 'missing') !== negated;
    }
    case 'in': {
      const literals = expression.values.map((v) => literalOf(v, parsing.decimal));
      return membershipTest(expression.field, literals, expression.negated);
    }
    case 'text':
      return textTest(expression.field, expression.op, expression.text);
    case 'compare': {
      const { field, op, value } = expression;
      if (op === '=' || op === '!=') {
        return equalityTest(field, literalOf(value, parsing.decimal), op === '!=');
      }
      return orderingTest(field, op, value.type === 'number' ? value.value : Number.NaN);
    }
  }
}

/**
 * Parse a rule once and return a test to run on many leads.
 *
 * Semantics, for a field's value:
 * - missing (absent, null, NaN, or a missing token such as `NA` or `''`): every condition is
 *   unknown except `is missing` (true) and `is not missing` (false);
 * - unusable (an object, an array, a function, a symbol): like missing, except that it is not
 *   `is missing`;
 * - `=`, `!=`, `in`, `not in`: numeric when both sides are numbers (`"12"` = `12` = `12.0`,
 *   cells read with `parsing.decimal`), else the trimmed text compared case-insensitively
 *   (`" India "` = `"india"`); `true`/`false` match the text `true`/`false` and boolean values;
 * - `<`, `<=`, `>`, `>=`: numeric only; a value that is not a number is unknown (a data problem,
 *   not a "no");
 * - `contains`, `starts with`, `ends with`: plain, case-insensitive text tests on the trimmed
 *   value (numbers as written in JavaScript, `12.5`);
 * - `not` turns true into false and back, and leaves unknown unknown; `and` is false if any side
 *   is false, else unknown if any is unknown; `or` is true if any side is true, else unknown if
 *   any is unknown.
 *
 * Fields are read as the lead's own properties with exactly that name (case-sensitive; a dot is
 * part of the name, not a path). A lead that is not an object has every field missing.
 *
 * @param source - the rule, in the grammar of `parseRule`.
 * @param parsing - missing tokens and decimal separator, as in the definition's `parsing`.
 *   @default pandas' missing tokens (`DEFAULT_MISSING_TOKENS`) and `'.'`
 * @returns a function from a lead to true, false or null (unknown); it never throws.
 * @throws FitgateError `BAD_RULE` when the rule does not parse.
 *
 * @example
 * const visited = compileExpression('TotalVisits >= 5');
 * [visited({ TotalVisits: '7' }), visited({ TotalVisits: '2' }), visited({})];
 * // => [true, false, null]
 */
export function compileExpression(
  source: string,
  parsing: ParsingRules = DEFAULT_PARSING,
): RuleTest {
  const test = compileTree(parseRule(source), parsing);
  return (lead) => test(leadCells(lead, parsing));
}

/**
 * Evaluate a rule on one lead: true, false, or null when it cannot be decided (a field it needs
 * is missing). For many leads, `compileExpression` parses once. Semantics as there.
 *
 * @param source - the rule, e.g. the audit's baseline `TotalVisits >= 5`.
 * @param lead - the lead's values by field name.
 * @param parsing - missing tokens and decimal separator. @default pandas' missing tokens and `'.'`
 * @throws FitgateError `BAD_RULE` when the rule does not parse; never for a bad lead.
 *
 * @example
 * evaluateExpression('`Lead Source` in ("google", "bing")', { 'Lead Source': 'Google' });
 * // => true
 */
export function evaluateExpression(
  source: string,
  lead: unknown,
  parsing: ParsingRules = DEFAULT_PARSING,
): Truth {
  return compileExpression(source, parsing)(lead);
}
