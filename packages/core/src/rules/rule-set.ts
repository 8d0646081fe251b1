/**
 * Declared rules as they are stored in an ICP definition: a list of `{ id, kind, when, reason }`
 * where `when` is the rule's source text (the definition holds text, never a parsed tree; it is
 * parsed again whenever the definition is loaded). This file is the zod schema of that list.
 */
import { z } from 'zod';
import { MAX_RULE_LENGTH } from './rule-syntax.js';

/** What a rule does: knock a lead out, require something of it, or hold it for review. */
export const RULE_KINDS = ['knockout', 'must_have', 'hold'] as const;

/** The longest reason accepted; a reason is one sentence shown to a person. */
export const MAX_REASON_LENGTH = 500;

/** The most rules in one definition; a team's declared rules are a handful, not a database. */
export const MAX_RULES = 1_000;

/**
 * A rule id: a letter or digit, then letters, digits, `_`, `.`, `:` or `-`, at most 64 in all, so
 * it prints safely in a reason and a CSV column.
 */
const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/** One declared rule as stored in the definition. */
export const ruleSchema = z.strictObject({
  id: z.string().regex(RULE_ID, 'an id is a letter or digit, then letters, digits, _ . : -'),
  kind: z.enum(RULE_KINDS),
  when: z.string().min(1).max(MAX_RULE_LENGTH),
  reason: z.string().max(MAX_REASON_LENGTH).regex(/\S/, 'a reason cannot be blank'),
});

/** The rules of a definition, in the order they are checked; ids are unique. */
export const ruleSetSchema = z
  .array(ruleSchema)
  .max(MAX_RULES)
  .superRefine((rules, context) => {
    const seen = new Set<string>();
    rules.forEach((rule, index) => {
      if (seen.has(rule.id)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `the id "${rule.id}" is used by an earlier rule; ids must be unique`,
        });
      }
      seen.add(rule.id);
    });
  });

export type RuleKind = (typeof RULE_KINDS)[number];
export type Rule = z.infer<typeof ruleSchema>;
