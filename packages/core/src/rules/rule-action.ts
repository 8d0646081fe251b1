/**
 * What a rule of each kind does with its truth on a lead: the one table shared by `qualify`'s
 * rule check and `ruleImpact`, so what a rule did to history is what it will do to new leads.
 */
import type { Truth } from './evaluate-rule.js';
import type { RuleKind } from './rule-set.js';

/**
 * The action of a rule of `kind` whose condition came out `truth`.
 *
 * | kind | true | false | unknown (null) |
 * | --- | --- | --- | --- |
 * | `knockout` | `knockout` | `none` | `none`: a rule does not knock out on data it lacks |
 * | `must_have` | `none` | `knockout` | `hold`: it cannot be checked, so a person looks |
 * | `hold` | `hold` | `none` | `none` |
 *
 * @example
 * ruleAction('must_have', null); // => 'hold'
 */
export function ruleAction(kind: RuleKind, truth: Truth): 'none' | 'knockout' | 'hold' {
  if (kind === 'knockout') return truth === true ? 'knockout' : 'none';
  if (kind === 'hold') return truth === true ? 'hold' : 'none';
  if (truth === false) return 'knockout';
  return truth === null ? 'hold' : 'none';
}
