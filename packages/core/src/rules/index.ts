/**
 * Declared rules: knock-outs, must-haves and holds, written in a small expression language that
 * is parsed, never run as code.
 */
export {
  MAX_LIST_ITEMS,
  MAX_RULE_DEPTH,
  MAX_RULE_LENGTH,
  RULE_KEYWORDS,
  type CompareOp,
  type RuleExpression,
  type RuleToken,
  type RuleValue,
  type TextOp,
} from './rule-syntax.js';
export { tokenizeRule } from './tokenize-rule.js';
export { parseRule } from './parse-rule.js';
export { ruleFields, type RuleCondition } from './rule-fields.js';
export {
  compileExpression,
  evaluateExpression,
  type RuleTest,
  type Truth,
} from './evaluate-rule.js';
export {
  MAX_REASON_LENGTH,
  MAX_RULES,
  RULE_KINDS,
  ruleSchema,
  ruleSetSchema,
  type Rule,
  type RuleKind,
} from './rule-set.js';
export { checkRules, parseRuleSet, type ParsedRule } from './parse-rule-set.js';
export {
  rulesDocumentSchema,
  rulesFromDocument,
  type RulesDocument,
} from './rules-from-document.js';
export { ruleAction } from './rule-action.js';
export {
  compileRules,
  type FiredRule,
  type RuleChecker,
  type RuleOutcome,
} from './compile-rules.js';
export { ruleImpact, type ImpactOutcome, type RuleImpact } from './rule-impact.js';
