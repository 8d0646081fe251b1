/**
 * Checking a list of declared rules (from a definition, or built by `rulesFromDocument`) and
 * parsing every rule's text, so a bad rule is refused when it is loaded, not when a lead meets it.
 */
import type { z } from 'zod';
import { FitgateError } from '../errors.js';
import { parseRule } from './parse-rule.js';
import { ruleSetSchema, type Rule } from './rule-set.js';
import { RULE_ERROR_PREFIX, type RuleExpression } from './rule-syntax.js';

/** A rule with its text parsed. */
export interface ParsedRule extends Rule {
  expression: RuleExpression;
}

/** How many schema problems one error lists. */
const MAX_LISTED_PROBLEMS = 5;

/**
 * The problems zod found, as `path: message`, the path written the way a user sees the document.
 *
 * @internal Shared with `rulesFromDocument`.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], root: string): string {
  const listed = issues.slice(0, MAX_LISTED_PROBLEMS).map((issue) => {
    const path = issue.path
      .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
      .join('');
    const where = root === '' ? path.replace(/^\./, '') : `${root}${path}`;
    return `${where || 'the top level'}: ${issue.message}`;
  });
  const more =
    issues.length > MAX_LISTED_PROBLEMS ? ` (and ${issues.length - MAX_LISTED_PROBLEMS} more)` : '';
  return listed.join('; ') + more;
}

/** Parse one rule's text; an error names the rule by its id. */
function parseNamed(rule: Rule): ParsedRule {
  try {
    return { ...rule, expression: parseRule(rule.when) };
  } catch (error) {
    if (!(error instanceof FitgateError) || !error.message.startsWith(RULE_ERROR_PREFIX))
      throw error;
    const rest = error.message.slice(RULE_ERROR_PREFIX.length);
    throw new FitgateError('BAD_RULE', `${RULE_ERROR_PREFIX} "${rule.id}"${rest}`, {
      value: rule.when,
    });
  }
}

/**
 * Check a list of rules against `ruleSetSchema` and parse each rule's `when`.
 *
 * @param rules - the list, e.g. a definition's `rules`.
 * @returns the rules in the same order, each with its parsed `expression`.
 * @throws FitgateError `BAD_RULE` naming the first problems (`rules[2].reason: ...`, a duplicate
 * id) or, for a rule that does not parse, its id, the column and what was expected.
 *
 * @example
 * parseRuleSet([{ id: 'no-students', kind: 'knockout', when: 'email ends with ".edu"',
 *   reason: 'students do not buy' }])[0].expression.type; // => 'text'
 */
export function parseRuleSet(rules: unknown): ParsedRule[] {
  const checked = ruleSetSchema.safeParse(rules);
  if (!checked.success) {
    throw new FitgateError(
      'BAD_RULE',
      `invalid rules: ${describeIssues(checked.error.issues, 'rules')}`,
    );
  }
  return checked.data.map(parseNamed);
}

/**
 * Check a list of rules as `parseRuleSet` does, and return them as plain rules (no parsed trees),
 * ready to be stored in a definition.
 *
 * @param rules - the list to check.
 * @returns copies of the rules: `{ id, kind, when, reason }` each.
 * @throws FitgateError `BAD_RULE` as `parseRuleSet`.
 *
 * @example
 * checkRules([{ id: 'a', kind: 'hold', when: 'x is missing', reason: 'look' }]).length; // => 1
 */
export function checkRules(rules: unknown): Rule[] {
  return parseRuleSet(rules).map(({ id, kind, when, reason }) => ({ id, kind, when, reason }));
}
