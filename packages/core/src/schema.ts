/**
 * The shared ICP definition: one versioned JSON document that holds everything needed to score a
 * lead (bins, weights of evidence, points, calibration, cutoffs, warnings). This file is its zod
 * schema; `icpJsonSchema()` exports the same schema as JSON Schema.
 */
import { z } from 'zod';
import { normalizerSpecsSchema } from './normalizers/normalizer-spec.js';
import { ruleSetSchema } from './rules/rule-set.js';

/** The schema version this library writes and reads. Bump it on any incompatible change. */
export const SCHEMA_VERSION = 1;

/** Stable warning codes carried in `diagnostics.warnings`. */
export const WARNING_CODES = [
  'NO_SIGNAL',
  'LEAKAGE_SUSPECTED',
  'SEPARATION',
  'SMALL_SAMPLE',
  'ID_COLUMN',
  'CONSTRAINT_INFEASIBLE',
  'NOT_CONVERGED',
  'NEGATIVE_COEFFICIENT',
  'CORRELATED',
  'RULE_DROPS_WINS',
  'INTENT_CARRIES_LINE',
  'KEY_NOT_USED',
] as const;

export const warningSchema = z.object({
  code: z.enum(WARNING_CODES),
  message: z.string(),
  attribute: z.string().optional(),
});

/** How a bin recognises its values. Ranges are `[lower, upper)`; null means unbounded. */
export const binSchema = z.object({
  kind: z.enum(['range', 'categories', 'missing', 'special', 'other']),
  label: z.string(),
  lower: z.number().nullable().optional(),
  upper: z.number().nullable().optional(),
  categories: z.array(z.string()).optional(),
  specialValues: z.array(z.string()).optional(),
  nEvent: z.number().nonnegative(),
  nNonevent: z.number().nonnegative(),
  eventRate: z.number().min(0).max(1),
  woe: z.number(),
  points: z.number(),
});

export const monotonicTrendSchema = z.enum(['ascending', 'descending', 'peak', 'valley', 'none']);

export const attributeSchema = z.object({
  name: z.string(),
  type: z.enum(['numeric', 'categorical']),
  role: z.enum(['fit', 'intent']),
  iv: z.number().nonnegative(),
  monotonicTrend: monotonicTrendSchema,
  coefficient: z.number(),
  standardError: z.number().nullable(),
  /** Points given to a value the fit never saw (weight of evidence 0). */
  neutralPoints: z.number(),
  /** A key attribute whose absence sends a lead to REVIEW. */
  key: z.boolean(),
  bins: z.array(binSchema).min(1),
});

export const exclusionSchema = z.object({
  attribute: z.string(),
  reason: z.string(),
  code: z.enum([
    'ID_COLUMN',
    'LOW_IV',
    'CONSTANT',
    'MOSTLY_MISSING',
    'LEAKAGE_SUSPECTED',
    'CORRELATED',
    'NEGATIVE_COEFFICIENT',
    'USER_EXCLUDED',
    'OUTCOME',
    'TIME',
    'DATE',
    'EMPTY',
    'UNSUPPORTED',
  ]),
  iv: z.number().optional(),
});

const lineRowSchema = z.object({
  cutoff: z.number(),
  passed: z.number(),
  wonPassed: z.number(),
  shareAbove: z.number(),
  winsKept: z.number(),
  winRateAbove: z.number(),
  pipelinePerRepHour: z.number().nullable(),
});

/** A line `score >= cutoff` on one score, how it was chosen and what it keeps. */
const cutoffSchema = z.object({
  score: z.number(),
  /** The score the line is drawn on: fit, intent, or priority (fit x intent / 100, 0-100). */
  on: z.enum(['fit', 'intent', 'priority']),
  /** The objective in words, e.g. "capacity 150 of 1000 leads a week". */
  objective: z.string(),
  /** False when no cutoff meets the objective (the line is then the strictest one). */
  met: z.boolean(),
  reason: z.string(),
  shareAbove: z.number(),
  winsKept: z.number(),
  winRateAbove: z.number(),
  pipelinePerRepHour: z.number().nullable(),
  /** 95% bootstrap interval of the cutoff; leads just below the line inside it go to REVIEW. */
  interval: z.tuple([z.number(), z.number()]).nullable(),
  tradeoffs: z.array(lineRowSchema),
});

/** Validation deals by score bucket (hundredths of a point): [bucket, won, lost]. */
const histogramSchema = z.array(z.tuple([z.number(), z.number(), z.number()]));

/** The objectives the lines were set with, so they can be recalibrated without refitting. */
export const objectivesSchema = z.object({
  capacity: z.number().positive().optional(),
  volume: z.number().positive().optional(),
  period: z.string().optional(),
  dealValue: z.number().positive().optional(),
  repHourCost: z.number().nonnegative().optional(),
  hoursPerLead: z.number().positive().optional(),
  recallTarget: z.number().gt(0).lte(1).optional(),
  precisionTarget: z.number().gt(0).lte(1).optional(),
  sqlRecall: z.number().gt(0).lte(1).optional(),
  intentRecall: z.number().gt(0).lte(1).optional(),
});

/** A team-declared intent signal (used instead of learned intent weights). */
export const intentSignalSchema = z.object({
  column: z.string(),
  /** number: points per unit; flag: points when set; date: points decaying with age. */
  kind: z.enum(['number', 'flag', 'date']),
  points: z.number(),
  /** The largest contribution (in absolute value) the signal can make. */
  cap: z.number().positive(),
  /** For dated events: the age in days at which the points halve. */
  halfLifeDays: z.number().positive().optional(),
  /** Multiplier for low-value machine signals (e.g. 0.25 for automatic email opens). @default 1 */
  discount: z.number().min(0).max(1).optional(),
});

