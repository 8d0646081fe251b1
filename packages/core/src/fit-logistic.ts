/**
 * L2-penalised logistic regression fitted by Newton's method (iteratively reweighted least
 * squares), with an unpenalised intercept, sample weights, standard errors from the penalised
 * Hessian, and a per-column check for (quasi-)complete separation. This is the scorecard's fit of
 * the outcome on the WoE-coded attributes.
 */
import { FitgateError } from './errors.js';

/** Options of {@link fitLogistic}. */
export interface LogisticOptions {
  /**
   * Penalty strength lambda: the fit minimises `-sum_i w_i loglik_i + (l2 / 2) * ||beta||^2`, the
   * intercept not penalised. scikit-learn's `LogisticRegression(C)` is the same fit with
   * `C = 1 / l2`.
   * @default 1
   */
  l2: number;
  /** Non-negative sample weights, one per row; null weighs every row 1. @default null */
  weights: Float64Array | null;
  /** Newton steps allowed before giving up (`converged: false`). @default 100 */
  maxIterations: number;
  /**
   * Convergence: the largest component of the Newton step is below `tolerance`, or a full step
   * changed the objective by less than `tolerance` times its size.
   * @default 1e-10
   */
  tolerance: number;
}

/** A column whose values alone split won from lost, and how. */
export interface Separation {
  /** Index of the column in the design matrix (0-based). */
  column: number;
  /**
   * `complete`: every won row lies strictly on one side of a threshold and every lost row on the
   * other. `quasi`: the same, except that rows of both outcomes share the boundary value.
   */
  kind: 'complete' | 'quasi';
}

/** The result of {@link fitLogistic}. */
export interface LogisticFit {
  intercept: number;
  coefficients: Float64Array;
  /** Standard errors of the coefficients from the inverse penalised Hessian; null if singular. */
  standardErrors: Float64Array | null;
  /** Standard error of the intercept from the same inverse; null if the Hessian is singular. */
  interceptStandardError: number | null;
  /** Newton steps taken. */
  iterations: number;
  converged: boolean;
  /** The penalised negative log-likelihood at the returned coefficients. */
  objective: number;
  /** Columns that (quasi-)completely separate the outcome on their own. */
  separation: Separation[];
}

/** The defaults of {@link LogisticOptions}. */
export const DEFAULT_LOGISTIC_OPTIONS: Readonly<LogisticOptions> = {
  l2: 1,
  weights: null,
  maxIterations: 100,
  tolerance: 1e-10,
};

/** Armijo's sufficient-decrease constant for the line search (the usual textbook value). */
const ARMIJO_FRACTION = 1e-4;

/** Step halvings tried before the line search gives up (2^-50 is below double precision). */
const MAX_HALVINGS = 50;

/**
 * A full Newton step is accepted when it raises the objective by less than this relative amount:
 * near the optimum, the rounding error of a sum over a million rows is larger than the decrease.
 */
const ROUNDING_ALLOWANCE = 1e-12;

/** A Cholesky pivot below this share of its diagonal entry counts as singular. */
const SINGULAR_PIVOT = 1e-13;

/**
 * Ridge added to a singular Hessian (relative to its largest diagonal entry), grown 100-fold per
 * retry: it only keeps Newton's direction defined when `l2 = 0` and columns are collinear.
 */
const JITTER_START = 1e-10;
const JITTER_RETRIES = 8;

/** The rows, outcome and weights of one fit. */
interface Design {
  X: Float64Array;
  n: number;
  p: number;
  y: Uint8Array;
  w: Float64Array | null;
  l2: number;
}

