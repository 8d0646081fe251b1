import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FitgateError } from '../../src/errors.js';
import {
  compileCategoryMatcher,
  MAX_CATEGORY_LENGTH,
} from '../../src/normalizers/compile-category-matcher.js';

const ALIASES = {
  technology: ['tech', 'IT', 'Internet technology'],
  software: ['SaaS'],
  'financial services': ['finance', 'banking'],
  media: [],
  medical: [],
};

describe('compileCategoryMatcher', () => {
  const match = compileCategoryMatcher(ALIASES);

  it('matches labels and aliases by canonical text, with confidence 1', () => {
    expect(match('Technology')).toMatchObject({
      label: 'technology',
      method: 'exact',
      confidence: 1,
    });
    expect(match(' INTERNET–Technology ')).toMatchObject({
      label: 'technology',
      method: 'alias',
      confidence: 1,
      nearest: 'internet technology',
    });
    expect(match('saas')).toMatchObject({ label: 'software', method: 'alias' });
  });

  it('maps the typo "technolgy" to technology with confidence 0.9 (1 edit in 10)', () => {
    expect(match('technolgy')).toEqual({
      label: 'technology',
      method: 'fuzzy',
      confidence: 0.9,
      nearest: 'technology',
      canonical: 'technolgy',
      reason: null,
    });
  });

  it('leaves a value below the floor unmapped, with the closest label in the reason', () => {
    const result = match('Farming');
    expect(result.label).toBeNull();
    expect(result.method).toBeNull();
    expect(result.confidence).toBe(0);
    expect(result.reason).toMatch(/^no label or alias within similarity 0.85 \(closest: "/);
  });

  it('does not confuse short words that differ by two letters', () => {
    // "medic" is 1 - 2/7 = 0.71 from "medical" and 1 - 1/5 = 0.8 from "media": both below 0.85.
    expect(match('medic').label).toBeNull();
  });

  it('calls a value as close to two labels ambiguous', () => {
    const tight = compileCategoryMatcher(
      { alpha: ['abcdefgh'], beta: ['abcdefgj'] },
      { fuzzyFloor: 0.8 },
    );
    const result = tight('abcdefgk'); // one substitution from each: 1 - 1/8 = 0.875
    expect(result.label).toBeNull();
    expect(result.reason).toBe('ambiguous: as close to "abcdefgh" (alpha) as to "abcdefgj" (beta)');
  });

  it('turns fuzzy matching off at floor 1', () => {
    const exactOnly = compileCategoryMatcher(ALIASES, { fuzzyFloor: 1 });
    expect(exactOnly('technolgy').label).toBeNull();
    expect(exactOnly('tech').label).toBe('technology');
  });

  it('refuses long input without comparing it', () => {
    const result = match(`technology ${'x'.repeat(1_000_000)}`);
    expect(result.label).toBeNull();
    expect(result.reason).toBe(`longer than ${MAX_CATEGORY_LENGTH} characters`);
  });

  it('throws when two labels claim one alias, and on a bad floor', () => {
    expect(() => compileCategoryMatcher({ a: ['x'], b: ['X'] })).toThrow(FitgateError);
    expect(() => compileCategoryMatcher({ a: ['x'], b: ['X'] })).toThrow(
      'alias "X" is claimed by both "a" and "b"',
    );
    expect(() => compileCategoryMatcher(ALIASES, { fuzzyFloor: 1.5 })).toThrow(/fuzzyFloor/);
  });

  it('maps a mapped label to itself (property: normalising a normalised value)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 25 }), (text) => {
        const first = match(text);
        if (first.label !== null) expect(match(first.label).label).toBe(first.label);
      }),
      { numRuns: 2000 },
    );
    for (const label of Object.keys(ALIASES)) expect(match(label).label).toBe(label);
  });

  it('gives the same answer every time, whatever the order of the labels (property)', () => {
    const reversed = compileCategoryMatcher(Object.fromEntries(Object.entries(ALIASES).reverse()));
    fc.assert(
      fc.property(fc.string({ maxLength: 15 }), (text) => {
        expect(reversed(text)).toEqual(match(text));
      }),
    );
  });
});
