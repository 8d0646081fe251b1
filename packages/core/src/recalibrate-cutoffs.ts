/**
 * Recalibrating the lines of a stored definition without refitting: new capacity, new deal value,
 * new recall or precision targets. The lines are set again on the validation scores the definition
 * keeps, by the same routine `deriveIcp` uses, so the figures match a fresh derive.
 */
import { applyCalibration } from './calibrate.js';
import { BOOTSTRAP_RESAMPLES } from './derive-options.js';
import { definitionVersion } from './definition-version.js';
import { describeIcp } from './describe-icp.js';
import type { CutoffObjectives, IcpDefinition } from './schema.js';
import { setLines } from './set-lines.js';

export interface RecalibrateOptions {
  /** Seed of the bootstrap intervals. @default the seed the definition was derived with */
  seed?: number;
  /** Keep the objectives already recorded and override only those given. @default true */
  merge?: boolean;
}

/**
 * A copy of `icp` with its lines set by `objectives`; the scorecard is untouched.
 *
 * @example
 * recalibrateCutoffs(icp, { capacity: 150, volume: 1000, period: 'week' }).cutoffs.sql.reason
 * // => 'SQL line at 61.20 keeps 41% of wins at 150 SQLs a week, ...'
 */
export function recalibrateCutoffs(
  icp: IcpDefinition,
  objectives: CutoffObjectives,
  options: RecalibrateOptions = {},
): IcpDefinition {
  const merged =
    options.merge === false ? objectives : { ...icp.cutoffs.objectives, ...objectives };
  const calibration = icp.calibration;
  const lines = setLines(icp.validationScores, merged, {
    economics: { dealValue: merged.dealValue, hoursPerLead: merged.hoursPerLead },
    probability: calibration === null ? undefined : (s) => applyCalibration(calibration, s),
    resamples: BOOTSTRAP_RESAMPLES,
    seed:
      options.seed ?? (typeof icp.source.options.seed === 'number' ? icp.source.options.seed : 0),
  });
  const next: IcpDefinition = {
    ...icp,
    cutoffs: { rule: 'score >= cutoff', resolution: 0.01, ...lines, objectives: merged },
  };
  next.description = describeIcp(next);
  next.version = definitionVersion(next);
  return next;
}
