/**
 * The audit: the team's current rule (say, an activity count) beside the derived gate on the same
 * closed deals: how many leads each passes, how many wins each keeps, and the rep hours each
 * spends per won deal.
 */
import { tableHash } from './hash.js';
import { isMissing } from './missing-tokens.js';
import { qualify, type QualifyOptions } from './qualify.js';
import { resolveOutcomes } from './resolve-outcomes.js';
import { compileExpression } from './rules/index.js';
import type { IcpDefinition } from './schema.js';
import { tableView, type TableInput } from './table.js';

/** What one rule does to the history. */
export interface AuditSide {
  passed: number;
  shareAbove: number;
  wonPassed: number;
  winsKept: number;
  winRateAbove: number;
  /** passed x hours per lead / won passed (null when it keeps no win). */
  repHoursPerWin: number | null;
}

export interface AuditResult {
  closed: number;
  won: number;
  hoursPerLead: number;
  baseline: AuditSide;
  gate: AuditSide;
  /** Deals both pass, only the baseline passes, only the gate passes. */
  overlap: { both: number; baselineOnly: number; gateOnly: number };
  /** Deals whose baseline could not be evaluated (a field missing): counted as not passing. */
  baselineUnknown: number;
  /** True when these are the very deals the definition was derived from: the gate's figures
   * are then partly in-sample, and flatter it. */
  inSample: boolean;
}

function side(
  passed: number,
  wonPassed: number,
  closed: number,
  won: number,
  hours: number,
): AuditSide {
  return {
    passed,
    shareAbove: passed / closed,
    wonPassed,
    winsKept: won > 0 ? wonPassed / won : 0,
    winRateAbove: passed > 0 ? wonPassed / passed : 0,
    repHoursPerWin: wonPassed > 0 ? (passed * hours) / wonPassed : null,
  };
}

/**
 * Compare `baseline` (a rule expression, e.g. `TotalVisits >= 5`) with the gate of `icp` on the
 * closed deals of `deals` (outcome column and values as the definition records them). A deal
 * passes the gate when `qualify` says QUALIFIED.
 */
export function auditBaseline(
  deals: TableInput,
  icp: IcpDefinition,
  baseline: string,
  options: { hoursPerLead?: number } & QualifyOptions = {},
): AuditResult {
  const table = tableView(deals);
  const { column, won, lost } = icp.outcome;
  const outcomes = resolveOutcomes(table.column(column), won, lost, column);
  const hours = options.hoursPerLead ?? icp.cutoffs.objectives.hoursPerLead ?? 1;
  const parsing = {
    missingTokens: new Set(icp.parsing.missingTokens),
    decimal: icp.parsing.decimal,
  };
  const columns = table.columns.map((name) => [name, table.column(name)] as const);

  // Each closed deal through both rules (the baseline is parsed once).
  const test = compileExpression(baseline, parsing);
  let [bPassed, bWon, gPassed, gWon, both, bOnly, gOnly, unknown] = [0, 0, 0, 0, 0, 0, 0, 0];
  outcomes.rows.forEach((r, k) => {
    const lead: Record<string, unknown> = Object.create(null);
    for (const [name, values] of columns)
      if (!isMissing(values[r], new Set())) lead[name] = values[r];
    const b = test(lead);
    if (b === null) unknown += 1;
    const g = qualify(lead, icp, options).verdict === 'QUALIFIED';
    const isWon = outcomes.y[k] === 1 ? 1 : 0;
    if (b === true) (bPassed++, (bWon += isWon));
    if (g) (gPassed++, (gWon += isWon));
    if (b === true && g) both++;
    else if (b === true) bOnly++;
    else if (g) gOnly++;
  });
  const closed = outcomes.rows.length;
  return {
    closed,
    won: outcomes.won,
    hoursPerLead: hours,
    baseline: side(bPassed, bWon, closed, outcomes.won, hours),
    gate: side(gPassed, gWon, closed, outcomes.won, hours),
    overlap: { both, baselineOnly: bOnly, gateOnly: gOnly },
    baselineUnknown: unknown,
    inSample: tableHash(table) === icp.source.dataHash,
  };
}
