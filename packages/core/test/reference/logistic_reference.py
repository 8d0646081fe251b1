"""Reference values for packages/core/test/fit-logistic.test.ts.

Run with Debian's python3 (scikit-learn 1.2):  /usr/bin/python3 logistic_reference.py
Fits scikit-learn's LogisticRegression(C = 1 / l2) on the bank-marketing numeric columns age,
balance, day, campaign, previous, each standardised with the population standard deviation
(ddof = 0), outcome y == "yes". Standard errors: sqrt of the diagonal of the inverse penalised
Hessian X~' diag(w p (1 - p)) X~ + l2 * diag(0, 1, ..., 1) at scikit-learn's solution, computed
here with numpy (X~ = [1, X]).
"""
import gzip
import json
import os
import warnings

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '../../../../data/bank-marketing/bank-full.csv.gz')
COLUMNS = ['age', 'balance', 'day', 'campaign', 'previous']

with gzip.open(DATA, 'rt') as f:
    frame = pd.read_csv(f, sep=';')
X = frame[COLUMNS].to_numpy(dtype=float)
X = (X - X.mean(axis=0)) / X.std(axis=0)
y = (frame['y'] == 'yes').to_numpy().astype(int)
n = len(y)


def fit(l2, weights):
    # newton-cg reaches a gradient of ~1e-10 here; lbfgs stops near 1e-2 (checked: maxAbsGradient).
    # At tol = 1e-12 newton-cg may warn that it did not converge: its own test is stricter than
    # rounding allows; the gradient printed below is the real check.
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        model = LogisticRegression(C=1 / l2, tol=1e-12, max_iter=10000, solver='newton-cg')
        model.fit(X, y, sample_weight=weights)
    theta = np.concatenate([model.intercept_, model.coef_[0]])
    w = np.ones(n) if weights is None else weights
    Xt = np.column_stack([np.ones(n), X])
    eta = Xt @ theta
    p = 1 / (1 + np.exp(-eta))
    hessian = Xt.T @ (Xt * (w * p * (1 - p))[:, None]) + l2 * np.diag([0] + [1] * X.shape[1])
    se = np.sqrt(np.diag(np.linalg.inv(hessian)))
    gradient = Xt.T @ (w * (p - y)) + l2 * np.concatenate([[0], theta[1:]])
    objective = np.sum(w * (np.logaddexp(0, eta) - y * eta)) + 0.5 * l2 * np.sum(theta[1:] ** 2)
    return {
        'l2': l2,
        'intercept': theta[0],
        'coefficients': theta[1:].tolist(),
        'interceptStandardError': se[0],
        'standardErrors': se[1:].tolist(),
        'objective': objective,
        'maxAbsGradient': np.max(np.abs(gradient)),
    }


# (a) unweighted, l2 = 1; (b) weights 0.5, 1, 1.5, 2 cycling by row, l2 = 2000 (penalty matters).
weights = 0.5 + (np.arange(n) % 4) * 0.5
print(json.dumps({'n': n, 'plain': fit(1.0, None), 'weighted': fit(2000.0, weights)}, indent=2))
