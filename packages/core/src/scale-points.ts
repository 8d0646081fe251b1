/**
 * From coefficients to points. Each bin's log-odds contribution is coefficient x WoE; every
 * attribute's contributions are shifted so its lowest bin scores 0, and all are rescaled so the
 * lowest possible total is 0 and the highest is 100. The score is then additive: the points of a
 * lead's reasons add up to its score exactly (METHODS.md, "From coefficients to points").
 */

/**
 * Points are rounded down to this many decimals, so that definitions read well and the sum of a
 * lead's points never exceeds 100.
 */
export const POINTS_DECIMALS = 4;

/** One attribute's bins as the scaler sees them. */
export interface ScalableAttribute {
  coefficient: number;
  woe: readonly number[];
}

export interface PointsScaling {
  /** Points per bin, per attribute, in the order given. */
  points: number[][];
  /** Points of a value the fit never saw (WoE 0), per attribute. */
  neutralPoints: number[];
  /** Sum over attributes of the lowest and of the highest contribution (log-odds). */
  rawMin: number;
  rawMax: number;
}

function round(x: number): number {
  const factor = 10 ** POINTS_DECIMALS;
  return Math.floor(x * factor + 1e-9) / factor;
}

/**
 * Scale coefficient x WoE contributions to points with a 0-100 total range.
 *
 * The neutral contribution (WoE 0) is included in each attribute's range, so a neutral value
 * never scores outside 0-100. With no spread at all (every contribution equal) every bin gets 0.
 *
 * @example
 * scalePoints([{ coefficient: 1, woe: [-1, 1] }]).points // => [[0, 100]]
 */
export function scalePoints(attributes: readonly ScalableAttribute[]): PointsScaling {
  // Each attribute's lowest and highest contribution, the neutral value included.
  const lows = attributes.map((a) => Math.min(0, ...a.woe.map((w) => a.coefficient * w)));
  const highs = attributes.map((a) => Math.max(0, ...a.woe.map((w) => a.coefficient * w)));
  const rawMin = lows.reduce((s, x) => s + x, 0);
  const rawMax = highs.reduce((s, x) => s + x, 0);
  const range = rawMax - rawMin;

  // Shift each attribute to start at 0 and share the 0-100 scale. Divide by the range rather
  // than multiply by 100 / range, which overflows to Infinity (and 0 x Infinity = NaN) for a
  // range that is positive but tiny, e.g. from a coefficient of 1e-320.
  const scaled = (x: number) => (range > 0 ? (x / range) * 100 : 0);
  const points = attributes.map((a, j) =>
    a.woe.map((w) => round(scaled(a.coefficient * w - lows[j]))),
  );
  const neutralPoints = attributes.map((_, j) => round(scaled(-lows[j])));
  return { points, neutralPoints, rawMin, rawMax };
}
