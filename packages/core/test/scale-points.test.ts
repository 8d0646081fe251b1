import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scalePoints } from '../src/scale-points.js';

describe('scalePoints', () => {
  it('maps the lowest total to 0 and the highest to 100 (worked by hand)', () => {
    // Contributions: a: 2 x [-0.5, 0.25] = [-1, 0.5]; b: 1 x [-1, 1] = [-1, 1].
    // rawMin = -1 + -1 = -2, rawMax = 0.5 + 1 = 1.5, range 3.5, 100 / 3.5 = 28.5714...
    // a: [0, 1.5 x 28.5714] = [0, 42.8571]; b: [0, 2 x 28.5714] = [0, 57.1428]
    const s = scalePoints([
      { coefficient: 2, woe: [-0.5, 0.25] },
      { coefficient: 1, woe: [-1, 1] },
    ]);
    expect(s.rawMin).toBe(-2);
    expect(s.rawMax).toBe(1.5);
    expect(s.points[0]).toEqual([0, 42.8571]);
    expect(s.points[1]).toEqual([0, 57.1428]);
    // Neutral (WoE 0): a: 1 x 28.5714 = 28.5714; b: 1 x 28.5714.
    expect(s.neutralPoints).toEqual([28.5714, 28.5714]);
  });

  it('gives every bin 0 when nothing varies', () => {
    const s = scalePoints([{ coefficient: 0, woe: [1, -1] }]);
    expect(s.points).toEqual([[0, 0]]);
    expect(s.neutralPoints).toEqual([0]);
  });

  it('scales a positive but tiny range without overflow (no NaN, no Infinity)', () => {
    // Contributions 5e-324 x [-0.5000000000000001, 0] = [-5e-324, 0] (the product rounds to the
    // smallest double): range 5e-324, so 100 / range overflows; by hand the bins are 0 and 100,
    // and neutral (WoE 0) is the top bin, 100. The attribute with coefficient 0 scores 0.
    const s = scalePoints([
      { coefficient: 5e-324, woe: [-0.5000000000000001, 0] },
      { coefficient: 0, woe: [0] },
    ]);
    expect(s.points).toEqual([[0, 100], [0]]);
    expect(s.neutralPoints).toEqual([100, 0]);
  });

  it('keeps every total within 0 to 100 and preserves the order of contributions', () => {
    const attribute = fc.record({
      coefficient: fc.double({ min: 0, max: 5, noNaN: true }),
      woe: fc.array(fc.double({ min: -4, max: 4, noNaN: true }), { minLength: 1, maxLength: 8 }),
    });
    fc.assert(
      fc.property(fc.array(attribute, { minLength: 1, maxLength: 6 }), (attributes) => {
        const s = scalePoints(attributes);
        const best = s.points.reduce((sum, p) => sum + Math.max(...p), 0);
        const worst = s.points.reduce((sum, p) => sum + Math.min(...p), 0);
        expect(worst).toBeGreaterThanOrEqual(0);
        expect(best).toBeLessThanOrEqual(100);
        attributes.forEach((a, j) => {
          a.woe.forEach((w, i) => {
            a.woe.forEach((v, k) => {
              if (a.coefficient * w > a.coefficient * v + 1e-6) {
                expect(s.points[j][i]).toBeGreaterThanOrEqual(s.points[j][k]);
              }
            });
          });
        });
      }),
    );
  });
});
