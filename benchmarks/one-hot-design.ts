/**
 * The design matrix a generic logistic regression needs, built the way the scikit-learn pipeline
 * builds it: text columns one-hot encoded on the levels seen in training, numeric columns
 * standardised with the training mean and standard deviation, plus a column of ones (an
 * intercept, which `ml-logistic-regression` lacks).
 */
import { Matrix } from 'ml-matrix';

import type { Table } from '@fitgate/io';

/** How one source column becomes design columns. */
type Encoder =
  | { kind: 'numeric'; values: Float64Array; mean: number; sd: number }
  | { kind: 'onehot'; values: string[]; levels: Map<string, number> };

/** The design rows of the training and the held-out data, and their outcomes. */
export interface Design {
  train: Matrix;
  yTrain: number[];
  heldOut: Matrix;
  yHeldOut: Uint8Array;
  features: number;
}

/** A column is numeric when every cell parses as a finite number (pandas' rule, near enough). */
function numericValues(cells: readonly string[]): Float64Array | null {
  const values = new Float64Array(cells.length);
  for (let r = 0; r < cells.length; r++) {
    const x = cells[r].trim() === '' ? NaN : Number(cells[r]);
    if (!Number.isFinite(x)) return null;
    values[r] = x;
  }
  return values;
}

function encoderFor(cells: readonly string[], train: Uint8Array): Encoder {
  const numeric = numericValues(cells);
  if (numeric === null) {
    const levels = new Map<string, number>();
    for (let r = 0; r < cells.length; r++) {
      if (train[r] === 1 && !levels.has(cells[r])) levels.set(cells[r], levels.size);
    }
    return { kind: 'onehot', values: cells as string[], levels };
  }

  // Standardise with the training rows' mean and (population) standard deviation.
  let n = 0;
  let sum = 0;
  let sumSquares = 0;
  for (let r = 0; r < numeric.length; r++) {
    if (train[r] !== 1) continue;
    n++;
    sum += numeric[r];
    sumSquares += numeric[r] * numeric[r];
  }
  const mean = sum / n;
  const sd = Math.sqrt(Math.max(sumSquares / n - mean * mean, 0)) || 1;
  return { kind: 'numeric', values: numeric, mean, sd };
}

function width(e: Encoder): number {
  return e.kind === 'numeric' ? 1 : e.levels.size;
}

/** Fills the design row of source row `r` (zeros already there) starting after the intercept. */
function fillRow(row: Float64Array, encoders: readonly Encoder[], r: number): void {
  row[0] = 1;
  let offset = 1;
  for (const e of encoders) {
    if (e.kind === 'numeric') row[offset] = (e.values[r] - e.mean) / e.sd;
    else {
      const level = e.levels.get(e.values[r]);
      if (level !== undefined) row[offset + level] = 1;
    }
    offset += width(e);
  }
}

/**
 * Builds the training and held-out design matrices for `columns` of `table`.
 *
 * @param heldOutMask - one byte per row, 1 = held out, 0 = training.
 * @param won - the outcome value that means won (1); every other value is lost (0).
 */
export function oneHotDesign(
  table: Table,
  columns: readonly string[],
  outcome: string,
  won: string,
  heldOutMask: Uint8Array,
): Design {
  const train = heldOutMask.map((v) => 1 - v);
  const encoders = columns.map((name) =>
    encoderFor(table.data[table.columns.indexOf(name)], train),
  );
  const features = 1 + encoders.reduce((sum, e) => sum + width(e), 0);
  const y = table.data[table.columns.indexOf(outcome)];

  // Split the rows, filling each design row in place.
  const trainRows: Float64Array[] = [];
  const heldOutRows: Float64Array[] = [];
  const yTrain: number[] = [];
  const yHeldOut: number[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    const row = new Float64Array(features);
    fillRow(row, encoders, r);
    (train[r] === 1 ? trainRows : heldOutRows).push(row);
    (train[r] === 1 ? yTrain : yHeldOut).push(y[r] === won ? 1 : 0);
  }
  return {
    train: new Matrix(trainRows as unknown as number[][]),
    yTrain,
    heldOut: new Matrix(heldOutRows as unknown as number[][]),
    yHeldOut: Uint8Array.from(yHeldOut),
    features,
  };
}
