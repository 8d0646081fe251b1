import { describe, expect, it } from 'vitest';

import { aucInterval } from '../src/auc-interval.js';
import { rocAuc } from '../src/roc-auc.js';
import { readBank } from './reference/read-bank.js';

/**
 * DeLong intervals computed by hand in numpy from DeLong, DeLong and Clarke-Pearson (1988) (the
 * full won x lost psi matrix, ties 1/2, variances with ddof = 1, z from scipy's norm.ppf) on the
 * first 3,000 bank-marketing rows, outcome y == "yes": `test/reference/metrics_reference.py`.
 */
const DELONG_BALANCE_95 = {
  auc: 0.5640953299181147,
  lower: 0.4947616905735879,
  upper: 0.6334289692626416,
};
const DELONG_CAMPAIGN_90 = {
  auc: 0.45971271287726984,
  lower: 0.4114090416386062,
  upper: 0.5080163841159335,
};

/** Acklam's quantile is accurate to ~1e-9 relative; on z * se ~ 0.07 that is ~1e-10. */
const DELONG_TOLERANCE = 1e-9;

function firstRows(column: string, rows: number) {
  const bank = readBank();
  return { scores: bank.numeric(column).subarray(0, rows), y: bank.y.subarray(0, rows) };
}

describe('aucInterval (DeLong)', () => {
  it('matches the DeLong formulas on bank balance, 95%', () => {
    const { scores, y } = firstRows('balance', 3000);
    expect(rocAuc(scores, y)).toBeCloseTo(DELONG_BALANCE_95.auc, 12);
    const [lower, upper] = aucInterval(scores, y);
    expect(Math.abs(lower - DELONG_BALANCE_95.lower)).toBeLessThan(DELONG_TOLERANCE);
    expect(Math.abs(upper - DELONG_BALANCE_95.upper)).toBeLessThan(DELONG_TOLERANCE);
  });

  it('matches the DeLong formulas on bank campaign (heavy ties), 90%', () => {
    const { scores, y } = firstRows('campaign', 3000);
    const [lower, upper] = aucInterval(scores, y, { method: 'delong', level: 0.9 });
    expect(Math.abs(lower - DELONG_CAMPAIGN_90.lower)).toBeLessThan(DELONG_TOLERANCE);
    expect(Math.abs(upper - DELONG_CAMPAIGN_90.upper)).toBeLessThan(DELONG_TOLERANCE);
  });

  it('clips to [0, 1]', () => {
    const [lower, upper] = aucInterval([1, 2, 3, 4, 5, 6], Uint8Array.of(0, 0, 0, 1, 1, 1));
    expect(lower).toBe(1);
    expect(upper).toBe(1);
  });
});

describe('aucInterval (bootstrap)', () => {
  const { scores, y } = firstRows('balance', 3000);

  it('contains the point estimate and is reproducible by seed', () => {
    const options = { method: 'bootstrap', resamples: 400, seed: 11 } as const;
    const [lower, upper] = aucInterval(scores, y, options);
    const auc = rocAuc(scores, y);
    expect(lower).toBeLessThan(auc);
    expect(upper).toBeGreaterThan(auc);
    expect(aucInterval(scores, y, options)).toEqual([lower, upper]);
    expect(aucInterval(scores, y, { ...options, seed: 12 })).not.toEqual([lower, upper]);
  });

  it('has about the width of the DeLong interval', () => {
    // Both estimate the same sampling spread; 1,000 resamples pin the width to a few percent.
    const [bLower, bUpper] = aucInterval(scores, y, { method: 'bootstrap', seed: 3 });
    const width = DELONG_BALANCE_95.upper - DELONG_BALANCE_95.lower;
    expect((bUpper - bLower) / width).toBeGreaterThan(0.85);
    expect((bUpper - bLower) / width).toBeLessThan(1.15);
  });

  it('gives a degenerate interval when every resample has the same AUC', () => {
    const perfect = aucInterval([1, 2, 3, 4], Uint8Array.of(0, 0, 1, 1), { method: 'bootstrap' });
    expect(perfect).toEqual([1, 1]);
  });
});

describe('aucInterval misuse', () => {
  it('needs two rows of each outcome and valid options', () => {
    expect(() => aucInterval([1, 2, 3], Uint8Array.of(0, 1, 1))).toThrow(
      expect.objectContaining({ code: 'NOT_ENOUGH_OUTCOMES' }),
    );
    const s = [1, 2, 3, 4];
    const y = Uint8Array.of(0, 1, 0, 1);
    expect(() => aucInterval(s, y, { level: 1 })).toThrow(/level/);
    expect(() => aucInterval(s, y, { method: 'bootstrap', resamples: 0 })).toThrow(/resamples/);
  });
});
