/**
 * The fit: L2-penalised logistic regression of won/lost on the WoE-coded attributes (Newton /
 * IRLS, in fit-logistic.ts). On WoE coding every coefficient should be positive; a negative one
 * means two attributes carry the same information, so the weaker is dropped and the fit redone.
 */
import { fitLogistic, type LogisticFit } from './fit-logistic.js';
import type { PreparedAttribute } from './prepare-attribute.js';
import type { Exclusion, Warning } from './schema.js';

export interface FittedScorecard {
  attributes: PreparedAttribute[];
  fit: LogisticFit;
  excluded: Exclusion[];
  warnings: Warning[];
}

/** Row-major design matrix of the training deals. */
function design(attributes: readonly PreparedAttribute[], train: Uint8Array): Float64Array {
  const n = train.reduce((s, t) => s + t, 0);
  const p = attributes.length;
  const X = new Float64Array(n * p);
  let row = 0;
  for (let k = 0; k < train.length; k++) {
    if (train[k] !== 1) continue;
    for (let j = 0; j < p; j++) X[row * p + j] = attributes[j].woe[k];
    row += 1;
  }
  return X;
}

function subset<T extends ArrayLike<number>>(values: T, train: Uint8Array): number[] {
  const out: number[] = [];
  for (let k = 0; k < train.length; k++) if (train[k] === 1) out.push(values[k]);
  return out;
}

/**
 * Fit the scorecard; drop attributes with negative coefficients one at a time (weakest IV first)
 * until every coefficient is >= 0.
 */
export function fitScorecard(
  selected: readonly PreparedAttribute[],
  y: Uint8Array,
  train: Uint8Array,
  weights: Float64Array | null,
  l2: number,
): FittedScorecard {
  const yTrain = Uint8Array.from(subset(y, train));
  const wTrain = weights === null ? null : Float64Array.from(subset(weights, train));
  const excluded: Exclusion[] = [];
  let attributes = [...selected];

  for (;;) {
    // Fit on the current attributes.
    const X = design(attributes, train);
    const fit = fitLogistic(X, yTrain.length, attributes.length, yTrain, { l2, weights: wTrain });

    // Drop the weakest attribute with a negative coefficient, if any, and fit again.
    const negative = attributes
      .map((a, j) => ({ a, beta: fit.coefficients[j] }))
      .filter(({ beta }) => beta < 0)
      .sort((p, q) => p.a.iv - q.a.iv);
    if (negative.length > 0) {
      const { a, beta } = negative[0];
      const reason =
        `negative coefficient (${beta.toFixed(3)}) on WoE coding: its information is ` +
        'carried by attributes already in the fit';
      excluded.push({ attribute: a.name, reason, code: 'NEGATIVE_COEFFICIENT', iv: a.iv });
      attributes = attributes.filter((x) => x !== a);
      continue;
    }
    return { attributes, fit, excluded, warnings: fitWarnings(fit, attributes) };
  }
}

function fitWarnings(fit: LogisticFit, attributes: readonly PreparedAttribute[]): Warning[] {
  const warnings: Warning[] = [];
  for (const s of fit.separation) {
    const name = attributes[s.column]?.name;
    warnings.push({
      code: 'SEPARATION',
      message:
        `${name}: ${s.kind === 'complete' ? 'complete' : 'quasi-complete'} separation; the ` +
        'L2 penalty keeps its coefficient finite, but check it for leakage',
      attribute: name,
    });
  }
  if (!fit.converged) {
    warnings.push({
      code: 'NOT_CONVERGED',
      message: `the logistic fit did not converge in ${fit.iterations} iterations`,
    });
  }
  return warnings;
}
