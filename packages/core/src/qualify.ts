/**
 * `qualify`: score one lead against an ICP definition and decide. Pure and fast: the definition
 * is compiled once (bin lookups, shared reason texts) and cached per definition object, so a
 * loop over millions of leads pays only for lookups. Bad lead data never throws; an invalid
 * definition does.
 */
import { FitgateError } from './errors.js';
import { applyCalibration } from './calibrate.js';
import {
  binLocator,
  LOCATE_BAD_VALUE,
  LOCATE_MISSING,
  type BinLocator,
  type ParsingRules,
} from './locate-bin.js';
import type { QualifyResult, Reason, Stage, Verdict } from './qualify-types.js';
import { icpDefinitionSchema, type Attribute, type IcpDefinition } from './schema.js';

/** Options of `qualify`. Reserved for time-dependent scoring; pass nothing for now. */
export type QualifyOptions = Record<string, never>;

interface CompiledAttribute {
  name: string;
  key: boolean;
  locate: BinLocator;
  points: Float64Array;
  labels: string[];
  binMessages: string[];
  neutralPoints: number;
  missingMessage: string;
  unseenMessage: string;
  badMessage: string;
}

/** A definition prepared for fast scoring. */
export interface CompiledIcp {
  definition: IcpDefinition;
  attributes: CompiledAttribute[];
  noSignal: boolean;
  sql: number;
  mql: number;
}

const compiledCache = new WeakMap<object, CompiledIcp>();

function formatPoints(points: number): string {
  return `${points >= 0 ? '+' : ''}${points.toFixed(2)} points`;
}

function compileAttribute(a: Attribute, rules: ParsingRules): CompiledAttribute {
  const neutral = `${formatPoints(a.neutralPoints)} (neutral)`;
  return {
    name: a.name,
    key: a.key,
    locate: binLocator(a, rules),
    points: Float64Array.from(a.bins, (b) => b.points),
    labels: a.bins.map((b) => b.label),
    binMessages: a.bins.map(
      (b) =>
        `${a.name} ${b.label}: ${formatPoints(b.points)} ` +
        `(win rate ${Math.round(100 * b.eventRate)}% in history)`,
    ),
    neutralPoints: a.neutralPoints,
    missingMessage: `${a.name} is missing: ${neutral}`,
    unseenMessage: `${a.name} has a value never seen in the deals: ${neutral}`,
    badMessage: `${a.name} is not a number: ${neutral}`,
  };
}

/**
 * Check a definition against the schema once and prepare it for scoring. `qualify` calls this
 * itself and caches the result per definition object, so treat definitions as immutable.
 *
 * @throws FitgateError `INVALID_DEFINITION` naming the first problems found.
 */
export function compileIcp(definition: IcpDefinition): CompiledIcp {
  const cached = compiledCache.get(definition);
  if (cached !== undefined) return cached;
  const parsed = icpDefinitionSchema.safeParse(definition);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new FitgateError('INVALID_DEFINITION', `invalid ICP definition: ${problems.join('; ')}`);
  }
  const rules: ParsingRules = {
    missingTokens: new Set(definition.parsing.missingTokens),
    decimal: definition.parsing.decimal,
  };
  const compiled: CompiledIcp = {
    definition,
    attributes: definition.attributes.map((a) => compileAttribute(a, rules)),
    noSignal: definition.diagnostics.warnings.some((w) => w.code === 'NO_SIGNAL'),
    sql: definition.cutoffs.sql.score,
    mql: definition.cutoffs.mql.score,
  };
  compiledCache.set(definition, compiled);
  return compiled;
}

/** The lead's own field, or undefined; never reads the prototype, never lets a getter throw. */
function field(lead: object, name: string): unknown {
  try {
    return Object.hasOwn(lead, name) ? (lead as Record<string, unknown>)[name] : undefined;
  } catch {
    return undefined;
  }
}

function textOf(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') return raw;
  try {
    return String(raw);
  } catch {
    return '(unprintable)';
  }
}

