"""Reference values for the validation metrics' tests (roc-auc, auc-interval, ks-statistic).

Run with Debian's python3 (scikit-learn 1.2, scipy):  /usr/bin/python3 metrics_reference.py
- AUC: sklearn.metrics.roc_auc_score of y == "yes" on raw bank-marketing columns (balance, campaign
  and pdays are heavily tied).
- DeLong: the 95% interval computed here by hand from DeLong, DeLong and Clarke-Pearson (1988):
  psi(won, lost) = 1 if won > lost, 1/2 if equal, 0 otherwise; V10 = row means of psi over lost,
  V01 = column means over won; se^2 = var(V10, ddof=1) / n_won + var(V01, ddof=1) / n_lost;
  interval AUC -+ z_{0.975} se, on the first 3,000 rows with score = balance.
- KS: scipy.stats.ks_2samp(won scores, lost scores).statistic on the same columns.
"""
import gzip
import json
import os

import numpy as np
import pandas as pd
from scipy.stats import ks_2samp, norm
from sklearn.metrics import roc_auc_score

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '../../../../data/bank-marketing/bank-full.csv.gz')

with gzip.open(DATA, 'rt') as f:
    frame = pd.read_csv(f, sep=';')
y = (frame['y'] == 'yes').to_numpy().astype(int)

auc = {}
ks = {}
for column in ['balance', 'campaign', 'pdays', 'duration']:
    score = frame[column].to_numpy(dtype=float)
    auc[column] = roc_auc_score(y, score)
    ks[column] = ks_2samp(score[y == 1], score[y == 0]).statistic


def delong(score, outcome, level):
    won = score[outcome == 1]
    lost = score[outcome == 0]
    psi = (won[:, None] > lost[None, :]) + 0.5 * (won[:, None] == lost[None, :])
    v10 = psi.mean(axis=1)
    v01 = psi.mean(axis=0)
    area = psi.mean()
    se = np.sqrt(v10.var(ddof=1) / len(won) + v01.var(ddof=1) / len(lost))
    z = norm.ppf((1 + level) / 2)
    return {'auc': area, 'se': se, 'lower': max(0, area - z * se), 'upper': min(1, area + z * se)}


subset = slice(0, 3000)
result = {
    'auc': auc,
    'ks': ks,
    'delongBalance3000': delong(frame['balance'].to_numpy(dtype=float)[subset], y[subset], 0.95),
    'delongCampaign3000': delong(frame['campaign'].to_numpy(dtype=float)[subset], y[subset], 0.9),
}
print(json.dumps(result, indent=2))
