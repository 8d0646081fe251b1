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
import { decide, gateLines, passes, type GateDecision, type GateLines } from './gate.js';
import type { QualifyResult, Reason, Stage, Verdict } from './qualify-types.js';
import { compileNormalizers } from './normalizers/compile-normalizers.js';
import { compileRules, type RuleOutcome } from './rules/index.js';
import {
  icpDefinitionSchema,
  type Attribute,
  type IcpDefinition,
  type IntentSignal,
} from './schema.js';
import { signalContribution, signalScale } from './score-intent-signals.js';

/** Options of `qualify`. */
export interface QualifyOptions {
  /** Reference time for dated intent signals (qualify never reads the clock). @default none:
   * dated signals then contribute nothing, with a reason */
  at?: Date | number | string;
}

interface CompiledAttribute {
  name: string;
  key: boolean;
  locate: BinLocator;
  points: Float64Array;
  labels: string[];
  binMessages: string[];
  neutralPoints: number;
  /** The attribute's bin for missing values, or -1. */
  missingBin: number;
  /** The name is one every plain object inherits, so it is read as an own property only. */
  inherited: boolean;
  missingMessage: string;
  unseenMessage: string;
  badMessage: string;
}

/** A definition prepared for fast scoring. */
export interface CompiledIcp {
  definition: IcpDefinition;
  attributes: CompiledAttribute[];
  intentAttributes: CompiledAttribute[];
  signals: IntentSignal[];
  signalScale: number;
  hasIntent: boolean;
  rules: (lead: Readonly<Record<string, unknown>>) => RuleOutcome;
  lines: GateLines;
  /** Reasons that read the same for every lead, built once. */
  belowFloor: Reason;
  hotOutOfProfile: Reason;
  /** The declared normalisers, applied to each lead first (null when there are none). */
  normalize: ((row: Readonly<Record<string, unknown>>) => Record<string, unknown>) | null;
  noSignal: boolean;
  parsing: ParsingRules;
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
    missingBin: a.bins.findIndex((b) => b.kind === 'missing'),
    inherited: INHERITED.has(a.name),
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
  const signals = definition.intent?.signals ?? [];
  const compiled: CompiledIcp = {
    definition,
    attributes: definition.attributes
      .filter((a) => a.role === 'fit')
      .map((a) => compileAttribute(a, rules)),
    intentAttributes: definition.attributes
      .filter((a) => a.role === 'intent')
      .map((a) => compileAttribute(a, rules)),
    signals,
    signalScale: signalScale(signals),
    hasIntent: definition.intent !== undefined && definition.cutoffs.intent !== undefined,
    rules: compileRules(definition.rules ?? [], rules),
    lines: gateLines(definition),
    belowFloor: Object.freeze(
      gate(
        'BELOW_FIT_FLOOR',
        `fit is below the fit floor ${definition.cutoffs.mql.score.toFixed(2)}`,
      ),
    ),
    hotOutOfProfile: Object.freeze(
      gate(
        'HOT_OUT_OF_PROFILE',
        'looks hot (high intent) but is out of profile (fit below the floor): activity does not ' +
          'buy back fit',
      ),
    ),
    normalize:
      (definition.normalizers ?? []).length > 0
        ? compileNormalizers(definition.normalizers ?? [], {
            missingTokens: definition.parsing.missingTokens,
          })
        : null,
    noSignal: definition.diagnostics.warnings.some((w) => w.code === 'NO_SIGNAL'),
    parsing: rules,
  };
  compiledCache.set(definition, compiled);
  return compiled;
}

/** Names that every plain object inherits (`toString`, `constructor`, `__proto__`, ...). */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * The lead's field, or undefined; never lets a getter throw. A name every object inherits is
 * read only as the lead's own property; other names are read directly (the fast path).
 */