/**
 * Fits an L2-penalised logistic regression of `y` on the columns of `X` by Newton's method.
 *
 * Each Newton step solves the penalised normal equations by Cholesky; a step-halving (Armijo)
 * line search makes every step lower the objective, so the fit never diverges. Rows are
 * accumulated into `X'WX` in one pass without allocating per row: a million rows of ten columns
 * take well under a second per step, and the fit needs a handful of steps.
 *
 * @param X - the design, row-major `n x p` (no intercept column: the intercept is added).
 * @param y - the outcome per row, 1 for won and 0 for lost.
 * @returns coefficients, standard errors, convergence and separated columns.
 * @throws FitgateError `BAD_OPTION` on mismatched sizes, non-finite values or bad options;
 *   `NOT_ENOUGH_OUTCOMES` when the (weighted) rows are all won or all lost.
 *
 * @remarks
 * Separation is tested per column on the data: a column separates completely when a threshold
 * on it puts every won row on one side and every lost row on the other, and quasi-completely
 * when the two sides share only the boundary value. Then the unpenalised coefficient runs off to
 * infinity; with `l2 > 0` the fit stays finite but the coefficient is set by the penalty. A
 * separation by a combination of columns is not detected. With `l2 = 0` and a separating column
 * no optimum exists and `converged` is false.
 *
 * @example
 * const X = Float64Array.from([0, 1, 2, 3]);
 * const fit = fitLogistic(X, 4, 1, Uint8Array.from([0, 1, 0, 1]), { l2: 0 });
 * fit.coefficients[0].toFixed(4); // => '0.9082'
 */
export function fitLogistic(
  X: Float64Array,
  n: number,
  p: number,
  y: Uint8Array,
  options: Partial<LogisticOptions> = {},
): LogisticFit {
  // Validate the inputs and options.
  const settings = resolveOptions(options);
  const design: Design = { X, n, p, y, w: settings.weights, l2: settings.l2 };
  validateDesign(design);

  // Start at beta = 0 and the intercept of the (weighted) base rate.
  const k = p + 1;
  const theta = new Float64Array(k);
  theta[0] = baseLogit(design);

  // Newton iterations.
  const newton = runNewton(design, theta, settings);

  // Standard errors from the penalised Hessian at the returned point.
  const inverseDiagonal = inverseDiagonalOf(newton.hessian, k);
  const separation = detectSeparation(design);
  const hasOptimum = settings.l2 > 0 || separation.length === 0;

  return {
    intercept: theta[0],
    coefficients: theta.slice(1),
    standardErrors: inverseDiagonal ? inverseDiagonal.subarray(1).map(Math.sqrt) : null,
    interceptStandardError: inverseDiagonal ? Math.sqrt(inverseDiagonal[0]) : null,
    iterations: newton.iterations,
    converged: newton.converged && hasOptimum,
    objective: newton.objective,
    separation,
  };
}

/**
 * The linear predictor (log-odds) `intercept + X * coefficients` of a fit for each row of `X`.
 *
 * @param X - row-major `n x p`, the same columns the fit was made on.
 * @throws FitgateError `BAD_OPTION` when `p` or the size of `X` do not match.
 *
 * @example
 * const fit = { intercept: -1, coefficients: Float64Array.of(2) };
 * predictLogit(fit, Float64Array.of(0, 1), 2, 1); // => Float64Array [-1, 1]
 */
export function predictLogit(
  fit: Pick<LogisticFit, 'intercept' | 'coefficients'>,
  X: Float64Array,
  n: number,
  p: number,
): Float64Array {
  if (fit.coefficients.length !== p || X.length !== n * p) {
    throw new FitgateError(
      'BAD_OPTION',
      `predictLogit needs X of ${n} x ${fit.coefficients.length} values; got ${X.length} values ` +
        `for p = ${p}`,
    );
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let eta = fit.intercept;
    const base = i * p;
    for (let j = 0; j < p; j++) eta += X[base + j] * fit.coefficients[j];
    out[i] = eta;
  }
  return out;
}

/** The state Newton's method ends in. */
interface NewtonResult {
  iterations: number;
  converged: boolean;
  objective: number;
  /** The penalised Hessian at the returned point, `k x k` row-major. */
  hessian: Float64Array;
}

/**
 * Newton's method with a step-halving line search; updates `theta` in place.
 * Stops when the step is below the tolerance, when a full step barely changed the objective (then
 * after one more evaluation, so the Hessian belongs to the returned point), or when no step lowers
 * the objective any more.
 */
