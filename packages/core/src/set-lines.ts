/**
 * The SQL, MQL and intent lines from the validation histograms and the team's objectives.
 *
 * - MQL line (the fit floor), on fit: keeps `recallTarget` of the wins (default 80%).
 * - Intent line, on intent: keeps `intentRecall` of the wins (default 80%).
 * - SQL line, on fit (or on priority with intent): every objective given is a constraint, and
 *   the line is the strictest of them: capacity (pass at most `capacity` of `volume` leads),
 *   expected value (win probability x deal value >= rep-hour cost x hours per lead), precision
 *   (win rate above the line >= target). With none given it keeps `sqlRecall` (default 50%).
 */
import {
  INELIGIBLE_BUCKET,
  LINE_RESOLUTION,
  lineInterval,
  pickLine,
  tradeoffRows,
  type Economics,
  type LineObjective,
  type LineRow,
  type ScoreHistogram,
} from './choose-line.js';
import { FitgateError } from './errors.js';
import type { Cutoff, CutoffObjectives } from './schema.js';

/** Default share of wins the MQL line (fit floor) keeps. */
export const DEFAULT_RECALL_TARGET = 0.8;
/** Default share of wins the SQL line keeps when no capacity, value or precision is given. */
export const DEFAULT_SQL_RECALL = 0.5;
/** Default share of wins the intent line keeps. */
export const DEFAULT_INTENT_RECALL = 0.8;

const pct = (x: number) => `${Math.round(100 * x)}%`;
const amount = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** Check objectives: misuse throws BAD_OPTION naming the option. */
export function checkObjectives(o: CutoffObjectives): CutoffObjectives {
  const share = (x: number | undefined, name: string) => {
    if (x !== undefined && !(x > 0 && x <= 1)) {
      throw new FitgateError('BAD_OPTION', `${name} must be a share in (0, 1]; got ${x}`);
    }
  };
  share(o.recallTarget, 'recallTarget');
  share(o.precisionTarget, 'precisionTarget');
  share(o.sqlRecall, 'sqlRecall');
  share(o.intentRecall, 'intentRecall');
  if ((o.capacity === undefined) !== (o.volume === undefined)) {
    throw new FitgateError('BAD_OPTION', 'capacity and volume go together (N/PERIOD and M/PERIOD)');
  }
  if (o.capacity !== undefined && !(o.capacity > 0 && o.capacity <= o.volume!)) {
    throw new FitgateError(
      'BAD_OPTION',
      `capacity ${o.capacity} must be > 0 and <= volume ${o.volume}`,
    );
  }
  const money = [o.dealValue, o.repHourCost, o.hoursPerLead].filter((x) => x !== undefined);
  if (money.length !== 0 && money.length !== 3) {
    throw new FitgateError('BAD_OPTION', 'dealValue, repHourCost and hoursPerLead go together');
  }
  return o;
}

/** The SQL line's constraints, in words and as objectives. */
function sqlObjectives(o: CutoffObjectives): Array<{ objective: LineObjective; words: string }> {
  const out: Array<{ objective: LineObjective; words: string }> = [];
  if (o.capacity !== undefined && o.volume !== undefined) {
    const period = o.period ?? 'period';
    out.push({
      objective: { kind: 'capacity', capacity: o.capacity, volume: o.volume, period },
      words: `capacity ${amount(o.capacity)} of ${amount(o.volume)} leads a ${period}`,
    });
  }
  if (o.dealValue !== undefined && o.repHourCost !== undefined && o.hoursPerLead !== undefined) {
    const { dealValue, repHourCost, hoursPerLead } = o;
    out.push({
      objective: { kind: 'expected-value', dealValue, repHourCost, hoursPerLead },
      words:
        `expected value: win probability x ${amount(dealValue)} >= ` +
        `${amount(hoursPerLead)} h x ${amount(repHourCost)}`,
    });
  }
  if (o.precisionTarget !== undefined) {
    const target = o.precisionTarget;
    out.push({
      objective: { kind: 'precision', target },
      words: `win rate above the line >= ${pct(target)}`,
    });
  }
  if (out.length === 0) {
    const target = o.sqlRecall ?? DEFAULT_SQL_RECALL;
    out.push({ objective: { kind: 'recall', target }, words: `keeps ${pct(target)} of wins` });
  }
  return out;
}

function reasonOf(
  name: string,
  row: LineRow,
  words: string,
  met: boolean,
  o: CutoffObjectives,
): string {
  const keeps = `keeps ${pct(row.winsKept)} of wins`;
  const volume =
    o.volume !== undefined
      ? `at ${amount(Math.round(row.shareAbove * o.volume))} ${name}s a ${o.period ?? 'period'}`
      : `passing ${pct(row.shareAbove)} of leads`;
  const rate = `win rate ${pct(row.winRateAbove)} above the line`;
  const unmet = met ? '' : ` (objective "${words}" cannot be met: this is the strictest line)`;
  const slack =
    o.capacity !== undefined &&
    o.volume !== undefined &&
    row.shareAbove < o.capacity / o.volume - 0.01
      ? '; capacity is not the limit: every eligible lead passes'
      : '';
  return (
    `${name} line at ${row.cutoff.toFixed(2)} ${keeps} ${volume}, ${rate}; ` +
    `chosen by ${words}${unmet}${slack}`
  );
}