function field(lead: object, name: string, inherited = INHERITED.has(name)): unknown {
  try {
    if (inherited && !Object.hasOwn(lead, name)) return undefined;
    return (lead as Record<string, unknown>)[name];
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

/** The lead after the declared normalisers (the lead itself when there are none). */
function normalizeLead(c: CompiledIcp, lead: object): object {
  if (c.normalize === null) return lead;
  try {
    return c.normalize(lead as Readonly<Record<string, unknown>>);
  } catch {
    return lead;
  }
}

/** The bin of a raw value; a value that cannot even be read as text is a bad value. */
function locateSafely(a: CompiledAttribute, raw: unknown): number {
  try {
    return a.locate(raw);
  } catch {
    return LOCATE_BAD_VALUE;
  }
}

/** Score one side from its attributes: one reason per attribute, in the definition's order. */
function scoreSide(
  side: 'fit' | 'intent',
  attributes: readonly CompiledAttribute[],
  lead: object,
  reasons: Reason[],
): { score: number; absent: number; keyMissing: string[] } {
  let score = 0;
  let absent = 0;
  const keyMissing: string[] = [];
  for (const a of attributes) {
    const raw = field(lead, a.name, a.inherited);
    const index = locateSafely(a, raw);
    const value = textOf(raw);
    if (raw === undefined) absent += 1;
    const missing = index === a.missingBin || index === LOCATE_MISSING;
    if (a.key && (missing || index === LOCATE_BAD_VALUE)) keyMissing.push(a.name);
    if (index >= 0) {
      const points = a.points[index];
      score += points;
      const bin = a.labels[index];
      reasons.push({
        side,
        code: 'BIN',
        attribute: a.name,
        value,
        bin,
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
    const points = a.neutralPoints;
    reasons.push({ side, code, attribute: a.name, value, bin: null, points, message });
  }
  return { score, absent, keyMissing };
}

function timeOf(at: QualifyOptions['at']): number {
  if (at === undefined) return NaN;
  if (at instanceof Date) return at.getTime();
  return typeof at === 'number' ? at : Date.parse(at);
}

/** Score declared intent signals: each a reason; the score is 100 x total / sum of caps. */
function scoreSignals(c: CompiledIcp, lead: object, at: number, reasons: Reason[]): number {
  const context = { missingTokens: c.parsing.missingTokens, decimal: c.parsing.decimal, at };
  let score = 0;
  for (const signal of c.signals) {
    const raw = field(lead, signal.column);
    const contribution = signalContribution(signal, raw, context);
    const points =
      contribution === null || c.signalScale <= 0 ? 0 : (100 * contribution) / c.signalScale;
    score += points;
    const unusable = signal.kind === 'date' ? 'date (or no reference time)' : 'value';
    const discounted = signal.discount !== undefined ? `, discounted x${signal.discount}` : '';
    const message =
      contribution === null
        ? `${signal.column}: no usable ${unusable}`
        : `${signal.column} (${signal.kind}${discounted}): ${formatPoints(points)}`;
    const code = contribution === null ? 'MISSING' : 'BIN';
    reasons.push({
      side: 'intent',
      code,
      attribute: signal.column,
      value: textOf(raw),
      bin: null,
      points,
      message,
    });
  }
  return score;
}

/**
 * Qualify one lead. The lead is a plain object of raw values (numbers, or strings as a CSV gives
 * them). The fit score is the sum of the points of the `fit` reasons, in order.
 *
 * The order of decision: a knock-out rule (or a must-have that fails) gives NOT_QUALIFIED, stage
 * DISQUALIFIED; a NO_SIGNAL definition, a hold rule, a missing key attribute, a lead that carries
 * none of the fit fields at all (absent, not merely blank: blanks score by their learned bin), or a
 * near miss within the uncertainty of a line gives REVIEW, with stage REVIEW; otherwise the gate
 * decides (see gate.ts for the table): QUALIFIED only at or above the SQL line and the fit floor
 * (and, with intent, the intent line).
 *
 * @throws FitgateError `INVALID_DEFINITION` for an invalid definition, never for a bad lead.
 *
 * @example
 * qualify({ age: '42', job: 'management' }, icp).verdict // => 'NOT_QUALIFIED'
 */
export function qualify(
  lead: unknown,
  icp: IcpDefinition,
  options: QualifyOptions = {},
): QualifyResult {
  const c = compileIcp(icp);
  const reasons: Reason[] = [];
  const given = lead !== null && typeof lead === 'object' ? lead : {};
  if (given !== lead) {
    reasons.push(gate('BAD_VALUE', 'the lead is not an object: every field is missing'));
  }

  // The declared normalisers map the lead's fields exactly as derive mapped the deals'.
  const subject = normalizeLead(c, given);

  // Declared rules first, then both scores.
  const ruled = c.rules(subject as Readonly<Record<string, unknown>>);
  const { score: fitScore, absent, keyMissing } = scoreSide('fit', c.attributes, subject, reasons);
  // A lead that carries none of the fit fields (not even blank) has no fit data to judge.
  const noFitData = c.attributes.length > 0 && absent === c.attributes.length;
  let intentScore: number | null = null;
  if (c.hasIntent) {
    intentScore =
      c.signals.length > 0
        ? scoreSignals(c, subject, timeOf(options.at), reasons)
        : scoreSide('intent', c.intentAttributes, subject, reasons).score;
  }

  // The gate, then what overrides it, most decisive first.
  const decision = decide(fitScore, intentScore, c.lines);
  let verdict: Verdict = decision.qualified ? 'QUALIFIED' : 'NOT_QUALIFIED';
  let stage: Stage = decision.stage;
  for (const fired of ruled.fired) {
    const code =
      fired.kind === 'hold'
        ? 'RULE_HOLD'
        : fired.kind === 'must_have'
          ? 'RULE_MUST_HAVE'
          : 'RULE_KNOCKOUT';
    reasons.push(gate(code, fired.message));
  }
  if (ruled.action === 'knockout') {
    verdict = 'NOT_QUALIFIED';
    stage = 'DISQUALIFIED';
  } else if (c.noSignal) {
    verdict = 'REVIEW';
    reasons.push(
      gate('NO_SIGNAL', 'NO_SIGNAL: this definition does not separate won from lost deals'),
    );
  } else if (ruled.action === 'hold') {
    verdict = 'REVIEW';
  } else if (keyMissing.length > 0 || noFitData) {
    verdict = 'REVIEW';
    const names = noFitData ? c.attributes.map((a) => a.name) : keyMissing;
    reasons.push(gate('KEY_MISSING', `fit data missing: ${names.join(', ')}`));
  } else if (decision.nearLine) {
    verdict = 'REVIEW';
    reasons.push(
      gate('NEAR_LINE', 'near miss: within the uncertainty of a line, a person should decide'),
    );
  }
  if (verdict === 'REVIEW') stage = 'REVIEW';
  explainGate(c, fitScore, decision, reasons);

  // Win probability from the gate score (fit, or priority).
  const calibration = c.definition.calibration;
  const gateScore = decision.priorityScore ?? fitScore;
  return {
    verdict,
    stage,
    fitScore,
    intentScore,
    priority: decision.priorityScore === null ? null : decision.priorityScore / 100,
    quadrant: decision.quadrant,
    winProbability: calibration === null ? null : applyCalibration(calibration, gateScore),
    reasons,
    definitionVersion: c.definition.version,
  };
}

/** Gate reasons that say why the scores gave the stage they gave (shared, frozen objects). */
function explainGate(c: CompiledIcp, fit: number, decision: GateDecision, reasons: Reason[]): void {
  if (!passes(fit, c.lines.mql)) reasons.push(c.belowFloor);
  if (decision.quadrant === 'low_fit_high_intent') reasons.push(c.hotOutOfProfile);
}

/**
 * The fit score below which no lead may be QUALIFIED, by any rule or adjudicator: the MQL line
 * (the fit floor).
 */
export function fitFloor(icp: IcpDefinition): number {
  return icp.cutoffs.mql.score;
}
