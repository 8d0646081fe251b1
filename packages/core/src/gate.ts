/**
 * The gate: from a fit score (and an intent score, when the definition has intent) to a stage, a
 * quadrant and a verdict. Fit and intent are multiplied, not added: priority = fit x intent, so a
 * zero fit cannot be bought back with any amount of activity, and no lead below the fit floor
 * (the MQL line) is ever QUALIFIED. `deriveIcp` and `qualify` both decide through this file.
 *
 * | quadrant              | condition                         | verdict       | stage   |
 * | --------------------- | --------------------------------- | ------------- | ------- |
 * | high fit, high intent | priority >= SQL line              | QUALIFIED     | SQL     |
 * | high fit, high intent | priority below the SQL line       | NOT_QUALIFIED | MQL     |
 * | high fit, low intent  | fit >= fit floor, intent < line   | NOT_QUALIFIED | MQL     |
 * | low fit, high intent  | "looks hot but is out of profile" | NOT_QUALIFIED | NURTURE |
 * | low fit, low intent   |                                   | NOT_QUALIFIED | NURTURE |
 *
 * Without intent the SQL line is on the fit score itself. A lead that is not QUALIFIED but would
 * be if every line sat at the low end of its bootstrap interval is REVIEW (a near miss).
 */
import { bucketOf, LINE_RESOLUTION } from './choose-line.js';
import type { Quadrant, Stage } from './qualify-types.js';
import type { IcpDefinition } from './schema.js';

/** The lines a decision needs, with the low ends of their intervals. */
export interface GateLines {
  sql: number;
  sqlLow: number;
  mql: number;
  mqlLow: number;
  /** Null when the definition has no intent. */
  intent: number | null;
  intentLow: number | null;
}

export interface GateDecision {
  qualified: boolean;
  nearLine: boolean;
  stage: Stage;
  quadrant: Quadrant | null;
  /** fit x intent / 100 (0-100), or null without intent. Never clamped. */
  priorityScore: number | null;
}

/** `score >= line` at the lines' resolution (whole hundredths of a point). */
export function passes(score: number, line: number): boolean {
  return bucketOf(score) >= Math.round(line / LINE_RESOLUTION);
}

/** The gate lines of a definition. */
export function gateLines(icp: Pick<IcpDefinition, 'cutoffs'>): GateLines {
  const { sql, mql, intent } = icp.cutoffs;
  const low = (line: { score: number; interval: [number, number] | null }) =>
    line.interval !== null && Number.isFinite(line.interval[0])
      ? Math.min(line.score, line.interval[0])
      : line.score;
  return {
    sql: sql.score,
    sqlLow: low(sql),
    mql: mql.score,
    mqlLow: low(mql),
    intent: intent?.score ?? null,
    intentLow: intent ? low(intent) : null,
  };
}

function quadrantOf(highFit: boolean, highIntent: boolean): Quadrant {
  if (highFit) return highIntent ? 'high_fit_high_intent' : 'high_fit_low_intent';
  return highIntent ? 'low_fit_high_intent' : 'low_fit_low_intent';
}

/** Decide one lead from its scores. `intent` is null when the definition has no intent. */
export function decide(fit: number, intent: number | null, lines: GateLines): GateDecision {
  // Fit only: the SQL line is on fit.
  if (intent === null || lines.intent === null) {
    const highFit = passes(fit, lines.mql);
    const qualified = highFit && passes(fit, lines.sql);
    const nearLine = !qualified && passes(fit, lines.mqlLow) && passes(fit, lines.sqlLow);
    const stage: Stage = qualified ? 'SQL' : highFit ? 'MQL' : 'NURTURE';
    return { qualified, nearLine, stage, quadrant: null, priorityScore: null };
  }

  // Fit and intent: quadrant first, then priority against the SQL line.
  const priorityScore = (fit * intent) / 100;
  const highFit = passes(fit, lines.mql);
  const highIntent = passes(intent, lines.intent);
  const qualified = highFit && highIntent && passes(priorityScore, lines.sql);
  const nearLine =
    !qualified &&
    passes(fit, lines.mqlLow) &&
    passes(intent, lines.intentLow ?? lines.intent) &&
    passes(priorityScore, lines.sqlLow);
  const stage: Stage = qualified ? 'SQL' : highFit ? 'MQL' : 'NURTURE';
  return { qualified, nearLine, stage, quadrant: quadrantOf(highFit, highIntent), priorityScore };
}
