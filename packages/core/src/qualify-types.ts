/**
 * The shape of what `qualify()` returns: a verdict, a stage, the scores and the reasons whose
 * points add up to the fit score.
 */

/** QUALIFIED: route to a rep now. NOT_QUALIFIED: hold (nurture or drop). REVIEW: a person or an
 * adjudicator decides. */
export type Verdict = 'QUALIFIED' | 'NOT_QUALIFIED' | 'REVIEW';

/** The funnel stage: SQL (QUALIFIED), MQL (fit at or above the fit floor, not qualified),
 * NURTURE (below the fit floor), DISQUALIFIED (a knock-out rule), REVIEW (waiting for a person or
 * an adjudicator; never routed as SQL). */
export type Stage = 'SQL' | 'MQL' | 'NURTURE' | 'DISQUALIFIED' | 'REVIEW';

export type Quadrant =
  'high_fit_high_intent' | 'high_fit_low_intent' | 'low_fit_high_intent' | 'low_fit_low_intent';

/** Why a reason is there. `BIN` reasons carry the points; the others explain the verdict. */
export type ReasonCode =
  | 'BIN'
  | 'MISSING'
  | 'UNSEEN'
  | 'KEY_MISSING'
  | 'NO_SIGNAL'
  | 'BAD_VALUE'
  | 'RULE_KNOCKOUT'
  | 'RULE_MUST_HAVE'
  | 'RULE_HOLD'
  | 'BELOW_FIT_FLOOR'
  | 'NEAR_LINE'
  | 'HOT_OUT_OF_PROFILE'
  | 'ADJUDICATED';

export interface Reason {
  /** Which score the points belong to; `gate` reasons carry no points. */
  side: 'fit' | 'intent' | 'gate';
  code: ReasonCode;
  attribute: string | null;
  /** The lead's value as given, as text (null when missing). */
  value: string | null;
  /** The bin's label, when the value fell in a bin. */
  bin: string | null;
  /** Points this reason adds to its side's score (0 for gate reasons). */
  points: number;
  message: string;
}

export interface QualifyResult {
  verdict: Verdict;
  stage: Stage;
  /** 0 to 100; equals the sum of the points of the `fit` reasons. */
  fitScore: number;
  /** 0 to 100 when the definition has intent attributes, else null. */
  intentScore: number | null;
  /** fit x intent on a 0-1 scale when intent is scored, else null. */
  priority: number | null;
  quadrant: Quadrant | null;
  /** Calibrated probability of winning, or null when the definition has no calibration. */
  winProbability: number | null;
  reasons: Reason[];
  /** The `version` of the ICP definition that produced this result. */
  definitionVersion: string;
}