function gate(code: Reason['code'], message: string): Reason {
  return { side: 'gate', code, attribute: null, value: null, bin: null, points: 0, message };
}

/** Score the fit side: one reason per attribute, in the definition's order. */
function scoreFit(
  c: CompiledIcp,
  lead: object,
  reasons: Reason[],
): { score: number; keyMissing: string[] } {
  let score = 0;
  const keyMissing: string[] = [];
  for (const a of c.attributes) {
    const raw = field(lead, a.name);
    const index = a.locate(raw);
    const value = textOf(raw);
    if (index >= 0) {
      const points = a.points[index];
      score += points;
      reasons.push({
        side: 'fit',
        code: 'BIN',
        attribute: a.name,
        value,
        bin: a.labels[index],
        points,
        message: a.binMessages[index],
      });
      continue;
    }
    score += a.neutralPoints;
    const code =
      index === LOCATE_MISSING ? 'MISSING' : index === LOCATE_BAD_VALUE ? 'BAD_VALUE' : 'UNSEEN';
    const message =
      code === 'MISSING' ? a.missingMessage : code === 'BAD_VALUE' ? a.badMessage : a.unseenMessage;
    reasons.push({
      side: 'fit',
      code,
      attribute: a.name,
      value,
      bin: null,
      points: a.neutralPoints,
      message,
    });
    if (a.key && code !== 'UNSEEN') keyMissing.push(a.name);
  }
  return { score, keyMissing };
}

function stageOf(c: CompiledIcp, score: number): Stage {
  if (score >= c.sql) return 'SQL';
  if (score >= c.mql) return 'MQL';
  return 'NURTURE';
}

/**
 * Qualify one lead. The lead is a plain object of raw values (numbers, or strings as a CSV gives
 * them). The fit score is the sum of the points of the `fit` reasons, in order.
 *
 * Verdicts: REVIEW when the definition carries NO_SIGNAL or a key attribute is missing or not a
 * number; otherwise QUALIFIED at or above the SQL line (stage SQL), else NOT_QUALIFIED with stage
 * MQL (at or above the MQL line: fit confirmed, nurture) or NURTURE.
 *
 * @throws FitgateError `INVALID_DEFINITION` for an invalid definition, never for a bad lead.
 *
 * @example
 * qualify({ age: '42', job: 'management' }, icp).verdict // => 'NOT_QUALIFIED'
 */
export function qualify(
  lead: unknown,
  icp: IcpDefinition,
  _options: QualifyOptions = {},
): QualifyResult {
  const c = compileIcp(icp);
  const reasons: Reason[] = [];
  const subject = lead !== null && typeof lead === 'object' ? lead : {};
  if (subject !== lead)
    reasons.push(gate('BAD_VALUE', 'the lead is not an object: every field is missing'));

  // Score, then decide.
  const { score, keyMissing } = scoreFit(c, subject, reasons);
  const stage = stageOf(c, score);
  let verdict: Verdict = stage === 'SQL' ? 'QUALIFIED' : 'NOT_QUALIFIED';
  if (c.noSignal) {
    verdict = 'REVIEW';
    reasons.push(
      gate('NO_SIGNAL', 'NO_SIGNAL: this definition does not separate won from lost deals'),
    );
  } else if (keyMissing.length > 0) {
    verdict = 'REVIEW';
    reasons.push(gate('KEY_MISSING', `fit data missing: ${keyMissing.join(', ')}`));
  }
  const calibration = c.definition.calibration;
  return {
    verdict,
    stage,
    fitScore: score,
    intentScore: null,
    priority: null,
    quadrant: null,
    winProbability: calibration === null ? null : applyCalibration(calibration, score),
    reasons,
    definitionVersion: c.definition.version,
  };
}

/**
 * The fit score below which no lead may be QUALIFIED, by any rule or adjudicator: the MQL line.
 */
export function fitFloor(icp: IcpDefinition): number {
  return icp.cutoffs.mql.score;
}