export const calibrationSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('platt'), a: z.number(), b: z.number(), n: z.number() }),
  z.object({
    method: z.literal('isotonic'),
    x: z.array(z.number()),
    y: z.array(z.number()),
    n: z.number(),
  }),
]);

const decileSchema = z.object({
  decile: z.number(),
  minScore: z.number(),
  maxScore: z.number(),
  n: z.number(),
  won: z.number(),
  winRate: z.number(),
});

export const metricsSchema = z.object({
  validation: z.object({
    method: z.enum(['time', 'stratified']),
    timeColumn: z.string().optional(),
    splitAt: z.string().optional(),
    nTrain: z.number(),
    nValidation: z.number(),
    auc: z.number().nullable(),
    aucInterval: z.tuple([z.number(), z.number()]).nullable(),
    ks: z.number().nullable(),
    brier: z.number().nullable(),
    deciles: z.array(decileSchema),
  }),
  trainAuc: z.number().nullable(),
  /** Validation deals per quadrant (when intent is scored). */
  quadrants: z
    .array(z.object({ quadrant: z.string(), n: z.number(), won: z.number(), winRate: z.number() }))
    .optional(),
  /** Held-out AUC of the intent score alone (when intent is scored). */
  intentAuc: z.number().nullable().optional(),
});

export const icpDefinitionSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  kind: z.literal('fitgate.icp'),
  /** Content hash of everything that scores: changes whenever a score could change. */
  version: z.string(),
  createdAt: z.string(),
  source: z.object({
    libraryVersion: z.string(),
    dataHash: z.string(),
    rows: z.object({ total: z.number(), won: z.number(), lost: z.number(), leftOut: z.number() }),
    leftOut: z.array(z.object({ reason: z.string(), count: z.number() })),
    options: z.record(z.string(), z.unknown()),
  }),
  outcome: z.object({
    column: z.string(),
    won: z.array(z.string()),
    lost: z.array(z.string()),
  }),
  parsing: z.object({
    missingTokens: z.array(z.string()),
    decimal: z.enum(['.', ',']),
  }),
  attributes: z.array(attributeSchema),
  excluded: z.array(exclusionSchema),
  model: z.object({
    intercept: z.number(),
    l2: z.number(),
    iterations: z.number(),
    converged: z.boolean(),
  }),
  scaling: z.object({
    method: z.literal('min-max'),
    /** Raw log-odds contribution total at score 0 and score 100. */
    rawMin: z.number(),
    rawMax: z.number(),
  }),
  calibration: calibrationSchema.nullable(),
  cutoffs: z.object({
    rule: z.literal('score >= cutoff'),
    /** Lines and scores are compared in whole hundredths of a point. */
    resolution: z.literal(0.01),
    /** The SQL line: on fit, or on priority when intent is scored. QUALIFIED at or above. */
    sql: cutoffSchema,
    /** The MQL line on fit: the fit floor. Below it nothing is QUALIFIED. */
    mql: cutoffSchema,
    /** The line between low and high intent. */
    intent: cutoffSchema.optional(),
    objectives: objectivesSchema,
  }),
  /** Validation deals by score, for recalibrating the lines without refitting. */
  validationScores: z.object({
    fit: histogramSchema,
    /** [fitBucket, intentBucket, priorityBucket, won, lost], when intent is scored. */
    joint: z
      .array(z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()]))
      .optional(),
  }),
  metrics: metricsSchema,
  diagnostics: z.object({ warnings: z.array(warningSchema) }),
  description: z.string().optional(),
  /** Extensions owned by sibling features (intent, declared rules, normalisers). */
  intent: z
    .object({
      mode: z.enum(['learned', 'declared']),
      model: z
        .object({
          intercept: z.number(),
          l2: z.number(),
          iterations: z.number(),
          converged: z.boolean(),
        })
        .optional(),
      scaling: z
        .object({ method: z.literal('min-max'), rawMin: z.number(), rawMax: z.number() })
        .optional(),
      signals: z.array(intentSignalSchema).optional(),
    })
    .optional(),
  /** Declared rules (source text; parsed again on load), applied before the scorecard. */
  rules: ruleSetSchema.optional(),
  /** What each declared rule would have done to the deals the definition was derived from. */
  ruleImpact: z
    .array(
      z.object({
        id: z.string(),
        kind: z.enum(['knockout', 'must_have', 'hold']),
        when: z.string(),
        knockedOutWon: z.number(),
        knockedOutLost: z.number(),
        heldWon: z.number(),
        heldLost: z.number(),
        uncheckedWon: z.number(),
        uncheckedLost: z.number(),
        shareOfWinsLost: z.number(),
        columnsNotInTable: z.array(z.string()),
      }),
    )
    .optional(),
  /** Declared normalisers, applied to the deals before binning and to each lead in qualify. */
  normalizers: normalizerSpecsSchema.optional(),
});

export type Warning = z.infer<typeof warningSchema>;
export type WarningCode = Warning['code'];
export type Bin = z.infer<typeof binSchema>;
export type MonotonicTrend = z.infer<typeof monotonicTrendSchema>;
export type Attribute = z.infer<typeof attributeSchema>;
export type Exclusion = z.infer<typeof exclusionSchema>;
export type Calibration = z.infer<typeof calibrationSchema>;
export type Metrics = z.infer<typeof metricsSchema>;
export type Cutoff = z.infer<typeof cutoffSchema>;
export type CutoffObjectives = z.infer<typeof objectivesSchema>;
export type IntentSignal = z.infer<typeof intentSignalSchema>;
export type IcpDefinition = z.infer<typeof icpDefinitionSchema>;

/** The ICP definition's JSON Schema (draft 2020-12), generated from the zod schema. */
export function icpJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(icpDefinitionSchema) as Record<string, unknown>;
}
