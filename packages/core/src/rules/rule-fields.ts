/**
 * The fields a parsed rule reads, for checking a rule against the columns of a table and for
 * saying which field stopped a rule from being checked.
 */
import type { RuleExpression } from './rule-syntax.js';

/** A condition of a rule: a node that reads one field. */
export type RuleCondition = Extract<RuleExpression, { field: string }>;

/**
 * The conditions of a rule, left to right.
 *
 * @internal Shared by `ruleFields` and the rule compiler.
 */
export function conditionsOf(expression: RuleExpression): RuleCondition[] {
  if (expression.type === 'or' || expression.type === 'and') {
    return expression.items.flatMap(conditionsOf);
  }
  if (expression.type === 'not') return conditionsOf(expression.item);
  return [expression];
}

/**
 * The distinct field names a rule reads, in order of first appearance.
 *
 * @param expression - a rule parsed by `parseRule`.
 * @returns the field names, each once.
 *
 * @example
 * ruleFields(parseRule('a = 1 or (b > 2 and a is missing)')); // => ['a', 'b']
 */
export function ruleFields(expression: RuleExpression): string[] {
  return [...new Set(conditionsOf(expression).map((condition) => condition.field))];
}