function runNewton(design: Design, theta: Float64Array, settings: LogisticOptions): NewtonResult {
  const k = design.p + 1;
  const gradient = new Float64Array(k);
  const hessian = new Float64Array(k * k);
  const factor = new Float64Array(k * k);
  const step = new Float64Array(k);
  const candidate = new Float64Array(k);
  let iterations = 0;
  let settled = false;

  for (;;) {
    // Objective, gradient and Hessian at theta; Newton direction from the Cholesky factor.
    const objective = accumulate(design, theta, gradient, hessian);
    factorWithJitter(hessian, factor, k);
    for (let j = 0; j < k; j++) step[j] = -gradient[j];
    solveCholesky(factor, k, step);

    // Converged: the next step is negligible, or the last full step hardly moved the objective.
    if (maxAbs(step) < settings.tolerance || settled) {
      return { iterations, converged: true, objective, hessian };
    }
    if (iterations >= settings.maxIterations) {
      return { iterations, converged: false, objective, hessian };
    }

    // Halve the step until it lowers the objective enough.
    const slope = dot(gradient, step);
    const search = lineSearch(design, theta, step, objective, slope, candidate);
    if (search === null) {
      const decrement = -slope;
      const flat = decrement <= settings.tolerance * Math.max(1, Math.abs(objective));
      return { iterations, converged: flat, objective, hessian };
    }
    theta.set(candidate);
    iterations++;
    const change = Math.abs(objective - search.objective);
    settled = search.scale === 1 && change <= settings.tolerance * Math.max(1, search.objective);
  }
}

/**
 * Backtracking along `step` from `theta`: the first of 1, 1/2, 1/4, ... that meets Armijo's
 * condition (or, for the full step, stays within rounding of the objective). Writes the accepted
 * point into `candidate`; null when none is found.
 */
function lineSearch(
  design: Design,
  theta: Float64Array,
  step: Float64Array,
  objective: number,
  slope: number,
  candidate: Float64Array,
): { scale: number; objective: number } | null {
  let scale = 1;
  for (let halving = 0; halving <= MAX_HALVINGS; halving++) {
    for (let j = 0; j < theta.length; j++) candidate[j] = theta[j] + scale * step[j];
    const value = objectiveAt(design, candidate);
    const enough = value <= objective + ARMIJO_FRACTION * scale * slope;
    const rounding = scale === 1 && value - objective <= ROUNDING_ALLOWANCE * Math.abs(objective);
    if (enough || rounding) return { scale, objective: value };
    scale /= 2;
  }
  return null;
}

/**
 * One pass over the rows: returns the penalised objective and fills its gradient and Hessian
 * (`k x k`, parameter 0 the intercept). Only the upper triangle is summed, then mirrored.
 */
function accumulate(
  design: Design,
  theta: Float64Array,
  gradient: Float64Array,
  hessian: Float64Array,
): number {
  const { X, n, p, y, w } = design;
  const k = p + 1;
  gradient.fill(0);
  hessian.fill(0);
  let loss = 0;

  // Sum the log-loss, w (mu - y) x and w mu (1 - mu) x x' over rows (x with a leading 1).
  for (let i = 0; i < n; i++) {
    const weight = w === null ? 1 : w[i];
    if (weight === 0) continue;
    const base = i * p;
    let eta = theta[0];
    for (let j = 0; j < p; j++) eta += X[base + j] * theta[j + 1];

    // exp(-|eta|) gives mu, 1 - mu and log(1 + exp(eta)) without overflow or cancellation.
    const e = Math.exp(-Math.abs(eta));
    const mu = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
    const oneMinusMu = eta >= 0 ? e / (1 + e) : 1 / (1 + e);
    const won = y[i] === 1;
    loss += weight * (Math.max(eta, 0) + Math.log1p(e) - (won ? eta : 0));
    const residual = weight * (won ? -oneMinusMu : mu);
    const curvature = weight * mu * oneMinusMu;

    gradient[0] += residual;
    hessian[0] += curvature;
    for (let j = 0; j < p; j++) {
      const xj = X[base + j];
      gradient[j + 1] += residual * xj;
      const scaled = curvature * xj;
      hessian[j + 1] += scaled;
      const row = (j + 1) * k + 1;
      for (let m = j; m < p; m++) hessian[row + m] += scaled * X[base + m];
    }
  }

  // Add the penalty on the coefficients (not the intercept), then mirror the upper triangle.
  for (let j = 1; j < k; j++) {
    loss += 0.5 * design.l2 * theta[j] * theta[j];
    gradient[j] += design.l2 * theta[j];
    hessian[j * k + j] += design.l2;
  }
  for (let r = 1; r < k; r++) {
    for (let c = 0; c < r; c++) hessian[r * k + c] = hessian[c * k + r];
  }
  return loss;
}

