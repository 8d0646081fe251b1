/**
 * The rules file a team writes (`--rules RULES.yaml`), already read from YAML or JSON by the
 * caller, turned into the list of rules stored in the definition.
 */
import { z } from 'zod';
import { FitgateError } from '../errors.js';
import { describeIssues, parseRuleSet } from './parse-rule-set.js';
import type { Rule, RuleKind } from './rule-set.js';

/** One entry of the rules file; `id` is optional. */
const entrySchema = z.strictObject({
  when: z.string(),
  reason: z.string(),
  id: z.string().optional(),
});

/**
 * The rules file: up to three lists, each optional. Unknown keys are refused, so a misspelt
 * section (`knockout:` for `knockouts:`) is an error rather than rules silently left out.
 */
export const rulesDocumentSchema = z.strictObject({
  knockouts: z.array(entrySchema).optional(),
  must_haves: z.array(entrySchema).optional(),
  holds: z.array(entrySchema).optional(),
});

export type RulesDocument = z.infer<typeof rulesDocumentSchema>;

/** What a rules file looks like, for error messages. */
const FILE_SHAPE =
  'a rules file has up to three sections, knockouts, must_haves and holds, each a list of ' +
  '{ when, reason, id? }';

/** Each section of the file, its kind and the stem of its default ids, in checking order. */
const SECTIONS = [
  { key: 'knockouts', kind: 'knockout', stem: 'knockout' },
  { key: 'must_haves', kind: 'must_have', stem: 'must-have' },
  { key: 'holds', kind: 'hold', stem: 'hold' },
] as const satisfies ReadonlyArray<{ key: keyof RulesDocument; kind: RuleKind; stem: string }>;

/**
 * Read a rules file into the list of rules a definition stores, checking every rule.
 *
 * The file has up to three sections, each a list of `{ when, reason, id? }`:
 *
 *     knockouts:            # true -> NOT_QUALIFIED
 *       - when: Country not in ("India")
 *         reason: we only sell in India
 *     must_haves:           # false -> NOT_QUALIFIED; cannot be checked -> REVIEW
 *       - when: `Lead Origin` is not missing
 *         reason: every lead needs its origin
 *     holds:                # true -> REVIEW
 *       - when: Tags contains "switched off"
 *         reason: check by hand before calling
 *
 * Rules keep the file's order within the sections knockouts, must_haves, holds. An entry without
 * an `id` gets `knockout-1`, `must-have-2`, `hold-1`... (its 1-based place in its section).
 * An empty file (`null` or `undefined`) holds no rules.
 *
 * @param doc - the file's content as parsed from YAML or JSON.
 * @returns the rules, ready for a definition's `rules`.
 * @throws FitgateError `BAD_RULE` naming the problem's place in the file (`must_haves[0].reason:
 * ...`), a duplicate id, or a rule that does not parse (its id, the column and what was expected).
 *
 * @example
 * rulesFromDocument({ knockouts: [{ when: 'Country not in ("India")', reason: 'India only' }] });
 * // => [{ id: 'knockout-1', kind: 'knockout', when: 'Country not in ("India")',
 * //       reason: 'India only' }]
 */
export function rulesFromDocument(doc: unknown): Rule[] {
  if (doc === null || doc === undefined) return [];
  const checked = rulesDocumentSchema.safeParse(doc);
  if (!checked.success) {
    throw new FitgateError(
      'BAD_RULE',
      `invalid rules file: ${describeIssues(checked.error.issues, '')} (${FILE_SHAPE})`,
    );
  }

  // Flatten the sections in checking order, filling in ids.
  const rules: Rule[] = [];
  for (const { key, kind, stem } of SECTIONS) {
    (checked.data[key] ?? []).forEach((entry, index) => {
      const id = entry.id ?? `${stem}-${index + 1}`;
      rules.push({ id, kind, when: entry.when, reason: entry.reason });
    });
  }

  // The same checks as a stored definition gets: ids, lengths, and every rule parsed.
  parseRuleSet(rules);
  return rules;
}
