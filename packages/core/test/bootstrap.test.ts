import { describe, expect, it } from 'vitest';

import { stratifiedBootstrap } from '../src/bootstrap.js';

const y = Uint8Array.of(1, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0);

describe('stratifiedBootstrap', () => {
  it('yields the asked number of resamples, each keeping the outcome counts', () => {
    const resamples = [...stratifiedBootstrap(y, 50, 5)];
    expect(resamples).toHaveLength(50);
    for (const rows of resamples) {
      expect(rows).toHaveLength(y.length);
      // The first 4 draws are won rows, the other 8 lost rows.
      expect(Array.from(rows.subarray(0, 4), (r) => y[r])).toEqual([1, 1, 1, 1]);
      expect(Array.from(rows.subarray(4), (r) => y[r]).every((v) => v === 0)).toBe(true);
    }
  });

  it('is reproducible by seed and differs across seeds', () => {
    const first = [...stratifiedBootstrap(y, 5, 99)];
    expect([...stratifiedBootstrap(y, 5, 99)]).toEqual(first);
    expect([...stratifiedBootstrap(y, 5, 100)]).not.toEqual(first);
  });

  it('draws with replacement: every row about once per resample on average', () => {
    // 2,000 resamples of 12 rows: each row's mean count is 1 +- 0.1 (sd of the mean ~0.022).
    const counts = new Float64Array(y.length);
    for (const rows of stratifiedBootstrap(y, 2000, 1)) for (const r of rows) counts[r]++;
    for (const total of counts) expect(Math.abs(total / 2000 - 1)).toBeLessThan(0.1);
  });

  it('returns fresh arrays a caller may keep', () => {
    const [a, b] = [...stratifiedBootstrap(y, 2, 3)];
    expect(a).not.toBe(b);
  });

  it('throws BAD_OPTION on a bad count or label, before iterating', () => {
    expect(() => stratifiedBootstrap(y, -1, 1)).toThrow(
      expect.objectContaining({ code: 'BAD_OPTION' }),
    );
    expect(() => stratifiedBootstrap(Uint8Array.of(2), 1, 1)).toThrow(/0 or 1/);
    expect(() => stratifiedBootstrap(y, 1, 0.5)).toThrow(/seed/);
  });
});
