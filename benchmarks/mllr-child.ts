/**
 * One timed `ml-logistic-regression` fit, end to end in a fresh process: read the CSV with
 * `@fitgate/io`, build the one-hot / standardised design (see `oneHotDesign`), train, and score
 * the held-out rows. The library runs a fixed number of plain gradient steps (no intercept of its
 * own, no penalty, no convergence test) and, with two classes, trains two one-vs-all classifiers.
 *
 * Usage: `node --import tsx benchmarks/mllr-child.ts DATA.csv fit|all MASK.bin STEPS RATE`
 * where RATE is the learning rate times the number of training rows (the library sums the
 * gradient over rows, so a fixed rate diverges as the data grows).
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';

import LogisticRegression from 'ml-logistic-regression';
import { Matrix } from 'ml-matrix';

import { rocAuc } from '@fitgate/core';
import { readTable } from '@fitgate/io';

import { columnsOf, OUTCOME, type ColumnSet } from './bench-config.js';
import { reportFigures, secondsSince } from './child-report.js';
import { oneHotDesign } from './one-hot-design.js';

const [path, set, maskPath, steps, rate] = process.argv.slice(2) as [
  string,
  ColumnSet,
  string,
  string,
  string,
];
const mask = new Uint8Array(await readFile(maskPath));

// Timed: read, encode, train, score the held-out rows.
const start = performance.now();
const table = await readTable(path);
const readSeconds = secondsSince(start);
const columns = columnsOf(set, table.columns);
const design = oneHotDesign(table, columns, OUTCOME.column, OUTCOME.won, mask);
const designSeconds = secondsSince(start) - readSeconds;
const nTrain = design.train.rows;
const model = new LogisticRegression({
  numSteps: Number(steps),
  learningRate: Number(rate) / nTrain,
});
const trainStart = performance.now();
model.train(design.train, Matrix.columnVector(design.yTrain));
const trainSeconds = secondsSince(trainStart);
// Classifier 0 was trained on "not class 0" = won, so its score is P(won).
const scores = model.classifiers[0].testScores(design.heldOut);
const seconds = secondsSince(start);

// A diverged fit gives NaN scores; report that rather than failing.
const finite = scores.every(Number.isFinite);
reportFigures({
  rows: table.rowCount,
  readSeconds,
  designSeconds,
  trainSeconds,
  fitSeconds: seconds - readSeconds,
  seconds,
  auc: finite ? rocAuc(scores, design.yHeldOut) : null,
  nHeldOut: design.yHeldOut.length,
  features: design.features,
  numSteps: Number(steps),
  learningRate: Number(rate) / nTrain,
});
