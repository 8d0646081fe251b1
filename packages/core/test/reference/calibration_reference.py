"""Reference values for packages/core/test/calibrate.test.ts.

Run with Debian's python3 (scikit-learn 1.2):  /usr/bin/python3 calibration_reference.py
- Platt: LogisticRegression(C=1e12, tol=1e-12, solver='newton-cg') of y == "yes" on one feature,
  bank-marketing `age` (first 5,000 rows) and `duration` / 100 (all rows);
  p = 1 / (1 + exp(-(a s + b))).
- Isotonic: IsotonicRegression(out_of_bounds='clip') on a small example with tied scores, and on
  bank-marketing `age` (first 2,000 rows): its X_thresholds_, y_thresholds_ and predictions.
"""
import gzip
import json
import os
import warnings

import numpy as np
import pandas as pd
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '../../../../data/bank-marketing/bank-full.csv.gz')

with gzip.open(DATA, 'rt') as f:
    frame = pd.read_csv(f, sep=';')
y = (frame['y'] == 'yes').to_numpy().astype(int)


def platt(score, outcome):
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        model = LogisticRegression(C=1e12, tol=1e-12, max_iter=10000, solver='newton-cg')
        model.fit(score[:, None], outcome)
    return {'a': model.coef_[0][0], 'b': model.intercept_[0]}


def isotonic(score, outcome, grid):
    model = IsotonicRegression(out_of_bounds='clip').fit(score, outcome)
    return {
        'x': model.X_thresholds_.tolist(),
        'y': model.y_thresholds_.tolist(),
        'grid': grid,
        'predictions': model.predict(grid).tolist(),
    }


age = frame['age'].to_numpy(dtype=float)
duration = frame['duration'].to_numpy(dtype=float) / 100
small_scores = np.array([1, 2, 2, 3, 4, 4, 4, 5, 6, 7, 7, 8], dtype=float)
small_y = np.array([0, 1, 0, 0, 1, 0, 0, 1, 1, 0, 1, 1])
result = {
    'plattAge5000': platt(age[:5000], y[:5000]),
    'plattDuration': platt(duration, y),
    'isotonicSmall': isotonic(small_scores, small_y, [0, 1, 1.5, 2, 3.25, 4.5, 6.5, 8, 9]),
    'isotonicAge2000': isotonic(age[:2000], y[:2000], [20, 25.5, 33, 40.25, 47, 58.5, 61, 70]),
}
print(json.dumps(result, indent=2))
