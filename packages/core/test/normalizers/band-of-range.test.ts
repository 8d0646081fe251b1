import { describe, expect, it } from 'vitest';
import { bandOfRange } from '../../src/normalizers/band-of-range.js';
import { rangeMidpoint } from '../../src/normalizers/range-midpoint.js';
import { HEADCOUNT_BANDS } from '../../src/normalizers/size-bands.js';

describe('rangeMidpoint and bandOfRange', () => {
  it('uses the geometric midpoint, the lower end of an open range, half of a range from 0', () => {
    expect(rangeMidpoint({ min: 1000, max: 5000 })).toBeCloseTo(2236.068, 3); // sqrt(5e6)
    expect(rangeMidpoint({ min: 10001, max: null })).toBe(10001);
    expect(rangeMidpoint({ min: 0, max: 49 })).toBe(24.5);
    expect(rangeMidpoint({ min: 7, max: 7 })).toBe(7);
  });

  it('places a range that straddles bands by its midpoint', () => {
    // 200-1,000: sqrt(200000) = 447 -> 201-500; 100-1,000,000: 10,000 -> 5001-10000.
    expect(bandOfRange({ min: 200, max: 1000 }, HEADCOUNT_BANDS)).toBe('201-500');
    expect(bandOfRange({ min: 100, max: 1_000_000 }, HEADCOUNT_BANDS)).toBe('5001-10000');
  });
});