/** The penalised objective alone (one pass, no gradient): used by the line search. */
function objectiveAt(design: Design, theta: Float64Array): number {
  const { X, n, p, y, w } = design;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const weight = w === null ? 1 : w[i];
    if (weight === 0) continue;
    const base = i * p;
    let eta = theta[0];
    for (let j = 0; j < p; j++) eta += X[base + j] * theta[j + 1];
    const softplus = Math.max(eta, 0) + Math.log1p(Math.exp(-Math.abs(eta)));
    loss += weight * (softplus - (y[i] === 1 ? eta : 0));
  }
  for (let j = 1; j <= p; j++) loss += 0.5 * design.l2 * theta[j] * theta[j];
  return loss;
}

/**
 * Cholesky factor of `hessian` into `factor`; if it is singular (possible only with `l2 = 0`),
 * of `hessian` plus a small ridge, grown until it factors.
 */
function factorWithJitter(hessian: Float64Array, factor: Float64Array, k: number): void {
  factor.set(hessian);
  if (choleskyInPlace(factor, k)) return;

  let largest = 0;
  for (let j = 0; j < k; j++) largest = Math.max(largest, hessian[j * k + j]);
  let ridge = JITTER_START * Math.max(largest, 1);
  for (let attempt = 0; attempt < JITTER_RETRIES; attempt++, ridge *= 100) {
    factor.set(hessian);
    for (let j = 0; j < k; j++) factor[j * k + j] += ridge;
    if (choleskyInPlace(factor, k)) return;
  }
  throw new FitgateError(
    'BAD_OPTION',
    'the logistic fit has a singular Hessian even after regularising it; check for constant or ' +
      'non-finite columns, or use l2 > 0',
  );
}

/**
 * In-place Cholesky decomposition `A = L L'` of a symmetric `k x k` row-major matrix; the lower
 * triangle of `a` becomes `L`. Returns false when `A` is not (numerically) positive definite.
 */
function choleskyInPlace(a: Float64Array, k: number): boolean {
  for (let j = 0; j < k; j++) {
    const rowJ = j * k;
    let pivot = a[rowJ + j];
    for (let m = 0; m < j; m++) pivot -= a[rowJ + m] * a[rowJ + m];
    if (!(pivot > SINGULAR_PIVOT * Math.abs(a[rowJ + j]))) return false;
    const root = Math.sqrt(pivot);
    a[rowJ + j] = root;
    for (let i = j + 1; i < k; i++) {
      const rowI = i * k;
      let sum = a[rowI + j];
      for (let m = 0; m < j; m++) sum -= a[rowI + m] * a[rowJ + m];
      a[rowI + j] = sum / root;
    }
  }
  return true;
}

/** Solves `L L' x = b` in place in `b`, with `L` the lower triangle of `factor`. */
function solveCholesky(factor: Float64Array, k: number, b: Float64Array): void {
  // Forward substitution L z = b.
  for (let i = 0; i < k; i++) {
    let sum = b[i];
    for (let m = 0; m < i; m++) sum -= factor[i * k + m] * b[m];
    b[i] = sum / factor[i * k + i];
  }

  // Back substitution L' x = z.
  for (let i = k - 1; i >= 0; i--) {
    let sum = b[i];
    for (let m = i + 1; m < k; m++) sum -= factor[m * k + i] * b[m];
    b[i] = sum / factor[i * k + i];
  }
}

/** The diagonal of the inverse of a symmetric matrix, or null when it is not positive definite. */
function inverseDiagonalOf(matrix: Float64Array, k: number): Float64Array | null {
  const factor = Float64Array.from(matrix);
  if (!choleskyInPlace(factor, k)) return null;
  const diagonal = new Float64Array(k);
  const unit = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    unit.fill(0);
    unit[j] = 1;
    solveCholesky(factor, k, unit);
    diagonal[j] = unit[j];
  }
  return diagonal;
}

/**
 * Columns that separate the outcome on their own: from the smallest and largest value of each
 * column among won and among lost rows (rows of weight 0 ignored). Constant columns never count.
 */
