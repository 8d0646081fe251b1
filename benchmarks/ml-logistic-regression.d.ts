/**
 * Types for `ml-logistic-regression` 2.0.0, which ships none: the parts the benchmark uses.
 */
declare module 'ml-logistic-regression' {
  import type { Matrix } from 'ml-matrix';

  /** One binary classifier of the one-vs-all scheme (trained on "not this class" = 1). */
  interface TwoClassClassifier {
    testScores(features: Matrix): number[];
  }

  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number });
    classifiers: TwoClassClassifier[];
    train(features: Matrix, target: Matrix): void;
    predict(features: Matrix): number[];
  }
}