export interface LineContext {
  economics: Economics;
  probability?: (score: number) => number;
  resamples: number;
  seed: number;
}

/** Choose one line under one or more objectives (the strictest wins) and describe it. */
function chooseLine(
  name: 'SQL' | 'MQL' | 'intent',
  on: Cutoff['on'],
  histogram: ScoreHistogram,
  objectives: Array<{ objective: LineObjective; words: string }>,
  o: CutoffObjectives,
  context: LineContext,
): Cutoff {
  const picks = objectives.map((x) => ({
    ...x,
    ...pickLine(histogram, x.objective, context.economics, context.probability),
  }));
  const binding = picks.reduce((a, b) => (b.row.cutoff > a.row.cutoff ? b : a));
  const words = picks.map((p) => p.words).join('; ');
  const interval = lineInterval(histogram, binding.objective, {
    resamples: context.resamples,
    seed: context.seed,
    probability: context.probability,
  });
  const { row, rows } = binding;
  return {
    score: row.cutoff,
    on,
    objective: words,
    met: picks.every((p) => p.met),
    reason: reasonOf(name, row, binding.words, binding.met, o),
    shareAbove: row.shareAbove,
    winsKept: row.winsKept,
    winRateAbove: row.winRateAbove,
    pipelinePerRepHour: row.pipelinePerRepHour,
    interval: Number.isFinite(interval[0]) ? interval : null,
    tradeoffs: tradeoffRows(rows, row),
  };
}

/** Validation deals by fit bucket and, with intent, by (fit, intent, priority) buckets. */
export interface ValidationScores {
  fit: ScoreHistogram;
  /** `[fitBucket, intentBucket, priorityBucket, won, lost]`, when intent is scored. */
  joint?: Array<[number, number, number, number, number]>;
}

function marginal(joint: NonNullable<ValidationScores['joint']>, at: 0 | 1): ScoreHistogram {
  return mergeBuckets(joint.map((cell) => [cell[at], cell[3], cell[4]]));
}

/** Add up cells that share a bucket; buckets ascending. */
function mergeBuckets(histogram: ScoreHistogram): ScoreHistogram {
  const counts = new Map<number, [number, number]>();
  for (const [bucket, won, lost] of histogram) {
    const c = counts.get(bucket) ?? [0, 0];
    c[0] += won;
    c[1] += lost;
    counts.set(bucket, c);
  }
  return [...counts].sort((a, b) => a[0] - b[0]).map(([b, [w, l]]) => [b, w, l]);
}

/** Priority histogram of the high-fit, high-intent deals; the others in the ineligible bucket. */
function priorityHistogram(
  joint: NonNullable<ValidationScores['joint']>,
  mql: number,
  intent: number,
): ScoreHistogram {
  const mqlBucket = Math.round(mql / LINE_RESOLUTION);
  const intentBucket = Math.round(intent / LINE_RESOLUTION);
  return mergeBuckets(
    joint.map(([f, i, p, won, lost]) => [
      f >= mqlBucket && i >= intentBucket ? p : INELIGIBLE_BUCKET,
      won,
      lost,
    ]),
  );
}

/** All lines of a definition from its validation scores and objectives. */
export function setLines(
  scores: ValidationScores,
  objectives: CutoffObjectives,
  context: LineContext,
): { sql: Cutoff; mql: Cutoff; intent?: Cutoff } {
  const o = checkObjectives(objectives);
  const noProbability = { ...context, probability: undefined };
  const recall = (target: number) => [
    {
      objective: { kind: 'recall', target } as LineObjective,
      words: `keeps ${pct(target)} of wins`,
    },
  ];

  // The fit floor (MQL line) on fit.
  const mqlTarget = recall(o.recallTarget ?? DEFAULT_RECALL_TARGET);
  const mql = chooseLine('MQL', 'fit', scores.fit, mqlTarget, o, noProbability);
  if (scores.joint === undefined) {
    // Nothing below the fit floor is QUALIFIED, so the SQL line is chosen above it.
    const floor = Math.round(mql.score / LINE_RESOLUTION);
    const eligible: ScoreHistogram = scores.fit.map(([b, w, l]) => [
      b >= floor ? b : INELIGIBLE_BUCKET,
      w,
      l,
    ]);
    const sql = chooseLine('SQL', 'fit', mergeBuckets(eligible), sqlObjectives(o), o, context);
    const free = Math.max(
      ...sqlObjectives(o).map(
        (x) => pickLine(scores.fit, x.objective, context.economics, context.probability).row.cutoff,
      ),
    );
    if (free < mql.score) {
      sql.reason +=
        `; held at the fit floor ${mql.score.toFixed(2)}: the objective alone would put the ` +
        `line at ${free.toFixed(2)}, below the floor`;
    }
    return { sql, mql };
  }

  // With intent: the intent line, then the SQL line on priority inside the top quadrant.
  const intentTarget = recall(o.intentRecall ?? DEFAULT_INTENT_RECALL);
  const intent = chooseLine(
    'intent',
    'intent',
    marginal(scores.joint, 1),
    intentTarget,
    o,
    noProbability,
  );
  const priority = priorityHistogram(scores.joint, mql.score, intent.score);
  const sql = chooseLine('SQL', 'priority', priority, sqlObjectives(o), o, context);
  return { sql, mql, intent };
}
