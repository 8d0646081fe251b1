/** @fitgate/core: derive an ICP from won and lost deals, and qualify leads against it. */

// The definition and errors.
export * from './errors.js';
export * from './schema.js';
export type * from './qualify-types.js';
export { loadIcp, type LoadOptions } from './load-icp.js';
export { definitionVersion } from './definition-version.js';
export { CORE_VERSION } from './version.js';

// Deriving and qualifying.
export { deriveIcp } from './derive-icp.js';
export * from './derive-options.js';
export { qualify, compileIcp, fitFloor, type CompiledIcp, type QualifyOptions } from './qualify.js';
export { describeIcp } from './describe-icp.js';
export { recalibrateCutoffs, type RecalibrateOptions } from './recalibrate-cutoffs.js';
export { auditBaseline, type AuditResult, type AuditSide } from './audit-baseline.js';
export { decide, gateLines, passes, type GateDecision, type GateLines } from './gate.js';
export { intentSignalsFromDocument } from './intent-signals-document.js';
export { signalContribution, signalScale } from './score-intent-signals.js';
export {
  bucketOf,
  lineRows,
  pickRow,
  scoreHistogram,
  LINE_RESOLUTION,
  type LineObjective,
  type LineRow,
  type ScoreHistogram,
} from './choose-line.js';
export {
  setLines,
  DEFAULT_INTENT_RECALL,
  DEFAULT_RECALL_TARGET,
  DEFAULT_SQL_RECALL,
  type ValidationScores,
} from './set-lines.js';
export * from './rules/index.js';
export * from './normalizers/index.js';
export { normalizeTable } from './normalize-table.js';
export { tableView, type ColumnarTable, type TableInput, type TableView } from './table.js';

// Building blocks, for those who assemble their own scorecard.
export { parseNumber, type DecimalSeparator } from './parse-number.js';
export { DEFAULT_MISSING_TOKENS, isMissing, missingTokenSet } from './missing-tokens.js';
export { inferColumn, inferColumns, type ColumnRole, type InferOptions } from './infer-columns.js';
export { binNumeric } from './bin-numeric.js';
export { binCategorical, OTHER_LABEL } from './bin-categorical.js';
export { DEFAULT_BINNING_OPTIONS, RARE_LEVEL_SHARE } from './binning-types.js';
export type * from './binning-types.js';
export { woeFromCounts, informationValue } from './woe.js';
export {
  fitLogistic,
  predictLogit,
  type LogisticFit,
  type LogisticOptions,
} from './fit-logistic.js';
export { scalePoints, POINTS_DECIMALS } from './scale-points.js';
export { rocAuc } from './roc-auc.js';
export { aucInterval } from './auc-interval.js';
export { ksStatistic } from './ks-statistic.js';
export { brierScore } from './brier-score.js';
export { scoreDeciles } from './score-deciles.js';
export { fitCalibration, fitPlatt, fitIsotonic, applyCalibration } from './calibrate.js';
export { createRng } from './rng.js';
export { stratifiedSplit, timeSplit } from './split.js';
export { stratifiedBootstrap } from './bootstrap.js';
export { binLocator, LOCATE_BAD_VALUE, LOCATE_MISSING, LOCATE_UNSEEN } from './locate-bin.js';
export { Hasher, hashStrings } from './hash.js';
