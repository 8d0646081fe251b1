/**
 * Applying a definition's declared rules to a lead, before the scorecard: which rules fire, what
 * they do (knock out or hold for review) and why, in words a person reads.
 */
import type { ParsingRules } from '../locate-bin.js';
import { compileTree, type CellTest, type Truth } from './evaluate-rule.js';
import { parseRuleSet, type ParsedRule } from './parse-rule-set.js';
import { ruleAction } from './rule-action.js';
import { leadCells, type CellSource } from './rule-cell.js';
import { conditionsOf } from './rule-fields.js';
import type { Rule, RuleKind } from './rule-set.js';

/** One rule that fired on a lead. */
export interface FiredRule {
  id: string;
  kind: RuleKind;
  /** What it does: a must-have knocks out when false and holds when it cannot be checked. */
  action: 'knockout' | 'hold';
  /** The rule's reason, as declared. */
  reason: string;
  /** A sentence for the lead's reasons: which rule, what it did, and why. */
  message: string;
}

/** What the rules decide for a lead; `knockout` wins over `hold`. */
export interface RuleOutcome {
  action: 'none' | 'knockout' | 'hold';
  /** Every rule that fired, in the definition's order. */
  fired: FiredRule[];
}

/** A definition's rules, compiled: the outcome for one lead. Never throws. */
export type RuleChecker = (lead: unknown) => RuleOutcome;

/** A rule ready to run. */
interface CompiledRule {
  rule: ParsedRule;
  test: CellTest;
  /** Fields read by `<`, `<=`, `>`, `>=`, where a present value that is not a number is unknown. */
  numericFields: Set<string>;
  /** Fields read by a condition that can be unknown (all but `is missing`). */
  comparedFields: string[];
}

/**
 * Why a rule came out unknown for this lead: each field it reads that is missing, unusable, or
 * (for an ordering comparison) not a number.
 */
function whyUnknown(compiled: CompiledRule, cells: CellSource): string {
  const problems: string[] = [];
  for (const field of compiled.comparedFields) {
    const cell = cells(field);
    if (cell.state === 'missing') problems.push(`${field} is missing`);
    else if (cell.state === 'unreadable') problems.push(`${field} is not a plain value`);
    else if (compiled.numericFields.has(field) && Number.isNaN(cell.number)) {
      problems.push(`${field} is not a number`);
    }
  }
  return problems.length > 0 ? problems.join(', ') : 'a field it reads is missing';
}

/** The message of a rule that fired, by kind and action. */
function messageOf(compiled: CompiledRule, action: 'knockout' | 'hold', cells: CellSource): string {
  const { id, kind, reason } = compiled.rule;
  if (kind === 'knockout') return `knocked out by rule "${id}": ${reason}`;
  if (kind === 'hold') return `held for review by rule "${id}": ${reason}`;
  if (action === 'knockout') return `knocked out by must-have "${id}": ${reason}`;
  return `cannot check must-have "${id}" (${whyUnknown(compiled, cells)}): ${reason}`;
}

/** The fired rule for a truth value, or null when the rule does nothing. */
function fire(compiled: CompiledRule, truth: Truth, cells: CellSource): FiredRule | null {
  const { id, kind, reason } = compiled.rule;
  const action = ruleAction(kind, truth);
  if (action === 'none') return null;
  return { id, kind, action, reason, message: messageOf(compiled, action, cells) };
}

function compileRule(rule: ParsedRule, parsing: ParsingRules): CompiledRule {
  const conditions = conditionsOf(rule.expression);
  const numericFields = new Set(
    conditions
      .filter((c) => c.type === 'compare' && c.op !== '=' && c.op !== '!=')
      .map((c) => c.field),
  );
  const compared = conditions.filter((c) => c.type !== 'missing').map((c) => c.field);
  const comparedFields = [...new Set(compared)];
  return { rule, test: compileTree(rule.expression, parsing), numericFields, comparedFields };
}

/** The outcome when there are no rules (shared: qualify's hot loop allocates nothing for it). */
const NO_RULE_FIRED: RuleOutcome = Object.freeze({
  action: 'none',
  fired: Object.freeze([]) as unknown as FiredRule[],
});

/**
 * Check and compile a definition's rules into one function to run on each lead.
 *
 * What each kind does with its rule's truth is the table of `ruleAction`: a knock-out knocks out
 * when true, a must-have when false, a hold holds when true; a must-have that cannot be checked
 * (unknown: a field it needs is missing) holds, and an unknown knock-out or hold does nothing.
 * See `compileExpression` for when a rule is unknown.
 *
 * The outcome's `action` is `knockout` when any rule knocks out, else `hold` when any holds, else
 * `none`; `fired` lists every rule that fired, in order, so a knocked-out lead still shows its
 * holds. Every rule is checked on every lead (no short cut), so the reasons are complete.
 *
 * @param rules - the rules as stored in a definition: typed loosely because they are checked here
 *   with `ruleSetSchema` whatever their static type (a definition read from disk, say).
 * @param parsing - the definition's missing tokens and decimal separator.
 * @returns a function from a lead (its values by field name) to the outcome; it never throws,
 * whatever the lead holds.
 * @throws FitgateError `BAD_RULE` for an invalid rule list or a rule that does not parse.
 *
 * @example
 * const check = compileRules(
 *   [{ id: 'india', kind: 'knockout', when: 'Country not in ("India")', reason: 'India only' }],
 *   { missingTokens: new Set(['']), decimal: '.' },
 * );
 * check({ Country: 'Qatar' }).action; // => 'knockout'
 * check({ Country: '' }).action; // => 'none' (unknown: a knock-out needs the data)
 */
export function compileRules(rules: readonly Rule[] | unknown, parsing: ParsingRules): RuleChecker {
  const compiled = parseRuleSet(rules).map((rule) => compileRule(rule, parsing));
  if (compiled.length === 0) return () => NO_RULE_FIRED;
  return (lead) => {
    const cells = leadCells(lead, parsing);
    const fired: FiredRule[] = [];
    for (const rule of compiled) {
      const hit = fire(rule, rule.test(cells), cells);
      if (hit !== null) fired.push(hit);
    }
    const knocked = fired.some((f) => f.action === 'knockout');
    return { action: knocked ? 'knockout' : fired.length > 0 ? 'hold' : 'none', fired };
  };
}
