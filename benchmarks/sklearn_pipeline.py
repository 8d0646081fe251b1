"""One timed scikit-learn pipeline, end to end in a fresh process, for the fitgate benchmarks.

Reads the CSV with pandas, one-hot encodes the text columns and standardises the numeric ones
(fitted on the training rows), fits LogisticRegression (lbfgs, C = 1, the same L2 strength as
fitgate's default l2 = 1) and scores the held-out rows. The held-out rows are given by a mask file
written by benchmarks/held-out-mask.ts (one byte per data row, 1 = held out), the same split
fitgate's deriveIcp uses. Prints one JSON line.

Usage: /usr/bin/python3 benchmarks/sklearn_pipeline.py DATA.csv fit|all|all-but-leak MASK.bin
"""

import json
import resource
import sys
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

# Kept in step with FIT_COLUMNS and OUTCOME in benchmarks/bench-config.ts.
FIT_COLUMNS = ["age", "job", "marital", "education", "default", "balance", "housing", "loan"]
OUTCOME, WON = "y", "yes"
# fitgate's derive flags `duration` (call length, known only after the call) as suspected leakage
# and leaves it out; the column set `all-but-leak` gives scikit-learn's like-for-like AUC.
LEAK_COLUMNS = ["duration"]
# lbfgs stops at its tolerance well before this on bank-marketing; the cap only bounds the run.
MAX_ITER = 1000


def columns_of(column_set, header):
    """The columns of a set: `fit`, `all` (but the outcome) or `all-but-leak`."""
    if column_set == "fit":
        return FIT_COLUMNS
    dropped = [OUTCOME] + (LEAK_COLUMNS if column_set == "all-but-leak" else [])
    return [c for c in header if c not in dropped]


def pipeline_for(frame, columns):
    """One-hot for text columns, standardisation for numeric ones, then the logistic fit."""
    numeric = [c for c in columns if pd.api.types.is_numeric_dtype(frame[c])]
    text = [c for c in columns if c not in numeric]
    encode = ColumnTransformer(
        [
            ("onehot", OneHotEncoder(handle_unknown="ignore"), text),
            ("scale", StandardScaler(), numeric),
        ]
    )
    model = LogisticRegression(C=1.0, max_iter=MAX_ITER)
    return Pipeline([("encode", encode), ("model", model)])


def main():
    path, column_set, mask_path = sys.argv[1:4]

    # Timed: read, split, encode, fit, score the held-out rows.
    start = time.perf_counter()
    frame = pd.read_csv(path, sep=";")
    read_seconds = time.perf_counter() - start
    held_out = np.fromfile(mask_path, dtype=np.uint8) == 1
    if len(held_out) != len(frame):
        raise SystemExit(f"mask has {len(held_out)} rows, data {len(frame)}")
    columns = columns_of(column_set, frame.columns)
    y = (frame[OUTCOME] == WON).to_numpy(dtype=np.int8)
    pipeline = pipeline_for(frame, columns)
    pipeline.fit(frame.loc[~held_out, columns], y[~held_out])
    scores = pipeline.predict_proba(frame.loc[held_out, columns])[:, 1]
    auc = roc_auc_score(y[held_out], scores)
    seconds = time.perf_counter() - start
    model = pipeline.named_steps["model"]
    print(
        json.dumps(
            {
                "rows": len(frame),
                "readSeconds": read_seconds,
                "fitSeconds": seconds - read_seconds,
                "seconds": seconds,
                "auc": auc,
                "nHeldOut": int(held_out.sum()),
                "features": int(model.coef_.shape[1]),
                "iterations": int(model.n_iter_[0]),
                "sklearn": sklearn.__version__,
                # ru_maxrss is in kilobytes on Linux.
                "selfMaxRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    )


if __name__ == "__main__":
    main()
