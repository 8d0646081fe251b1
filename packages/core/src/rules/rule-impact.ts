/**
 * What each declared rule would have done to the history of won and lost deals, so that a rule
 * which throws away wins is seen before it goes live.
 */
import { FitgateError } from '../errors.js';
import type { ParsingRules } from '../locate-bin.js';
import { tableView, type TableInput, type TableView } from '../table.js';
import { compileTree } from './evaluate-rule.js';
import { parseRuleSet, type ParsedRule } from './parse-rule-set.js';
import { ruleAction } from './rule-action.js';
import { ruleCell, type CellSource } from './rule-cell.js';
import { ruleFields } from './rule-fields.js';
import type { Rule, RuleKind } from './rule-set.js';

/** What one rule, applied alone, would have done to the closed deals. */
export interface RuleImpact {
  id: string;
  kind: RuleKind;
  when: string;
  /** Won deals the rule would have knocked out. */
  knockedOutWon: number;
  knockedOutLost: number;
  /** Won deals it would have held for review (a hold that fired, a must-have not checkable). */
  heldWon: number;
  heldLost: number;
  /** Deals on which the rule was unknown (a field it reads is missing), whatever it then did. */
  uncheckedWon: number;
  uncheckedLost: number;
  /** knockedOutWon / all won deals: the share of wins the rule would have thrown away. */
  shareOfWinsLost: number;
  /** Fields the rule reads that the table has no column for (read as missing on every row). */
  columnsNotInTable: string[];
}

/** The closed deals: row indices into the table and their labels (1 won, 0 lost). */
export interface ImpactOutcome {
  rows: ArrayLike<number>;
  y: ArrayLike<number>;
}

/** A table already viewed through `tableView`. */
function isView(table: TableInput | TableView): table is TableView {
  const maybe = table as Partial<TableView>;
  return typeof maybe.column === 'function' && typeof maybe.has === 'function';
}

function checkOutcome(outcome: ImpactOutcome, rowCount: number): void {
  if (outcome.rows.length !== outcome.y.length) {
    throw new FitgateError(
      'BAD_OPTION',
      `outcome.rows has ${outcome.rows.length} entries but outcome.y has ${outcome.y.length}`,
    );
  }
  for (let i = 0; i < outcome.rows.length; i++) {
    const row = outcome.rows[i];
    if (!Number.isInteger(row) || row < 0 || row >= rowCount) {
      throw new FitgateError(
        'BAD_OPTION',
        `outcome.rows[${i}] is ${row}, not a row of the table (0 to ${rowCount - 1})`,
      );
    }
  }
}

/** Apply one rule to every closed deal and count what it did, by outcome. */
function impactOf(
  rule: ParsedRule,
  view: TableView,
  outcome: ImpactOutcome,
  parsing: ParsingRules,
  totalWon: number,
): RuleImpact {
  // The rule's columns; a field the table lacks reads as missing.
  const fields = ruleFields(rule.expression);
  const columns = new Map(fields.filter((f) => view.has(f)).map((f) => [f, view.column(f)]));
  let row = 0;
  const cells: CellSource = (field) => ruleCell(columns.get(field)?.[row], parsing);

  // Count by action and outcome.
  const test = compileTree(rule.expression, parsing);
  const counts = { knockout: [0, 0], hold: [0, 0], none: [0, 0], unchecked: [0, 0] };
  for (let i = 0; i < outcome.rows.length; i++) {
    row = outcome.rows[i];
    const won = outcome.y[i] === 1 ? 1 : 0;
    const truth = test(cells);
    counts[ruleAction(rule.kind, truth)][won] += 1;
    if (truth === null) counts.unchecked[won] += 1;
  }
  return {
    id: rule.id,
    kind: rule.kind,
    when: rule.when,
    knockedOutWon: counts.knockout[1],
    knockedOutLost: counts.knockout[0],
    heldWon: counts.hold[1],
    heldLost: counts.hold[0],
    uncheckedWon: counts.unchecked[1],
    uncheckedLost: counts.unchecked[0],
    shareOfWinsLost: totalWon > 0 ? counts.knockout[1] / totalWon : 0,
    columnsNotInTable: fields.filter((f) => !view.has(f)),
  };
}

/**
 * What each rule, on its own, would have done to the closed deals of a table.
 *
 * Each rule is applied alone (not after the others), with the same table of actions as `qualify`
 * (`ruleAction`), so a rule's figures do not depend on its place in the list. A rule that reads a
 * column the table lacks is not an error: every row reads as missing, which is what the rule
 * would do to leads that lack the field (a must-have then holds every deal), and the column is
 * named in `columnsNotInTable`.
 *
 * @param rules - the rules, as stored in a definition.
 * @param table - the deals: columnar, row objects, or a view from `tableView`.
 * @param outcome - the closed rows and their labels, as `resolveOutcomes` gives them.
 * @param parsing - the missing tokens and decimal separator the definition reads with.
 * @returns one entry per rule, in order.
 * @throws FitgateError `BAD_RULE` for a bad rule; `BAD_OPTION` when `outcome` does not fit the
 * table.
 *
 * @example
 * ruleImpact(
 *   [{ id: 'india', kind: 'knockout', when: 'Country not in ("India")', reason: 'India only' }],
 *   [{ Country: 'India' }, { Country: 'Qatar' }, { Country: '' }],
 *   { rows: Uint32Array.of(0, 1, 2), y: Uint8Array.of(1, 1, 0) },
 *   { missingTokens: new Set(['']), decimal: '.' },
 * )[0];
 * // => { id: 'india', knockedOutWon: 1, knockedOutLost: 0, shareOfWinsLost: 0.5,
 * //      uncheckedLost: 1, ... }
 */
export function ruleImpact(
  rules: readonly Rule[],
  table: TableInput | TableView,
  outcome: ImpactOutcome,
  parsing: ParsingRules,
): RuleImpact[] {
  const parsed = parseRuleSet(rules);
  const view = isView(table) ? table : tableView(table);
  checkOutcome(outcome, view.rowCount);
  let totalWon = 0;
  for (let i = 0; i < outcome.y.length; i++) totalWon += outcome.y[i] === 1 ? 1 : 0;
  return parsed.map((rule) => impactOf(rule, view, outcome, parsing, totalWon));
}