function detectSeparation(design: Design): Separation[] {
  const { X, n, p, y, w } = design;
  const minWon = new Float64Array(p).fill(Infinity);
  const maxWon = new Float64Array(p).fill(-Infinity);
  const minLost = new Float64Array(p).fill(Infinity);
  const maxLost = new Float64Array(p).fill(-Infinity);

  // Range of each column within each outcome (indexed by y: 0 lost, 1 won).
  const lowest = [minLost, minWon];
  const highest = [maxLost, maxWon];
  for (let i = 0; i < n; i++) {
    if (w !== null && w[i] === 0) continue;
    const lo = lowest[y[i]];
    const hi = highest[y[i]];
    for (let j = 0; j < p; j++) {
      const value = X[i * p + j];
      if (value < lo[j]) lo[j] = value;
      if (value > hi[j]) hi[j] = value;
    }
  }

  // A threshold splits the outcomes when the two ranges do not overlap (or touch at one value).
  const found: Separation[] = [];
  for (let j = 0; j < p; j++) {
    const constant = Math.min(minWon[j], minLost[j]) === Math.max(maxWon[j], maxLost[j]);
    if (constant) continue;
    if (maxLost[j] < minWon[j] || maxWon[j] < minLost[j]) {
      found.push({ column: j, kind: 'complete' });
    } else if (maxLost[j] === minWon[j] || maxWon[j] === minLost[j]) {
      found.push({ column: j, kind: 'quasi' });
    }
  }
  return found;
}

/** The log-odds of the weighted share of won rows. */
function baseLogit(design: Design): number {
  let won = 0;
  let total = 0;
  for (let i = 0; i < design.n; i++) {
    const weight = design.w === null ? 1 : design.w[i];
    total += weight;
    if (design.y[i] === 1) won += weight;
  }
  if (!(won > 0 && won < total)) {
    throw new FitgateError(
      'NOT_ENOUGH_OUTCOMES',
      `the logistic fit needs both won and lost rows (with weight > 0); got ${won} of ${total} ` +
        'weight won',
    );
  }
  return Math.log(won / (total - won));
}

/** Merges options with the defaults and checks them. */
function resolveOptions(options: Partial<LogisticOptions>): LogisticOptions {
  const settings = { ...DEFAULT_LOGISTIC_OPTIONS, ...options };
  if (!(Number.isFinite(settings.l2) && settings.l2 >= 0)) {
    throw badOption('l2 must be a finite number >= 0', settings.l2);
  }
  if (!(Number.isInteger(settings.maxIterations) && settings.maxIterations >= 0)) {
    throw badOption('maxIterations must be an integer >= 0', settings.maxIterations);
  }
  if (!(settings.tolerance > 0)) {
    throw badOption('tolerance must be > 0', settings.tolerance);
  }
  return settings;
}

/** Checks sizes, that X and the weights are finite and that y holds only 0 and 1. */
function validateDesign({ X, n, p, y, w }: Design): void {
  if (!(Number.isInteger(n) && n > 0 && Number.isInteger(p) && p >= 0)) {
    throw badOption('n must be an integer > 0 and p an integer >= 0', { n, p });
  }
  if (X.length !== n * p || y.length !== n || (w !== null && w.length !== n)) {
    throw badOption(
      `X must hold n * p = ${n * p} values, y and weights ${n}; got ${X.length}, ${y.length}, ` +
        `${w === null ? 'no weights' : w.length}`,
      X.length,
    );
  }
  for (let i = 0; i < X.length; i++) {
    if (!Number.isFinite(X[i])) {
      const where = { row: Math.floor(i / p), value: X[i] };
      throw new FitgateError(
        'BAD_OPTION',
        `X has a non-finite value at row ${where.row}, column ${i % p}; got ${X[i]}`,
        where,
      );
    }
  }
  for (let i = 0; i < n; i++) {
    if (y[i] > 1) throw badOption(`y must hold 0 or 1; got ${y[i]} at row ${i}`, y[i]);
    if (w !== null && !(w[i] >= 0 && Number.isFinite(w[i]))) {
      throw badOption(`weights must be finite and >= 0; got ${w[i]} at row ${i}`, w[i]);
    }
  }
}

function badOption(message: string, value: unknown): FitgateError {
  return new FitgateError('BAD_OPTION', message, { value });
}

function maxAbs(values: Float64Array): number {
  let largest = 0;
  for (let j = 0; j < values.length; j++) largest = Math.max(largest, Math.abs(values[j]));
  return largest;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let j = 0; j < a.length; j++) sum += a[j] * b[j];
  return sum;
}
