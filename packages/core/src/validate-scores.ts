/**
 * Validation of a scorecard on deals the fit did not see: the calibration to a win probability
 * and the figures a reader checks (ROC AUC with a 95% interval, KS, Brier, win rate per decile).
 */
import { aucInterval } from './auc-interval.js';
import { brierScore } from './brier-score.js';
import { applyCalibration, fitCalibration } from './calibrate.js';
import { ksStatistic } from './ks-statistic.js';
import { rocAuc } from './roc-auc.js';
import type { Calibration, Metrics } from './schema.js';
import { scoreDeciles } from './score-deciles.js';

interface Scored {
  scores: number[];
  y: number[];
}

export interface ValidationInput {
  train: Scored;
  validation: Scored;
  calibration: 'auto' | 'platt' | 'isotonic';
  resamples: number;
  seed: number;
}

type ValidationFigures = Omit<
  Metrics['validation'],
  'method' | 'timeColumn' | 'splitAt' | 'nTrain' | 'nValidation'
>;

function bothOutcomes(y: readonly number[]): boolean {
  return y.includes(1) && y.includes(0);
}

/**
 * Calibrate on the validation deals and measure. With a validation set that lacks won or lost
 * deals nothing can be measured: the figures are null and the calibration is null.
 */
export function validateScores(input: ValidationInput): {
  calibration: Calibration | null;
  metrics: ValidationFigures;
  trainAuc: number | null;
} {
  const { scores, y } = input.validation;
  const labels = Uint8Array.from(y);
  const trainAuc = bothOutcomes(input.train.y)
    ? rocAuc(input.train.scores, Uint8Array.from(input.train.y))
    : null;
  if (!bothOutcomes(y)) {
    const metrics = { auc: null, aucInterval: null, ks: null, brier: null, deciles: [] };
    return { calibration: null, metrics, trainAuc };
  }

  // Calibration: Platt by default; isotonic only with enough deals.
  const calibration = fitCalibration(scores, labels, { method: input.calibration });
  const probabilities = scores.map((s) => applyCalibration(calibration, s));

  // The figures.
  const metrics = {
    auc: rocAuc(scores, labels),
    aucInterval: aucInterval(scores, labels, { method: 'delong' }),
    ks: ksStatistic(scores, labels),
    brier: brierScore(probabilities, labels),
    deciles: scoreDeciles(scores, labels),
  };
  return { calibration, metrics, trainAuc };
}
