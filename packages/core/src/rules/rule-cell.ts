/**
 * How a rule reads a lead's value: missing (by the definition's missing tokens), unreadable (an
 * object, an array, a function, a symbol), or present with its text (trimmed, lower-cased) and its
 * number (by core's one numeric parser, NaN when it is not one). Reading never throws, whatever
 * the lead holds.
 *
 * @internal Shared by the evaluator, the rule set compiler and `ruleImpact`; not re-exported.
 */
import { isMissing } from '../missing-tokens.js';
import type { ParsingRules } from '../locate-bin.js';
import { parseNumber } from '../parse-number.js';

/** A lead's value as the rules see it. */
export interface RuleCell {
  state: 'missing' | 'unreadable' | 'present';
  /** Trimmed and lower-cased text of a present value; '' otherwise. */
  text: string;
  /** The value as a number when it is plainly one; NaN otherwise. */
  number: number;
}

/** The cells of one lead, looked up by field name. */
export type CellSource = (field: string) => RuleCell;

export const MISSING_CELL: RuleCell = Object.freeze({
  state: 'missing',
  text: '',
  number: Number.NaN,
});

export const UNREADABLE_CELL: RuleCell = Object.freeze({
  state: 'unreadable',
  text: '',
  number: Number.NaN,
});

function present(text: string, number: number): RuleCell {
  return { state: 'present', text: text.trim().toLowerCase(), number };
}

/** Classify one raw value; a value whose inspection throws (a hostile proxy) is unreadable. */
export function ruleCell(raw: unknown, parsing: ParsingRules): RuleCell {
  try {
    if (isMissing(raw, parsing.missingTokens)) return MISSING_CELL;
    switch (typeof raw) {
      case 'string':
        return present(raw, parseNumber(raw, parsing.decimal));
      case 'number':
      case 'bigint':
        return present(String(raw), parseNumber(raw));
      case 'boolean':
        return present(String(raw), Number.NaN);
      default:
        return raw instanceof Date ? present(raw.toISOString(), Number.NaN) : UNREADABLE_CELL;
    }
  } catch {
    return UNREADABLE_CELL;
  }
}

/** The lead's own property `name`, or undefined; never the prototype's, never a thrown error. */
export function ownField(lead: unknown, name: string): unknown {
  if (lead === null || (typeof lead !== 'object' && typeof lead !== 'function')) return undefined;
  try {
    return Object.hasOwn(lead, name) ? (lead as Record<string, unknown>)[name] : undefined;
  } catch {
    return undefined;
  }
}

/** The cells of a lead object, each field read and classified once. */
export function leadCells(lead: unknown, parsing: ParsingRules): CellSource {
  const cache = new Map<string, RuleCell>();
  return (field) => {
    let cell = cache.get(field);
    if (cell === undefined) {
      cell = ruleCell(ownField(lead, field), parsing);
      cache.set(field, cell);
    }
    return cell;
  };
}
